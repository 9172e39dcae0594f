//! Writes the actor graph of an article as Graphviz DOT to standard output.
//!
//! ```text
//! cargo run --example actor_graph -- examples/data/seed.md > seed.dot
//! dot -Tsvg seed.dot -o seed.svg
//! ```

use newsgraph::{ActorGraph, Analyzer, Article, export};

fn main() -> Result<(), newsgraph::Error> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/data/seed.md".to_string());
    let article = Article::from_path(&path)?;
    let doc = Analyzer::new().analyze(&article);
    let graph = ActorGraph::from_documents([&doc]);
    eprintln!(
        "{}: {} actors, {} aggregated relations",
        doc.id,
        graph.node_count(),
        graph.edge_count()
    );
    export::dot::write(&graph, std::io::stdout().lock())
}
