//! A statistical character-level recogniser (rule [`Model`]): an averaged structured perceptron
//! over BIOES tags for PER, LOC and ORG, decoded with Viterbi under the BIOES constraints.
//!
//! Features of character `i` (all as strings, hashed with FNV-1a so decoding allocates
//! nothing): the characters at `i-2 … i+2`, the bigrams in that window and the skip bigram
//! `c[i-1] c[i+1]`; the coarse jieba POS of the token containing the character and the
//! character's place in that token (B/M/E/S), alone and with the character, and for the
//! neighbours; and flags of the characters at `i-1 … i+1` (surname table, transliteration
//! characters, organization and place suffix characters, digit, Latin). Digits are read as `0`
//! and Latin letters as `A`; the text's ends are the private-use characters U+E000/U+E001.
//!
//! The model file (`dictionaries/ner_model.tsv`, embedded with the `ner-model` feature) has one
//! feature a line, `FEATURE<TAB>TAG:WEIGHT …` with integer weights; transitions are the
//! features `T=PREV` (`PREV` = `^` at the start). It is parsed once ([`builtin`]). It is
//! trained by `examples/train_ner.rs` (feature `train-ner`) on the MSRA corpus minus the
//! development sample; see `dictionaries/README.md`.
//!
//! Decoding is linear in the text length: a fixed number of hash lookups and a 13×13
//! transition step per character.
//!
//! [`Model`]: super::MentionRule::Model

use crate::entity::EntityKind;
use crate::segment::{Pos, Token};
use crate::span::Span;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Entity types in tag order.
const TYPES: [&str; 3] = ["PER", "LOC", "ORG"];
/// Number of tags: `O` and `B/I/E/S` for each type.
pub(crate) const NT: usize = 1 + 4 * TYPES.len();
/// Transition row of the start state.
const START: usize = NT;
/// Padding characters before and after the text.
const BOS: char = '\u{E000}';
const EOS: char = '\u{E001}';

/// Tag names, by tag index: `O`, then `B/I/E/S` for each of [`TYPES`].
const TAG_NAMES: [&str; NT] = [
    "O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "S-LOC", "B-ORG", "I-ORG",
    "E-ORG", "S-ORG",
];

#[cfg(any(test, feature = "train-ner"))]
fn tag_name(t: usize) -> &'static str {
    TAG_NAMES[t]
}

fn tag_of(name: &str) -> Option<usize> {
    TAG_NAMES.iter().position(|t| *t == name)
}

/// `(part, type)` of tag `t`: part 0 = B, 1 = I, 2 = E, 3 = S.
fn split_tag(t: usize) -> Option<(usize, usize)> {
    (t > 0).then(|| ((t - 1) % 4, (t - 1) / 4))
}

/// Whether tag `b` may follow tag `a` (`a` = [`START`] at the start) under BIOES.
fn allowed(a: usize, b: usize) -> bool {
    let open = |t: usize| split_tag(t).is_some_and(|(p, _)| p <= 1); // B or I
    match (a, split_tag(b)) {
        (a, _) if a != START && open(a) => {
            // After B-X or I-X only I-X or E-X.
            split_tag(b)
                .is_some_and(|(p, ty)| (p == 1 || p == 2) && Some(ty) == split_tag(a).map(|s| s.1))
        }
        (_, None) => true,
        (_, Some((p, _))) => p == 0 || p == 3,
    }
}

/// Whether a sequence may end in tag `t`.
fn final_ok(t: usize) -> bool {
    split_tag(t).is_none_or(|(p, _)| p >= 2)
}

