//! Exports: documents and actor graphs in the formats analysts open.
//!
//! | format | module | what it writes | opens in |
//! |---|---|---|---|
//! | JSON | [`json`] | an [`ActorGraph`](crate::ActorGraph) as one JSON object (documents are JSON lines: [`Document::to_json`](crate::Document::to_json)) | jq, Python, anything |
//! | CSV | [`csv`] | tables `entities`, `mentions`, `quotes`, `relations` (streamed from documents) and `nodes`, `edges` (from a graph) | pandas, R, Excel (with a BOM), Gephi's import |
//! | DOT | [`dot`] | the graph for Graphviz, nodes styled by type, edges labelled and weighted | `dot -Tsvg`, any Graphviz viewer |
//! | GraphML | [`graphml`] | the graph with typed node and edge attributes | Gephi, networkx, yEd, Cytoscape |
//!
//! Every export is deterministic: nodes in id order, edges in `(source, target, cameo,
//! modality)` order, so the same documents give byte-identical files. All text is UTF-8.
//! Writers take any [`std::io::Write`]; a failed write is an
//! [`ErrorKind::Output`](crate::ErrorKind::Output) error.
//!
//! # Example
//! ```
//! use newsgraph::{ActorGraph, Analyzer, Article, export};
//! let doc = Analyzer::new().analyze(&Article::new("a1", "普京警告北约。"));
//! let graph = ActorGraph::from_documents([&doc]);
//! let mut dot = Vec::new();
//! export::dot::write(&graph, &mut dot)?;
//! assert!(String::from_utf8(dot).unwrap().starts_with("digraph"));
//! # Ok::<(), newsgraph::Error>(())
//! ```

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod json;

use crate::error::{Error, Result};

/// Runs a writer into `w`, naming `what` in the error.
fn write_with<W: std::io::Write>(
    what: &str,
    mut w: W,
    f: impl FnOnce(&mut W) -> std::io::Result<()>,
) -> Result<()> {
    f(&mut w)
        .and_then(|()| w.flush())
        .map_err(|e| Error::output(what, e))
}
