//! Graphviz DOT, written by hand so that it is sorted, escaped and styled.
//!
//! - Every id and label is a quoted string: `"` and `\` are escaped, newlines become `\n`,
//!   other control characters become spaces. The graph declares `charset="UTF-8"`.
//! - Nodes are styled by type: person = ellipse (blue), organization = box (yellow),
//!   place = hexagon (green), other = note (grey); the tooltip gives id, type and counts.
//! - Edges are labelled with the relation type and CAMEO code (`warn 13 ×2`), coloured by
//!   GDELT QuadClass (verbal/material cooperation green/blue, verbal/material conflict
//!   orange/red), `penwidth` grows with the count, a non-asserted modality is dashed and
//!   named in the label, a symmetric edge has no arrowhead. The tooltip shows the evidence.
//!
//! Render with `dot -Tsvg graph.dot -o graph.svg` (or `newsgraph graph --render svg`).

use crate::entity::EntityKind;
use crate::error::Result;
use crate::graph::{ActorGraph, Interaction};
use crate::relation::Modality;
use std::io::Write;

/// Writes `graph` as a DOT `digraph`.
///
/// # Example
/// ```
/// use newsgraph::ActorGraph;
/// let mut out = Vec::new();
/// newsgraph::export::dot::write(&ActorGraph::new(), &mut out)?;
/// assert!(String::from_utf8(out).unwrap().contains("charset=\"UTF-8\""));
/// # Ok::<(), newsgraph::Error>(())
/// ```
///
/// # Errors
/// When writing to `out` fails.
pub fn write(graph: &ActorGraph, out: impl Write) -> Result<()> {
    super::write_with("DOT", out, |w| write_io(graph, w))
}

/// The DOT text of `graph`.
pub fn to_string(graph: &ActorGraph) -> String {
    let mut out = Vec::new();
    write_io(graph, &mut out).unwrap_or_else(|e| unreachable!("writing to a Vec: {e}"));
    String::from_utf8(out).unwrap_or_else(|e| unreachable!("DOT is built from str: {e}"))
}

fn write_io(graph: &ActorGraph, w: &mut impl Write) -> std::io::Result<()> {
    writeln!(w, "digraph \"newsgraph\" {{")?;
    writeln!(
        w,
        "  graph [charset=\"UTF-8\", rankdir=\"LR\", overlap=\"false\", fontname=\"sans-serif\"];"
    )?;
    writeln!(
        w,
        "  node [style=\"filled\", fontname=\"sans-serif\", color=\"#555555\"];"
    )?;
    writeln!(w, "  edge [fontname=\"sans-serif\", fontsize=\"10\"];")?;
    for a in graph.nodes() {
        let (shape, fill) = node_style(a.kind);
        let tooltip = format!(
            "{} · {} · {} mention(s) in {} document(s)",
            a.id,
            a.kind.as_str(),
            a.mentions,
            a.documents.len()
        );
        writeln!(
            w,
            "  {} [label={}, shape=\"{shape}\", fillcolor=\"{fill}\", tooltip={}];",
            quote(a.id.as_str()),
            quote(&a.name),
            quote(&tooltip)
        )?;
    }
    for e in graph.edges() {
        let style = if e.modality == Modality::Asserted {
            "solid"
        } else {
            "dashed"
        };
        let dir = if e.symmetric { "none" } else { "forward" };
        writeln!(
            w,
            "  {} -> {} [label={}, color=\"{}\", fontcolor=\"{}\", penwidth=\"{:.1}\", style=\"{style}\", dir=\"{dir}\", tooltip={}];",
            quote(e.source.as_str()),
            quote(e.target.as_str()),
            quote(&edge_label(e)),
            quad_colour(e),
            quad_colour(e),
            penwidth(e.count),
            quote(&edge_tooltip(e)),
        )?;
    }
    writeln!(w, "}}")
}

fn node_style(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Person => ("ellipse", "#cfe2f3"),
        EntityKind::Organization => ("box", "#fff2cc"),
        EntityKind::Place => ("hexagon", "#d9ead3"),
        EntityKind::Other => ("note", "#eeeeee"),
    }
}

fn quad_colour(e: &Interaction) -> &'static str {
    match e.cameo.quad_class() {
        1 => "#2e7d32",
        2 => "#1565c0",
        3 => "#ef6c00",
        _ => "#c62828",
    }
}

/// 1 for a single relation, growing with the logarithm of the count, at most 8.
fn penwidth(count: usize) -> f64 {
    (1.0 + (count.max(1) as f64).log2()).min(8.0)
}

fn edge_label(e: &Interaction) -> String {
    let mut label = e.label();
    if e.count > 1 {
        label.push_str(&format!(" ×{}", e.count));
    }
    if e.modality != Modality::Asserted {
        label.push_str(&format!(" ({})", e.modality.as_str()));
    }
    label
}

fn edge_tooltip(e: &Interaction) -> String {
    let mut lines = vec![format!(
        "{} · {} relation(s) in {} document(s)",
        e.cameo.name(),
        e.count,
        e.documents.len()
    )];
    lines.extend(
        e.excerpts
            .iter()
            .map(|x| format!("[{}] {}", x.document, x.text)),
    );
    lines.join("\n")
}

/// A DOT quoted string: `"` and `\` escaped, newlines as `\n`, other control characters as
/// spaces.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        for (input, want) in [
            ("拜登", r#""拜登""#),
            (r#"say "hi""#, r#""say \"hi\"""#),
            (r"a\b", r#""a\\b""#),
            ("a\\", r#""a\\""#),
            ("one\ntwo", r#""one\ntwo""#),
            ("one\r\ntwo", r#""one\ntwo""#),
            ("tab\there\u{7}", "\"tab here \""),
            ("", r#""""#),
        ] {
            assert_eq!(quote(input), want, "{input:?}");
        }
    }

    #[test]
    fn penwidths() {
        for (count, want) in [(0, 1.0), (1, 1.0), (2, 2.0), (4, 3.0), (1 << 20, 8.0)] {
            assert_eq!(penwidth(count), want, "{count}");
        }
    }

    #[test]
    fn empty_graph() {
        let s = to_string(&ActorGraph::new());
        assert!(
            s.starts_with("digraph \"newsgraph\" {\n") && s.ends_with("}\n"),
            "{s}"
        );
    }
}
