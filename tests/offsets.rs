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
