//! Runs the built `newsgraph` binary on testdata/ and checks output, messages and exit codes.
//! Each bad input of the core issue is one test.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn data(name: &str) -> String {
    format!("{}/testdata/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn stdout_docs(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsgraph-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn analyzes_the_sample_article() {
    let seed = format!("{}/examples/data/seed.md", env!("CARGO_MANIFEST_DIR"));
    let out = run(&["analyze", &seed]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = stdout_docs(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["date"], "2021-12-08T01:56:33Z");
    assert!(
        docs[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("担心战争爆发")
    );
}

#[test]
fn missing_file_is_reported_and_the_rest_go_on() {
    let out = run(&["analyze", "no/such/file.md", &data("trad.txt")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/file.md"), "{}", stderr(&out));
    assert_eq!(stdout_docs(&out).len(), 1);
}

#[test]
fn directory_needs_recursive() {
    let out = run(&["analyze", &data("")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
    let out = run(&["analyze", "-r", &data("")]);
    // testdata holds one bad JSON line: the run goes on and says so.
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout_docs(&out).len() >= 5);
}

// ---- encodings and formats ----------------------------------------------------------------

const SENTENCE: &str = "美國總統拜登與俄羅斯總統普京舉行視頻會談，白宮表示雙方討論了烏克蘭局勢。";

/// `SENTENCE` in an encoding, written to a temp file.
fn encoded(name: &str, enc: &'static encoding_rs::Encoding) -> String {
    let p = tmp(name);
    std::fs::write(&p, enc.encode(SENTENCE).0).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn gbk_big5_and_utf16_are_decoded_and_recorded() {
    let utf16 = tmp("utf16.txt");
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(SENTENCE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&utf16, bytes).unwrap();
    let utf8 = tmp("utf8.txt");
    std::fs::write(&utf8, SENTENCE).unwrap();
    for (file, encoding) in [
        (encoded("gb.txt", encoding_rs::GB18030), Some("gb18030")),
        (encoded("big5.txt", encoding_rs::BIG5), Some("Big5")),
        (utf16.to_str().unwrap().to_string(), Some("UTF-16LE")),
        (utf8.to_str().unwrap().to_string(), None),
    ] {
        let out = run(&["analyze", &file]);
        assert!(out.status.success(), "{}", stderr(&out));
        let doc = &stdout_docs(&out)[0];
        assert_eq!(doc["text"], SENTENCE, "{file}");
        assert_eq!(doc["encoding"].as_str(), encoding, "{file}");
        let ids: Vec<&str> = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&"vladimir-putin"), "{file}: {ids:?}");
    }
    let out = run(&["analyze", &data("gbk.txt")]);
    assert_eq!(stdout_docs(&out)[0]["text"], "普京表示");
}

#[test]
fn an_undetectable_encoding_is_named_or_replaced() {
    let p = tmp("latin1.txt");
    std::fs::write(
        &p,
        b"Le pr\xE9sident a d\xE9clar\xE9 que la r\xE9union \xE9tait utile.",
    )
    .unwrap();
    let p = p.to_str().unwrap();
    let out = run(&["analyze", p]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("latin1.txt: invalid UTF-8 at byte 5") && err.contains("--encoding"),
        "{err}"
    );
    let out = run(&["analyze", "--encoding", "latin1", p]);
    assert_eq!(
        stdout_docs(&out)[0]["text"],
        "Le président a déclaré que la réunion était utile."
    );
    let out = run(&["analyze", "--lossy", p]);
    assert!(out.status.success());
    assert!(
        stdout_docs(&out)[0]["text"]
            .as_str()
            .unwrap()
            .contains('\u{fffd}')
    );
    let out = run(&["analyze", "--encoding", "klingon", p]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown encoding \"klingon\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_forced_encoding_reads_what_detection_would_not_guess() {
    // Two characters are too few to tell Big5 from GBK: --encoding decides.
    let p = tmp("short-big5.txt");
    std::fs::write(&p, encoding_rs::BIG5.encode("普京").0).unwrap();
    let out = run(&["analyze", "--encoding", "big5", p.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout_docs(&out)[0]["text"], "普京");
    assert_eq!(stdout_docs(&out)[0]["encoding"], "Big5");
}

#[test]
fn binary_formats_are_named_with_what_to_do() {
    for (name, bytes, want) in [
        (
            "report.docx",
            &b"PK\x03\x04\x14\x00\x06\x00word/document.xml"[..],
            "a ZIP archive (a .docx",
        ),
        (
            "report.pdf",
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n",
            "a PDF document",
        ),
    ] {
        let p = tmp(name);
        std::fs::write(&p, bytes).unwrap();
        let out = run(&["analyze", "--lossy", p.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(stderr(&out).contains(want), "{}", stderr(&out));
        assert!(stdout_docs(&out).is_empty());
    }
}

#[test]
fn json_arrays_are_corpora_and_bom_lines_are_read() {
    let array = tmp("array.json");
    std::fs::write(
        &array,
        "[\n  {\"id\": \"x1\", \"text\": \"普京表示。\"},\n  {\"id\": \"x2\", \"text\": \"拜登表示。\"}\n]\n",
    )
    .unwrap();
    let bom = tmp("bom.jsonl");
    std::fs::write(
        &bom,
        "\u{feff}{\"id\":\"b1\",\"text\":\"普京\"}\n{\"id\":\"b2\",\"text\":\"拜登\"}\n",
    )
    .unwrap();
    for (file, want) in [(array, ["x1", "x2"]), (bom, ["b1", "b2"])] {
        let out = run(&["analyze", file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let ids: Vec<String> = stdout_docs(&out)
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ids, want);
    }
}

// ---- one id per article -------------------------------------------------------------------

#[test]
fn repeated_stems_and_duplicate_ids_get_their_own_ids() {
    let dir = fresh_dir("stems");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(
            dir.join(sub).join("index.md"),
            format!("# {sub}\n\n普京表示。"),
        )
        .unwrap();
    }
    std::fs::write(dir.join("other.md"), "拜登表示。").unwrap();
    std::fs::write(
        dir.join("dup.jsonl"),
        "{\"id\":\"d\",\"text\":\"甲\"}\n{\"id\":\"d\",\"text\":\"乙\"}\n",
    )
    .unwrap();
    let out = run(&["analyze", "-r", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = stdout_docs(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a/index.md", "b/index.md", "d", "d~2", "other"]);
    assert!(
        stderr(&out).contains(
            "dup.jsonl: id \"d\" is already used by an earlier article; this one is \"d~2\""
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn graph_skips_its_own_output_in_an_input_folder() {
    let dir = fresh_dir("own-output");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.md"), "拜登与普京举行视频会谈。").unwrap();
    let docs = dir.join("docs.jsonl");
    let out = run(&[
        "analyze",
        "-o",
        docs.to_str().unwrap(),
        &dir.join("a.md").to_string_lossy(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let graph_dir = dir.join("graph");
    for _ in 0..2 {
        let out = run(&[
            "graph",
            "--format",
            "json",
            "-o",
            graph_dir.to_str().unwrap(),
            dir.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("docs.jsonl: documents written by newsgraph, not articles"),
            "{err}"
        );
        let graph: serde_json::Value =
            serde_json::from_str(&read(&graph_dir, "graph.json")).unwrap();
        let putin = graph["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == "vladimir-putin")
            .unwrap()
            .clone();
        assert_eq!(putin["documents"], serde_json::json!(["a"]), "{err}");
    }
    // Another run over the folder finds the first one's graph.json there and skips it too.
    let other = dir.join("graph2");
    let out = run(&[
        "graph",
        "-o",
        other.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert!(
        stderr(&out).contains("graph.json: a graph written by newsgraph, not articles"),
        "{}",
        stderr(&out)
    );
}

// ---- messages ----------------------------------------------------------------------------

#[test]
fn messages_say_things_once_and_name_the_file() {
    let out = run(&["analyze", "--dict", "missing.tsv", &data("trad.txt")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
    assert!(err.contains("missing.tsv"), "{err}");
    let gbk_dict = tmp("gbk-dict.tsv");
    std::fs::write(
        &gbk_dict,
        b"id\tname\ttype\nputin\t\xc6\xd5\xbe\xa9\tperson\n",
    )
    .unwrap();
    let out = run(&[
        "analyze",
        "--dict",
        gbk_dict.to_str().unwrap(),
        &data("trad.txt"),
    ]);
    assert!(
        stderr(&out).contains("gbk-dict.tsv:2: not UTF-8"),
        "{}",
        stderr(&out)
    );
    let dated = tmp("dated.md");
    std::fs::write(&dated, "---\ntitle: 标题\ndate: 上周三\n---\n普京表示。").unwrap();
    let out = run(&["analyze", dated.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("dated.md: field `date`: \"上周三\" is not a date"),
        "{}",
        stderr(&out)
    );
    let version = run(&["--version"]);
    assert!(String::from_utf8_lossy(&version.stdout).contains("statistical NER model: on"));
}

#[test]
fn pretty_and_strip() {
    let p = tmp("boilerplate.md");
    std::fs::write(
        &p,
        "---\ntitle: 普京表示\n---\n# 普京表示\n\n拜登表示。\n\n請支持《眾新聞》\n\n普京说。\n",
    )
    .unwrap();
    let out = run(&[
        "analyze",
        "--pretty",
        "--strip",
        "^請支持",
        "--strip",
        "^无此行$",
        p.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("{\n  \"id\": \"boilerplate\","), "{text}");
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["text"], "普京表示\n拜登表示。\n普京说。");
    let out = run(&["analyze", "--strip", "(", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bad --strip pattern"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn empty_file_gives_an_empty_document() {
    let p = tmp("empty.txt");
    std::fs::write(&p, "").unwrap();
    let out = run(&["analyze", p.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = stdout_docs(&out);
    assert_eq!(docs[0]["text"], "");
    assert_eq!(docs[0]["entities"].as_array().unwrap().len(), 0);
}

#[test]
fn unclosed_front_matter_is_text_with_a_warning() {
    let out = run(&["analyze", &data("unclosed.md")]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("warning") && stderr(&out).contains("closing"),
        "{}",
        stderr(&out)
    );
    let text = stdout_docs(&out)[0]["text"].as_str().unwrap().to_string();
    assert!(
        text.contains("title: 未闭合的前言") && text.contains("普京"),
        "{text}"
    );
}

#[test]
fn malformed_json_line_is_named_and_others_processed() {
    let out = run(&["analyze", &data("corpus.jsonl")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("corpus.jsonl:2: invalid JSON"),
        "{}",
        stderr(&out)
    );
    let ids: Vec<String> = stdout_docs(&out)
        .iter()
        .map(|d| d["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"c1\"", "\"3\""]);
}

#[test]
fn bad_dictionary_rows_name_file_and_line() {
    for (file, msg) in [
        (
            "bad_columns.tsv",
            "bad_columns.tsv:2: expected 4 fields, found 3",
        ),
        (
            "bad_type.tsv",
            "bad_type.tsv:2: unknown entity type \"company\"",
        ),
    ] {
        let out = run(&["analyze", "--dict", &data(file), &data("trad.txt")]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert!(stderr(&out).contains(msg), "{file}: {}", stderr(&out));
    }
}

#[test]
fn user_dictionary_adds_and_replaces() {
    let p = tmp("acme.txt");
    std::fs::write(&p, "阿克米公司在美国宣布裁员。").unwrap();
    let out = run(&["analyze", "--dict", &data("extra.tsv"), p.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = stdout_docs(&out)[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["acme", "usa"]);
    let out = run(&[
        "analyze",
        "--no-builtin-dicts",
        "--dict",
        &data("extra.tsv"),
        p.to_str().unwrap(),
    ]);
    // Without the built-ins, the user row's country `usa` is unknown: a clear error.
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("extra.tsv:2: unknown country \"usa\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn reads_stdin_and_forced_format() {
    use std::io::Write;
    let mut child = bin()
        .args(["analyze", "--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("{\"id\":\"s\",\"text\":\"普京表示。\"}\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout_docs(&out)[0]["id"], "s");
}

#[test]
fn output_file_and_determinism() {
    let a = tmp("a.jsonl");
    let b = tmp("b.jsonl");
    for p in [&a, &b] {
        let out = run(&[
            "analyze",
            "-o",
            p.to_str().unwrap(),
            &data("page.html"),
            &data("trad.txt"),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let (x, y) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert!(!x.is_empty());
    assert_eq!(x, y, "same input, byte-identical output");
}

// ---- graph and merge ----------------------------------------------------------------------

fn seed() -> String {
    format!("{}/examples/data/seed.md", env!("CARGO_MANIFEST_DIR"))
}

/// A fresh empty directory under the test temp dir.
fn fresh_dir(name: &str) -> PathBuf {
    let d = tmp(name);
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn read(dir: &std::path::Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

const TABLES: [&str; 6] = [
    "entities.csv",
    "mentions.csv",
    "quotes.csv",
    "relations.csv",
    "nodes.csv",
    "edges.csv",
];

#[test]
fn graph_writes_dot_to_stdout() {
    let out = run(&["graph", &seed()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dot = String::from_utf8(out.stdout).unwrap();
    assert!(dot.starts_with("digraph \"newsgraph\" {"), "{dot}");
    assert!(dot.contains("\"joe-biden\" [label=\"拜登\""), "{dot}");
}

#[test]
fn graph_csv_needs_a_directory() {
    let out = run(&["graph", "--format", "csv", &seed()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("-o DIR"), "{}", stderr(&out));
}

#[test]
fn graph_walks_folders_writes_every_table_and_reports_bad_articles() {
    let dir = fresh_dir("graph-csv");
    let out = run(&[
        "graph",
        "--format",
        "csv",
        "-o",
        dir.to_str().unwrap(),
        &data(""),
    ]);
    // testdata holds a bad JSON line: reported, skipped, exit 1.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("corpus.jsonl:2"), "{}", stderr(&out));
    for t in TABLES {
        let wrote = format!("newsgraph: wrote {}\n", dir.join(t).display());
        assert!(stderr(&out).contains(&wrote), "{t}: {}", stderr(&out));
        let text = read(&dir, t);
        assert!(!text.starts_with('\u{feff}'), "{t}: no BOM by default");
        let header = text.lines().next().unwrap();
        assert!(
            header.contains("_id") || header.starts_with("id,"),
            "{t}: {header}"
        );
    }
    assert!(read(&dir, "entities.csv").lines().count() > 5);
    let out = run(&[
        "graph",
        "--format",
        "csv",
        "--bom",
        "-o",
        dir.to_str().unwrap(),
        &seed(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(&dir, "edges.csv").starts_with("\u{feff}source_id,"));
}

#[test]
fn graph_output_does_not_depend_on_thread_count() {
    let mut results = Vec::new();
    for threads in ["1", "2"] {
        let dir = fresh_dir(&format!("graph-j{threads}"));
        let out = run(&[
            "graph",
            "-j",
            threads,
            "--format",
            "csv",
            "-o",
            dir.to_str().unwrap(),
            &seed(),
            &data("trad.txt"),
            &data("page.html"),
            &data("corpus.jsonl"),
        ]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out)); // the bad JSON line
        let dot = run(&["graph", "-j", threads, &seed(), &data("trad.txt")]).stdout;
        results.push((TABLES.map(|t| read(&dir, t)), dot));
    }
    assert_eq!(results[0], results[1]);
}

/// Runs `graph --format csv` on `inputs` into a fresh directory.
fn csv_run(name: &str, inputs: &[String], extra: &[&str]) -> PathBuf {
    let dir = fresh_dir(name);
    let mut args = vec!["graph", "--format", "csv", "-o", dir.to_str().unwrap()];
    args.extend(extra);
    args.extend(inputs.iter().map(String::as_str));
    let out = run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

#[test]
fn merged_shards_equal_a_single_run_byte_for_byte() {
    // A JSON-lines corpus split into two shards, plus files.
    let lines: Vec<String> = [
        (
            "a1",
            "美国总统拜登警告俄罗斯总统普京，如果俄罗斯入侵乌克兰，美国将实施制裁。",
        ),
        (
            "a2",
            "普京与拜登举行视频会谈。克里姆林宫表示，会谈是坦率的。",
        ),
        ("a3", "北约秘书长斯托尔滕贝格敦促俄罗斯撤军。"),
        ("a4", "拜登同泽连斯基通电话。白宫指责俄罗斯。"),
        ("a5", "法国总统马克龙表示支持乌克兰。普京将访华。"),
    ]
    .iter()
    .map(|(id, text)| format!("{{\"id\":\"{id}\",\"text\":\"{text}\"}}"))
    .collect();
    let corpus = tmp("merge-corpus.jsonl");
    let (part1, part2) = (tmp("merge-part1.jsonl"), tmp("merge-part2.jsonl"));
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    std::fs::write(&part1, lines[..2].join("\n") + "\n").unwrap();
    std::fs::write(&part2, lines[2..].join("\n") + "\n").unwrap();
    let s = |p: &PathBuf| p.to_str().unwrap().to_string();

    let single = csv_run("merge-single", &[s(&corpus), seed(), data("trad.txt")], &[]);
    let shard1 = csv_run("merge-shard1", &[s(&part1)], &[]);
    let shard2 = csv_run(
        "merge-shard2",
        &[s(&part2), seed(), data("trad.txt")],
        &["-j", "1"],
    );
    let merged = fresh_dir("merge-out");
    let out = run(&[
        "merge",
        shard1.to_str().unwrap(),
        shard2.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        read(&single, "edges.csv").lines().count() > 1,
        "relations were found"
    );
    for t in TABLES {
        assert_eq!(read(&merged, t), read(&single, t), "{t}");
    }
    // The other formats and levels agree too.
    for extra in [
        &["--format", "dot"][..],
        &["--format", "graphml", "--level", "country"],
        &["--format", "json", "--min-count", "2"],
    ] {
        let mut g = vec!["graph"];
        g.extend(extra);
        let (c, sd) = (s(&corpus), seed());
        let td = data("trad.txt");
        g.extend([c.as_str(), sd.as_str(), td.as_str()]);
        let mut m = vec!["merge", shard1.to_str().unwrap(), shard2.to_str().unwrap()];
        m.extend(extra);
        let (a, b) = (run(&g), run(&m));
        assert!(b.status.success(), "{}", stderr(&b));
        assert_eq!(a.stdout, b.stdout, "{extra:?}");
    }
}

#[test]
fn merge_names_a_shard_without_tables() {
    let empty = fresh_dir("merge-empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = run(&["merge", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("merge-empty") && stderr(&out).contains("entities.csv"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn render_uses_dot_or_says_it_is_missing() {
    let dir = fresh_dir("render");
    // With no `dot` on PATH: a clear message, the DOT file is still written, exit 2.
    let out = bin()
        .args([
            "graph",
            "--render",
            "svg",
            "-o",
            dir.to_str().unwrap(),
            &seed(),
        ])
        .env("PATH", "")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not installed"), "{}", stderr(&out));
    assert!(dir.join("graph.dot").exists());
    let has_dot = Command::new("dot").arg("-V").output().is_ok();
    if !has_dot {
        eprintln!("note: Graphviz `dot` is not installed; skipping the real render");
        return;
    }
    let out = run(&[
        "graph",
        "--format",
        "graphml",
        "--render",
        "svg",
        "-o",
        dir.to_str().unwrap(),
        &seed(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(&dir, "graph.svg").contains("<svg"));
    assert!(read(&dir, "graph.graphml").contains("<graphml"));
}

/// A fake `dot` (writes nothing, succeeds) and `fc-list` (prints `fonts`) in a PATH of their own.
#[cfg(unix)]
fn fake_graphviz(name: &str, fonts: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin_dir = fresh_dir(name);
    std::fs::create_dir_all(&bin_dir).unwrap();
    for (tool, script) in [
        ("dot", "#!/bin/sh\nexit 0\n".to_string()),
        ("fc-list", format!("#!/bin/sh\nprintf '{fonts}'\n")),
    ] {
        let p = bin_dir.join(tool);
        std::fs::write(&p, script).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    bin_dir
}

#[cfg(unix)]
#[test]
fn render_warns_when_no_chinese_font_is_installed() {
    for (fonts, warned) in [("", true), ("WenQuanYi Micro Hei\\n", false)] {
        let path = fake_graphviz(&format!("fake-gv-{warned}"), fonts);
        let dir = fresh_dir(&format!("render-font-{warned}"));
        let out = bin()
            .args([
                "graph",
                "--render",
                "png",
                "-o",
                dir.to_str().unwrap(),
                &seed(),
            ])
            .env("PATH", &path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(
            err.contains("no Chinese font is installed"),
            warned,
            "{err}"
        );
        assert!(
            err.contains(&format!("wrote {}", dir.join("graph.dot").display())),
            "{err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_walked_once() {
    let dir = tmp("loop");
    let inner = dir.join("a");
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::write(inner.join("x.txt"), "拜登表示，美国不会让步。\n").unwrap();
    let link = inner.join("up");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink("..", &link).unwrap();
    let out = run(&["analyze", "-r", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout_docs(&out).len(), 1);
    assert!(stderr(&out).contains("a link to a folder already read"));
}
