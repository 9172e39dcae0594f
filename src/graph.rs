//! The actor graph: entities as nodes, their relations aggregated into weighted edges, over one
//! document or a whole corpus.
//!
//! [`ActorGraph`] is a [`petgraph::Graph`] of [`Actor`] nodes and [`Interaction`] edges, plus a
//! `BTreeMap<EntityId, NodeIndex>`:
//!
//! - **Nodes** are the entities that take part in at least one relation (or every entity seen,
//!   with [`ActorGraph::with_all_entities`]), with their mention count and the ids of the
//!   documents that mention them.
//! - **Edges** aggregate relations by `(source, target, CAMEO root, modality)`: a count, the
//!   relation types and cues seen, the documents, and up to [`MAX_EXCERPTS`] evidence excerpts.
//!   A symmetric relation (会谈, 通电话) is stored with `source < target` (by id), so 拜登与普京
//!   会谈 and 普京与拜登会谈 count on the same edge.
//!
//! # Determinism
//! The graph is a function of the *set* of documents added, not of their order: node indices
//! follow [`EntityId`] order and edge indices `(source, target, cameo, modality)` order after
//! every public call, excerpts are the smallest by `(document, span)`, and descriptive fields of
//! an entity seen with different names keep the smallest. [`ActorGraph::merge`] of shards
//! therefore equals one graph built from all documents, and every export is byte-identical
//! whatever order or thread count produced the graph.
//!
//! # Example
//! ```
//! use newsgraph::graph::{ActorGraph, Level};
//! use newsgraph::relation::Evidence;
//! use newsgraph::{Cameo, Document, Entity, EntityId, EntityKind, Modality, Relation, Span};
//!
//! let entity = |id: &str, name: &str, country: Option<&str>| Entity {
//!     id: EntityId::new(id), name: name.into(), kind: EntityKind::Person,
//!     country: country.map(EntityId::new), en: None, forms: vec![], mentions: vec![],
//! };
//! let doc = Document {
//!     id: "d1".into(), title: None, date: None, source: None, encoding: None,
//!     text: "拜登警告普京。".into(),
//!     entities: vec![entity("joe-biden", "拜登", Some("usa")),
//!                    entity("vladimir-putin", "普京", Some("russia"))],
//!     quotes: vec![],
//!     groups: vec![],
//!     relations: vec![Relation {
//!         source: EntityId::new("joe-biden"), target: EntityId::new("vladimir-putin"),
//!         cameo: Cameo::Threaten, kind: "warn".into(), modality: Modality::Asserted,
//!         cue: "警告".into(), evidence: Evidence { span: Span::new(0, 21) },
//!         symmetric: false, quote: None,
//!     }],
//! };
//! let graph = ActorGraph::from_documents([&doc]);
//! assert_eq!(graph.node_count(), 2);
//! let edge = graph.edges().next().unwrap();
//! assert_eq!((edge.cameo.code(), edge.count), ("13", 1));
//! assert_eq!(edge.excerpts[0].text, "拜登警告普京。");
//!
//! let countries = graph.rolled_up(Level::Country);
//! let ids: Vec<&str> = countries.nodes().map(|a| a.id.as_str()).collect();
//! assert_eq!(ids, ["russia", "usa"]);
//! ```

use crate::document::Document;
use crate::entity::{EntityId, EntityKind};
use crate::relation::{Cameo, Modality};
use crate::span::Span;
use petgraph::graph::{EdgeIndex, Graph, NodeIndex};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};

/// How many evidence excerpts an edge keeps (the first by document id and position).
pub const MAX_EXCERPTS: usize = 3;

/// The level a graph is drawn at.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// One node per entity (拜登, 白宫, 美国 are three nodes).
    #[default]
    Entity,
    /// People, organizations and places are replaced by their country where the dictionary
    /// knows it (拜登, 白宫 → 美国); countries and entities without a country stay themselves.
    Country,
}

impl Level {
    /// `entity` or `country`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Entity => "entity",
            Level::Country => "country",
        }
    }
}

/// A node: one entity, aggregated over the documents that mention it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Entity id.
    pub id: EntityId,
    /// Canonical name; the id itself when the entity was only seen as a relation end or as a
    /// country at [`Level::Country`].
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Country id, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<EntityId>,
    /// Mentions over all documents.
    pub mentions: usize,
    /// Ids of the documents that mention it, sorted.
    pub documents: BTreeSet<String>,
}

