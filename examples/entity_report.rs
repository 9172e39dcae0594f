//! Prints the entities of an article grouped by type: mention count, the forms seen, and the
//! first sentence each appears in.
//!
//! ```text
//! cargo run --example entity_report -- examples/data/seed.md
//! ```

use newsgraph::{Analyzer, Article, EntityKind, sentence};

fn main() -> Result<(), newsgraph::Error> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/data/seed.md".to_string());
    let article = Article::from_path(&path)?;
    let doc = Analyzer::new().analyze(&article);
    let sentences = sentence::split(&doc.text);
    println!(
        "{} — {} entities",
        doc.title.as_deref().unwrap_or(&doc.id),
        doc.entities.len()
    );
    for kind in [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Other,
    ] {
        let mut group: Vec<_> = doc.entities.iter().filter(|e| e.kind == kind).collect();
        if group.is_empty() {
            continue;
        }
        group.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then(a.id.cmp(&b.id))
        });
        println!("\n## {} ({})", kind.as_str(), group.len());
        for e in group {
            let first = e.mentions[0].span;
            let sentence = sentences
                .iter()
                .find(|s| s.span.contains(first))
                .map_or("", |s| &doc.text[s.span]);
            println!(
                "{} [{}] ×{}  forms: {}",
                e.name,
                e.id,
                e.mentions.len(),
                e.forms.join(" / ")
            );
            println!("    first: {sentence}");
        }
    }
    Ok(())
}
