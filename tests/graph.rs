//! The actor graph and its exports, on hand-made documents (independent of extraction).
//!
//! Checks aggregation, symmetric edges, country roll-up, min-count, determinism under shuffled
//! input and sharding, and each export: DOT through the real `dot` (when installed, failing on
//! any warning), GraphML through an XML parser, CSV through the csv crate, JSON round trip.

use newsgraph::export::csv::{CsvOptions, DocumentTables};
use newsgraph::export::{self};
use newsgraph::graph::{ActorGraph, Level, MAX_EXCERPTS};
use newsgraph::relation::Evidence;
use newsgraph::{
    Cameo, Document, Entity, EntityId, EntityKind, Mention, MentionRule, Modality, Relation, Span,
};
use std::process::{Command, Stdio};

/// An entity with `n` mentions (spans need not slice anything here).
fn entity(id: &str, name: &str, kind: EntityKind, country: Option<&str>, n: usize) -> Entity {
    Entity {
        id: EntityId::new(id),
        name: name.to_string(),
        kind,
        country: country.map(EntityId::new),
        en: None,
        forms: vec![name.to_string()],
        mentions: (0..n)
            .map(|i| Mention {
                span: Span::new(i, i),
                text: name.to_string(),
                rule: MentionRule::Gazetteer,
            })
            .collect(),
    }
}

/// `(source, target, cameo, type, modality, symmetric, evidence)`; evidence is a substring of
/// the text.
type R<'a> = (&'a str, &'a str, &'a str, &'a str, Modality, bool, &'a str);

