//! Helpers shared by the integration tests.
#![allow(dead_code)]

use newsgraph::article::{self, ReadOptions};
use newsgraph::{Analyzer, Article};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// One analyzer for all tests of a binary: building it is the expensive part.
pub static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

pub fn manifest(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Every readable article of testdata/ and the sample article.
pub fn all_articles() -> Vec<Article> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(manifest("testdata"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e != "tsv" && e != "md" || p.ends_with("unclosed.md"))
        })
        .collect();
    paths.sort();
    paths.push(manifest("examples/data/seed.md"));
    let opts = ReadOptions {
        lossy: true,
        ..ReadOptions::default()
    };
    paths
        .iter()
        .filter(|p| !p.ends_with("README.md"))
        .flat_map(|p| article::read_path(p, &opts).unwrap())
        .filter_map(Result::ok)
        .collect()
}

/// Odd texts no stage may choke on.
pub const ODD_TEXTS: &[&str] = &[
    "",
    "\n\n\n",
    "“",
    "”」』",
    "他说：“没有结束",
    "「「「「",
    "·•‧・",
    "美美美美中中俄俄",
    "前美国总统",
    "Ünïcödé 😀 ÀÉ 拜登😀普京",
    "a\u{0}b\u{feff}c",
    "据报道称，表示：",
    "。。。！？；",
    "他说：\"我们不会让步，也不会退缩，绝不。\"",
    "\"\"",
];