impl Actor {
    /// An actor known only by its id (a relation end with no entity record): name = id.
    pub fn placeholder(id: EntityId, kind: EntityKind) -> Actor {
        Actor {
            name: id.as_str().to_string(),
            id,
            kind,
            country: None,
            mentions: 0,
            documents: BTreeSet::new(),
        }
    }

    /// Adds `other`'s counts and documents. Name, type and country come from the preferred of
    /// the two (a real name over a placeholder, then the smallest), so the result does not
    /// depend on the order actors are combined in.
    fn absorb(&mut self, other: Actor) {
        let key = |a: &Actor| {
            (
                a.name == a.id.as_str(),
                a.name.clone(),
                a.kind,
                a.country.is_none(),
                a.country.clone(),
            )
        };
        if key(&other) < key(self) {
            self.name = other.name;
            self.kind = other.kind;
            self.country = other.country;
        }
        self.mentions += other.mentions;
        self.documents.extend(other.documents);
    }
}

/// An evidence excerpt of an edge: where one of its relations is stated.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Excerpt {
    /// Document id.
    pub document: String,
    /// Byte span of the evidence clause in that document's text.
    #[serde(flatten)]
    pub span: Span,
    /// The clause.
    pub text: String,
}

/// An edge: every relation of one `(source, target, CAMEO root, modality)`, aggregated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interaction {
    /// Who acts (for a symmetric edge, the smaller id).
    pub source: EntityId,
    /// Who is acted on (for a symmetric edge, the larger id).
    pub target: EntityId,
    /// CAMEO root code.
    pub cameo: Cameo,
    /// Modality.
    pub modality: Modality,
    /// True when every relation on the edge is mutual (会谈, 通电话).
    pub symmetric: bool,
    /// Event names from the lexicon (`warn`, `meet`), sorted.
    pub types: BTreeSet<String>,
    /// Cues as written (警告, 会谈), sorted.
    pub cues: BTreeSet<String>,
    /// Number of relations.
    pub count: usize,
    /// Ids of the documents stating it, sorted.
    pub documents: BTreeSet<String>,
    /// Up to [`MAX_EXCERPTS`] evidence excerpts, the first by `(document, span)`.
    pub excerpts: Vec<Excerpt>,
}

impl Interaction {
    /// The aggregation key.
    fn key(&self) -> EdgeKey {
        (
            self.source.clone(),
            self.target.clone(),
            self.cameo,
            self.modality,
        )
    }

    /// A short label: the types (or the CAMEO name when there are none) and the code,
    /// e.g. `warn 13`.
    pub fn label(&self) -> String {
        let name = if self.types.is_empty() {
            self.cameo.name().to_string()
        } else {
            self.types.iter().cloned().collect::<Vec<_>>().join("/")
        };
        format!("{name} {}", self.cameo.code())
    }

    fn absorb(&mut self, other: Interaction) {
        self.symmetric &= other.symmetric;
        self.types.extend(other.types);
        self.cues.extend(other.cues);
        self.count += other.count;
        self.documents.extend(other.documents);
        self.excerpts.extend(other.excerpts);
        self.excerpts.sort();
        self.excerpts.dedup();
        self.excerpts.truncate(MAX_EXCERPTS);
    }

    /// Orders a symmetric edge's ends.
    fn normalize(&mut self) {
        if self.symmetric && self.target < self.source {
            std::mem::swap(&mut self.source, &mut self.target);
        }
    }
}

type EdgeKey = (EntityId, EntityId, Cameo, Modality);

/// Entities and their aggregated relations over one or many documents.
///
/// See the [module docs](crate::graph) for what nodes and edges hold and for the determinism
/// guarantee. `ActorGraph` is `Send + Sync`, `Clone`, and serialises (through serde) as
/// `{"level", "nodes", "edges", "entities"}`.
///
/// # Example
/// ```
/// use newsgraph::{ActorGraph, Analyzer, Article};
/// let analyzer = Analyzer::new();
/// let docs: Vec<_> = ["拜登与普京举行视频会谈。", "普京警告北约。"]
///     .iter()
///     .enumerate()
///     .map(|(i, t)| analyzer.analyze(&Article::new(format!("a{i}"), *t)))
///     .collect();
/// let graph = ActorGraph::from_documents(&docs);
/// // Nodes come in id order, edges in (source, target, cameo, modality) order.
/// let ids: Vec<_> = graph.nodes().map(|a| a.id.clone()).collect();
/// assert!(ids.windows(2).all(|w| w[0] < w[1]));
/// ```
#[derive(Clone, Debug)]
pub struct ActorGraph {
    level: Level,
    all_entities: bool,
    graph: Graph<Actor, Interaction>,
    nodes: BTreeMap<EntityId, NodeIndex>,
    edges: BTreeMap<EdgeKey, EdgeIndex>,
    /// Entities seen that are not (yet) nodes: they become nodes with their first relation.
    others: BTreeMap<EntityId, Actor>,
    /// Whether indices follow key order (false after an out-of-order insertion).
    sorted: bool,
}

