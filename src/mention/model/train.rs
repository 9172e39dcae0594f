//! Averaged structured perceptron training (feature `train-ner`).
use super::*;
use crate::segment::Segmenter;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type HashIndex = HashMap<u64, u32, BuildHasherDefault<Identity>>;

/// Sentences of a BIO file: (text, tags).
fn read_bio(text: &str) -> Vec<(String, Vec<usize>)> {
    let mut out = Vec::new();
    let (mut chars, mut tags): (String, Vec<String>) = (String::new(), Vec::new());
    let mut flush = |chars: &mut String, tags: &mut Vec<String>| {
        if !chars.is_empty() {
            out.push((std::mem::take(chars), bioes(tags)));
        }
        tags.clear();
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut chars, &mut tags);
            continue;
        }
        let (c, t) = line
            .split_once('\t')
            .or_else(|| line.split_once(' '))
            .unwrap_or((line, "O"));
        chars.push_str(c);
        // A multi-character "character" cell keeps one tag per char.
        for _ in c.chars() {
            tags.push(t.to_string());
        }
    }
    flush(&mut chars, &mut tags);
    out
}

/// BIO tags to BIOES tag indices.
fn bioes(tags: &[String]) -> Vec<usize> {
    let ty = |t: &str| TYPES.iter().position(|x| t.get(2..) == Some(*x));
    (0..tags.len())
        .map(|i| {
            let Some(k) = ty(&tags[i]) else { return 0 };
            let begins = tags[i].starts_with("B-") || i == 0 || ty(&tags[i - 1]) != Some(k);
            let next_in = tags
                .get(i + 1)
                .is_some_and(|n| n.starts_with("I-") && ty(n) == Some(k));
            let part = match (begins, next_in) {
                (true, true) => 0,
                (false, true) => 1,
                (false, false) => 2,
                (true, false) => 3,
            };
            1 + 4 * k + part
        })
        .collect()
}

/// The analyzer's segmenter: jieba plus the built-in gazetteer's names with their tags.
fn segmenter() -> Segmenter {
    let dict = crate::Dictionary::builtin();
    let words = dict.entities().flat_map(|e| {
        let tag = match e.kind {
            EntityKind::Person => "nr",
            EntityKind::Place => "ns",
            EntityKind::Organization => "nt",
            EntityKind::Other => "nz",
        };
        e.names()
            .chain(e.ambiguous.iter().map(String::as_str))
            .map(move |n| (n, tag))
    });
    Segmenter::new(words)
}

/// Names tagged as one type at least twice, and as that type in at least 70% of their
/// occurrences in the training text.
fn consistent_names(data: &[(String, Vec<usize>)]) -> Vec<(String, usize)> {
    let mut tagged: HashMap<(String, usize), usize> = HashMap::new();
    for (text, tags) in data {
        let chars: Vec<char> = text.chars().collect();
        for (s, e, ty) in spans(tags) {
            if e - s >= 2 {
                *tagged
                    .entry((chars[s..e].iter().collect(), ty))
                    .or_default() += 1;
            }
        }
    }
    let mut cands: Vec<((String, usize), usize)> =
        tagged.into_iter().filter(|&(_, n)| n >= 2).collect();
    cands.sort();
    let index: HashMap<&str, usize> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (c.0.0.as_str(), i))
        .collect();
    let longest = cands
        .iter()
        .map(|c| c.0.0.chars().count())
        .max()
        .unwrap_or(0);
    let mut seen = vec![0usize; cands.len()];
    for (text, _) in data {
        let ends: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for (k, &start) in ends.iter().enumerate() {
            for &end in ends.iter().skip(k + 2).take(longest.saturating_sub(1)) {
                if let Some(&i) = index.get(&text[start..end]) {
                    seen[i] += 1;
                }
            }
        }
    }
    cands
        .into_iter()
        .zip(seen)
        .filter(|((_, n), seen)| *n * 10 >= *seen * 7)
        .map(|(c, _)| c.0)
        .collect()
}

