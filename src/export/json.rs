//! JSON: an actor graph as one object, `{"level", "nodes", "edges", "entities"}`, pretty-printed
//! so that diffs stay readable. Documents are written one per line with
//! [`Document::to_json`](crate::Document::to_json) (that is what `newsgraph analyze` prints).
//!
//! `nodes` are [`Actor`](crate::graph::Actor)s, `edges` are
//! [`Interaction`](crate::graph::Interaction)s; `entities` holds the entities seen that are not
//! nodes, so [`read`] gives back a graph that merges exactly like the original.

use crate::error::{Error, Result};
use crate::graph::ActorGraph;
use std::io::{Read, Write};

/// Writes `graph` as pretty-printed JSON with a final newline.
///
/// # Example
/// ```
/// use newsgraph::ActorGraph;
/// let mut out = Vec::new();
/// newsgraph::export::json::write(&ActorGraph::new(), &mut out)?;
/// let back = newsgraph::export::json::read("graph.json", out.as_slice())?;
/// assert_eq!(back, ActorGraph::new());
/// # Ok::<(), newsgraph::Error>(())
/// ```
///
/// # Errors
/// When writing to `out` fails.
pub fn write(graph: &ActorGraph, out: impl Write) -> Result<()> {
    super::write_with("JSON", out, |w| {
        serde_json::to_writer_pretty(&mut *w, graph).map_err(std::io::Error::from)?;
        writeln!(w)
    })
}

/// The JSON text of `graph` (pretty-printed, with a final newline).
pub fn to_string(graph: &ActorGraph) -> String {
    let mut s = serde_json::to_string_pretty(graph)
        .unwrap_or_else(|e| unreachable!("an ActorGraph always serialises: {e}"));
    s.push('\n');
    s
}

/// Reads a graph written by [`write()`]. `source_name` names the input in errors.
///
/// # Errors
/// Unreadable input or JSON that is not a graph, with the line.
pub fn read(source_name: &str, input: impl Read) -> Result<ActorGraph> {
    serde_json::from_reader(input)
        .map_err(|e| Error::input(source_name, Some(e.line()), e.to_string()))
}