/// 64-bit FNV-1a: feature strings are hashed part by part, so the hash of the parts equals the
/// hash of the concatenated string in the model file.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn part(&mut self, p: &P) {
        match p {
            P::S(s) => self.bytes(s.as_bytes()),
            P::C(c) => self.bytes(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    pub(crate) fn of(s: &str) -> u64 {
        let mut h = Fnv::new();
        h.bytes(s.as_bytes());
        h.0
    }
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct Identity(u64);

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

/// A part of a feature string.
pub(crate) enum P<'a> {
    S(&'a str),
    C(char),
}

/// What the features see of one character.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Obs {
    c: char,
    pos: &'static str,
    /// Place in the token: B, M, E or S.
    at: char,
    flags: u8,
}

const PAD_BOS: Obs = Obs {
    c: BOS,
    pos: "^",
    at: 'S',
    flags: 0,
};
const PAD_EOS: Obs = Obs {
    c: EOS,
    pos: "$",
    at: 'S',
    flags: 0,
};

fn pos_code(p: Pos) -> &'static str {
    match p {
        Pos::PersonName => "nr",
        Pos::PlaceName => "ns",
        Pos::OrgName => "nt",
        Pos::OtherProper => "nz",
        Pos::Noun => "n",
        Pos::Verb => "v",
        Pos::Modifier => "a",
        Pos::Pronoun => "r",
        Pos::Number => "m",
        Pos::Time => "t",
        Pos::Function => "f",
        Pos::Latin => "l",
        _ => "x",
    }
}

fn norm(c: char) -> char {
    match c {
        '0'..='9' | '０'..='９' => '0',
        'a'..='z' | 'A'..='Z' | 'ａ'..='ｚ' | 'Ａ'..='Ｚ' => 'A',
        _ => c,
    }
}

/// Last characters of the organization suffixes, and place suffix characters.
fn suffix_sets() -> &'static (Vec<char>, Vec<char>) {
    static SETS: std::sync::LazyLock<(Vec<char>, Vec<char>)> = std::sync::LazyLock::new(|| {
        let org: String = super::suffix::ORG_SUFFIXES
            .iter()
            .filter_map(|s| s.chars().next_back())
            .collect();
        (
            super::char_set(&org),
            super::char_set("省市县区镇乡村州岛山河江湖海洋湾峡国洲城州盟"),
        )
    });
    &SETS
}

fn flags(c: char) -> u8 {
    // The sets are all CJK: one table over the basic block instead of four binary searches.
    const FIRST: u32 = 0x4E00;
    const LAST: u32 = 0x9FFF;
    static TABLE: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
        let surnames = super::char_set(super::chinese_name::SURNAMES);
        let (org, place) = suffix_sets();
        (FIRST..=LAST)
            .map(|u| {
                let Some(c) = char::from_u32(u) else { return 0 };
                let mut f = 0;
                if surnames.binary_search(&c).is_ok() {
                    f |= 1;
                }
                if super::recognize::is_translit(c) {
                    f |= 2;
                }
                if org.binary_search(&c).is_ok() {
                    f |= 4;
                }
                if place.binary_search(&c).is_ok() {
                    f |= 8;
                }
                f
            })
            .collect()
    });
    match c as u32 {
        u @ FIRST..=LAST => TABLE[(u - FIRST) as usize],
        _ => match norm(c) {
            '0' => 16,
            'A' => 32,
            _ => 0,
        },
    }
}

const HEX: [char; 16] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f',
];

/// The observations of `text` with its tokens, padded with two characters on each side.
pub(crate) fn observe(text: &str, tokens: &[Token]) -> Vec<Obs> {
    let mut out = Vec::with_capacity(text.len() / 3 + 4);
    out.extend([PAD_BOS; 2]);
    let mut k = 0;
    for (i, c) in text.char_indices() {
        while k < tokens.len() && tokens[k].span.end <= i {
            k += 1;
        }
        let (pos, at) = match tokens.get(k) {
            Some(t) if t.span.start <= i => {
                let end = i + c.len_utf8();
                let at = match (t.span.start == i, t.span.end == end) {
                    (true, true) => 'S',
                    (true, false) => 'B',
                    (false, true) => 'E',
                    (false, false) => 'M',
                };
                (pos_code(t.pos), at)
            }
            _ => ("x", 'S'),
        };
        out.push(Obs {
            c: norm(c),
            pos,
            at,
            flags: flags(c),
        });
    }
    out.extend([PAD_EOS; 2]);
    out
}