/// Weights below this (after scaling) are dropped from a kept feature's row.
const MIN_ENTRY: i32 = 3;

/// Weights with the averaging trick: average = w - u / c.
#[derive(Default)]
struct Weights {
    index: HashIndex,
    w: Vec<[i32; NT]>,
    u: Vec<[i64; NT]>,
}

impl Weights {
    fn add(&mut self, h: u64, t: usize, d: i32, c: i64) {
        let n = self.w.len() as u32;
        let r = *self.index.entry(h).or_insert(n) as usize;
        if r == self.w.len() {
            self.w.push([0; NT]);
            self.u.push([0; NT]);
        }
        self.w[r][t] += d;
        self.u[r][t] += i64::from(d) * c;
    }
}

fn decode(wt: &Weights, tr: &[[i32; NT]; NT + 1], hashes: &[Vec<u64>]) -> Vec<usize> {
    let emit: Vec<[i32; NT]> = hashes
        .iter()
        .map(|hs| {
            let mut e = [0; NT];
            for h in hs {
                if let Some(&r) = wt.index.get(h) {
                    for (x, w) in e.iter_mut().zip(&wt.w[r as usize]) {
                        *x += w;
                    }
                }
            }
            e
        })
        .collect();
    viterbi(&emit, tr)
}

/// Trains on the BIO file `train` minus every sentence of `exclude` (by exact text),
/// for `epochs` passes, and returns the model file text with weights scaled by `scale`,
/// pruned to features with a weight of at least `min_weight` so that it stays small. `log` receives progress.
pub fn train(
    train: &str,
    exclude: &str,
    epochs: usize,
    scale: f64,
    min_weight: i32,
    mut log: impl FnMut(&str),
) -> String {
    let skip: HashSet<String> = read_bio(exclude).into_iter().map(|s| s.0).collect();
    let all = read_bio(train);
    let total = all.len();
    let data: Vec<(String, Vec<usize>)> =
        all.into_iter().filter(|s| !skip.contains(&s.0)).collect();
    log(&format!(
        "{} sentences, {} excluded (dev sample has {})",
        data.len(),
        total - data.len(),
        skip.len()
    ));
    let seg = segmenter();
    let obs: Vec<Vec<Obs>> = data
        .iter()
        .map(|(s, _)| observe(s, &seg.tokens(s)))
        .collect();
    log("segmented");
    let mut wt = Weights::default();
    let mut tr = [[0i32; NT]; NT + 1];
    let mut tu = [[0i64; NT]; NT + 1];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng: u64 = 0x2545_f491_4f6c_dd1d;
    for epoch in 0..epochs {
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        let mut wrong = 0usize;
        for &s in &order {
            let o = &obs[s];
            let gold = &data[s].1;
            let hashes: Vec<Vec<u64>> = (0..gold.len())
                .map(|i| {
                    let mut v = Vec::with_capacity(24);
                    feature_hashes(o, i + 2, &mut v);
                    v
                })
                .collect();
            let pred = decode(&wt, &tr, &hashes);
            if pred != *gold {
                wrong += 1;
                for i in 0..gold.len() {
                    let (g, p) = (gold[i], pred[i]);
                    if g != p {
                        for &h in &hashes[i] {
                            wt.add(h, g, 1, c);
                            wt.add(h, p, -1, c);
                        }
                    }
                    let gp = if i == 0 { START } else { gold[i - 1] };
                    let pp = if i == 0 { START } else { pred[i - 1] };
                    if (gp, g) != (pp, p) {
                        tr[gp][g] += 1;
                        tu[gp][g] += c;
                        tr[pp][p] -= 1;
                        tu[pp][p] -= c;
                    }
                }
            }
            c += 1;
        }
        log(&format!(
            "epoch {}: {wrong} sentences wrong, {} features",
            epoch + 1,
            wt.w.len()
        ));
    }
    // Averaged, scaled, rounded, pruned.
    let avg = |w: i32, u: i64| {
        ((f64::from(w) - u as f64 / c as f64) * scale)
            .round()
            // Decoding sums rows in i16: every weight within the bound it relies on.
            .clamp(
                -f64::from(tables::MAX_WEIGHT),
                f64::from(tables::MAX_WEIGHT),
            ) as i32
    };
    let mut names: HashMap<u64, String> = HashMap::new();
    for o in &obs {
        for i in 2..o.len() - 2 {
            features(o, i, |parts| {
                let mut h = Fnv::new();
                let mut s = String::new();
                for p in parts {
                    h.part(p);
                    match p {
                        P::S(x) => s.push_str(x),
                        P::C(ch) => s.push(*ch),
                    }
                }
                if wt.index.contains_key(&h.0) {
                    names.entry(h.0).or_insert(s);
                }
            });
        }
    }
    let mut lines: Vec<String> = Vec::new();
    for (h, name) in &names {
        let r = wt.index[h] as usize;
        let row: Vec<i32> = (0..NT).map(|t| avg(wt.w[r][t], wt.u[r][t])).collect();
        if row.iter().all(|a| a.abs() < min_weight) {
            continue;
        }
        let mut line = String::new();
        for (t, &a) in row.iter().enumerate() {
            if a.abs() >= MIN_ENTRY {
                let _ = write!(
                    line,
                    "{}{}:{a}",
                    if line.is_empty() { "" } else { " " },
                    tag_name(t)
                );
            }
        }
        if !line.is_empty() && !name.contains(['\t', '\n', '\r']) {
            lines.push(format!("{name}\t{line}"));
        }
    }
    lines.sort();
    let mut out = String::new();
    for (name, ty) in consistent_names(&data) {
        let _ = writeln!(out, "N={name}\t{}", TYPES[ty]);
    }
    for p in 0..=NT {
        let row: Vec<String> = (0..NT)
            .filter(|&t| allowed(p, t))
            .map(|t| format!("{}:{}", tag_name(t), avg(tr[p][t], tu[p][t])))
            .collect();
        let prev = if p == START { "^" } else { tag_name(p) };
        let _ = writeln!(out, "T={prev}\t{}", row.join(" "));
    }
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Exact-span precision, recall and F1 per type of `model` (model file text) on the BIO
/// file text `dev`, as a printable report.
pub fn evaluate(model: &str, dev: &str) -> String {
    let m = Model::parse(model).expect("model parses");
    let seg = segmenter();
    let mut counts = [[0usize; 3]; 3]; // per type: tp, fp, fn
    for (text, gold) in read_bio(dev) {
        let pred = m.spans(&observe(&text, &seg.tokens(&text)));
        let g: HashSet<_> = spans(&gold).into_iter().collect();
        let p: HashSet<_> = pred.into_iter().collect();
        for s in &p {
            counts[s.2][usize::from(!g.contains(s))] += 1;
        }
        for s in g.difference(&p) {
            counts[s.2][2] += 1;
        }
    }
    let mut out = String::new();
    let mut all = [0usize; 3];
    for (k, c) in counts.iter().enumerate() {
        for j in 0..3 {
            all[j] += c[j];
        }
        let _ = writeln!(out, "{:8} {}", TYPES[k], prf(c));
    }
    let _ = writeln!(out, "{:8} {}", "overall", prf(&all));
    out
}

fn prf(c: &[usize; 3]) -> String {
    let p = c[0] as f64 / (c[0] + c[1]).max(1) as f64;
    let r = c[0] as f64 / (c[0] + c[2]).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    format!(
        "P={p:.3} R={r:.3} F1={f:.3} (tp={} fp={} fn={})",
        c[0], c[1], c[2]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_to_bioes() {
        let s = read_bio("张\tB-PER\n三\tI-PER\n在\tO\n京\tB-LOC\n\n");
        assert_eq!(s[0].0, "张三在京");
        let names: Vec<&str> = s[0].1.iter().map(|&t| tag_name(t)).collect();
        assert_eq!(names, ["B-PER", "E-PER", "O", "S-LOC"]);
    }
}