impl Default for ActorGraph {
    fn default() -> ActorGraph {
        ActorGraph::new()
    }
}

impl PartialEq for ActorGraph {
    fn eq(&self, other: &ActorGraph) -> bool {
        self.level == other.level
            && self.nodes().eq(other.nodes())
            && self.edges().eq(other.edges())
            && self.others == other.others
    }
}

impl ActorGraph {
    /// An empty entity-level graph whose nodes are the entities that take part in a relation.
    pub fn new() -> ActorGraph {
        ActorGraph {
            level: Level::Entity,
            all_entities: false,
            graph: Graph::new(),
            nodes: BTreeMap::new(),
            edges: BTreeMap::new(),
            others: BTreeMap::new(),
            sorted: true,
        }
    }

    /// An empty graph at `level`: documents added to it are rolled up as they come.
    pub fn at_level(level: Level) -> ActorGraph {
        ActorGraph {
            level,
            ..ActorGraph::new()
        }
    }

    /// Makes every entity seen a node, including those in no relation (isolated nodes).
    pub fn with_all_entities(mut self) -> ActorGraph {
        self.all_entities = true;
        for (_, actor) in std::mem::take(&mut self.others) {
            self.insert_node(actor);
        }
        self.reindex();
        self
    }

    /// A graph of all `documents`.
    pub fn from_documents<'a>(documents: impl IntoIterator<Item = &'a Document>) -> ActorGraph {
        let mut g = ActorGraph::new();
        g.add_documents(documents);
        g
    }

    /// Adds one document's entities and relations.
    pub fn add_document(&mut self, document: &Document) {
        self.add_documents([document]);
    }

    /// Adds many documents; cheaper than one [`add_document`](Self::add_document) call each,
    /// because indices are put back in order once at the end.
    pub fn add_documents<'a>(&mut self, documents: impl IntoIterator<Item = &'a Document>) {
        for doc in documents {
            self.add_document_unsorted(doc);
        }
        self.reindex();
    }

    fn add_document_unsorted(&mut self, doc: &Document) {
        let mut country: BTreeMap<&EntityId, &EntityId> = BTreeMap::new();
        for e in &doc.entities {
            let mut actor = Actor {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                country: e.country.clone(),
                mentions: e.mentions.len(),
                documents: BTreeSet::from([doc.id.clone()]),
            };
            if self.level == Level::Country
                && let Some(c) = &e.country
            {
                country.insert(&e.id, c);
                actor = Actor {
                    documents: actor.documents,
                    mentions: actor.mentions,
                    ..Actor::placeholder(c.clone(), EntityKind::Place)
                };
            }
            self.add_actor_unsorted(actor);
        }
        for r in &doc.relations {
            let end = |id: &EntityId| country.get(id).map_or_else(|| id.clone(), |c| (*c).clone());
            let excerpt = Excerpt {
                document: doc.id.clone(),
                span: r.evidence.span,
                text: doc
                    .text
                    .get(r.evidence.span.range())
                    .unwrap_or_default()
                    .to_string(),
            };
            self.add_interaction_unsorted(Interaction {
                source: end(&r.source),
                target: end(&r.target),
                cameo: r.cameo,
                modality: r.modality,
                symmetric: r.symmetric,
                types: BTreeSet::from([r.kind.clone()]),
                cues: BTreeSet::from([r.cue.clone()]),
                count: 1,
                documents: BTreeSet::from([doc.id.clone()]),
                excerpts: vec![excerpt],
            });
        }
    }

    /// Adds an actor's counts and documents to the entity with its id (creating it).
    ///
    /// This and [`add_interaction`](Self::add_interaction) rebuild a graph from its parts (the
    /// CSV reader uses them); [`add_document`](Self::add_document) is the usual way in.
    pub fn add_actor(&mut self, actor: Actor) {
        self.add_actor_unsorted(actor);
        self.reindex();
    }

    /// Adds an aggregated edge, merging it into the edge with the same key. Its ends become
    /// nodes (placeholders named by their id if no actor with that id was added).
    pub fn add_interaction(&mut self, interaction: Interaction) {
        self.add_interaction_unsorted(interaction);
        self.reindex();
    }

    pub(crate) fn add_actor_unsorted(&mut self, actor: Actor) {
        if let Some(&i) = self.nodes.get(&actor.id) {
            self.graph[i].absorb(actor);
        } else if self.all_entities {
            self.insert_node(actor);
        } else if let Some(a) = self.others.get_mut(&actor.id) {
            a.absorb(actor);
        } else {
            self.others.insert(actor.id.clone(), actor);
        }
    }

    fn insert_node(&mut self, actor: Actor) -> NodeIndex {
        if self
            .nodes
            .last_key_value()
            .is_some_and(|(last, _)| *last > actor.id)
        {
            self.sorted = false;
        }
        let id = actor.id.clone();
        let i = self.graph.add_node(actor);
        self.nodes.insert(id, i);
        i
    }

    /// The node of `id`, promoting a seen entity or creating a placeholder.
    fn node_for(&mut self, id: &EntityId) -> NodeIndex {
        if let Some(&i) = self.nodes.get(id) {
            return i;
        }
        let actor = self.others.remove(id).unwrap_or_else(|| {
            // A relation end with no entity record: a country after roll-up, else unknown.
            let kind = match self.level {
                Level::Country => EntityKind::Place,
                Level::Entity => EntityKind::Other,
            };
            Actor::placeholder(id.clone(), kind)
        });
        self.insert_node(actor)
    }

    pub(crate) fn add_interaction_unsorted(&mut self, mut edge: Interaction) {
        edge.normalize();
        edge.excerpts.sort();
        edge.excerpts.dedup();
        edge.excerpts.truncate(MAX_EXCERPTS);
        let key = edge.key();
        if let Some(&i) = self.edges.get(&key) {
            self.graph[i].absorb(edge);
            return;
        }
        let a = self.node_for(&edge.source);
        let b = self.node_for(&edge.target);
        if self
            .edges
            .last_key_value()
            .is_some_and(|(last, _)| *last > key)
        {
            self.sorted = false;
        }
        let i = self.graph.add_edge(a, b, edge);
        self.edges.insert(key, i);
    }

    /// Puts node indices back in id order and edge indices in key order.
    pub(crate) fn reindex(&mut self) {
        if self.sorted {
            return;
        }
        let (nodes, edges) = std::mem::take(&mut self.graph).into_nodes_edges();
        let mut node_weights: Vec<Option<Actor>> =
            nodes.into_iter().map(|n| Some(n.weight)).collect();
        let mut edge_weights: Vec<Option<Interaction>> =
            edges.into_iter().map(|e| Some(e.weight)).collect();
        let mut graph = Graph::with_capacity(node_weights.len(), edge_weights.len());
        for i in self.nodes.values_mut() {
            let w = node_weights[i.index()]
                .take()
                .expect("every index in the node map points at one node");
            *i = graph.add_node(w);
        }
        for ((s, t, _, _), i) in self.edges.iter_mut() {
            let w = edge_weights[i.index()]
                .take()
                .expect("every index in the edge map points at one edge");
            *i = graph.add_edge(self.nodes[s], self.nodes[t], w);
        }
        self.graph = graph;
        self.sorted = true;
    }

    /// Adds every actor and edge of `other` (a graph of other documents: a shard).
    ///
    /// Shards must be at the same level: an entity-level shard merged into a country-level
    /// graph is not rolled up.
    pub fn merge(&mut self, other: ActorGraph) {
        let ActorGraph {
            graph,
            others,
            all_entities,
            ..
        } = other;
        if all_entities && !self.all_entities {
            self.all_entities = true;
            for (_, actor) in std::mem::take(&mut self.others) {
                self.insert_node(actor);
            }
        }
        let (nodes, edges) = graph.into_nodes_edges();
        for actor in others
            .into_values()
            .chain(nodes.into_iter().map(|n| n.weight))
        {
            self.add_actor_unsorted(actor);
        }
        for e in edges {
            self.add_interaction_unsorted(e.weight);
        }
        self.reindex();
    }

    /// The level of this graph.
    pub fn level(&self) -> Level {
        self.level
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// Nodes, in id order.
    pub fn nodes(&self) -> impl Iterator<Item = &Actor> {
        self.nodes.values().map(|&i| &self.graph[i])
    }

    /// Edges, in `(source, target, cameo, modality)` order.
    pub fn edges(&self) -> impl Iterator<Item = &Interaction> {
        self.edges.values().map(|&i| &self.graph[i])
    }

    /// Every entity seen, nodes or not, in id order.
    pub fn entities(&self) -> impl Iterator<Item = &Actor> {
        let mut all: Vec<&Actor> = self.nodes().chain(self.others.values()).collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all.into_iter()
    }

    /// The node with this id.
    pub fn node(&self, id: &EntityId) -> Option<&Actor> {
        self.nodes.get(id).map(|&i| &self.graph[i])
    }

    /// The node index of `id` in [`petgraph`](Self::petgraph).
    pub fn node_index(&self, id: &EntityId) -> Option<NodeIndex> {
        self.nodes.get(id).copied()
    }

    /// The underlying petgraph graph, for its algorithms. Node indices follow id order, edge
    /// indices `(source, target, cameo, modality)` order.
    pub fn petgraph(&self) -> &Graph<Actor, Interaction> {
        &self.graph
    }

    /// The graph at `level`. At [`Level::Country`], every entity with a known country is
    /// replaced by it: its mentions and documents count for the country, its relations become
    /// the country's (relations within one country become self-loops, 美国→美国). A country
    /// entity has no country and stays itself, as do entities without one (北约).
    ///
    /// Rolling a country-level graph up again, or down to [`Level::Entity`], returns a copy.
    pub fn rolled_up(&self, level: Level) -> ActorGraph {
        if level == self.level || level == Level::Entity {
            return self.clone();
        }
        let map: BTreeMap<&EntityId, &EntityId> = self
            .entities()
            .filter_map(|a| a.country.as_ref().map(|c| (&a.id, c)))
            .filter(|(id, c)| id != c)
            .collect();
        let up = |id: &EntityId| map.get(id).map_or_else(|| id.clone(), |c| (*c).clone());
        let mut g = ActorGraph {
            all_entities: self.all_entities,
            ..ActorGraph::at_level(level)
        };
        for a in self.entities() {
            let actor = match map.get(&a.id) {
                Some(c) => Actor {
                    mentions: a.mentions,
                    documents: a.documents.clone(),
                    ..Actor::placeholder((*c).clone(), EntityKind::Place)
                },
                None => a.clone(),
            };
            g.add_actor_unsorted(actor);
        }
        for e in self.edges() {
            g.add_interaction_unsorted(Interaction {
                source: up(&e.source),
                target: up(&e.target),
                ..e.clone()
            });
        }
        g.reindex();
        g
    }

    /// The graph without edges of fewer than `min_count` relations, and without the nodes
    /// left with no edge (unless [`with_all_entities`](Self::with_all_entities) is on).
    pub fn filtered(&self, min_count: usize) -> ActorGraph {
        let mut g = ActorGraph {
            all_entities: self.all_entities,
            ..ActorGraph::at_level(self.level)
        };
        for a in self.entities() {
            g.add_actor_unsorted(a.clone());
        }
        for e in self.edges().filter(|e| e.count >= min_count) {
            g.add_interaction_unsorted(e.clone());
        }
        g.reindex();
        g
    }
}