fn doc(id: &str, text: &str, entities: Vec<Entity>, relations: &[R<'_>]) -> Document {
    let relations = relations
        .iter()
        .map(|&(s, t, cameo, kind, modality, symmetric, evidence)| {
            let start = text.find(evidence).expect("evidence is in the text");
            Relation {
                source: EntityId::new(s),
                target: EntityId::new(t),
                cameo: Cameo::from_code(cameo).unwrap(),
                kind: kind.to_string(),
                modality,
                cue: kind.to_string(),
                evidence: Evidence {
                    span: Span::new(start, start + evidence.len()),
                },
                symmetric,
                quote: None,
            }
        })
        .collect();
    Document {
        id: id.to_string(),
        title: None,
        date: Some("2021-12-08".to_string()),
        source: None,
        encoding: None,
        text: text.to_string(),
        entities,
        quotes: vec![],
        relations,
        groups: vec![],
    }
}

use EntityKind::{Organization as Org, Other, Person, Place};
use Modality::{Asserted, Planned};

fn biden() -> Entity {
    entity("joe-biden", "拜登", Person, Some("usa"), 2)
}
fn putin() -> Entity {
    entity("vladimir-putin", "普京", Person, Some("rus"), 3)
}

/// Five documents: warnings, a meeting both ways round, a planned meeting, an institution.
fn corpus() -> Vec<Document> {
    vec![
        doc(
            "d1",
            "拜登警告普京。白宫表示关切。",
            vec![
                biden(),
                putin(),
                entity("white-house", "白宫", Org, Some("usa"), 1),
            ],
            &[(
                "joe-biden",
                "vladimir-putin",
                "13",
                "warn",
                Asserted,
                false,
                "拜登警告普京",
            )],
        ),
        doc(
            "d2",
            "拜登再次警告普京。拜登与普京会谈。",
            vec![biden(), putin()],
            &[
                (
                    "joe-biden",
                    "vladimir-putin",
                    "13",
                    "warn",
                    Asserted,
                    false,
                    "拜登再次警告普京",
                ),
                (
                    "joe-biden",
                    "vladimir-putin",
                    "04",
                    "meet",
                    Asserted,
                    true,
                    "拜登与普京会谈",
                ),
            ],
        ),
        doc(
            "d3",
            "普京与拜登会谈。普京将与马克龙会面。",
            vec![
                putin(),
                biden(),
                entity("emmanuel-macron", "马克龙", Person, Some("fra"), 1),
            ],
            &[
                (
                    "vladimir-putin",
                    "joe-biden",
                    "04",
                    "meet",
                    Asserted,
                    true,
                    "普京与拜登会谈",
                ),
                (
                    "vladimir-putin",
                    "emmanuel-macron",
                    "04",
                    "meet",
                    Planned,
                    true,
                    "普京将与马克龙会面",
                ),
            ],
        ),
        doc(
            "d4",
            "美国与俄罗斯都提到北约。",
            vec![
                entity("usa", "美国", Place, None, 1),
                entity("rus", "俄罗斯", Place, None, 1),
                entity("nato", "北约", Org, None, 1),
            ],
            &[],
        ),
        doc(
            "d5",
            "白宫指责克里姆林宫。",
            vec![
                entity("white-house", "白宫", Org, Some("usa"), 1),
                entity("kremlin", "克里姆林宫", Org, Some("rus"), 1),
            ],
            &[(
                "white-house",
                "kremlin",
                "11",
                "accuse",
                Asserted,
                false,
                "白宫指责克里姆林宫",
            )],
        ),
    ]
}

/// `source→target cameo modality ×count [docs]`, one line per edge.
fn edge_lines(g: &ActorGraph) -> Vec<String> {
    g.edges()
        .map(|e| {
            format!(
                "{}→{} {} {} ×{} [{}]",
                e.source,
                e.target,
                e.cameo.code(),
                e.modality.as_str(),
                e.count,
                e.documents.iter().cloned().collect::<Vec<_>>().join(",")
            )
        })
        .collect()
}

/// `id name mentions documents`, one line per node.
fn node_lines(g: &ActorGraph) -> Vec<String> {
    g.nodes()
        .map(|a| format!("{} {} {} {}", a.id, a.name, a.mentions, a.documents.len()))
        .collect()
}

#[test]
fn aggregates_by_source_target_cameo_and_modality() {
    let g = ActorGraph::from_documents(&corpus());
    assert_eq!(
        edge_lines(&g),
        [
            // 普京将与马克龙会面 is symmetric: the smaller id comes first.
            "emmanuel-macron→vladimir-putin 04 planned ×1 [d3]",
            "joe-biden→vladimir-putin 04 asserted ×2 [d2,d3]",
            "joe-biden→vladimir-putin 13 asserted ×2 [d1,d2]",
            "white-house→kremlin 11 asserted ×1 [d5]",
        ]
    );
    // Only entities in a relation are nodes; counts run over every document (d4 mentions none
    // of them; 白宫 is in d1 without a relation and in d5 with one).
    assert_eq!(
        node_lines(&g),
        [
            "emmanuel-macron 马克龙 1 1",
            "joe-biden 拜登 6 3",
            "kremlin 克里姆林宫 1 1",
            "vladimir-putin 普京 9 3",
            "white-house 白宫 2 2",
        ]
    );
    let warn = g.edges().nth(2).unwrap();
    let texts: Vec<&str> = warn.excerpts.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(texts, ["拜登警告普京", "拜登再次警告普京"]);
    assert_eq!(warn.label(), "warn 13");
    // The petgraph indices follow id order.
    let ids: Vec<&str> = g.petgraph().node_weights().map(|a| a.id.as_str()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    assert_eq!(
        g.node_index(&EntityId::new("emmanuel-macron"))
            .unwrap()
            .index(),
        0
    );
}

#[test]
fn symmetric_relations_share_one_edge_in_either_direction() {
    let g = ActorGraph::from_documents(&corpus());
    let meet: Vec<_> = g
        .edges()
        .filter(|e| e.cameo == Cameo::Consult && e.modality == Asserted)
        .collect();
    assert_eq!(meet.len(), 1);
    assert!(meet[0].symmetric);
    assert_eq!(meet[0].source.as_str(), "joe-biden"); // the smaller id first
    // The planned 普京与马克龙会面 is stored with the smaller id first too.
    let planned = g.edges().find(|e| e.modality == Planned).unwrap();
    assert_eq!(
        (planned.source.as_str(), planned.target.as_str()),
        ("emmanuel-macron", "vladimir-putin")
    );
}

#[test]
fn excerpts_are_capped_and_the_first_by_document_and_position() {
    let text = "甲警告乙。甲又警告乙。甲再警告乙。甲还警告乙。";
    let ends = vec![
        entity("a", "甲", Person, None, 1),
        entity("b", "乙", Person, None, 1),
    ];
    let rel = |e| ("a", "b", "13", "warn", Asserted, false, e);
    let docs: Vec<Document> = ["x2", "x1"]
        .iter()
        .map(|id| {
            doc(
                id,
                text,
                ends.clone(),
                &[
                    rel("甲警告乙"),
                    rel("甲又警告乙"),
                    rel("甲再警告乙"),
                    rel("甲还警告乙"),
                ],
            )
        })
        .collect();
    let g = ActorGraph::from_documents(&docs);
    let e = g.edges().next().unwrap();
    assert_eq!(e.count, 8);
    assert_eq!(e.excerpts.len(), MAX_EXCERPTS);
    let got: Vec<(&str, &str)> = e
        .excerpts
        .iter()
        .map(|x| (x.document.as_str(), x.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("x1", "甲警告乙"),
            ("x1", "甲又警告乙"),
            ("x1", "甲再警告乙")
        ]
    );
}

#[test]
fn rolls_up_to_countries() {
    let g = ActorGraph::from_documents(&corpus()).rolled_up(Level::Country);
    assert_eq!(g.level(), Level::Country);
    assert_eq!(
        edge_lines(&g),
        [
            "fra→rus 04 planned ×1 [d3]",
            "rus→usa 04 asserted ×2 [d2,d3]",
            "usa→rus 11 asserted ×1 [d5]",
            "usa→rus 13 asserted ×2 [d1,d2]",
        ]
    );
    // 美国 = 美国 itself (1, d4) + 拜登 (2+2+2) + 白宫 (1+1); the name comes from d4. 法国 is
    // never named, so its node is named by its id.
    assert_eq!(
        node_lines(&g),
        ["fra fra 1 1", "rus 俄罗斯 11 5", "usa 美国 9 5"]
    );
    // Same as adding the documents to a country-level graph directly.
    let mut direct = ActorGraph::at_level(Level::Country);
    direct.add_documents(&corpus());
    assert_eq!(direct, g);
    // Rolling up again changes nothing.
    assert_eq!(g.rolled_up(Level::Country), g);
}

#[test]
fn min_count_drops_light_edges_and_lonely_nodes() {
    let g = ActorGraph::from_documents(&corpus());
    // (min_count, edges, nodes)
    for (min, edges, nodes) in [(1, 4, 5), (2, 2, 2), (3, 0, 0)] {
        let f = g.filtered(min);
        assert_eq!(
            (f.edge_count(), f.node_count()),
            (edges, nodes),
            "min {min}"
        );
    }
    let all = ActorGraph::from_documents(&corpus()).with_all_entities();
    assert_eq!(all.node_count(), 8); // + usa, rus, nato
    assert_eq!(all.filtered(3).node_count(), 8);
}

/// A small deterministic shuffle (no rand dependency).
fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut v = items.to_vec();
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
    v
}

fn all_exports(g: &ActorGraph) -> Vec<String> {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    export::csv::write_nodes(g, &mut nodes, &CsvOptions::default()).unwrap();
    export::csv::write_edges(g, &mut edges, &CsvOptions::default()).unwrap();
    vec![
        export::dot::to_string(g),
        export::graphml::to_string(g),
        export::json::to_string(g),
        String::from_utf8(nodes).unwrap(),
        String::from_utf8(edges).unwrap(),
    ]
}

#[test]
fn same_documents_in_any_order_give_identical_output() {
    let docs = corpus();
    let reference = ActorGraph::from_documents(&docs);
    let expected = all_exports(&reference);
    for seed in 0..20 {
        let g = ActorGraph::from_documents(&shuffled(&docs, seed));
        assert_eq!(g, reference, "seed {seed}");
        assert_eq!(all_exports(&g), expected, "seed {seed}");
    }
}

#[test]
fn merged_shards_equal_one_graph() {
    let docs = corpus();
    let reference = ActorGraph::from_documents(&docs);
    for split in 0..=docs.len() {
        let mut a = ActorGraph::from_documents(&docs[..split]);
        let b = ActorGraph::from_documents(&docs[split..]);
        a.merge(b);
        assert_eq!(a, reference, "split at {split}");
        assert_eq!(all_exports(&a), all_exports(&reference));
    }
}

/// entities.csv and edges.csv of `docs` (as `graph --format csv` writes them).
fn csv_tables(docs: &[Document]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let (mut e, mut m, mut q, mut r) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut tables =
        DocumentTables::new(&mut e, &mut m, &mut q, &mut r, &CsvOptions::default()).unwrap();
    for d in docs {
        tables.write(d).unwrap();
    }
    tables.finish().unwrap();
    let mut edges = Vec::new();
    export::csv::write_edges(
        &ActorGraph::from_documents(docs),
        &mut edges,
        &CsvOptions::default(),
    )
    .unwrap();
    (e, edges, r)
}

#[test]
fn csv_shards_read_back_and_merge_exactly() {
    let docs = corpus();
    let reference = ActorGraph::from_documents(&docs);
    for split in 0..=docs.len() {
        let mut merged = ActorGraph::new();
        for part in [&docs[..split], &docs[split..]] {
            let (entities, edges, _) = csv_tables(part);
            let g = export::csv::read_graph("entities.csv", &entities[..], "edges.csv", &edges[..])
                .unwrap();
            merged.merge(g);
        }
        assert_eq!(
            all_exports(&merged),
            all_exports(&reference),
            "split {split}"
        );
    }
}

#[test]
fn csv_tables_parse_with_the_csv_crate() {
    let docs = corpus();
    let (entities, edges, relations) = csv_tables(&docs);
    let rows = |bytes: &[u8]| -> (Vec<String>, Vec<csv::StringRecord>) {
        let mut r = csv::Reader::from_reader(bytes);
        let header = r.headers().unwrap().iter().map(String::from).collect();
        (header, r.records().map(Result::unwrap).collect())
    };
    let (header, records) = rows(&relations);
    assert_eq!(
        header[..4],
        ["doc_id", "date", "relation_index", "source_id"]
    );
    assert_eq!(records.len(), 6);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let first = &records[0];
    assert_eq!(&first[col("cameo")], "13");
    assert_eq!(&first[col("cameo_name")], "threaten");
    assert_eq!(&first[col("quad_class")], "3");
    assert_eq!(&first[col("source_name")], "拜登");
    assert_eq!(&first[col("evidence_text")], "拜登警告普京");
    let start: usize = first[col("evidence_start")].parse().unwrap();
    let end: usize = first[col("evidence_end")].parse().unwrap();
    assert_eq!(&docs[0].text[start..end], "拜登警告普京");

    let (_, records) = rows(&entities);
    assert_eq!(
        records.len(),
        docs.iter().map(|d| d.entities.len()).sum::<usize>()
    );
    let (header, records) = rows(&edges);
    assert_eq!(header.len(), 14 + 4 * MAX_EXCERPTS);
    assert_eq!(records.len(), 4);
    assert_eq!(
        &records[1][header.iter().position(|h| h == "doc_ids").unwrap()],
        "d2;d3"
    );
}

/// Names that need escaping in every format.
fn awkward() -> Vec<Document> {
    vec![doc(
        "odd\"id",
        "A\"B说\\C与D&E<F>会谈。",
        vec![
            entity("a\"b", "A\"B \\ 引号\n第二行", Person, None, 1),
            entity("c\\d", "C\\D", Org, None, 1),
            entity("d&e", "D&E<F> 'x'", Other, None, 1),
        ],
        &[
            (
                "a\"b",
                "c\\d",
                "11",
                "say \"no\"",
                Asserted,
                false,
                "A\"B说\\C",
            ),
            ("d&e", "c\\d", "04", "meet", Planned, true, "C与D&E<F>会谈"),
        ],
    )]
}

#[test]
fn dot_escapes_quotes_backslashes_and_newlines() {
    let dot = export::dot::to_string(&ActorGraph::from_documents(&awkward()));
    assert!(
        dot.contains(r#""a\"b" [label="A\"B \\ 引号\n第二行""#),
        "{dot}"
    );
    assert!(dot.contains(r#""c\\d" [label="C\\D""#), "{dot}");
    assert!(
        dot.contains(r#""a\"b" -> "c\\d" [label="say \"no\" 11""#),
        "{dot}"
    );
    assert!(dot.contains("style=\"dashed\", dir=\"none\""), "{dot}");
    assert!(dot.contains("charset=\"UTF-8\""));
}

/// Runs `dot -Tsvg` and fails on a non-zero exit or anything on stderr; `None` when Graphviz
/// is not installed.
fn render_svg(dot: &str) -> Option<String> {
    use std::io::Write;
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("note: Graphviz `dot` is not installed; skipping the render check");
            return None;
        }
        Err(e) => panic!("cannot run dot: {e}"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot failed: {stderr}\n{dot}");
    assert!(stderr.trim().is_empty(), "dot warned: {stderr}\n{dot}");
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn graphviz_renders_without_warnings() {
    for g in [
        ActorGraph::new(),
        ActorGraph::from_documents(&corpus()),
        ActorGraph::from_documents(&corpus()).rolled_up(Level::Country),
        ActorGraph::from_documents(&awkward()),
    ] {
        let Some(svg) = render_svg(&export::dot::to_string(&g)) else {
            return;
        };
        assert!(svg.contains("<svg"));
        // Every node and edge reaches the picture.
        assert_eq!(svg.matches("class=\"node\"").count(), g.node_count());
        assert_eq!(svg.matches("class=\"edge\"").count(), g.edge_count());
    }
}

/// Parses GraphML with quick-xml: `(keys, nodes as (id, label), edges as (source, target))`.
type Parsed = (Vec<String>, Vec<(String, String)>, Vec<(String, String)>);

fn parse_graphml(xml: &str) -> Parsed {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut keys, mut nodes, mut edges) = (Vec::new(), Vec::new(), Vec::new());
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> String {
        e.try_get_attribute(name)
            .unwrap()
            .unwrap_or_else(|| panic!("attribute {name}"))
            .unescape_value()
            .unwrap()
            .into_owned()
    };
    let mut data_key: Option<String> = None;
    let mut text = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Empty(e) if e.name().as_ref() == b"key" => keys.push(attr(&e, "attr.name")),
            Event::Start(e) if e.name().as_ref() == b"node" => {
                nodes.push((attr(&e, "id"), String::new()))
            }
            Event::Start(e) if e.name().as_ref() == b"edge" => {
                edges.push((attr(&e, "source"), attr(&e, "target")))
            }
            Event::Start(e) if e.name().as_ref() == b"data" => {
                data_key = Some(attr(&e, "key"));
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => match r.resolve_char_ref().unwrap() {
                Some(c) => text.push(c),
                None => text
                    .push_str(quick_xml::escape::resolve_xml_entity(&r.decode().unwrap()).unwrap()),
            },
            // `take` resets the key at the end of every <data>.
            Event::End(e)
                if e.name().as_ref() == b"data"
                    && data_key.take().as_deref() == Some("n_label") =>
            {
                nodes.last_mut().unwrap().1 = text.clone();
            }
            _ => {}
        }
    }
    (keys, nodes, edges)
}

#[test]
fn graphml_parses_back_with_the_same_counts_and_text() {
    for docs in [corpus(), awkward()] {
        let g = ActorGraph::from_documents(&docs);
        let (keys, nodes, edges) = parse_graphml(&export::graphml::to_string(&g));
        assert!(keys.contains(&"weight".to_string()) && keys.contains(&"label".to_string()));
        assert_eq!(nodes.len(), g.node_count());
        assert_eq!(edges.len(), g.edge_count());
        let expected: Vec<(String, String)> = g
            .nodes()
            .map(|a| (a.id.to_string(), a.name.clone()))
            .collect();
        assert_eq!(nodes, expected);
        let ends: Vec<(String, String)> = g
            .edges()
            .map(|e| (e.source.to_string(), e.target.to_string()))
            .collect();
        assert_eq!(edges, ends);
    }
}

#[test]
fn json_round_trips() {
    for g in [
        ActorGraph::from_documents(&corpus()),
        ActorGraph::from_documents(&awkward()),
    ] {
        let json = export::json::to_string(&g);
        let back = export::json::read("graph.json", json.as_bytes()).unwrap();
        assert_eq!(back, g);
        assert_eq!(export::json::to_string(&back), json);
    }
    let err = export::json::read("g.json", "{\"level\": \"planet\"}".as_bytes()).unwrap_err();
    assert!(err.to_string().starts_with("g.json:1:"), "{err}");
}

#[test]
fn graph_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<ActorGraph>();
    check::<newsgraph::graph::Actor>();
    check::<newsgraph::graph::Interaction>();
}
