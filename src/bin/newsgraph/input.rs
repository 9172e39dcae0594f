//! Walking the inputs: files, standard input, directories (with `-r` for `analyze`, always for
//! `graph`), and JSON-lines corpora (files or standard input) streamed line by line. A bad file
//! or line is reported on stderr and counted; the rest go on. Every article leaves with an id
//! no earlier article of the run has.

use crate::args::CommonArgs;
use anyhow::Context;
use newsgraph::article::{self, ReadOptions};
use newsgraph::{Article, InputFormat};
use regex::RegexSet;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

const EXTENSIONS: &[&str] = &[
    "md", "markdown", "html", "htm", "txt", "text", "jsonl", "ndjson", "json",
];

/// What to do with a directory given as input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dirs {
    /// Read the article files inside it, recursively, sorted by path.
    Walk,
    /// Report it as an error (`analyze` without `-r`).
    Refuse,
}

/// One file to read, and the id of its article when the file does not name one.
struct Input {
    path: PathBuf,
    id: Option<String>,
}

/// Calls `f` on every article of every input, in order. Errors of `f` (writing output) stop
/// the run; errors of inputs are printed and counted in `failures`. `outputs` are the files
/// and directories this run writes: a walk skips them.
pub fn for_each_article(
    inputs: &[PathBuf],
    common: &CommonArgs,
    dirs: Dirs,
    outputs: &[&Path],
    failures: &mut usize,
    mut f: impl FnMut(Article) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let options = ReadOptions {
        format: common.input_format.map(Into::into),
        lossy: common.lossy,
        encoding: common.encoding,
    };
    let strip = RegexSet::new(&common.strip).context("bad --strip pattern")?;
    let outputs: Vec<PathBuf> = outputs
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let mut ids = Ids::default();
    let mut emit = |mut a: Article, name: &str| {
        strip_lines(&mut a, &strip);
        ids.make_unique(&mut a, name);
        for w in &a.warnings {
            eprintln!("warning: {w}");
        }
        f(a)
    };
    for input in expand(inputs, dirs == Dirs::Walk, &outputs, failures) {
        let path = &input.path;
        let is_jsonl = options.format == Some(InputFormat::JsonLines)
            || (options.format.is_none()
                && path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "jsonl" | "ndjson")));
        if is_jsonl {
            // Stream corpora: memory stays bounded whatever the file size.
            let (name, reader): (String, Box<dyn BufRead>) = if path == Path::new("-") {
                ("<stdin>".to_string(), Box::new(std::io::stdin().lock()))
            } else {
                match std::fs::File::open(path) {
                    Ok(f) => (path.display().to_string(), Box::new(BufReader::new(f))),
                    Err(e) => {
                        report(&format!("{}: {e}", path.display()), failures);
                        continue;
                    }
                }
            };
            for item in article::read_jsonl_with(&name, reader, &options) {
                match item {
                    Ok(a) => emit(a, &name)?,
                    Err(e) => report(&e.to_string(), failures),
                }
            }
            continue;
        }
        let read = match &input.id {
            Some(id) => article::read_path_with_id(path, id, &options),
            None => article::read_path(path, &options),
        };
        match read {
            Ok(items) => {
                for item in items {
                    match item {
                        Ok(a) => emit(a, &path.display().to_string())?,
                        Err(e) => report(&e.to_string(), failures),
                    }
                }
            }
            Err(e) => report(&e.to_string(), failures),
        }
    }
    Ok(())
}

/// The ids given so far in this run.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    /// Renames an article whose id an earlier one has (`a1` → `a1~2`), with a warning: two
    /// articles under one id would count as one document in the graph.
    fn make_unique(&mut self, a: &mut Article, name: &str) {
        if self.0.insert(a.id.clone()) {
            return;
        }
        let unique = (2..)
            .map(|n| format!("{}~{n}", a.id))
            .find(|id| !self.0.contains(id))
            .unwrap_or_default();
        a.warnings.push(format!(
            "{name}: id {:?} is already used by an earlier article; this one is {unique:?}",
            a.id
        ));
        self.0.insert(unique.clone());
        a.id = unique;
    }
}