/// Calls `f` with the parts of each feature of padded position `i` (`2 <= i < len - 2`).
pub(crate) fn features(o: &[Obs], i: usize, mut f: impl FnMut(&[P])) {
    let c = |d: isize| o[(i as isize + d) as usize].c;
    f(&[P::S("b")]);
    f(&[P::S("C-2="), P::C(c(-2))]);
    f(&[P::S("C-1="), P::C(c(-1))]);
    f(&[P::S("C0="), P::C(c(0))]);
    f(&[P::S("C1="), P::C(c(1))]);
    f(&[P::S("C2="), P::C(c(2))]);
    f(&[P::S("B-2="), P::C(c(-2)), P::C(c(-1))]);
    f(&[P::S("B-1="), P::C(c(-1)), P::C(c(0))]);
    f(&[P::S("B0="), P::C(c(0)), P::C(c(1))]);
    f(&[P::S("B1="), P::C(c(1)), P::C(c(2))]);
    f(&[P::S("K="), P::C(c(-1)), P::C(c(1))]);
    let (p, q, n) = (&o[i], &o[i - 1], &o[i + 1]);
    f(&[P::S("T0="), P::S(p.pos), P::C(p.at)]);
    f(&[P::S("T0C="), P::S(p.pos), P::C(p.at), P::C(p.c)]);
    f(&[P::S("T-1="), P::S(q.pos), P::C(q.at)]);
    f(&[P::S("T1="), P::S(n.pos), P::C(n.at)]);
    let hex = |x: u8| {
        [
            P::C(HEX[usize::from(x >> 4)]),
            P::C(HEX[usize::from(x & 15)]),
        ]
    };
    let [a0, a1] = hex(q.flags);
    let [b0, b1] = hex(p.flags);
    let [c0, c1] = hex(n.flags);
    f(&[P::S("F0="), b0, b1]);
    let [b0, b1] = hex(p.flags);
    f(&[P::S("F="), a0, a1, P::S("|"), b0, b1, P::S("|"), c0, c1]);
}

/// Feature hashes of padded position `i`, appended to `out`.
pub(crate) fn feature_hashes(o: &[Obs], i: usize, out: &mut Vec<u64>) {
    features(o, i, |parts| {
        let mut h = Fnv::new();
        for p in parts {
            h.part(p);
        }
        out.push(h.0);
    });
}

/// A trained model: weight rows by feature hash, and transitions.
#[derive(Debug, Default)]
pub(crate) struct Model {
    /// Names the training data tags consistently (`N=NAME<TAB>TYPE` lines), by type index.
    names: HashMap<String, usize>,
    /// Weight rows by feature hash, stored in the table itself (one memory access a feature).
    rows: HashMap<u64, [i16; NT], BuildHasherDefault<Identity>>,
    trans: [[i32; NT]; NT + 1],
}

