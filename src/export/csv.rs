//! CSV tables, one row per record, UTF-8 with a header row, in the spirit of GDELT and
//! PETRARCH event tables.
//!
//! From documents (streamed, one [`DocumentTables::write`] per document):
//!
//! | file | one row per | columns |
//! |---|---|---|
//! | `entities.csv` | entity of a document | `doc_id, entity_id, name, type, country, en, mentions, forms` |
//! | `mentions.csv` | mention | `doc_id, entity_id, entity_name, type, start, end, text, rule` |
//! | `quotes.csv` | quote | `doc_id, date, quote_index, speaker_id, speaker_name, speaker_text, speaker_group, cue, cue_type, kind, via_id, via_name, parent, content_start, content_end, content_text, rule` |
//! | `relations.csv` | relation | `doc_id, date, relation_index, source_id, source_name, target_id, target_name, cameo, cameo_name, quad_class, type, modality, symmetric, cue, quote_index, evidence_start, evidence_end, evidence_text` |
//!
//! From an [`ActorGraph`]:
//!
//! | file | one row per | columns |
//! |---|---|---|
//! | `nodes.csv` | node | `id, name, type, country, mentions, documents, doc_ids` |
//! | `edges.csv` | edge | `source_id, source_name, target_id, target_name, cameo, cameo_name, quad_class, modality, symmetric, types, cues, count, documents, doc_ids`, then `evidenceN_doc_id, evidenceN_start, evidenceN_end, evidenceN_text` for N = 1..3 |
//!
//! `start`/`end` columns are UTF-8 byte offsets into the document text. `cameo` is the
//! two-digit root as text (`"04"`; read it as a string in pandas: `dtype={"cameo": str}`).
//! List cells (`forms`, `types`, `cues`, `doc_ids`) join their items with `;` (a `;` or `\`
//! inside an item is escaped with `\`). `documents` is a count; `doc_ids` lists them.
//!
//! pandas and R read UTF-8 as is. Excel guesses the encoding from a byte-order mark: set
//! [`CsvOptions::bom`] (`newsgraph graph --bom`) for files meant for Excel. Readers here skip a
//! BOM.
//!
//! [`read_graph`] rebuilds a graph from `entities.csv` and `edges.csv`, which is how `newsgraph
//! merge` combines shards: node counts come from `entities.csv` because it also holds the
//! entities that are in no relation of a shard but are in one of another.

use crate::document::Document;
use crate::entity::{EntityId, EntityKind};
use crate::error::{Error, Result};
use crate::graph::{Actor, ActorGraph, Excerpt, Interaction, MAX_EXCERPTS};
use crate::relation::{Cameo, Modality};
use crate::span::Span;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;

/// How CSV files are written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Start each file with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.
    pub bom: bool,
}

/// One of the CSV tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Table {
    /// `entities.csv`.
    Entities,
    /// `mentions.csv`.
    Mentions,
    /// `quotes.csv`.
    Quotes,
    /// `relations.csv`.
    Relations,
    /// `nodes.csv`.
    Nodes,
    /// `edges.csv`.
    Edges,
}