/// Removes the body lines (not the title) that a `--strip` pattern matches.
fn strip_lines(a: &mut Article, strip: &RegexSet) {
    if strip.is_empty() {
        return;
    }
    let title_lines = usize::from(a.title.is_some());
    let kept: Vec<&str> = a
        .text
        .lines()
        .enumerate()
        .filter(|&(i, l)| i < title_lines || !strip.is_match(l))
        .map(|(_, l)| l)
        .collect();
    a.text = kept.join("\n");
}

fn report(message: &str, failures: &mut usize) {
    eprintln!("error: {message}");
    *failures += 1;
}

/// Inputs with directories expanded (when `recursive`) into their article files, sorted. Files
/// that share a stem (`a/index.md`, `b/index.md`) get their path below the directory given
/// (or as given) as id, so that each article keeps its own.
fn expand(
    inputs: &[PathBuf],
    recursive: bool,
    outputs: &[PathBuf],
    failures: &mut usize,
) -> Vec<Input> {
    let mut out = Vec::new();
    for p in inputs {
        if recursive && p.is_dir() {
            let mut found = Vec::new();
            let mut seen = HashSet::new();
            walk(p, &mut found, outputs, &mut seen, failures);
            found.sort();
            out.extend(found.into_iter().map(|path| {
                let id = path.strip_prefix(p).ok().map(slash_path);
                Input { path, id }
            }));
        } else if p.is_dir() {
            report(
                &format!(
                    "{}: is a directory (use -r to read the articles in it)",
                    p.display()
                ),
                failures,
            );
        } else {
            let id = Some(slash_path(p));
            out.push(Input {
                path: p.clone(),
                id,
            });
        }
    }
    let mut stems: HashMap<&str, usize> = HashMap::new();
    for input in &out {
        *stems.entry(stem(&input.path)).or_default() += 1;
    }
    let repeated: HashSet<String> = stems
        .into_iter()
        .filter(|&(_, n)| n > 1)
        .map(|(s, _)| s.to_string())
        .collect();
    for input in &mut out {
        if !repeated.contains(stem(&input.path)) || input.path == Path::new("-") {
            input.id = None;
        }
    }
    out
}

fn stem(path: &Path) -> &str {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("")
}

/// A relative path as an id: `/`-separated on every platform.
fn slash_path(p: &Path) -> String {
    let parts: Vec<_> = p
        .components()
        .filter(|c| {
            matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::ParentDir
            )
        })
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

/// Collects the article files below `dir`. Links are followed once: `seen` holds the canonical
/// path of every folder and file already taken, so a symlink loop or a second link to the same
/// file adds nothing (a note says so for folders).
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    outputs: &[PathBuf],
    seen: &mut HashSet<PathBuf>,
    failures: &mut usize,
) {
    if let Ok(canonical) = dir.canonicalize()
        && !seen.insert(canonical)
    {
        eprintln!(
            "note: skipping {}: a link to a folder already read",
            dir.display()
        );
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return report(&format!("{}: {e}", dir.display()), failures),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.canonicalize().is_ok_and(|c| outputs.contains(&c)) {
            eprintln!("note: skipping {}: this run writes it", path.display());
        } else if path.is_dir() {
            walk(&path, out, outputs, seen, failures);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            if let Some(what) = newsgraph_output(&path) {
                eprintln!(
                    "note: skipping {}: {what} written by newsgraph, not articles",
                    path.display()
                );
                continue;
            }
            if path.canonicalize().is_ok_and(|c| !seen.insert(c)) {
                continue; // a second link to a file already taken
            }
            out.push(path);
        }
    }
}

/// What newsgraph output a JSON file found in a walk is, if it is one: documents of `analyze`
/// (they carry every field of a document, which annotated articles do not) or a graph of `graph --format json` (`level` and `nodes`). Reading
/// them back as articles would analyse every text twice.
fn newsgraph_output(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if !matches!(ext.as_str(), "jsonl" | "ndjson" | "json") {
        return None;
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .ok()?;
    let head = String::from_utf8_lossy(&head);
    let first = head.lines().next()?.trim_start_matches('\u{feff}');
    if let Ok(serde_json::Value::Object(o)) = serde_json::from_str(first) {
        let fields = ["entities", "quotes", "relations", "groups"];
        return fields
            .iter()
            .all(|k| o.contains_key(*k))
            .then_some("documents");
    }
    let compact: String = head.split_whitespace().take(8).collect();
    compact.starts_with("{\"level\":").then_some("a graph")
}
