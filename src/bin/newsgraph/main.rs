//! The `newsgraph` command-line tool: a thin layer over the library's public API.

mod args;
mod input;

use anyhow::Context;
use args::{AnalyzeArgs, Cli, Command, CommonArgs};
use clap::Parser;
use newsgraph::{Analyzer, Dictionary};
use std::io::{BufWriter, Write};
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
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Analyze(a) => analyze(a),
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
    input::for_each_article(&args.inputs, &args.common, &mut failures, |article| {
        let doc = analyzer.analyze(&article);
        writeln!(out, "{}", doc.to_json())?;
        Ok(())
    })?;
    out.flush()?;
    if failures > 0 {
        eprintln!("newsgraph: {failures} input(s) failed; see the errors above");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