const ENTITIES: &[&str] = &[
    "doc_id",
    "entity_id",
    "name",
    "type",
    "country",
    "en",
    "mentions",
    "forms",
];
const MENTIONS: &[&str] = &[
    "doc_id",
    "entity_id",
    "entity_name",
    "type",
    "start",
    "end",
    "text",
    "rule",
];
const QUOTES: &[&str] = &[
    "doc_id",
    "date",
    "quote_index",
    "speaker_id",
    "speaker_name",
    "speaker_text",
    "speaker_group",
    "cue",
    "cue_type",
    "kind",
    "via_id",
    "via_name",
    "parent",
    "content_start",
    "content_end",
    "content_text",
    "rule",
];
const RELATIONS: &[&str] = &[
    "doc_id",
    "date",
    "relation_index",
    "source_id",
    "source_name",
    "target_id",
    "target_name",
    "cameo",
    "cameo_name",
    "quad_class",
    "type",
    "modality",
    "symmetric",
    "cue",
    "quote_index",
    "evidence_start",
    "evidence_end",
    "evidence_text",
];
const NODES: &[&str] = &[
    "id",
    "name",
    "type",
    "country",
    "mentions",
    "documents",
    "doc_ids",
];
const EDGES: &[&str] = &[
    "source_id",
    "source_name",
    "target_id",
    "target_name",
    "cameo",
    "cameo_name",
    "quad_class",
    "modality",
    "symmetric",
    "types",
    "cues",
    "count",
    "documents",
    "doc_ids",
    "evidence1_doc_id",
    "evidence1_start",
    "evidence1_end",
    "evidence1_text",
    "evidence2_doc_id",
    "evidence2_start",
    "evidence2_end",
    "evidence2_text",
    "evidence3_doc_id",
    "evidence3_start",
    "evidence3_end",
    "evidence3_text",
];

impl Table {
    /// The tables written from documents, in file-name order.
    pub const DOCUMENT_TABLES: [Table; 4] = [
        Table::Entities,
        Table::Mentions,
        Table::Quotes,
        Table::Relations,
    ];

    /// The file name (`edges.csv`).
    pub fn file_name(self) -> &'static str {
        match self {
            Table::Entities => "entities.csv",
            Table::Mentions => "mentions.csv",
            Table::Quotes => "quotes.csv",
            Table::Relations => "relations.csv",
            Table::Nodes => "nodes.csv",
            Table::Edges => "edges.csv",
        }
    }

    /// The header row.
    pub fn header(self) -> &'static [&'static str] {
        match self {
            Table::Entities => ENTITIES,
            Table::Mentions => MENTIONS,
            Table::Quotes => QUOTES,
            Table::Relations => RELATIONS,
            Table::Nodes => NODES,
            Table::Edges => EDGES,
        }
    }
}

/// Maps a csv write error to ours.
fn write_error(table: Table) -> impl Fn(::csv::Error) -> Error {
    move |e| {
        let io = match e.into_kind() {
            ::csv::ErrorKind::Io(io) => io,
            other => std::io::Error::other(format!("{other:?}")),
        };
        Error::output(table.file_name(), io)
    }
}

/// Starts a table: optional BOM, then the header.
fn start<W: Write>(mut out: W, table: Table, options: &CsvOptions) -> Result<::csv::Writer<W>> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes())
            .map_err(|e| Error::output(table.file_name(), e))?;
    }
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(table.header()).map_err(write_error(table))?;
    Ok(w)
}

/// Writes the four document tables, one document at a time (memory stays bounded).
///
/// # Example
/// ```
/// use newsgraph::export::csv::{CsvOptions, DocumentTables};
/// use newsgraph::{Analyzer, Article};
/// let doc = Analyzer::new().analyze(&Article::new("a1", "普京表示，北约不应东扩。"));
/// let (mut e, mut m, mut q, mut r) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
/// let mut tables = DocumentTables::new(&mut e, &mut m, &mut q, &mut r, &CsvOptions::default())?;
/// tables.write(&doc)?;
/// tables.finish()?;
/// let entities = String::from_utf8(e).unwrap();
/// assert!(entities.starts_with("doc_id,entity_id,name,type,country,en,mentions,forms\n"));
/// assert!(entities.contains("a1,vladimir-putin,普京,person,rus,"));
/// # Ok::<(), newsgraph::Error>(())
/// ```
pub struct DocumentTables<W: Write> {
    entities: ::csv::Writer<W>,
    mentions: ::csv::Writer<W>,
    quotes: ::csv::Writer<W>,
    relations: ::csv::Writer<W>,
}

