//! The `newsgraph` command-line tool: a thin layer over the library's public API.

mod args;
mod input;

/// See Cargo.toml: many small allocations per article.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::{Context, bail};
use args::{
    AnalyzeArgs, Cli, Command, CommonArgs, GraphArgs, GraphFormat, GraphOutputArgs, MergeArgs,
};
use clap::Parser;
use input::Dirs;
use newsgraph::export::csv::{CsvOptions, DocumentTables, Table};
use newsgraph::export::{self};
use newsgraph::{ActorGraph, Analyzer, Article, Dictionary, Document};
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`newsgraph analyze … | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {}", message(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, each said once: a library error already quotes its I/O cause
/// (`missing.tsv: No such file or directory`), which anyhow's `{:#}` would repeat.
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let m = cause.to_string();
        if out.contains(&m) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&m);
    }
    out
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Analyze(a) => analyze(a),
        Command::Graph(a) => graph(a),
        Command::Merge(a) => merge(a),
    }
}

fn build_analyzer(common: &CommonArgs) -> anyhow::Result<Analyzer> {
    let mut builder = Analyzer::builder();
    builder.builtin_dictionaries(!common.no_builtin_dicts);
    for path in &common.dicts {
        builder.add_dictionary(Dictionary::from_path(path)?);
    }
    for path in &common.cues {
        let file =
            std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        builder.add_speech_cues(newsgraph::lexicon::SpeechCues::from_reader(
            &path.display().to_string(),
            file,
        )?);
    }
    Ok(builder.build()?)
}

fn analyze(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let analyzer = build_analyzer(&args.common)?;
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    let mut failures = 0usize;
    let dirs = if args.common.recursive {
        Dirs::Walk
    } else {
        Dirs::Refuse
    };
    let outputs: Vec<&Path> = args.output.iter().map(PathBuf::as_path).collect();
    input::for_each_article(
        &args.inputs,
        &args.common,
        dirs,
        &outputs,
        &mut failures,
        |article| {
            let doc = analyzer.analyze(&article);
            if args.pretty {
                writeln!(out, "{}", doc.to_json_pretty())?;
            } else {
                writeln!(out, "{}", doc.to_json())?;
            }
            Ok(())
        },
    )?;
    out.flush()?;
    if failures > 0 {
        eprintln!("newsgraph: {failures} input(s) failed; see the errors above");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Articles analysed per parallel batch: large enough to keep every thread busy, small enough
/// that memory stays bounded (documents are added to the graph and dropped batch by batch).
const CHUNK: usize = 256;

/// Analyses articles in parallel batches and adds them, in input order, to the graph and the
/// document tables, so the output does not depend on the thread count.
struct Corpus<'a> {
    analyzer: &'a Analyzer,
    pool: rayon::ThreadPool,
    graph: ActorGraph,
    tables: Option<DocumentTables<BufWriter<File>>>,
    batch: Vec<Article>,
    failures: usize,
    progress: indicatif::ProgressBar,
}

impl Corpus<'_> {
    fn push(&mut self, article: Article) -> anyhow::Result<()> {
        self.batch.push(article);
        if self.batch.len() >= CHUNK {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        let batch = std::mem::take(&mut self.batch);
        let analyzer = self.analyzer;
        let docs: Vec<Option<Document>> = self.pool.install(|| {
            batch
                .par_iter()
                .map(|a| {
                    // A stage must not panic; if one does, lose this article, not the run.
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyzer.analyze(a)))
                        .ok()
                })
                .collect()
        });
        for (article, doc) in batch.iter().zip(&docs) {
            let Some(doc) = doc else {
                self.progress.suspend(|| {
                    eprintln!(
                        "error: {}: analysis failed (a bug in newsgraph: please report it with this article)",
                        article.id
                    )
                });
                self.failures += 1;
                continue;
            };
            if let Some(t) = &mut self.tables {
                t.write(doc)?;
            }
        }
        self.graph.add_documents(docs.iter().flatten());
        self.progress.inc(batch.len() as u64);
        Ok(())
    }
}

fn progress_bar() -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::new_spinner();
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} {pos} articles analysed ({per_sec}, {elapsed})",
    ) {
        pb.set_style(style);
    }
    pb.enable_steady_tick(std::time::Duration::from_millis(200));
    pb
}

fn csv_options(out: &GraphOutputArgs) -> CsvOptions {
    CsvOptions { bom: out.bom }
}

