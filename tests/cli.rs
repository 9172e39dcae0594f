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
    // testdata holds one bad JSON line, one non-UTF-8 file: the run goes on and says so.
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout_docs(&out).len() >= 5);
}

#[test]
fn non_utf8_names_file_and_byte_unless_lossy() {
    let out = run(&["analyze", &data("latin1.txt")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("latin1.txt") && err.contains("invalid UTF-8 at byte 0"),
        "{err}"
    );
    let out = run(&["analyze", "--lossy", &data("latin1.txt")]);
    assert!(out.status.success());
    assert!(
        stdout_docs(&out)[0]["text"]
            .as_str()
            .unwrap()
            .contains('\u{fffd}')
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