impl DocumentTables<BufWriter<File>> {
    /// Creates `entities.csv`, `mentions.csv`, `quotes.csv` and `relations.csv` in `dir`
    /// (which must exist), replacing existing files.
    ///
    /// # Errors
    /// When a file cannot be created or written.
    pub fn create(dir: &Path, options: &CsvOptions) -> Result<Self> {
        let open = |t: Table| {
            let path = dir.join(t.file_name());
            File::create(&path)
                .map(BufWriter::new)
                .map_err(|e| Error::io(path, e))
        };
        DocumentTables::new(
            open(Table::Entities)?,
            open(Table::Mentions)?,
            open(Table::Quotes)?,
            open(Table::Relations)?,
            options,
        )
    }
}

impl<W: Write> DocumentTables<W> {
    /// Starts the four tables on the given outputs (writing their headers).
    ///
    /// # Errors
    /// When writing a header fails.
    pub fn new(
        entities: W,
        mentions: W,
        quotes: W,
        relations: W,
        options: &CsvOptions,
    ) -> Result<Self> {
        Ok(DocumentTables {
            entities: start(entities, Table::Entities, options)?,
            mentions: start(mentions, Table::Mentions, options)?,
            quotes: start(quotes, Table::Quotes, options)?,
            relations: start(relations, Table::Relations, options)?,
        })
    }

    /// Appends the rows of one document.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write(&mut self, doc: &Document) -> Result<()> {
        let names: HashMap<&EntityId, &str> = doc
            .entities
            .iter()
            .map(|e| (&e.id, e.name.as_str()))
            .collect();
        let name = |id: Option<&EntityId>| {
            id.and_then(|id| names.get(id).copied())
                .unwrap_or_default()
                .to_string()
        };
        let opt_id = |id: Option<&EntityId>| id.map(|i| i.as_str().to_string()).unwrap_or_default();
        let date = doc.date.clone().unwrap_or_default();
        for e in &doc.entities {
            self.entities
                .write_record([
                    doc.id.clone(),
                    e.id.to_string(),
                    e.name.clone(),
                    e.kind.as_str().to_string(),
                    opt_id(e.country.as_ref()),
                    e.en.clone().unwrap_or_default(),
                    e.mentions.len().to_string(),
                    join(e.forms.iter().map(String::as_str)),
                ])
                .map_err(write_error(Table::Entities))?;
            for m in &e.mentions {
                self.mentions
                    .write_record([
                        doc.id.clone(),
                        e.id.to_string(),
                        e.name.clone(),
                        e.kind.as_str().to_string(),
                        m.span.start.to_string(),
                        m.span.end.to_string(),
                        m.text.clone(),
                        serde_name(&m.rule),
                    ])
                    .map_err(write_error(Table::Mentions))?;
            }
        }
        for (i, q) in doc.quotes.iter().enumerate() {
            self.quotes
                .write_record([
                    doc.id.clone(),
                    date.clone(),
                    i.to_string(),
                    opt_id(q.speaker.as_ref()),
                    name(q.speaker.as_ref()),
                    q.speaker_text.clone().unwrap_or_default(),
                    join(q.speakers.iter().map(EntityId::as_str)),
                    q.cue.clone(),
                    serde_name(&q.cue_type),
                    serde_name(&q.kind),
                    opt_id(q.via.as_ref()),
                    name(q.via.as_ref()),
                    q.parent.map(|p| p.to_string()).unwrap_or_default(),
                    q.content.span.start.to_string(),
                    q.content.span.end.to_string(),
                    q.content.text.clone(),
                    q.rule.as_str().to_string(),
                ])
                .map_err(write_error(Table::Quotes))?;
        }
        for (i, r) in doc.relations.iter().enumerate() {
            let span = r.evidence.span;
            self.relations
                .write_record([
                    doc.id.clone(),
                    date.clone(),
                    i.to_string(),
                    r.source.to_string(),
                    name(Some(&r.source)),
                    r.target.to_string(),
                    name(Some(&r.target)),
                    r.cameo.code().to_string(),
                    r.cameo.name().to_string(),
                    r.cameo.quad_class().to_string(),
                    r.kind.clone(),
                    r.modality.as_str().to_string(),
                    r.symmetric.to_string(),
                    r.cue.clone(),
                    r.quote.map(|q| q.to_string()).unwrap_or_default(),
                    span.start.to_string(),
                    span.end.to_string(),
                    doc.text.get(span.range()).unwrap_or_default().to_string(),
                ])
                .map_err(write_error(Table::Relations))?;
        }
        Ok(())
    }

    /// Flushes the four tables.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(mut self) -> Result<()> {
        for (w, t) in [
            (&mut self.entities, Table::Entities),
            (&mut self.mentions, Table::Mentions),
            (&mut self.quotes, Table::Quotes),
            (&mut self.relations, Table::Relations),
        ] {
            w.flush().map_err(|e| Error::output(t.file_name(), e))?;
        }
        Ok(())
    }
}

