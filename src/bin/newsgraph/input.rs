//! Walking the inputs: files, standard input, directories (with `-r` for `analyze`, always for
//! `graph`), and JSON-lines corpora (files or standard input) streamed line by line. A bad file
//! or line is reported on stderr and counted; the rest go on.

use crate::args::CommonArgs;
use newsgraph::article::{self, ReadOptions};
use newsgraph::{Article, InputFormat};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

const EXTENSIONS: &[&str] = &[
    "md", "markdown", "html", "htm", "txt", "text", "jsonl", "ndjson",
];

/// What to do with a directory given as input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dirs {
    /// Read the article files inside it, recursively, sorted by path.
    Walk,
    /// Report it as an error (`analyze` without `-r`).
    Refuse,
}

/// Calls `f` on every article of every input, in order. Errors of `f` (writing output) stop
/// the run; errors of inputs are printed and counted in `failures`.
pub fn for_each_article(
    inputs: &[PathBuf],
    common: &CommonArgs,
    dirs: Dirs,
    failures: &mut usize,
    mut f: impl FnMut(Article) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let options = ReadOptions {
        format: common.input_format.map(Into::into),
        lossy: common.lossy,
    };
    for path in expand(inputs, dirs == Dirs::Walk, failures) {
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
                match std::fs::File::open(&path) {
                    Ok(f) => (path.display().to_string(), Box::new(BufReader::new(f))),
                    Err(e) => {
                        report(&format!("{}: {e}", path.display()), failures);
                        continue;
                    }
                }
            };
            for item in article::read_jsonl(&name, reader, options.lossy) {
                match item {
                    Ok(a) => emit(a, &mut f)?,
                    Err(e) => report(&e.to_string(), failures),
                }
            }
            continue;
        }
        match article::read_path(&path, &options) {
            Ok(items) => {
                for item in items {
                    match item {
                        Ok(a) => emit(a, &mut f)?,
                        Err(e) => report(&e.to_string(), failures),
                    }
                }
            }
            Err(e) => report(&e.to_string(), failures),
        }
    }
    Ok(())
}

fn emit(a: Article, f: &mut impl FnMut(Article) -> anyhow::Result<()>) -> anyhow::Result<()> {
    for w in &a.warnings {
        eprintln!("warning: {w}");
    }
    f(a)
}

fn report(message: &str, failures: &mut usize) {
    eprintln!("error: {message}");
    *failures += 1;
}

/// Inputs with directories expanded (when `recursive`) into their article files, sorted.
fn expand(inputs: &[PathBuf], recursive: bool, failures: &mut usize) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in inputs {
        if recursive && p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found, failures);
            found.sort();
            out.extend(found);
        } else if p.is_dir() {
            report(
                &format!(
                    "{}: is a directory (use -r to read the articles in it)",
                    p.display()
                ),
                failures,
            );
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, failures: &mut usize) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return report(&format!("{}: {e}", dir.display()), failures),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out, failures);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
}
