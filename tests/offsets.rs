//! For every span in every output: `text[start..end] == text`, on character boundaries.

mod common;

use common::{ANALYZER, ODD_TEXTS, all_articles};
use newsgraph::Article;
use serde_json::Value;

/// Walks a document's JSON and checks every object that has `start`, `end` (and `text`).
fn check_spans(doc_text: &str, v: &Value, path: &str, checked: &mut usize) {
    match v {
        Value::Object(map) => {
            if let (Some(s), Some(e)) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(
                    s <= e && e <= doc_text.len(),
                    "{path}: {s}..{e} out of range"
                );
                assert!(
                    doc_text.is_char_boundary(s) && doc_text.is_char_boundary(e),
                    "{path}: {s}..{e} not on char boundaries"
                );
                if let Some(t) = map.get("text").and_then(Value::as_str) {
                    assert_eq!(&doc_text[s..e], t, "{path}");
                }
                *checked += 1;
            }
            for (k, child) in map {
                if k != "text" {
                    check_spans(doc_text, child, &format!("{path}.{k}"), checked);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                check_spans(doc_text, child, &format!("{path}[{i}]"), checked);
            }
        }
        _ => {}
    }
}

#[test]
fn every_span_slices_its_text() {
    let mut checked = 0;
    for a in all_articles() {
        let doc = ANALYZER.analyze(&a);
        let json: Value = serde_json::from_str(&doc.to_json()).unwrap();
        check_spans(&doc.text, &json, &a.id, &mut checked);
    }
    assert!(checked > 100, "only {checked} spans checked");
}

#[test]
fn odd_texts_never_panic_and_spans_hold() {
    for (i, t) in ODD_TEXTS.iter().enumerate() {
        let doc = ANALYZER.analyze(&Article::new(format!("odd{i}"), *t));
        let json: Value = serde_json::from_str(&doc.to_json()).unwrap();
        let mut n = 0;
        check_spans(&doc.text, &json, t, &mut n);
    }
}

/// A small deterministic generator (xorshift64*), so the property test needs no dependency
/// and every run checks the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Random mixes of what news text is made of — names, cues, quotation marks of every kind,
/// clause and sentence punctuation, colons, brackets, Latin, digits, white space and control
/// characters — never panic, and every span slices the text at character boundaries.
#[test]
fn random_mixes_never_panic_and_spans_hold() {
    const PIECES: &[&str] = &[
        "拜登",
        "普京",
        "北约",
        "美方",
        "他",
        "她",
        "消息人士",
        "有人",
        "表示",
        "说",
        "称",
        "指",
        "并称",
        "又指",
        "认为",
        "据",
        "报道",
        "援引",
        "的话",
        "在",
        "对",
        "向",
        "记者",
        "时",
        "中",
        "以",
        "身分",
        "今（",
        "18日）",
        "“",
        "”",
        "「",
        "」",
        "『",
        "』",
        "‘",
        "’",
        "\"",
        "，",
        "。",
        "：",
        "︰",
        ":",
        "；",
        "？",
        "！",
        "、",
        "（",
        "）",
        "(",
        ")",
        "【",
        "】",
        "\u{3000}",
        " ",
        "\n",
        "\t",
        "\u{0}",
        "\u{7}",
        "\u{feff}",
        "Joe",
        "Biden",
        "2021",
        "-12-0",
        "日",
        "美國",
        "總統",
        "說",
        "發",
        "𠀀",
        "é",
        "·",
        "•",
        "—",
        "…",
    ];
    // NEWSGRAPH_PROPERTY_CASES runs more (a bounded fuzz run); the default keeps `cargo test`
    // quick.
    let cases: u64 = std::env::var("NEWSGRAPH_PROPERTY_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut checked = 0;
    for case in 0..cases {
        let len = 1 + rng.next() % 60;
        let text: String = (0..len).map(|_| rng.pick(PIECES)).collect();
        let doc = ANALYZER.analyze(&Article::new(format!("r{case}"), text.as_str()));
        let json: Value = serde_json::from_str(&doc.to_json()).unwrap();
        check_spans(
            &doc.text,
            &json,
            &format!("r{case}: {text:?}"),
            &mut checked,
        );
    }
    assert!(checked > 0);
}