/// Writes `nodes.csv` of `graph`.
///
/// # Errors
/// When writing fails.
pub fn write_nodes(graph: &ActorGraph, out: impl Write, options: &CsvOptions) -> Result<()> {
    let mut w = start(out, Table::Nodes, options)?;
    for a in graph.nodes() {
        w.write_record([
            a.id.to_string(),
            a.name.clone(),
            a.kind.as_str().to_string(),
            a.country
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default(),
            a.mentions.to_string(),
            a.documents.len().to_string(),
            join(a.documents.iter().map(String::as_str)),
        ])
        .map_err(write_error(Table::Nodes))?;
    }
    w.flush().map_err(|e| Error::output("nodes.csv", e))
}

/// Writes `edges.csv` of `graph`.
///
/// # Errors
/// When writing fails.
pub fn write_edges(graph: &ActorGraph, out: impl Write, options: &CsvOptions) -> Result<()> {
    let mut w = start(out, Table::Edges, options)?;
    let name = |id: &EntityId| graph.node(id).map(|a| a.name.clone()).unwrap_or_default();
    for e in graph.edges() {
        let mut row = vec![
            e.source.to_string(),
            name(&e.source),
            e.target.to_string(),
            name(&e.target),
            e.cameo.code().to_string(),
            e.cameo.name().to_string(),
            e.cameo.quad_class().to_string(),
            e.modality.as_str().to_string(),
            e.symmetric.to_string(),
            join(e.types.iter().map(String::as_str)),
            join(e.cues.iter().map(String::as_str)),
            e.count.to_string(),
            e.documents.len().to_string(),
            join(e.documents.iter().map(String::as_str)),
        ];
        for k in 0..MAX_EXCERPTS {
            match e.excerpts.get(k) {
                Some(x) => row.extend([
                    x.document.clone(),
                    x.span.start.to_string(),
                    x.span.end.to_string(),
                    x.text.clone(),
                ]),
                None => row.extend(std::iter::repeat_n(String::new(), 4)),
            }
        }
        w.write_record(&row).map_err(write_error(Table::Edges))?;
    }
    w.flush().map_err(|e| Error::output("edges.csv", e))
}

/// Writes `nodes.csv` and `edges.csv` of `graph` into `dir` (which must exist).
///
/// # Errors
/// When a file cannot be created or written.
pub fn write_graph(graph: &ActorGraph, dir: &Path, options: &CsvOptions) -> Result<()> {
    for t in [Table::Nodes, Table::Edges] {
        let path = dir.join(t.file_name());
        let file = File::create(&path).map_err(|e| Error::io(&path, e))?;
        let out = BufWriter::new(file);
        match t {
            Table::Nodes => write_nodes(graph, out, options)?,
            _ => write_edges(graph, out, options)?,
        }
    }
    Ok(())
}

