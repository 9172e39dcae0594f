//! newsgraph reads Chinese-language news and tells who appears in it, who said what, and who
//! did what to whom.
//!
//! # Overview
//! - [`Article`]: one input article (read from Markdown with front matter, HTML, text or JSON
//!   lines by the [`article`] readers).
//! - [`Analyzer`]: owns the compiled dictionaries and segmenter; [`Analyzer::analyze`] turns an
//!   article into a [`Document`].
//! - [`Document`]: the output contract: text, [`Entity`]s with their [`Mention`]s, quotes and
//!   relations, all positioned by byte [`Span`]s.
//! - [`Dictionary`]: the gazetteer's data, built in and extensible with your own files.
//! - [`ActorGraph`]: entities and their relations aggregated over one or many documents
//!   (a petgraph graph), rolled up to countries on demand, and written by [`export`] as JSON,
//!   CSV, Graphviz DOT or GraphML.
//!
//! # Example: analyze one article
//! ```
//! use newsgraph::{Analyzer, Article};
//! let analyzer = Analyzer::new(); // build once, reuse for every article
//! let article = Article::new("demo", "美国总统拜登与俄罗斯总统普京举行视频会谈。北约秘书长表示关切。")
//!     .with_date("2021-12-08");
//! let doc = analyzer.analyze(&article);
//! for e in &doc.entities {
//!     for m in &e.mentions {
//!         assert_eq!(&doc.text[m.span], m.text); // every span slices the text
//!     }
//! }
//! let ids: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
//! assert!(ids.contains(&"joe-biden") && ids.contains(&"vladimir-putin") && ids.contains(&"usa"));
//! ```
//!
//! # Example: use your own dictionary
//! ```
//! use newsgraph::{Analyzer, Article, Dictionary};
//! let tsv = "id\tname\ttype\tcountry\taliases\nacme-corp\t阿克米\torganization\tusa\t阿克米公司\n";
//! let analyzer = Analyzer::builder()
//!     .add_dictionary(Dictionary::from_reader("mine.tsv", tsv.as_bytes())?)
//!     .build()?;
//! let doc = analyzer.analyze(&Article::new("x", "阿克米公司宣布在美国裁员。"));
//! assert_eq!(doc.entities[0].id.as_str(), "acme-corp");
//! # Ok::<(), newsgraph::Error>(())
//! ```
//!
//! # Example: build an actor graph
//! ```
//! use newsgraph::{ActorGraph, Analyzer, Article, export};
//! let analyzer = Analyzer::new();
//! let docs: Vec<_> = ["拜登警告普京。", "普京与拜登举行视频会谈。"]
//!     .iter()
//!     .enumerate()
//!     .map(|(i, text)| analyzer.analyze(&Article::new(format!("a{i}"), *text)))
//!     .collect();
//! let graph = ActorGraph::from_documents(&docs); // order of documents does not matter
//! let mut dot = Vec::new();
//! export::dot::write(&graph, &mut dot)?;
//! assert!(String::from_utf8(dot).unwrap().starts_with("digraph"));
//! # Ok::<(), newsgraph::Error>(())
//! ```
//!
//! # Pipeline
//! ```text
//! Article ─► script (traditional → simplified, same offsets) ─► sentence ─► segment (jieba)
//!         ─► mention (gazetteer, abbreviations, roles) ─► entity (grouping) ─► Document
//!         ─► ActorGraph (graph) ─► JSON · CSV · DOT · GraphML (export)
//! ```
//! One module per stage: [`article`], [`script`], [`sentence`], [`segment`], [`mention`],
//! [`entity`], [`document`]; [`Analyzer::analyze`] calls them in order. Over documents,
//! [`graph`] aggregates and [`export`] writes.
//!
//! # Offsets
//! Every position is a [`Span`] of UTF-8 **byte** offsets into [`Document::text`], half-open:
//! `&doc.text[span]` is the spanned text. Traditional-script input is analysed through a
//! simplified copy of exactly the same byte length, so spans always slice the original.
//!
//! # Dictionaries
//! Built-in entity and role files (`dictionaries/*.tsv`) are embedded and parsed on first use
//! by the same loader as user files. Add yours with [`AnalyzerBuilder::add_dictionary`]
//! (rows merge by id, yours win) or drop the built-ins with
//! [`AnalyzerBuilder::builtin_dictionaries`]. The format is documented in
//! `dictionaries/README.md`.
//!
//! # Crate features
//! - `cli` (default): the `newsgraph` command-line tool, with the statistical model (it turns
//!   `ner-model` on). Library users set `default-features = false`.
//! - `ner-model`: the statistical NER recogniser (rule `model`). **Its weights are trained on
//!   the MSRA NER corpus, licensed for research use only** (see `THIRD-PARTY.md`), so library
//!   users opt in: `features = ["ner-model"]`. Without it the gazetteer and the rules alone
//!   find entities.

#![deny(missing_docs)]

pub mod analyzer;
pub mod article;
pub mod dictionary;
pub mod document;
pub mod entity;
mod error;
pub mod export;
pub mod graph;
pub(crate) mod hash;
pub mod lexicon;
pub mod mention;
pub mod quote;
pub mod relation;
pub mod script;
pub mod segment;
pub mod sentence;
mod span;

pub use analyzer::{Analyzer, AnalyzerBuilder};
pub use article::{Article, InputFormat, ReadOptions};
pub use dictionary::Dictionary;
pub use document::Document;
pub use entity::{Entity, EntityId, EntityKind};
pub use error::{Error, ErrorKind, Result};
pub use graph::{ActorGraph, Level};
pub use mention::{Mention, MentionRule};
pub use quote::{Quote, QuoteKind, QuoteRule};
pub use relation::{Cameo, Modality, Relation};
pub use span::Span;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
