//! GraphML, written by hand: a `<key>` declaration for every node and edge attribute, then the
//! nodes and edges in order. Gephi, networkx (`nx.read_graphml`), yEd and Cytoscape open it.
//!
//! Node attributes: `label` (the name), `type`, `country`, `mentions`, `documents`.
//! Edge attributes: `label` (`warn 13`), `cameo`, `cameo_name`, `quad_class`, `modality`,
//! `symmetric`, `types`, `cues`, `count`, `weight` (the count as a double, which Gephi uses),
//! `documents`, `evidence` (the excerpts, one per line).
//!
//! The graph is directed (`edgedefault="directed"`); a symmetric edge says so in `symmetric`
//! rather than with `directed="false"`, which networkx rejects in a directed graph. Two edges
//! between the same pair (different CAMEO roots or modalities) are parallel edges: networkx
//! reads them as a `MultiDiGraph`. Text is XML-escaped, and characters XML 1.0 forbids
//! (control characters other than tab and newline) are dropped.

use crate::error::Result;
use crate::graph::ActorGraph;
use std::io::Write;

/// `(id, for, attr.name, attr.type)` of every attribute.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n_label", "node", "label", "string"),
    ("n_type", "node", "type", "string"),
    ("n_country", "node", "country", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("n_documents", "node", "documents", "int"),
    ("e_label", "edge", "label", "string"),
    ("e_cameo", "edge", "cameo", "string"),
    ("e_cameo_name", "edge", "cameo_name", "string"),
    ("e_quad_class", "edge", "quad_class", "int"),
    ("e_modality", "edge", "modality", "string"),
    ("e_symmetric", "edge", "symmetric", "boolean"),
    ("e_types", "edge", "types", "string"),
    ("e_cues", "edge", "cues", "string"),
    ("e_count", "edge", "count", "int"),
    ("e_weight", "edge", "weight", "double"),
    ("e_documents", "edge", "documents", "int"),
    ("e_evidence", "edge", "evidence", "string"),
];

/// Writes `graph` as a GraphML document.
///
/// # Example
/// ```
/// use newsgraph::ActorGraph;
/// let mut out = Vec::new();
/// newsgraph::export::graphml::write(&ActorGraph::new(), &mut out)?;
/// assert!(String::from_utf8(out).unwrap().contains("<graph id=\"newsgraph\" edgedefault=\"directed\">"));
/// # Ok::<(), newsgraph::Error>(())
/// ```
///
/// # Errors
/// When writing to `out` fails.
pub fn write(graph: &ActorGraph, out: impl Write) -> Result<()> {
    super::write_with("GraphML", out, |w| write_io(graph, w))
}

/// The GraphML text of `graph`.
pub fn to_string(graph: &ActorGraph) -> String {
    let mut out = Vec::new();
    write_io(graph, &mut out).unwrap_or_else(|e| unreachable!("writing to a Vec: {e}"));
    String::from_utf8(out).unwrap_or_else(|e| unreachable!("GraphML is built from str: {e}"))
}

fn write_io(graph: &ActorGraph, w: &mut impl Write) -> std::io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, what, name, ty) in KEYS {
        writeln!(
            w,
            r#"  <key id="{id}" for="{what}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(w, r#"  <graph id="newsgraph" edgedefault="directed">"#)?;
    for a in graph.nodes() {
        writeln!(w, r#"    <node id="{}">"#, escape(a.id.as_str()))?;
        data(w, "n_label", &a.name)?;
        data(w, "n_type", a.kind.as_str())?;
        if let Some(c) = &a.country {
            data(w, "n_country", c.as_str())?;
        }
        data(w, "n_mentions", &a.mentions.to_string())?;
        data(w, "n_documents", &a.documents.len().to_string())?;
        writeln!(w, "    </node>")?;
    }
    for (i, e) in graph.edges().enumerate() {
        writeln!(
            w,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            escape(e.source.as_str()),
            escape(e.target.as_str())
        )?;
        data(w, "e_label", &e.label())?;
        data(w, "e_cameo", e.cameo.code())?;
        data(w, "e_cameo_name", e.cameo.name())?;
        data(w, "e_quad_class", &e.cameo.quad_class().to_string())?;
        data(w, "e_modality", e.modality.as_str())?;
        data(w, "e_symmetric", if e.symmetric { "true" } else { "false" })?;
        data(w, "e_types", &join(e.types.iter()))?;
        data(w, "e_cues", &join(e.cues.iter()))?;
        data(w, "e_count", &e.count.to_string())?;
        data(w, "e_weight", &format!("{:.1}", e.count as f64))?;
        data(w, "e_documents", &e.documents.len().to_string())?;
        let evidence: Vec<&str> = e.excerpts.iter().map(|x| x.text.as_str()).collect();
        data(w, "e_evidence", &evidence.join("\n"))?;
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
}

fn join<'a>(items: impl Iterator<Item = &'a String>) -> String {
    items.map(String::as_str).collect::<Vec<_>>().join(";")
}

fn data(w: &mut impl Write, key: &str, value: &str) -> std::io::Result<()> {
    writeln!(w, r#"      <data key="{key}">{}</data>"#, escape(value))
}

/// XML-escapes text for an element or a double-quoted attribute, dropping the characters XML
/// 1.0 does not allow.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        for (input, want) in [
            ("拜登", "拜登"),
            ("a & b", "a &amp; b"),
            ("<x>", "&lt;x&gt;"),
            (r#"say "hi" 'x'"#, "say &quot;hi&quot; &apos;x&apos;"),
            ("bell\u{7}\u{0}", "bell"),
            ("a\r\nb", "a&#13;\nb"),
            ("\u{fffe}ok", "ok"),
        ] {
            assert_eq!(escape(input), want, "{input:?}");
        }
    }

    #[test]
    fn key_ids_are_unique() {
        let mut ids: Vec<&str> = KEYS.iter().map(|k| k.0).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), KEYS.len());
    }
}
