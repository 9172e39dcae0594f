//! Criterion benchmarks: building the analyzer, analysing the sample article (in full, without
//! quotes, without the NER model, with dictionaries only), and jieba-rs tagging alone on the
//! same text for comparison.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsgraph::{Analyzer, Article};
use std::hint::black_box;
use std::sync::LazyLock;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

fn sample() -> Article {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/seed.md");
    Article::from_path(path).expect("sample article")
}

fn analyze(c: &mut Criterion) {
    let article = sample();
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Bytes(article.text.len() as u64));
    g.bench_function("seed_article", |b| {
        b.iter(|| ANALYZER.analyze(black_box(&article)))
    });
    // The same with one stage left out: the differences are what quote extraction, the
    // statistical model, and all the recognisers with coreference cost.
    let variants = [
        (
            "seed_article_without_quotes",
            Analyzer::builder().builtin_speech_cues(false).build(),
        ),
        (
            "seed_article_without_model",
            Analyzer::builder().ner_model(false).build(),
        ),
        (
            "seed_article_dictionaries_only",
            Analyzer::builder().recognizers(false).build(),
        ),
    ];
    for (name, analyzer) in variants {
        let analyzer = analyzer.expect("analyzer");
        g.bench_function(name, |b| b.iter(|| analyzer.analyze(black_box(&article))));
    }
    // The floor: jieba-rs tagging alone on the same text (the segmenter newsgraph builds).
    let segmenter = newsgraph::segment::Segmenter::new(std::iter::empty());
    g.bench_function("jieba_tag_only", |b| {
        b.iter(|| segmenter.tokens(black_box(&article.text)))
    });
    g.finish();
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("analyzer_with_builtins", |b| {
        b.iter(|| black_box(Analyzer::new()))
    });
    g.finish();
}

criterion_group!(benches, analyze, build);
criterion_main!(benches);