/// The serialised form: `{"level", "nodes", "edges", "entities"}`, where `entities` are the
/// entities seen that are not nodes (kept so that shards merge exactly).
#[derive(Serialize, Deserialize)]
#[serde(bound(deserialize = "A: Deserialize<'de>, E: Deserialize<'de>"))]
struct GraphData<A, E> {
    level: Level,
    nodes: Vec<A>,
    edges: Vec<E>,
    #[serde(default)]
    entities: Vec<A>,
}

impl Serialize for ActorGraph {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        GraphData {
            level: self.level,
            nodes: self.nodes().collect(),
            edges: self.edges().collect(),
            entities: self.others.values().collect(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for ActorGraph {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ActorGraph, D::Error> {
        let data = GraphData::<Actor, Interaction>::deserialize(d)?;
        let mut g = ActorGraph::at_level(data.level);
        for a in data.nodes.into_iter().chain(data.entities) {
            g.add_actor_unsorted(a);
        }
        for e in data.edges {
            g.add_interaction_unsorted(e);
        }
        g.reindex();
        Ok(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, name: &str, country: Option<&str>) -> Actor {
        Actor {
            id: EntityId::new(id),
            name: name.to_string(),
            kind: EntityKind::Person,
            country: country.map(EntityId::new),
            mentions: 1,
            documents: BTreeSet::from(["d".to_string()]),
        }
    }

    fn edge(s: &str, t: &str, cameo: &str, symmetric: bool, count: usize) -> Interaction {
        Interaction {
            source: EntityId::new(s),
            target: EntityId::new(t),
            cameo: Cameo::from_code(cameo).unwrap(),
            modality: Modality::Asserted,
            symmetric,
            types: BTreeSet::new(),
            cues: BTreeSet::new(),
            count,
            documents: BTreeSet::new(),
            excerpts: vec![],
        }
    }

    #[test]
    fn actor_absorb_prefers_real_names_then_smallest() {
        // (first, second, expected name) — either order gives the same.
        for (a, b, want) in [
            ("usa", "美国", "美国"),
            ("美国", "usa", "美国"),
            ("美利坚", "美国", "美利坚"), // smallest by code point: 利 < 国
            ("美国", "美利坚", "美利坚"),
        ] {
            let mut x = actor("usa", a, None);
            x.absorb(actor("usa", b, None));
            assert_eq!(x.name, want, "{a} + {b}");
            assert_eq!(x.mentions, 2);
        }
    }

    #[test]
    fn edges_keep_key_order_whatever_insertion_order() {
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            let all = [
                edge("b", "a", "04", true, 1),
                edge("a", "c", "13", false, 2),
                edge("a", "b", "04", true, 3),
            ];
            let mut g = ActorGraph::new();
            for i in order {
                g.add_interaction(all[i].clone());
            }
            let got: Vec<(&str, &str, &str, usize)> = g
                .edges()
                .map(|e| {
                    (
                        e.source.as_str(),
                        e.target.as_str(),
                        e.cameo.code(),
                        e.count,
                    )
                })
                .collect();
            assert_eq!(got, [("a", "b", "04", 4), ("a", "c", "13", 2)], "{order:?}");
            let indexed: Vec<&str> = g.petgraph().node_weights().map(|a| a.id.as_str()).collect();
            assert_eq!(indexed, ["a", "b", "c"]);
        }
    }

    #[test]
    fn filtered_and_rolled_up() {
        let mut g = ActorGraph::new();
        for a in [
            actor("biden", "拜登", Some("usa")),
            actor("putin", "普京", Some("russia")),
            actor("usa", "美国", None),
            actor("nato", "北约", None),
        ] {
            g.add_actor(a);
        }
        g.add_interaction(edge("biden", "putin", "13", false, 3));
        g.add_interaction(edge("putin", "nato", "11", false, 1));
        g.add_interaction(edge("usa", "putin", "13", false, 1));
        // (min_count, nodes)
        for (min, nodes) in [
            (1, vec!["biden", "nato", "putin", "usa"]),
            (2, vec!["biden", "putin"]),
            (4, vec![]),
        ] {
            let f = g.filtered(min);
            let ids: Vec<&str> = f.nodes().map(|a| a.id.as_str()).collect();
            assert_eq!(ids, nodes, "min {min}");
        }
        let c = g.rolled_up(Level::Country);
        let ids: Vec<(&str, &str, usize)> = c
            .nodes()
            .map(|a| (a.id.as_str(), a.name.as_str(), a.mentions))
            .collect();
        assert_eq!(
            ids,
            [
                ("nato", "北约", 1),
                ("russia", "russia", 1),
                ("usa", "美国", 2)
            ]
        );
        let edges: Vec<(&str, &str, usize)> = c
            .edges()
            .map(|e| (e.source.as_str(), e.target.as_str(), e.count))
            .collect();
        assert_eq!(edges, [("russia", "nato", 1), ("usa", "russia", 4)]);
    }

    #[test]
    fn serde_round_trip() {
        let mut g = ActorGraph::new();
        g.add_actor(actor("x", "某", None));
        g.add_interaction(edge("b", "a", "04", true, 1));
        let json = serde_json::to_string(&g).unwrap();
        let back: ActorGraph = serde_json::from_str(&json).unwrap();
        assert_eq!(back, g);
        assert_eq!(back.node_count(), 2);
    }

    #[test]
    fn send_sync() {
        fn check<T: Send + Sync>() {}
        check::<ActorGraph>();
    }
}
