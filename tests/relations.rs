//! Relation extraction, one line per case: (source, target, CAMEO root, modality).

mod common;

use common::ANALYZER;
use newsgraph::Article;

fn relations(text: &str) -> Vec<(String, String, String, String)> {
    let doc = ANALYZER.analyze(&Article::new("r", text).with_date("2021-12-08"));
    doc.relations
        .iter()
        .map(|r| {
            (
                r.source.to_string(),
                r.target.to_string(),
                r.cameo.code().to_string(),
                r.modality.as_str().to_string(),
            )
        })
        .collect()
}

#[test]
fn relation_cases() {
    type Want<'a> = &'a [(&'a str, &'a str, &'a str, &'a str)];
    let cases: &[(&str, Want)] = &[
        (
            "拜登警告普京不要入侵。",
            &[("joe-biden", "vladimir-putin", "13", "asserted")],
        ),
        (
            "美国对俄罗斯实施制裁。",
            &[("usa", "rus", "16", "asserted")],
        ),
        (
            "美国将对俄罗斯实施制裁。",
            &[("usa", "rus", "16", "planned")],
        ),
        (
            "如果俄罗斯入侵乌克兰，后果严重。",
            &[("rus", "ukr", "19", "hypothetical")],
        ),
        ("俄罗斯不会入侵乌克兰。", &[("rus", "ukr", "19", "negated")]),
        (
            "马克龙与普京举行会谈。",
            &[("emmanuel-macron", "vladimir-putin", "04", "asserted")],
        ),
        // Symmetric acts are stored with the smaller id first, whatever the order in the text.
        (
            "普京与马克龙举行会谈。",
            &[("emmanuel-macron", "vladimir-putin", "04", "asserted")],
        ),
        (
            "拜登同英国、法国和德国领导人通了电话。",
            &[
                ("deu", "joe-biden", "04", "asserted"),
                ("fra", "joe-biden", "04", "asserted"),
                ("gbr", "joe-biden", "04", "asserted"),
            ],
        ),
        (
            "美国向乌克兰提供援助。",
            &[("usa", "ukr", "07", "asserted")],
        ),
        (
            "白宫表示，拜登警告普京不要入侵。",
            &[("joe-biden", "vladimir-putin", "13", "reported")],
        ),
        // A plural description stands for its members: 两国总统 before a symmetric cue relates
        // the two presidents to each other, 双方 the two parties of the last A与B phrase.
        (
            "美国总统拜登会见了俄罗斯总统普京。随后两国总统举行会谈。",
            &[
                ("joe-biden", "vladimir-putin", "04", "asserted"), // 会见
                ("joe-biden", "vladimir-putin", "04", "asserted"), // 两国总统举行会谈
            ],
        ),
        (
            "马克龙与普京在莫斯科见面，双方举行会谈。",
            &[("emmanuel-macron", "vladimir-putin", "04", "asserted")],
        ),
        (
            "法国总统马克龙与德国总理朔尔茨通话。两国领导人谴责俄罗斯。",
            &[
                ("emmanuel-macron", "olaf-scholz", "04", "asserted"),
                ("emmanuel-macron", "rus", "11", "asserted"),
                ("olaf-scholz", "rus", "11", "asserted"),
            ],
        ),
        // One president named: 两国总统 names no pair, no relation from it.
        ("美国总统拜登发表讲话。两国总统举行会谈。", &[]),
        // No second actor, no relation; co-occurrence alone codes nothing.
        ("这场会谈持续了两个小时。", &[]),
        ("拜登和普京都出席了峰会。", &[]),
        // A person after the target in the next sentence is not part of this one.
        (
            "俄罗斯外交部谴责北约东扩。普京将访华。",
            &[("russia-mfa", "nato", "11", "asserted")],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<(String, String, String, String)> = want
            .iter()
            .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
            .collect();
        let mut got = relations(text);
        got.sort();
        assert_eq!(got, want, "{text}");
    }
}
