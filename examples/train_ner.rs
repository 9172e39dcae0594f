//! Trains the statistical NER model (`dictionaries/ner_model.tsv`) on the MSRA training split
//! minus the development sample, then scores the model alone on that sample.
//!
//! ```text
//! cargo run --release --features train-ner --example train_ner -- \
//!     ../shared/eval/data/msra_ner/msra_train_45000_bio.tsv \
//!     ../shared/eval/data/msra_ner/msra_train_sample3000_bio.tsv \
//!     dictionaries/ner_model.tsv [EPOCHS] [MIN_WEIGHT]
//! ```
//!
//! Every sentence of the sample (second argument) is removed from the training file by exact
//! text before training, so the sample stays a held-out development set. Training is
//! deterministic (fixed shuffle seed): the same inputs give the same file.

#[cfg(feature = "train-ner")]
fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: train_ner TRAIN.tsv EXCLUDE_DEV.tsv OUT.tsv [EPOCHS] [MIN_WEIGHT]");
        std::process::exit(2);
    }
    let train = std::fs::read_to_string(&args[0])?;
    let dev = std::fs::read_to_string(&args[1])?;
    let epochs = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(8);
    let min_weight = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(3);
    let t0 = std::time::Instant::now();
    let model = newsgraph::mention::train(&train, &dev, epochs, 10.0, min_weight, |m| {
        eprintln!("[{:6.1}s] {m}", t0.elapsed().as_secs_f64());
    });
    let header = format!(
        "# newsgraph NER model: averaged perceptron, BIOES, {epochs} epochs, weights x10 pruned below {min_weight}.\n\
         # Trained on MSRA NER (SIGHAN 2006) train minus the 3,000-sentence dev sample: research use only.\n\
         # Regenerate: cargo run --release --features train-ner --example train_ner -- TRAIN DEV OUT {epochs} {min_weight}\n"
    );
    std::fs::write(&args[2], format!("{header}{model}"))?;
    eprintln!(
        "[{:6.1}s] wrote {} ({} bytes, {} lines)",
        t0.elapsed().as_secs_f64(),
        args[2],
        header.len() + model.len(),
        model.lines().count()
    );
    print!("{}", newsgraph::mention::evaluate(&model, &dev));
    Ok(())
}

#[cfg(not(feature = "train-ner"))]
fn main() {
    eprintln!("build with --features train-ner");
    std::process::exit(2);
}