impl Model {
    /// Parses the model file format (see the module documentation).
    pub(crate) fn parse(text: &str) -> Result<Model, String> {
        let mut m = Model::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || format!("ner model line {}: {line:?}", n + 1);
            let (feat, weights) = line.split_once('\t').ok_or_else(bad)?;
            if let Some(name) = feat.strip_prefix("N=") {
                let ty = TYPES.iter().position(|t| *t == weights).ok_or_else(bad)?;
                m.names.insert(name.to_string(), ty);
                continue;
            }
            let mut row = [0i16; NT];
            for tw in weights.split(' ') {
                let (t, w) = tw.split_once(':').ok_or_else(bad)?;
                let t = tag_of(t).ok_or_else(bad)?;
                row[t] = w.parse().map_err(|_| bad())?;
            }
            if let Some(prev) = feat.strip_prefix("T=") {
                let p = if prev == "^" {
                    START
                } else {
                    tag_of(prev).ok_or_else(bad)?
                };
                m.trans[p] = row.map(i32::from);
            } else {
                m.rows.insert(Fnv::of(feat), row);
            }
        }
        Ok(m)
    }

    /// Whether the training data tags `name` as an entity of `kind` (most of the times it
    /// occurs, and at least twice).
    pub(crate) fn knows(&self, name: &str, kind: EntityKind) -> bool {
        let ty = match kind {
            EntityKind::Person => 0,
            EntityKind::Place => 1,
            _ => 2,
        };
        self.names.get(name) == Some(&ty)
    }

    /// Number of feature rows.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Emission scores of the observations (padded), one row per character.
    fn emissions(&self, o: &[Obs]) -> Vec<[i32; NT]> {
        let n = o.len().saturating_sub(4);
        let mut hashes = Vec::with_capacity(24);
        let mut emit = vec![[0i32; NT]; n];
        for (i, e) in emit.iter_mut().enumerate() {
            hashes.clear();
            feature_hashes(o, i + 2, &mut hashes);
            for h in &hashes {
                if let Some(row) = self.rows.get(h) {
                    for (x, &w) in e.iter_mut().zip(row) {
                        *x += i32::from(w);
                    }
                }
            }
        }
        emit
    }

    /// Entity spans of the observations (padded): `(start, end, type)` in character indices.
    pub(crate) fn spans(&self, o: &[Obs]) -> Vec<(usize, usize, usize)> {
        spans(&viterbi(&self.emissions(o), &self.trans))
    }
}

/// Constrained Viterbi over emission scores and transitions (row [`START`] = from the start).
pub(crate) fn viterbi(emit: &[[i32; NT]], trans: &[[i32; NT]; NT + 1]) -> Vec<usize> {
    const NEG: i64 = i64::MIN / 4;
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    // Transitions with the BIOES constraints folded in.
    let ok = &*ALLOWED;
    let mut tr = [[NEG; NT]; NT + 1];
    for (p, row) in tr.iter_mut().enumerate() {
        for (t, x) in row.iter_mut().enumerate() {
            if ok[p][t] {
                *x = i64::from(trans[p][t]);
            }
        }
    }
    let mut back = vec![[0u8; NT]; n];
    let mut score = [NEG; NT];
    for (t, s) in score.iter_mut().enumerate() {
        if tr[START][t] > NEG {
            *s = i64::from(emit[0][t]) + tr[START][t];
        }
    }
    // Allowed predecessors of each tag: 7 for O, B and S, 2 for I and E (61 steps, not 169).
    let preds: Vec<Vec<usize>> = (0..NT)
        .map(|t| (0..NT).filter(|&p| ok[p][t]).collect())
        .collect();
    for i in 1..n {
        let mut next = [NEG; NT];
        for t in 0..NT {
            let mut best = NEG;
            let mut arg = 0;
            for &p in &preds[t] {
                let v = score[p] + tr[p][t];
                if v > best {
                    best = v;
                    arg = p;
                }
            }
            if best > NEG {
                next[t] = best + i64::from(emit[i][t]);
                back[i][t] = arg as u8;
            }
        }
        score = next;
    }
    let mut t = (0..NT)
        .filter(|&t| final_ok(t) && score[t] > NEG)
        .max_by_key(|&t| (score[t], std::cmp::Reverse(t)))
        .unwrap_or(0);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = t;
        t = usize::from(back[i][t]);
    }
    out
}

static ALLOWED: std::sync::LazyLock<[[bool; NT]; NT + 1]> = std::sync::LazyLock::new(|| {
    let mut a = [[false; NT]; NT + 1];
    for (p, row) in a.iter_mut().enumerate() {
        for (t, x) in row.iter_mut().enumerate() {
            *x = allowed(p, t);
        }
    }
    a
});

/// Entity spans (in tag indices: start, end exclusive, type) of a tag sequence.
pub(crate) fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &t) in tags.iter().enumerate() {
        match split_tag(t) {
            Some((0, _)) => start = i,
            Some((2, ty)) => out.push((start, i + 1, ty)),
            Some((3, ty)) => out.push((i, i + 1, ty)),
            _ => {}
        }
    }
    out
}