/// Checks the output flags and creates the output directory.
fn prepare_output(out: &GraphOutputArgs) -> anyhow::Result<()> {
    if out.format == GraphFormat::Csv && out.output.is_none() {
        bail!("--format csv writes several tables: give an output directory with -o DIR");
    }
    if let Some(dir) = &out.output {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    Ok(())
}

fn graph(args: GraphArgs) -> anyhow::Result<ExitCode> {
    prepare_output(&args.output)?;
    let analyzer = build_analyzer(&args.common)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start the analysis threads")?;
    let tables = match (&args.output.output, args.output.format) {
        (Some(dir), GraphFormat::Csv) => {
            Some(DocumentTables::create(dir, &csv_options(&args.output))?)
        }
        _ => None,
    };
    let mut corpus = Corpus {
        analyzer: &analyzer,
        pool,
        graph: ActorGraph::new(),
        tables,
        batch: Vec::with_capacity(CHUNK),
        failures: 0,
        progress: progress_bar(),
    };
    let mut failures = 0usize;
    let outputs: Vec<&Path> = args.output.output.iter().map(PathBuf::as_path).collect();
    input::for_each_article(
        &args.inputs,
        &args.common,
        Dirs::Walk,
        &outputs,
        &mut failures,
        |a| corpus.push(a),
    )?;
    corpus.flush()?;
    corpus.progress.finish_and_clear();
    if let Some(t) = corpus.tables.take() {
        t.finish()?;
    }
    failures += corpus.failures;
    let written = match &args.output.output {
        Some(dir) if args.output.format == GraphFormat::Csv => Table::DOCUMENT_TABLES
            .iter()
            .map(|t| dir.join(t.file_name()))
            .collect(),
        _ => Vec::new(),
    };
    let code = write_graph(&corpus.graph, &args.output, written)?;
    if failures > 0 {
        eprintln!("newsgraph: {failures} input(s) failed; see the errors above");
        return Ok(ExitCode::from(1));
    }
    Ok(code)
}

fn merge(args: MergeArgs) -> anyhow::Result<ExitCode> {
    prepare_output(&args.output)?;
    if let Some(out) = &args.output.output {
        let out = out.canonicalize()?;
        if args
            .shards
            .iter()
            .any(|s| s.canonicalize().is_ok_and(|s| s == out))
        {
            bail!(
                "the output directory {} is one of the shards",
                out.display()
            );
        }
    }
    let mut graph = ActorGraph::new();
    for dir in &args.shards {
        let shard = export::csv::read_graph_dir(dir).with_context(|| {
            format!(
                "cannot read shard {} (merge reads the entities.csv and edges.csv that `newsgraph graph --format csv -o DIR` writes)",
                dir.display()
            )
        })?;
        graph.merge(shard);
    }
    let mut written = Vec::new();
    if let (Some(out), GraphFormat::Csv) = (&args.output.output, args.output.format) {
        for table in Table::DOCUMENT_TABLES {
            written.extend(concatenate(
                table,
                &args.shards,
                out,
                &csv_options(&args.output),
            )?);
        }
    }
    write_graph(&graph, &args.output, written)
}

/// Appends the rows of `table` from every shard to `out/table` (one header), and returns the
/// file written. A table present in no shard is skipped; one present in only some is an error
/// (the result would be partial).
fn concatenate(
    table: Table,
    shards: &[PathBuf],
    out: &Path,
    options: &CsvOptions,
) -> anyhow::Result<Option<PathBuf>> {
    let paths: Vec<PathBuf> = shards.iter().map(|d| d.join(table.file_name())).collect();
    let present = paths.iter().filter(|p| p.exists()).count();
    if present == 0 {
        return Ok(None);
    }
    if present < paths.len() {
        let missing = paths
            .iter()
            .find(|p| !p.exists())
            .map(|p| p.display().to_string());
        bail!(
            "{} is missing, while other shards have {}",
            missing.unwrap_or_default(),
            table.file_name()
        );
    }
    let target = out.join(table.file_name());
    let mut w = BufWriter::new(
        File::create(&target).with_context(|| format!("cannot create {}", target.display()))?,
    );
    if options.bom {
        w.write_all("\u{feff}".as_bytes())?;
    }
    let header = format!("{}\n", table.header().join(","));
    w.write_all(header.as_bytes())?;
    for p in &paths {
        let mut r =
            BufReader::new(File::open(p).with_context(|| format!("cannot open {}", p.display()))?);
        let mut first = String::new();
        r.read_line(&mut first)?;
        if first.trim_start_matches('\u{feff}').trim_end() != header.trim_end() {
            bail!(
                "{}: unexpected header (expected {})",
                p.display(),
                header.trim_end()
            );
        }
        std::io::copy(&mut r, &mut w)?;
    }
    w.flush()?;
    Ok(Some(target))
}

/// Writes the graph at the requested level and minimum count; renders it when asked. With an
/// output directory, lists on stderr every file the run wrote (`written` holds the ones
/// written before).
fn write_graph(
    graph: &ActorGraph,
    out: &GraphOutputArgs,
    mut written: Vec<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let graph = graph.rolled_up(out.level.into()).filtered(out.min_count);
    let write_one = |format: GraphFormat, w: &mut dyn Write| -> newsgraph::Result<()> {
        match format {
            GraphFormat::Dot => export::dot::write(&graph, w),
            GraphFormat::Graphml => export::graphml::write(&graph, w),
            GraphFormat::Json => export::json::write(&graph, w),
            GraphFormat::Csv => unreachable!("csv is written as a directory"),
        }
    };
    let Some(dir) = &out.output else {
        write_one(out.format, &mut BufWriter::new(std::io::stdout().lock()))?;
        return Ok(ExitCode::SUCCESS);
    };
    let write_file = |format: GraphFormat, written: &mut Vec<PathBuf>| -> anyhow::Result<()> {
        let p = dir.join(format.file_name());
        let mut w = BufWriter::new(
            File::create(&p).with_context(|| format!("cannot create {}", p.display()))?,
        );
        write_one(format, &mut w)?;
        w.flush()?;
        written.push(p);
        Ok(())
    };
    match out.format {
        GraphFormat::Csv => {
            export::csv::write_graph(&graph, dir, &csv_options(out))?;
            written.extend([Table::Nodes, Table::Edges].map(|t| dir.join(t.file_name())));
        }
        f => write_file(f, &mut written)?,
    }
    let code = match out.render {
        Some(render) => {
            if out.format != GraphFormat::Dot {
                write_file(GraphFormat::Dot, &mut written)?;
            }
            let code = self::render(dir, render.as_str())?;
            if code == ExitCode::SUCCESS {
                written.push(dir.join(format!("graph.{}", render.as_str())));
            }
            code
        }
        None => ExitCode::SUCCESS,
    };
    for p in &written {
        eprintln!("newsgraph: wrote {}", p.display());
    }
    Ok(code)
}

/// Runs Graphviz on DIR/graph.dot into DIR/graph.FORMAT. Exit code 2, with what to do, when
/// `dot` is not installed; a warning when no Chinese font is (labels would be boxes).
fn render(dir: &Path, format: &str) -> anyhow::Result<ExitCode> {
    let dot_file = dir.join("graph.dot");
    let image = dir.join(format!("graph.{format}"));
    let status = std::process::Command::new("dot")
        .arg(format!("-T{format}"))
        .arg(&dot_file)
        .arg("-o")
        .arg(&image)
        .status();
    match status {
        Ok(s) if s.success() => {
            warn_without_cjk_font(&image);
            Ok(ExitCode::SUCCESS)
        }
        Ok(s) => bail!("Graphviz `dot` failed ({s}) on {}", dot_file.display()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "newsgraph: cannot render {}: Graphviz's `dot` program is not installed \
                 (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz). \
                 The DOT file is written: render it later with `dot -T{format} {} -o {}`.",
                image.display(),
                dot_file.display(),
                image.display()
            );
            Ok(ExitCode::from(2))
        }
        Err(e) => Err(e).context("cannot run Graphviz `dot`"),
    }
}

/// Graphviz finds fonts through fontconfig: when `fc-list :lang=zh` lists none, every Chinese
/// label is drawn as boxes. (Without fontconfig's `fc-list` we cannot tell, and say nothing.)
fn warn_without_cjk_font(image: &Path) {
    let Ok(out) = std::process::Command::new("fc-list")
        .arg(":lang=zh")
        .arg("family")
        .stderr(std::process::Stdio::null())
        .output()
    else {
        return;
    };
    if out.status.success() && out.stdout.trim_ascii().is_empty() {
        eprintln!(
            "newsgraph: warning: no Chinese font is installed (`fc-list :lang=zh` lists none), so \
             {} shows its Chinese labels as boxes; install one (Debian/Ubuntu: apt-get install \
             fonts-noto-cjk) and render again",
            image.display()
        );
    }
}