/// Rebuilds an entity-level graph from an `entities.csv` and an `edges.csv` (as written by
/// [`DocumentTables`] and [`write_edges`]). Merging the graphs of shards read this way gives
/// the graph of all their documents.
///
/// # Example
/// ```
/// use newsgraph::export::csv::{self, CsvOptions};
/// use newsgraph::ActorGraph;
/// let mut edges = Vec::new();
/// csv::write_edges(&ActorGraph::new(), &mut edges, &CsvOptions::default())?;
/// let entities = "doc_id,entity_id,name,type,country,en,mentions,forms\nd1,usa,美国,place,,,2,美国\n";
/// let g = csv::read_graph("entities.csv", entities.as_bytes(), "edges.csv", edges.as_slice())?;
/// assert_eq!(g.entities().next().unwrap().mentions, 2);
/// # Ok::<(), newsgraph::Error>(())
/// ```
///
/// # Errors
/// Unreadable input, a missing column, or a bad value, naming the file and line.
pub fn read_graph(
    entities_name: &str,
    entities: impl Read,
    edges_name: &str,
    edges: impl Read,
) -> Result<ActorGraph> {
    let mut g = ActorGraph::new();
    for_each_row(entities_name, entities, |row| {
        g.add_actor_unsorted(Actor {
            id: EntityId::new(row.get("entity_id")?),
            name: row.get("name")?.to_string(),
            kind: EntityKind::from_name(row.get("type")?)
                .ok_or_else(|| row.bad("type", "person, place, organization or other"))?,
            country: Some(row.get("country")?)
                .filter(|c| !c.is_empty())
                .map(EntityId::new),
            mentions: row.number("mentions")?,
            documents: BTreeSet::from([row.get("doc_id")?.to_string()]),
        });
        Ok(())
    })?;
    for_each_row(edges_name, edges, |row| {
        let mut excerpts = Vec::new();
        for k in 1..=MAX_EXCERPTS {
            let doc = row.get(&format!("evidence{k}_doc_id"))?;
            if doc.is_empty() {
                continue;
            }
            excerpts.push(Excerpt {
                document: doc.to_string(),
                span: Span::new(
                    row.number(&format!("evidence{k}_start"))?,
                    row.number(&format!("evidence{k}_end"))?,
                ),
                text: row.get(&format!("evidence{k}_text"))?.to_string(),
            });
        }
        g.add_interaction_unsorted(Interaction {
            source: EntityId::new(row.get("source_id")?),
            target: EntityId::new(row.get("target_id")?),
            cameo: Cameo::from_code(row.get("cameo")?)
                .ok_or_else(|| row.bad("cameo", "a CAMEO root code 01–20"))?,
            modality: serde_json::from_value::<Modality>(serde_json::Value::String(
                row.get("modality")?.to_string(),
            ))
            .map_err(|_| {
                row.bad(
                    "modality",
                    "asserted, negated, hypothetical, planned or reported",
                )
            })?,
            symmetric: match row.get("symmetric")? {
                "true" => true,
                "false" => false,
                _ => return Err(row.bad("symmetric", "true or false")),
            },
            types: split(row.get("types")?).into_iter().collect(),
            cues: split(row.get("cues")?).into_iter().collect(),
            count: row.number("count")?,
            documents: split(row.get("doc_ids")?).into_iter().collect(),
            excerpts,
        });
        Ok(())
    })?;
    g.reindex();
    Ok(g)
}

/// [`read_graph`] on `dir/entities.csv` and `dir/edges.csv`.
///
/// # Errors
/// As [`read_graph`], and when a file cannot be opened.
pub fn read_graph_dir(dir: &Path) -> Result<ActorGraph> {
    let open = |t: Table| {
        let path = dir.join(t.file_name());
        File::open(&path)
            .map(|f| (path.display().to_string(), std::io::BufReader::new(f)))
            .map_err(|e| Error::io(path, e))
    };
    let (en, e) = open(Table::Entities)?;
    let (gn, g) = open(Table::Edges)?;
    read_graph(&en, e, &gn, g)
}

/// One record with its column positions, for messages with file and line.
struct Row<'a> {
    source_name: &'a str,
    columns: &'a BTreeMap<String, usize>,
    record: &'a ::csv::StringRecord,
}

