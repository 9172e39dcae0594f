//! When a gazetteer name inside a longer word counts, and the other mention rules, one line
//! per case. Decisions:
//! - a country inside a nationality word counts (美国人 → usa); inside another name it does
//!   not (中美洲 is not China + USA);
//! - one-character abbreviations count only in compounds: runs (中美, 俄美关系), side words
//!   (美方, never 西方), and after a verb-like prefix (访华, 对俄);
//! - a short name must line up with jieba's words (加纳 is not in 增加纳税);
//! - a role phrase alone is its holder at the article's date (美国总统 → 拜登 in 2021).

mod common;

use common::ANALYZER;
use newsgraph::Article;

/// (mention text, entity id) pairs, in text order.
fn mentions(text: &str, date: &str) -> Vec<(String, String)> {
    let doc = ANALYZER.analyze(&Article::new("t", text).with_date(date));
    let mut out: Vec<(usize, String, String)> = doc
        .entities
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(move |m| (m.span.start, m.text.clone(), e.id.to_string()))
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, t, id)| (t, id)).collect()
}

#[test]
fn mention_cases() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("美国人喜欢旅行", &[("美国", "usa")]),
        // 该 + an organization head takes up the organization named that way before.
        (
            "欧盟外长会议决定，该联盟将对俄实施新制裁。",
            &[("欧盟", "eu"), ("该联盟", "eu"), ("俄", "rus")],
        ),
        ("俄美关系状况令人遗憾", &[("俄", "rus"), ("美", "usa")]),
        ("中美两国元首会晤", &[("中", "chn"), ("美", "usa")]),
        ("美方对此表示关切", &[("美", "usa")]),
        ("西方国家表示关切", &[]),
        ("他计划明年访华", &[("华", "chn")]),
        ("中美洲国家", &[("中美洲", "central-america")]),
        ("政府决定增加纳税人的负担", &[]),
        // Provinces' one-character abbreviations, in runs and after verbs; not a province
        // with a country (马津, a person's name: not Malaysia and Tianjin).
        (
            "京沪两地的观众",
            &[("京", "cn-beijing"), ("沪", "cn-shanghai")],
        ),
        ("外长昨天抵京访问", &[("京", "cn-beijing")]),
        ("会议今天在京举行", &[("京", "cn-beijing")]),
        // Not on the statistical model's word alone: 藏家 is a collector.
        ("藏家姚远利收藏了这幅画", &[("姚远利", "person:姚远利")]),
        ("《九岁》作者马津说", &[]),
        // An ambiguous alias in a list of places is the place (哈萨克 is also a people).
        (
            "阿塞拜疆、哈萨克和巴林",
            &[("阿塞拜疆", "aze"), ("哈萨克", "kaz"), ("巴林", "bhr")],
        ),
        ("哈萨克牧民迁往草原", &[]),
        // A Chinese name glossed with its Latin form: one person, and the Latin surname later.
        (
            "前主席祈文辉（Matthew Gearing）辞职。Gearing说，他很遗憾。",
            &[
                ("祈文辉", "person:祈文辉"),
                ("Matthew Gearing", "person:祈文辉"),
                ("Gearing", "person:祈文辉"),
            ],
        ),
        // A bare surname with an honorific: the person of that surname named before, or a
        // person of its own; never inside a word (王国) nor before a word that only starts
        // with a title character (高总量).
        (
            "外长王毅表示关切。王部长还说，双方应当对话。",
            &[("王毅", "wang-yi"), ("王", "wang-yi")],
        ),
        (
            "六十年代初，吴先生到了北京。",
            &[("吴", "person:吴"), ("北京", "cn-beijing")],
        ),
        (
            "老王说，小李也同意。",
            &[("王", "person:王"), ("李", "person:李")],
        ),
        ("改革提高总量，王国维持稳定。", &[]),
        // A transliterated name after a profession needs three characters.
        (
            "首席经济学家阿里夫侯赛因博士说",
            &[("阿里夫侯赛因", "person:阿里夫侯赛因")],
        ),
        ("专家基本认为风险可控", &[]),
        // An organization named from a city after its province: the province stands apart.
        (
            "河南省郑州市公安局表示。",
            &[("河南省", "cn-henan"), ("郑州市公安局", "org:郑州市公安局")],
        ),
        (
            "北京市公安局通报。",
            &[("北京市公安局", "org:北京市公安局")],
        ),
        // A role with a Chinese name right after it is that person's title, not the holder
        // at the article's date.
        (
            "国务院总理李鹏今天会见外宾。",
            &[("国务院", "org:国务院"), ("李鹏", "person:李鹏")],
        ),
        // A Latin organization name that starts a longer one is that organization.
        (
            "制裁Essex Court Chambers。Essex Court表示遗憾。",
            &[
                ("Essex Court Chambers", "org:Essex Court Chambers"),
                ("Essex Court", "org:Essex Court Chambers"),
            ],
        ),
        // Not after a title nor a person word: a product, not a person.
        ("他们升级了系统（Windows Vista）", &[]),
        (
            "北约秘书长表示",
            &[("北约", "nato"), ("秘书长", "jens-stoltenberg")],
        ),
        (
            "杰克·沙利文和杰克•沙利文",
            &[
                ("杰克·沙利文", "jake-sullivan"),
                ("杰克•沙利文", "jake-sullivan"),
            ],
        ),
        ("美國總統拜登", &[("美國", "usa"), ("拜登", "joe-biden")]),
        (
            "乌克兰总统新闻秘书谢尔盖·尼基福罗夫表示，尼基福罗夫",
            &[
                ("乌克兰", "ukr"),
                ("谢尔盖·尼基福罗夫", "serhii-nykyforov"),
                ("尼基福罗夫", "serhii-nykyforov"),
            ],
        ),
        ("明斯克协议", &[("明斯克协议", "other:明斯克协议")]),
    ];
    for (text, want) in cases {
        let got = mentions(text, "2018-06-01");
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn role_phrases_resolve_by_date() {
    for (date, holder) in [
        ("2021-12-08", "joe-biden"),
        ("2019-05-01", "donald-trump"),
        ("2012-01-01", "barack-obama"),
    ] {
        let got = mentions("美国总统表示关切", date);
        assert_eq!(got[1], ("总统".to_string(), holder.to_string()), "{date}");
    }
    // A former holder is not the current one.
    assert_eq!(mentions("前美国总统表示", "2021-12-08").len(), 1);
}

/// The recognisers can be turned off: dictionary names, roles and abbreviations stay, unknown
/// names and descriptions go; without the model only the rules find unknown names.
#[test]
fn a_country_and_a_place_in_it_line_up_together() {
    // jieba reads 英国伦敦 as one word, so neither two-character name lines up with its words
    // alone; together they do. The dictionaries alone must find them (no model to fall back on).
    let dictionaries_only = newsgraph::Analyzer::builder()
        .recognizers(false)
        .build()
        .unwrap();
    let cases: &[(&str, &[&str])] = &[
        ("制裁英国伦敦的一家律师事务所", &["gbr", "london"]),
        ("美国纽约州长表示", &["usa", "new-york"]),
        // Not two names: 马里兰州 is a word of its own and 兰州 is not in 马里.
        ("师生在马里兰州伍顿高中", &[]),
    ];
    for &(text, want) in cases {
        let doc = dictionaries_only.analyze(&Article::new("t", text));
        let got: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn recognizers_can_be_turned_off() {
    let text = "乌克兰官员伊万·彼得连科说，拜登将与普京通话。这位乌克兰官员还说，中方表示关切。";
    let dictionaries_only = newsgraph::Analyzer::builder()
        .recognizers(false)
        .build()
        .unwrap();
    let doc = dictionaries_only.analyze(&Article::new("t", text).with_date("2021-12-08"));
    let mut rules: Vec<String> = doc.entities.iter().map(|e| e.id.to_string()).collect();
    rules.sort();
    assert_eq!(rules, ["chn", "joe-biden", "ukr", "vladimir-putin"]);
    let all: Vec<(String, Vec<String>)> = ANALYZER
        .analyze(&Article::new("t", text).with_date("2021-12-08"))
        .entities
        .iter()
        .map(|e| {
            (
                e.id.to_string(),
                e.mentions.iter().map(|m| format!("{:?}", m.rule)).collect(),
            )
        })
        .collect();
    let petrenko = all
        .iter()
        .find(|(id, _)| id == "person:伊万·彼得连科")
        .expect("the unknown name is found with the recognisers on");
    assert!(petrenko.1.iter().any(|r| r == "Coreference"), "{all:?}");
    let no_model = newsgraph::Analyzer::builder()
        .ner_model(false)
        .build()
        .unwrap();
    let doc = no_model.analyze(&Article::new("t", "会议由张伟主持，李娜和王强出席。"));
    assert!(
        doc.entities
            .iter()
            .flat_map(|e| &e.mentions)
            .all(|m| format!("{:?}", m.rule) != "Model"),
        "{:?}",
        doc.entities
    );
}
