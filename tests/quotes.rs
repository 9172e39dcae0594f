//! Quote extraction rules, one line per case, through the built-in analyzer.

mod common;

use common::ANALYZER;
use newsgraph::{Article, QuoteKind};

/// (speaker id or "-" for anonymous, speaker_text, content, kind) of each top-level quote.
fn quotes(text: &str) -> Vec<(String, String, String, QuoteKind)> {
    let doc = ANALYZER.analyze(&Article::new("t", text).with_date("2021-12-08"));
    doc.quotes
        .iter()
        .filter(|q| q.parent.is_none())
        .map(|q| {
            (
                q.speaker
                    .as_ref()
                    .map_or("-".to_string(), |s| s.to_string()),
                q.speaker_text.clone().unwrap_or_default(),
                q.content.text.clone(),
                q.kind,
            )
        })
        .collect()
}

#[test]
fn reported_speech() {
    use QuoteKind::*;
    type Want<'a> = &'a [(&'a str, &'a str, &'a str, QuoteKind)];
    let cases: &[(&str, Want)] = &[
        (
            "普京7日表示，俄罗斯不打算入侵任何国家。",
            &[(
                "vladimir-putin",
                "普京",
                "俄罗斯不打算入侵任何国家",
                Indirect,
            )],
        ),
        (
            "白宫在一份声明中表示，拜登将出席峰会。",
            &[("white-house", "白宫", "拜登将出席峰会", Indirect)],
        ),
        (
            "佩斯科夫表示，分歧很大，他还强调，对话仍有可能。",
            &[
                ("dmitry-peskov", "佩斯科夫", "分歧很大", Indirect),
                ("dmitry-peskov", "他", "对话仍有可能", Indirect),
            ],
        ),
        (
            "据路透社报道，美国将宣布新的制裁措施。",
            &[("reuters", "路透社", "美国将宣布新的制裁措施", Indirect)],
        ),
        (
            "路透社援引美国官员的话报道称，拜登将与普京通话。",
            &[("-", "美国官员", "拜登将与普京通话", Indirect)],
        ),
        // The speaker's document and a relative time between speaker and cue.
        (
            "国际特赦组织发表的报告中指出，当局应释放被捕者。",
            &[(
                "amnesty-international",
                "国际特赦组织",
                "当局应释放被捕者",
                Indirect,
            )],
        ),
        (
            "欧洲人权法庭去年1月最新裁决指，实名制并无违反公约。",
            &[("echr-court", "欧洲人权法庭", "实名制并无违反公约", Indirect)],
        ),
        // A topic that makes a statement act is the subject of the clauses after it.
        (
            "国际特赦组织发表声明，谴责当局拘捕记者，批评有关做法违反法治。",
            &[
                (
                    "amnesty-international",
                    "国际特赦组织",
                    "当局拘捕记者",
                    Indirect,
                ),
                (
                    "amnesty-international",
                    "国际特赦组织",
                    "有关做法违反法治",
                    Indirect,
                ),
            ],
        ),
        // A relay through the speaker's document.
        (
            "法新社引述世卫的声明称，疫情仍在扩散。",
            &[("who", "世卫", "疫情仍在扩散", Indirect)],
        ),
        // An addressee with 向 between speaker and cue; 称 opening the content of a warning.
        (
            "普京向拜登表示，北约不应继续东扩。",
            &[("vladimir-putin", "普京", "北约不应继续东扩", Indirect)],
        ),
        (
            "苹果公司向用户发出警告，称黑客可能取得资料。",
            &[("apple", "苹果公司", "黑客可能取得资料", Indirect)],
        ),
        // A Taiwan / Hong Kong style date between speaker and cue.
        (
            "拜登今（22）日表示，美国的立场不会改变。",
            &[("joe-biden", "拜登", "美国的立场不会改变", Indirect)],
        ),
        (
            "消息人士透露，谈判已经陷入僵局。",
            &[("-", "消息人士", "谈判已经陷入僵局", Indirect)],
        ),
        (
            "俄罗斯方面否认存在任何入侵乌克兰的意图，并指责北约不断扩张。",
            &[
                ("rus", "俄罗斯", "存在任何入侵乌克兰的意图", Indirect),
                ("rus", "俄罗斯", "北约不断扩张", Indirect),
            ],
        ),
        (
            "克里姆林宫补充称，华盛顿的声明是“不合理的”。",
            &[("kremlin", "克里姆林宫", "华盛顿的声明是“不合理的”", Mixed)],
        ),
        (
            "冯德莱恩在致各国大使的一封信中表示，“欧盟将作出恰当的反应，包括制裁。”",
            &[(
                "ursula-von-der-leyen",
                "冯德莱恩",
                "欧盟将作出恰当的反应，包括制裁",
                Direct,
            )],
        ),
        (
            "“我们不会让步，也不会退缩，”普京说。",
            &[(
                "vladimir-putin",
                "普京",
                "我们不会让步，也不会退缩，",
                Direct,
            )],
        ),
        (
            "在这样的背景下，美国国家安全顾问表示，外交仍是首选。",
            &[(
                "jake-sullivan",
                "美国国家安全顾问",
                "外交仍是首选",
                Indirect,
            )],
        ),
    ];
    for (text, want) in cases {
        let got = quotes(text);
        let want: Vec<(String, String, String, QuoteKind)> = want
            .iter()
            .map(|(a, b, c, k)| (a.to_string(), b.to_string(), c.to_string(), *k))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn not_a_quote() {
    for text in [
        "他读了《战争与和平》这本书。",         // a title in 《》
        "双方讨论了“北溪2号”管道项目。",        // scare quotes around a name
        "外交部长对此表示感谢。",               // cue used with an attitude noun
        "这项声明的发布引起关注。",             // cue word as a noun
        "需要指出的是，该地区冲突已持续多年。", // the author's aside
        "拜登将告诉普京，制裁已经准备就绪。",   // a future act, not a statement made
        "普京来说服拜登停止扩张。",             // 说 inside 说服
        // A topic that only relays someone is not the speaker of what follows.
        "《卫报》引述一份报告，预计粮价将上涨。",
    ] {
        assert_eq!(quotes(text), vec![], "{text}");
    }
}

#[test]
fn nested_speech_is_an_extra_quote_with_parent() {
    let doc = ANALYZER.analyze(
        &Article::new(
            "n",
            "白宫表示，拜登警告普京，如果俄罗斯入侵乌克兰，将面临严厉制裁。",
        )
        .with_date("2021-12-08"),
    );
    assert_eq!(doc.quotes.len(), 2);
    assert_eq!(
        doc.quotes[0].speaker.as_ref().unwrap().as_str(),
        "white-house"
    );
    assert!(doc.quotes[0].content.text.starts_with("拜登警告普京"));
    assert_eq!(
        doc.quotes[1].speaker.as_ref().unwrap().as_str(),
        "joe-biden"
    );
    assert_eq!(doc.quotes[1].parent, Some(0));
    assert_eq!(
        doc.quotes[1].content.text,
        "如果俄罗斯入侵乌克兰，将面临严厉制裁"
    );
}

#[test]
fn traditional_script_gives_the_same_quotes() {
    let simp = quotes("白宫发言人表示，拜登总统将于下周出访欧洲。");
    let trad = quotes("白宮發言人表示，拜登總統將於下週出訪歐洲。");
    assert_eq!(simp.len(), 1, "{simp:?}");
    assert_eq!(trad.len(), 1, "{trad:?}");
    assert_eq!(simp[0].0, trad[0].0);
    assert_eq!(trad[0].2, "拜登總統將於下週出訪歐洲");
}

#[test]
fn direct_quotation_over_several_paragraphs() {
    let text = "普京在记者会上说：“我们不想要战争。我们希望谈判。\n“但是北约必须停止东扩。\n“这是我们的红线。”\n随后他离开了会场。";
    let got = quotes(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "vladimir-putin");
    assert_eq!(got[0].3, QuoteKind::Direct);
    assert_eq!(
        got[0].2,
        "我们不想要战争。我们希望谈判。\n“但是北约必须停止东扩。\n“这是我们的红线"
    );
}

#[test]
fn a_plural_speaker_names_its_members() {
    // (text, speaker words, the members the quote lists).
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "法国总统马克龙与德国总理朔尔茨通话。两国领导人表示，各方应当保持克制。",
            "两国领导人",
            &["emmanuel-macron", "olaf-scholz"],
        ),
        (
            "法国总统马克龙与德国总理朔尔茨通话。他们表示，各方应当保持克制。",
            "他们",
            &["emmanuel-macron", "olaf-scholz"],
        ),
        // A group is a speaker even where no descriptor word names one (两国总统还强调).
        (
            "法国总统马克龙与俄罗斯总统普京会谈。两国总统还强调，应当尽快恢复谈判。",
            "两国总统",
            &["emmanuel-macron", "vladimir-putin"],
        ),
        // Anonymous officials stay anonymous: no members.
        (
            "美国官员透露了消息。这些官员指出，制裁可能包括银行。",
            "这些官员",
            &[],
        ),
    ];
    for &(text, words, want) in cases {
        let doc = ANALYZER.analyze(&Article::new("t", text).with_date("2021-12-08"));
        let q = doc
            .quotes
            .iter()
            .find(|q| q.speaker_text.as_deref() == Some(words))
            .unwrap_or_else(|| panic!("no quote by {words} in {text}"));
        assert_eq!(q.speaker, None, "{text}");
        let got: Vec<&str> = q.speakers.iter().map(|s| s.as_str()).collect();
        assert_eq!(got, want, "{text}");
    }
}

/// (text, [(speaker id or "-", speaker words, content)]) for the frames of Chinese news that
/// have no verb of saying or no subject of their own.
type FrameCase<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);

fn check_frames(cases: &[FrameCase]) {
    for (text, want) in cases {
        let got: Vec<(String, String, String)> = quotes(text)
            .into_iter()
            .map(|(a, b, c, _)| (a, b, c))
            .collect();
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn headline_colon_frames() {
    check_frames(&[
        ("普京：不会让步", &[("vladimir-putin", "普京", "不会让步")]),
        (
            "欧盟外交政策高级代表博雷利：制裁将持续\u{3000}俄方：不会让步",
            &[
                ("josep-borrell", "博雷利", "制裁将持续"),
                ("rus", "俄方", "不会让步"),
            ],
        ),
        (
            "【乌克兰危机】白宫：拜登将与普京通话",
            &[("white-house", "白宫", "拜登将与普京通话")],
        ),
        (
            "哈佛教授︰贸易战没有赢家",
            &[("-", "哈佛教授", "贸易战没有赢家")],
        ),
        // Labels, not speakers.
        ("时间：2021年12月8日", &[]),
        ("三点建议：加强合作", &[]),
        ("北约峰会：成员国同意增加军费", &[]),
        // A verb of saying before the colon is the ordinary frame, once.
        (
            "拜登说：我们不会让步",
            &[("joe-biden", "拜登", "我们不会让步")],
        ),
    ]);
}

#[test]
fn a_quotation_right_after_the_cue_is_the_content() {
    check_frames(&[
        (
            "拜登回应称，「我们没有改变政策」，应为口误。",
            &[("joe-biden", "拜登", "我们没有改变政策")],
        ),
        (
            "普京直言「北约必须停止东扩」。",
            &[("vladimir-putin", "普京", "北约必须停止东扩")],
        ),
        (
            "拜登回：「是，不会有事发生」（Nothing）。",
            &[("joe-biden", "拜登", "是，不会有事发生")],
        ),
        // A scare quote that opens a longer clause is part of it.
        (
            "沙利文指出，“北溪2号”管道的工程尚未开始。",
            &[("jake-sullivan", "沙利文", "“北溪2号”管道的工程尚未开始")],
        ),
    ]);
}

#[test]
fn zero_subject_continuation() {
    check_frames(&[
        (
            "拜登说，对方刻意扭曲会谈，并称美方将于近日说明。",
            &[
                ("joe-biden", "拜登", "对方刻意扭曲会谈"),
                ("joe-biden", "拜登", "美方将于近日说明"),
            ],
        ),
        (
            "拜登表示，美国不会让步。又指，制裁已经准备就绪。",
            &[
                ("joe-biden", "拜登", "美国不会让步"),
                ("joe-biden", "拜登", "制裁已经准备就绪"),
            ],
        ),
        (
            "普京表示，俄罗斯不会让步，同时强调，对话仍有可能。",
            &[
                ("vladimir-putin", "普京", "俄罗斯不会让步"),
                ("vladimir-putin", "普京", "对话仍有可能"),
            ],
        ),
        // An opinion verb without a comma stays inside the statement it follows.
        (
            "普京强调，俄罗斯已集结士兵，并预计冲突将在明年爆发。",
            &[(
                "vladimir-putin",
                "普京",
                "俄罗斯已集结士兵，并预计冲突将在明年爆发",
            )],
        ),
        // No speaker before it in the paragraph: nobody to continue.
        ("又指，制裁已经准备就绪。", &[]),
    ]);
}

#[test]
fn what_may_stand_between_speaker_and_cue() {
    let want = |who: &'static str, words: &'static str| [(who, words, "美国不会让步")];
    let biden = want("joe-biden", "拜登");
    for text in [
        "拜登当地时间周三下午在白宫对记者表示，美国不会让步。",
        "拜登美东时间3日晚在社交媒体发文指，美国不会让步。",
        "拜登今（18日）首度对此表示，美国不会让步。",
        "拜登今（18）日表示，美国不会让步。",
        "拜登16日称，美国不会让步。",
        "拜登出席记者会时回应说，美国不会让步。",
        "拜登在演说中直言，美国不会让步。",
        "拜登在留言中写道，美国不会让步。",
        "拜登发表声明表示，美国不会让步。",
        "拜登（右图）向传媒表示，美国不会让步。",
        "拜登接受美国有线电视新闻网（CNN）采访时说，美国不会让步。",
    ] {
        check_frames(&[(text, &biden)]);
    }
    // A modal or negation between them: not a statement made.
    check_frames(&[
        ("拜登不会在演说中表示，美国不会让步。", &[]),
        ("拜登可能在白宫表示，美国不会让步。", &[]),
    ]);
}

#[test]
fn a_long_run_of_occasion_words_is_linear() {
    // Every split of 在中…在中 was once retried (exponential in the run's length).
    let text = format!("拜登{}表示，好的消息。", "在中".repeat(200));
    let started = std::time::Instant::now();
    let _ = quotes(&text);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn a_zero_subject_with_circumstances_inside_reported_speech_is_its_subject() {
    let doc = ANALYZER.analyze(
        &Article::new(
            "z",
            "白宫表示，拜登与法国总统通了电话，并在通话中强调，外交仍是首选。",
        )
        .with_date("2021-12-08"),
    );
    let got: Vec<(&str, &str, Option<usize>)> = doc
        .quotes
        .iter()
        .map(|q| {
            (
                q.speaker.as_ref().map_or("-", |s| s.as_str()),
                q.content.text.as_str(),
                q.parent,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "white-house",
                "拜登与法国总统通了电话，并在通话中强调，外交仍是首选",
                None
            ),
            ("joe-biden", "外交仍是首选", Some(0)),
        ]
    );
}

#[test]
fn one_quote_per_cue_of_the_same_speaker() {
    check_frames(&[(
        "联合国专家批评，匿名权讨论过分集中在犯罪，强调立法应保障匿名。",
        &[
            ("-", "联合国专家", "匿名权讨论过分集中在犯罪"),
            ("-", "联合国专家", "立法应保障匿名"),
        ],
    )]);
}

#[test]
fn a_cue_may_run_into_its_content() {
    check_frames(&[
        (
            "拜登说美国不会让步。",
            &[("joe-biden", "拜登", "美国不会让步")],
        ),
        (
            "拜登在记者会上称这次活动取得成功，但没有细节。",
            &[("joe-biden", "拜登", "这次活动取得成功")],
        ),
        // ，并未 negates; it does not start another clause of the speaker.
        (
            "拜登说第一阶段协议，并未消除根本忧虑。",
            &[("joe-biden", "拜登", "第一阶段协议，并未消除根本忧虑")],
        ),
        // A noun object or a suffix makes the cue another phrase.
        ("拜登提到此一问题。", &[]),
        ("拜登提到他与普京的关系。", &[]),
        ("拜登说了很多。", &[]),
        // An adverb after the cue carries its clause on: 声明 is a noun here.
        (
            "白宫补充称，拜登表达了担忧，声明还指出，两国讨论了网络安全。",
            &[
                ("white-house", "白宫", "拜登表达了担忧"),
                ("white-house", "声明", "两国讨论了网络安全"),
            ],
        ),
    ]);
}

#[test]
fn occasions_of_capacity_and_of_a_topic() {
    check_frames(&[
        (
            "蔡英文以党主席身分在会中表示，台湾不会屈服。",
            &[("tsai-ing-wen", "蔡英文", "台湾不会屈服")],
        ),
        (
            "消息人士说到白宫的反应时还提到，他们很愤怒。",
            &[("-", "消息人士", "他们很愤怒")],
        ),
        (
            "拜登被问到「若中国攻台，是否捍卫台湾？」时明确表示：「会，我们有所承诺」。",
            &[("joe-biden", "拜登", "会，我们有所承诺")],
        ),
    ]);
}

#[test]
fn a_pronoun_is_the_nearest_person_speaker_or_subject() {
    check_frames(&[
        (
            "拜登表示，美国不会让步。沙利文随后出席会议。他说，外交仍是首选。",
            &[
                ("joe-biden", "拜登", "美国不会让步"),
                ("jake-sullivan", "他", "外交仍是首选"),
            ],
        ),
        // Never a person named inside what someone said.
        (
            "拜登表示，普京必须撤军。他说，外交仍是首选。",
            &[
                ("joe-biden", "拜登", "普京必须撤军"),
                ("joe-biden", "他", "外交仍是首选"),
            ],
        ),
    ]);
}

#[test]
fn descriptive_speakers_are_noun_phrases() {
    check_frames(&[
        (
            "电话卡登记制度的支持者都说，有助减少罪行。",
            &[("-", "电话卡登记制度的支持者", "有助减少罪行")],
        ),
        (
            "四大律师公会同时指出，制裁威胁法治。",
            &[("-", "四大律师公会", "制裁威胁法治")],
        ),
        (
            "有人批评，官媒随意指控边民。",
            &[("-", "有人", "官媒随意指控边民")],
        ),
        (
            "多个美国律师指出，宪法约束的是政府。",
            &[("-", "多个美国律师", "宪法约束的是政府")],
        ),
        // A topic phrase, a place word or a particle is no speaker.
        ("对于这项协议批评，中方没有履行。", &[]),
        ("言语中透露，可能冲击国会。", &[]),
    ]);
}

#[test]
fn a_reporter_keeps_what_it_reported_before_another_source() {
    check_frames(&[(
        "据路透社报道，地图引起官员慌乱，不具名人士认为，美国反应过度。",
        &[
            ("reuters", "路透社", "地图引起官员慌乱"),
            ("-", "不具名人士", "美国反应过度"),
        ],
    )]);
}

#[test]
fn an_acting_topic_speaks_in_later_clauses() {
    check_frames(&[
        (
            "美国与欧盟都声援立陶宛，表示盟友应团结一致。",
            &[("usa", "美国", "盟友应团结一致")],
        ),
        (
            "拜登在会议后会见记者，指满意共同声明。",
            &[("joe-biden", "拜登", "满意共同声明")],
        ),
        // The head of a titled subject, and an act cue running into its clause.
        (
            "伊朗总统鲁哈尼发表声明，并谴责以色列暗杀了科学家。",
            &[("hassan-rouhani", "鲁哈尼", "以色列暗杀了科学家")],
        ),
        // A modifier of a longer subject is not its head.
        ("代表英国及爱尔兰律师的团体发表声明，谴责制裁律师行。", &[]),
        // A topic that relays someone is not the speaker.
        ("《卫报》引述一份报告，预计粮价将上涨。", &[]),
    ]);
}

#[test]
fn each_quote_names_the_rule_that_found_it() {
    use newsgraph::QuoteRule::*;
    for (text, want) in [
        ("普京表示，俄罗斯不会让步。", vec![Cue]),
        ("据路透社报道，美国将宣布制裁。", vec![AccordingTo]),
        ("普京：不会让步", vec![Headline]),
        (
            "拜登表示，美国不会让步。又指，制裁已经准备就绪。",
            vec![Cue, Continuation],
        ),
        ("“我们不会让步，也不会退缩，”普京说。", vec![AfterQuotation]),
    ] {
        let doc = ANALYZER.analyze(&Article::new("r", text).with_date("2021-12-08"));
        let got: Vec<_> = doc.quotes.iter().map(|q| q.rule).collect();
        assert_eq!(got, want, "{text}");
    }
}