impl Row<'_> {
    fn line(&self) -> Option<usize> {
        self.record.position().map(|p| p.line() as usize)
    }

    fn get(&self, column: &str) -> Result<&str> {
        let i = self.columns.get(column).ok_or_else(|| {
            Error::input(
                self.source_name,
                Some(1),
                format!("missing column {column:?}"),
            )
        })?;
        Ok(self.record.get(*i).unwrap_or_default())
    }

    fn number(&self, column: &str) -> Result<usize> {
        self.get(column)?
            .parse()
            .map_err(|_| self.bad(column, "a whole number"))
    }

    fn bad(&self, column: &str, expected: &str) -> Error {
        let value = self.get(column).unwrap_or_default();
        Error::input(
            self.source_name,
            self.line(),
            format!("bad {column} {value:?} (expected {expected})"),
        )
    }
}

fn for_each_row(
    source_name: &str,
    input: impl Read,
    mut f: impl FnMut(&Row<'_>) -> Result<()>,
) -> Result<()> {
    let csv_error = |e: ::csv::Error| {
        let line = e.position().map(|p| p.line() as usize);
        Error::input(source_name, line, e.to_string())
    };
    let mut reader = ::csv::Reader::from_reader(input);
    let columns: BTreeMap<String, usize> = reader
        .headers()
        .map_err(csv_error)?
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim_start_matches('\u{feff}').to_string(), i))
        .collect();
    let mut record = ::csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(csv_error)? {
        f(&Row {
            source_name,
            columns: &columns,
            record: &record,
        })?;
    }
    Ok(())
}

/// The serde spelling of a unit enum value (`gazetteer`, `indirect`).
fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Joins list items with `;`, escaping `;` and `\` inside items with `\`.
fn join<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        for c in item.chars() {
            if c == ';' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// The inverse of [`join`]; an empty cell is an empty list.
fn split(cell: &str) -> Vec<String> {
    if cell.is_empty() {
        return Vec::new();
    }
    let mut out = vec![String::new()];
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(n), Some(s)) = (chars.next(), out.last_mut()) {
                    s.push(n);
                }
            }
            ';' => out.push(String::new()),
            c => {
                if let Some(s) = out.last_mut() {
                    s.push(c);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_cells_round_trip() {
        // (items, cell)
        for (items, cell) in [
            (vec![], ""),
            (vec!["a"], "a"),
            (vec!["a", "b"], "a;b"),
            (vec!["a;b", "c\\d"], "a\\;b;c\\\\d"),
            (vec!["", "x"], ";x"),
            (vec!["美国", "俄罗斯"], "美国;俄罗斯"),
        ] {
            assert_eq!(join(items.iter().copied()), cell, "{items:?}");
            if items != [""] {
                assert_eq!(split(cell), items, "{cell:?}");
            }
        }
    }

    #[test]
    fn headers_match_tables() {
        for t in Table::DOCUMENT_TABLES
            .into_iter()
            .chain([Table::Nodes, Table::Edges])
        {
            assert!(t.file_name().ends_with(".csv"));
            assert!(!t.header().is_empty());
        }
        assert_eq!(EDGES.len(), 14 + 4 * MAX_EXCERPTS);
    }

    #[test]
    fn bom_only_when_asked() {
        for (bom, starts) in [(false, "id,"), (true, "\u{feff}id,")] {
            let mut out = Vec::new();
            write_nodes(&ActorGraph::new(), &mut out, &CsvOptions { bom }).unwrap();
            assert!(String::from_utf8(out).unwrap().starts_with(starts), "{bom}");
        }
    }

    #[test]
    fn bad_values_name_file_and_line() {
        let entities = "doc_id,entity_id,name,type,country,en,mentions,forms\nd,x,X,robot,,,1,\n";
        let err = read_graph(
            "e.csv",
            entities.as_bytes(),
            "g.csv",
            EDGES.join(",").as_bytes(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("e.csv:2: bad type \"robot\""), "{err}");
    }
}
