//! Command-line flags, parsed by clap into plain values the commands use.

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsgraph::article::Encoding;
use newsgraph::{InputFormat, Level};
use std::path::PathBuf;

/// `newsgraph --version`: the binary always embeds the statistical model (the `cli` feature
/// turns `ner-model` on), whose training data has its own licence.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\nstatistical NER model: on (trained on the MSRA NER data, licensed for research use only;\n\
     see THIRD-PARTY.md)"
);

/// Chinese news in, entities, quotes and an actor graph out.
#[derive(Parser, Debug)]
#[command(name = "newsgraph", version = VERSION, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyse articles and write one document JSON per line.
    Analyze(AnalyzeArgs),
    /// Analyse articles (in parallel) and write their actor graph.
    Graph(GraphArgs),
    /// Combine the CSV outputs of `graph --format csv` shards into one graph.
    Merge(MergeArgs),
}

#[derive(Args, Debug)]
pub struct GraphArgs {
    /// Article files, directories (read recursively) or JSON-lines corpora; `-` reads standard
    /// input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Analysis threads (default: one per core). The output does not depend on it.
    #[arg(short = 'j', long = "threads", value_name = "THREADS")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub output: GraphOutputArgs,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// Directories written by `newsgraph graph --format csv` (each needs entities.csv and
    /// edges.csv; mentions.csv, quotes.csv and relations.csv are concatenated when present).
    #[arg(required = true, value_name = "DIR")]
    pub shards: Vec<PathBuf>,
    #[command(flatten)]
    pub output: GraphOutputArgs,
}

/// How `graph` and `merge` write the graph.
#[derive(Args, Debug)]
pub struct GraphOutputArgs {
    /// Output format. csv writes entities, mentions, quotes, relations, nodes and edges tables
    /// and needs -o.
    #[arg(long, value_enum, default_value = "dot")]
    pub format: GraphFormat,
    /// Write into this directory (created if missing) instead of standard output:
    /// graph.dot, graph.graphml, graph.json, or the *.csv tables.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Draw people, organizations and places as themselves or as their country.
    #[arg(long, value_enum, default_value = "entity")]
    pub level: LevelArg,
    /// Keep only edges that aggregate at least N relations.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_count: usize,
    /// Also render the graph with Graphviz's `dot` into DIR/graph.svg or graph.png (needs -o).
    #[arg(long, value_enum, requires = "output")]
    pub render: Option<RenderArg>,
    /// Start CSV files with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    pub bom: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Csv,
    Graphml,
    Json,
}

impl GraphFormat {
    /// The file written into the output directory (csv writes several).
    pub fn file_name(self) -> &'static str {
        match self {
            GraphFormat::Dot => "graph.dot",
            GraphFormat::Csv => "edges.csv",
            GraphFormat::Graphml => "graph.graphml",
            GraphFormat::Json => "graph.json",
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LevelArg {
    Entity,
    Country,
}

impl From<LevelArg> for Level {
    fn from(l: LevelArg) -> Level {
        match l {
            LevelArg::Entity => Level::Entity,
            LevelArg::Country => Level::Country,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RenderArg {
    Svg,
    Png,
}

impl RenderArg {
    pub fn as_str(self) -> &'static str {
        match self {
            RenderArg::Svg => "svg",
            RenderArg::Png => "png",
        }
    }
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// Article files (Markdown, HTML, text, JSON lines); `-` reads standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Indent the JSON, for reading a document (the output is then no longer one per line).
    #[arg(long)]
    pub pretty: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Flags shared by every command that reads articles.
#[derive(Args, Debug)]
pub struct CommonArgs {
    /// Input format, instead of detecting it from the extension and content.
    #[arg(long, value_enum)]
    pub input_format: Option<FormatArg>,
    /// Add a dictionary file (TSV or CSV; repeatable). Its rows replace built-ins with the same id.
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// Add a speech-cue lexicon (TSV in the format of dictionaries/speech_cues.tsv; repeatable).
    #[arg(long = "cues", value_name = "FILE")]
    pub cues: Vec<PathBuf>,
    /// Do not load the built-in dictionaries.
    #[arg(long)]
    pub no_builtin_dicts: bool,
    /// Replace bytes invalid in the file's encoding with U+FFFD instead of failing the file.
    #[arg(long)]
    pub lossy: bool,
    /// Read inputs in this encoding (gb18030, gbk, big5, utf-16le, …) instead of detecting
    /// UTF-8, GB18030, Big5 or a byte-order mark.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<Encoding>,
    /// Remove the lines of article bodies that this regular expression matches (site
    /// boilerplate such as `^請支持《眾新聞》`; repeatable) before analysis.
    #[arg(long = "strip", value_name = "PATTERN")]
    pub strip: Vec<String>,
    /// Walk directories given as inputs (files with known extensions, sorted by path). `graph`
    /// always does.
    #[arg(short, long)]
    pub recursive: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Md,
    Html,
    Text,
    Jsonl,
}

impl From<FormatArg> for InputFormat {
    fn from(f: FormatArg) -> InputFormat {
        match f {
            FormatArg::Md => InputFormat::Markdown,
            FormatArg::Html => InputFormat::Html,
            FormatArg::Text => InputFormat::Text,
            FormatArg::Jsonl => InputFormat::JsonLines,
        }
    }
}

fn parse_encoding(name: &str) -> Result<Encoding, String> {
    Encoding::for_label(name).ok_or_else(|| {
        format!(
            "unknown encoding {name:?} (examples: gb18030, gbk, big5, utf-16le, utf-16be, windows-1252)"
        )
    })
}
