//! Command-line flags, parsed by clap into plain values the commands use.

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsgraph::InputFormat;
use std::path::PathBuf;

/// Chinese news in, entities, quotes and an actor graph out.
#[derive(Parser, Debug)]
#[command(name = "newsgraph", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyse articles and write one document JSON per line.
    Analyze(AnalyzeArgs),
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// Article files (Markdown, HTML, text, JSON lines); `-` reads standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
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
    /// Replace invalid UTF-8 with U+FFFD instead of failing the file.
    #[arg(long)]
    pub lossy: bool,
    /// Walk directories given as inputs (files with known extensions, sorted by path).
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
