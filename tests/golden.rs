//! Whole-article snapshots: one line per entity, mention, quote and relation.
//!
//! A change in extraction shows up as a readable diff of `tests/golden/*.txt`. After checking
//! that the change is an improvement, regenerate them with:
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test --test golden
//! ```

mod common;

use common::{ANALYZER, all_articles, manifest};
use newsgraph::Document;
use std::fmt::Write;

fn render(doc: &Document) -> String {
    let mut out = String::new();
    for e in &doc.entities {
        writeln!(out, "entity\t{}\t{}\t{}", e.id, e.kind.as_str(), e.name).unwrap();
        for m in &e.mentions {
            writeln!(out, "  mention\t{:?}\t{}\t{:?}", m.span, m.text, m.rule).unwrap();
        }
    }
    for g in &doc.groups {
        let members: Vec<&str> = g.members.iter().map(|m| m.as_str()).collect();
        writeln!(
            out,
            "group\t{:?}\t{}\t{}",
            g.span,
            g.text,
            members.join(",")
        )
        .unwrap();
    }
    for q in &doc.quotes {
        let speaker = q.speaker.as_ref().map_or("-", |s| s.as_str());
        let parent = q.parent.map_or(String::new(), |p| format!("\tparent={p}"));
        let via = q
            .via
            .as_ref()
            .map_or(String::new(), |v| format!("\tvia={v}"));
        writeln!(
            out,
            "quote\t{:?}\t{speaker}\t{}\t{}\t{:?}\t{}{via}{parent}",
            q.content.span,
            q.speaker_text.as_deref().unwrap_or("-"),
            q.cue,
            q.kind,
            q.content.text
        )
        .unwrap();
    }
    for r in &doc.relations {
        writeln!(
            out,
            "relation\t{:?}\t{}→{}\t{}\t{}\t{}\t{}",
            r.evidence.span,
            r.source,
            r.target,
            r.cameo.code(),
            r.modality.as_str(),
            r.cue,
            r.kind
        )
        .unwrap();
    }
    out
}

#[test]
fn golden_articles() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for a in all_articles() {
        let got = render(&ANALYZER.analyze(&a));
        let path = manifest(&format!("tests/golden/{}.txt", a.id));
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != got {
            failures.push(format!(
                "{}:\n--- want\n{want}\n+++ got\n{got}",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "golden files differ (UPDATE_GOLDEN=1 to accept):\n{}",
        failures.join("\n")
    );
}