/// The built-in model, parsed on first use; `None` without the `ner-model` feature.
pub(crate) fn builtin() -> Option<&'static Model> {
    #[cfg(feature = "ner-model")]
    {
        static MODEL: std::sync::LazyLock<Model> = std::sync::LazyLock::new(|| {
            Model::parse(include_str!("../../dictionaries/ner_model.tsv"))
                .expect("built-in NER model parses")
        });
        Some(&MODEL)
    }
    #[cfg(not(feature = "ner-model"))]
    {
        None
    }
}

/// Entities the model finds in `text`: byte spans and kinds.
pub(crate) fn recognize(model: &Model, text: &str, tokens: &[Token]) -> Vec<(Span, EntityKind)> {
    let obs = observe(text, tokens);
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    model
        .spans(&obs)
        .into_iter()
        .map(|(s, e, ty)| {
            let kind = match ty {
                0 => EntityKind::Person,
                1 => EntityKind::Place,
                _ => EntityKind::Organization,
            };
            (Span::new(offsets[s], offsets[e]), kind)
        })
        .collect()
}

#[cfg(feature = "train-ner")]
pub use train::{evaluate, train};

#[cfg(feature = "train-ner")]
mod train {
    //! Averaged structured perceptron training (feature `train-ner`).
    use super::*;
    use crate::segment::Segmenter;
    use std::collections::HashSet;
    use std::fmt::Write as _;

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
                .clamp(f64::from(i16::MIN), f64::from(i16::MAX)) as i32
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokens_from_tagged;

    #[test]
    fn tags_round_trip_and_constraints() {
        for t in 0..NT {
            assert_eq!(tag_of(tag_name(t)), Some(t));
        }
        let b_per = tag_of("B-PER").unwrap();
        assert!(allowed(b_per, tag_of("E-PER").unwrap()));
        assert!(!allowed(b_per, tag_of("E-LOC").unwrap()));
        assert!(!allowed(b_per, 0));
        assert!(!allowed(START, tag_of("I-ORG").unwrap()));
        assert!(allowed(tag_of("S-LOC").unwrap(), b_per));
        assert!(!final_ok(b_per));
    }

    #[test]
    fn feature_hash_equals_string_hash() {
        let (text, tokens) = tokens_from_tagged("张三/nr 在/p 北京/ns");
        let o = observe(&text, &tokens);
        assert_eq!(o.len(), 4 + 5);
        let mut hashes = Vec::new();
        feature_hashes(&o, 2, &mut hashes);
        assert!(hashes.contains(&Fnv::of("C0=张")));
        assert!(hashes.contains(&Fnv::of("B0=张三")));
        assert!(hashes.contains(&Fnv::of("T0=nrB")));
        assert!(hashes.contains(&Fnv::of("C-1=\u{E000}")));
    }

    /// A hand-written model: 北 begins a place that 京 ends; 张 is a one-character person.
    #[test]
    fn decodes_a_tiny_model() {
        let text = "T=^\tO:0\nC0=北\tB-LOC:5\nC0=京\tE-LOC:5\nC0=张\tS-PER:3\n";
        let m = Model::parse(text).unwrap();
        assert_eq!(m.len(), 3);
        let (s, tokens) = tokens_from_tagged("张/nr 在/p 北京/ns");
        let found = recognize(&m, &s, &tokens);
        let got: Vec<(&str, EntityKind)> =
            found.iter().map(|(sp, k)| (&s[sp.range()], *k)).collect();
        assert_eq!(
            got,
            [("张", EntityKind::Person), ("北京", EntityKind::Place)]
        );
        assert!(Model::parse("C0=北\tX-LOC:5\n").is_err());
        assert!(recognize(&m, "", &[]).is_empty());
    }

    #[test]
    fn spans_of_tags() {
        let t = |s: &str| tag_of(s).unwrap();
        let tags = [t("B-ORG"), t("I-ORG"), t("E-ORG"), 0, t("S-LOC")];
        assert_eq!(spans(&tags), [(0, 3, 2), (4, 5, 1)]);
    }
}
