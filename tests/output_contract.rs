//! The document JSON keeps the field names and value sets of DESIGN.md.

mod common;

use common::{ANALYZER, all_articles};
use serde_json::Value;

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn document_fields_and_values() {
    for a in all_articles() {
        let doc: Value = serde_json::from_str(&ANALYZER.analyze(&a).to_json()).unwrap();
        for k in [
            "id",
            "title",
            "date",
            "source",
            "text",
            "entities",
            "quotes",
            "relations",
        ] {
            assert!(doc.get(k).is_some(), "{}: missing {k}", a.id);
        }
        assert!(doc["quotes"].is_array() && doc["relations"].is_array());
        for e in doc["entities"].as_array().unwrap() {
            for k in ["id", "name", "type", "mentions"] {
                assert!(e.get(k).is_some(), "entity missing {k}: {:?}", keys(e));
            }
            assert!(
                ["person", "place", "organization", "other"].contains(&e["type"].as_str().unwrap())
            );
            for m in e["mentions"].as_array().unwrap() {
                for k in ["start", "end", "text"] {
                    assert!(m.get(k).is_some(), "mention missing {k}");
                }
            }
        }
    }
}

#[test]
fn document_round_trips() {
    for a in all_articles() {
        let doc = ANALYZER.analyze(&a);
        let back: newsgraph::Document = serde_json::from_str(&doc.to_json()).unwrap();
        assert_eq!(back, doc);
    }
}

#[test]
fn analyzer_and_outputs_are_send_sync() {
    fn is_send_sync<T: Send + Sync>() {}
    is_send_sync::<newsgraph::Analyzer>();
    is_send_sync::<newsgraph::Document>();
    is_send_sync::<newsgraph::Dictionary>();
}
