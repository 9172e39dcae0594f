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
#[cfg(any(test, feature = "train-ner"))]
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

/// Coarse POS codes of the features, by index; `^` and `$` are the padding.
const POS_CODES: [&str; 15] = [
    "nr", "ns", "nt", "nz", "n", "v", "a", "r", "m", "t", "f", "l", "x", "^", "$",
];
const POS_OTHER: u8 = 12;
/// A character's place in its token, by index.
const PLACES: [char; 4] = ['B', 'M', 'E', 'S'];
const PLACE_SINGLE: u8 = 3;

/// What the features see of one character.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Obs {
    c: char,
    /// Index into [`POS_CODES`].
    pos: u8,
    /// Place in the token: index into [`PLACES`].
    at: u8,
    flags: u8,
}

impl Obs {
    #[cfg(any(test, feature = "train-ner"))]
    fn pos(&self) -> &'static str {
        POS_CODES[usize::from(self.pos)]
    }
    #[cfg(any(test, feature = "train-ner"))]
    fn at(&self) -> char {
        PLACES[usize::from(self.at)]
    }
    /// `pos` and `at` as one small number, `0 .. POS_CODES.len() * 4`.
    fn pos_at(&self) -> usize {
        usize::from(self.pos) * 4 + usize::from(self.at)
    }
}

const PAD_BOS: Obs = Obs {
    c: BOS,
    pos: 13,
    at: PLACE_SINGLE,
    flags: 0,
};
const PAD_EOS: Obs = Obs {
    c: EOS,
    pos: 14,
    at: PLACE_SINGLE,
    flags: 0,
};

fn pos_index(p: Pos) -> u8 {
    match p {
        Pos::PersonName => 0,
        Pos::PlaceName => 1,
        Pos::OrgName => 2,
        Pos::OtherProper => 3,
        Pos::Noun => 4,
        Pos::Verb => 5,
        Pos::Modifier => 6,
        Pos::Pronoun => 7,
        Pos::Number => 8,
        Pos::Time => 9,
        Pos::Function => 10,
        Pos::Latin => 11,
        _ => POS_OTHER,
    }
}

fn norm(c: char) -> char {
    match c {
        '0'..='9' | '０'..='９' => '0',
        'a'..='z' | 'A'..='Z' | 'ａ'..='ｚ' | 'Ａ'..='Ｚ' => 'A',
        _ => c,
    }
}

/// The character flags of the features: surname 1, transliteration 2, organization suffix
/// end 4, place suffix 8 (see [`super::chars`]), digit 16, Latin letter 32.
fn flags(c: char) -> u8 {
    use super::chars::{ORG_SUFFIX_END, PLACE_SUFFIX, SURNAME, TRANSLIT};
    const _: () =
        assert!(SURNAME == 1 && TRANSLIT == 2 && ORG_SUFFIX_END == 4 && PLACE_SUFFIX == 8);
    match super::chars::classes(c) & 15 {
        0 => match norm(c) {
            '0' => 16,
            'A' => 32,
            _ => 0,
        },
        f => f,
    }
}

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
                    (true, true) => PLACE_SINGLE,
                    (true, false) => 0,
                    (false, true) => 2,
                    (false, false) => 1,
                };
                (pos_index(t.pos), at)
            }
            _ => (POS_OTHER, PLACE_SINGLE),
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

/// A trained model: weight rows by feature hash, and transitions.
#[derive(Debug, Default)]
pub(crate) struct Model {
    /// Names the training data tags consistently (`N=NAME<TAB>TYPE` lines), by type index.
    names: HashMap<String, usize>,
    /// Weight rows, grouped for decoding.
    tables: Tables,
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
            let row = parse_row(weights).ok_or_else(bad)?;
            if let Some(prev) = feat.strip_prefix("T=") {
                let p = if prev == "^" {
                    START
                } else {
                    tag_of(prev).ok_or_else(bad)?
                };
                m.trans[p] = row.map(i32::from);
            } else {
                m.tables.insert(feat, row).map_err(|()| bad())?;
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

    /// Number of keys of the weight tables.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.tables.len()
    }

    /// Entity spans of the observations (padded): `(start, end, type)` in character indices.
    pub(crate) fn spans(&self, o: &[Obs]) -> Vec<(usize, usize, usize)> {
        spans(&viterbi(&self.tables.emissions(o), &self.trans))
    }
}

/// Tags a BIOES sequence may leave an entity from, or stay outside in: `O`, `E-*`, `S-*`
/// (ascending, so ties go to the lowest tag as in a plain loop over all predecessors).
const CLOSED: [usize; 7] = [0, 3, 4, 7, 8, 11, 12];
/// Tags whose predecessors are exactly [`CLOSED`]: `O`, `B-*`, `S-*`.
const OPENERS: [usize; 7] = [0, 1, 4, 5, 8, 9, 12];

/// A weight row of the model file: `TAG:WEIGHT` pairs separated by spaces.
fn parse_row(weights: &str) -> Option<Row> {
    let mut row = [0i16; NT];
    for tw in weights.split(' ') {
        let (t, w) = tw.split_once(':')?;
        row[tag_of(t)?] = w.parse().ok()?;
    }
    Some(row)
}

/// Constrained Viterbi over emission scores (the first [`NT`] of each row) and transitions
/// (row [`START`] = from the start). The BIOES constraints are the loops' shape: `O`, `B-X`
/// and `S-X` follow a closed tag, `I-X` and `E-X` follow `B-X` or `I-X` — 61 steps a
/// character, not 169. The 7×7 block is computed eight targets at a time (the compiler turns
/// it into vector compares and selects). Scores are `i32`, shifted down every
/// [`RENORMALISE`] characters (the same shift for every tag, so no decision changes).
pub(crate) fn viterbi<E: Copy + Into<i32>, const W: usize>(
    emit: &[[E; W]],
    trans: &[[i32; NT]; NT + 1],
) -> Vec<usize> {
    /// A character moves a score by at most 19 × 32,767 (18 features and a transition), so
    /// 1,024 characters stay far inside `i32`.
    const RENORMALISE: usize = 1024;
    const NEG: i32 = i32::MIN / 2;
    const { assert!(W >= NT) };
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    // Transitions from the closed tags into the openers, eight lanes per row (one spare).
    let mut into_openers = [[NEG; 8]; CLOSED.len()];
    for (k, &p) in CLOSED.iter().enumerate() {
        for (j, &t) in OPENERS.iter().enumerate() {
            into_openers[k][j] = trans[p][t];
        }
    }
    // margin[k][q]: how far closed tag k may trail closed tag q and still win some opener.
    // Trailing by more, k loses to q at every opener, strictly, so it can be left out.
    let mut margin = [[0i64; CLOSED.len()]; CLOSED.len()];
    for (k, &p) in CLOSED.iter().enumerate() {
        for (q, &r) in CLOSED.iter().enumerate() {
            margin[k][q] = OPENERS
                .iter()
                .map(|&t| i64::from(trans[p][t]) - i64::from(trans[r][t]))
                .max()
                .unwrap_or(0);
        }
    }
    let mut back = vec![[0u8; NT]; n];
    let mut score = [NEG; NT];
    for t in OPENERS {
        score[t] = emit[0][t].into() + trans[START][t];
    }
    for (i, (e, back)) in emit.iter().zip(back.iter_mut()).enumerate().skip(1) {
        if i % RENORMALISE == 0 {
            let top = score.iter().copied().max().unwrap_or(0);
            for s in &mut score {
                *s = s.saturating_sub(top).max(NEG);
            }
        }
        let mut next = [NEG; NT];
        // In running text one closed tag (mostly O) is usually so far ahead that the others
        // cannot win any opener: only the live ones are compared. Exact (strict dominance).
        let lead = (0..CLOSED.len())
            .max_by_key(|&k| (score[CLOSED[k]], std::cmp::Reverse(k)))
            .unwrap_or(0);
        let top = i64::from(score[CLOSED[lead]]);
        let (mut best, mut arg) = ([i32::MIN; 8], [0u8; 8]);
        for (k, &p) in CLOSED.iter().enumerate() {
            let s = score[p];
            if k != lead && top - i64::from(s) > margin[k][lead] {
                continue;
            }
            for j in 0..8 {
                let v = s + into_openers[k][j];
                let better = v > best[j];
                best[j] = if better { v } else { best[j] };
                arg[j] = if better { p as u8 } else { arg[j] };
            }
        }
        for (j, &t) in OPENERS.iter().enumerate() {
            next[t] = best[j] + e[t].into();
            back[t] = arg[j];
        }
        for k in 0..TYPES.len() {
            let (b, i) = (1 + 4 * k, 2 + 4 * k);
            for t in [i, i + 1] {
                let (vb, vi) = (score[b] + trans[b][t], score[i] + trans[i][t]);
                let (best, arg) = if vi > vb { (vi, i) } else { (vb, b) };
                next[t] = best + e[t].into();
                back[t] = arg as u8;
            }
        }
        score = next;
    }
    let mut t = (0..NT)
        .filter(|&t| final_ok(t) && score[t] > NEG / 2)
        .max_by_key(|&t| (score[t], std::cmp::Reverse(t)))
        .unwrap_or(0);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = t;
        t = usize::from(back[i][t]);
    }
    out
}

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

#[cfg(any(test, feature = "train-ner"))]
mod features;
mod tables;
#[cfg(feature = "train-ner")]
mod train;

#[cfg(any(test, feature = "train-ner"))]
use features::{Fnv, feature_hashes};
#[cfg(feature = "train-ner")]
use features::{P, features};

use tables::Tables;
/// One weight per tag.
type Row = [i16; NT];

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
        // The Viterbi loops' shape is the constraint table.
        for t in 0..NT {
            let preds: Vec<usize> = (0..NT).filter(|&p| allowed(p, t)).collect();
            if OPENERS.contains(&t) {
                assert_eq!(preds, CLOSED, "{}", tag_name(t));
                assert!(allowed(START, t));
            } else {
                let (b, i) = (t - (t - 1) % 4, t - (t - 1) % 4 + 1);
                assert_eq!(preds, [b, i], "{}", tag_name(t));
                assert!(!allowed(START, t));
            }
        }
    }

    /// The grouped tables give exactly the scores of summing the rows of the feature strings
    /// (the definition training uses), on real text with real segmentation.
    #[cfg(feature = "ner-model")]
    #[test]
    fn grouped_tables_equal_feature_string_sums() {
        let file = include_str!("../../dictionaries/ner_model.tsv");
        let mut by_hash: HashMap<u64, Row> = HashMap::new();
        let features = file
            .lines()
            .filter(|l| !(l.starts_with('#') || l.starts_with("N=") || l.starts_with("T=")));
        for line in features {
            let (feat, weights) = line.split_once('\t').unwrap();
            by_hash.insert(Fnv::of(feat), parse_row(weights).unwrap());
        }
        let m = builtin().unwrap();
        let seg = crate::segment::Segmenter::new([]);
        for text in [
            "美国国务卿布林肯周三在华盛顿会见了北约秘书长斯托尔滕贝格。",
            "「我們不會接受。」香港特區政府發言人週五說，2024年GDP增長3.2%。",
            "x",
            "据新华社报道，张伟和李娜在北京大学发表演讲",
        ] {
            let o = observe(text, &seg.tokens(text));
            let fast = m.tables.emissions(&o);
            let mut hashes = Vec::new();
            for (k, got) in fast.iter().enumerate() {
                hashes.clear();
                feature_hashes(&o, k + 2, &mut hashes);
                let mut want = [0i32; NT];
                for h in &hashes {
                    if let Some(r) = by_hash.get(h) {
                        for (x, &w) in want.iter_mut().zip(r) {
                            *x += i32::from(w);
                        }
                    }
                }
                let got: Vec<i32> = got[..NT].iter().map(|&x| i32::from(x)).collect();
                assert_eq!(got, want, "{text:?} at character {k}");
            }
        }
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

    /// The shaped, `i32`, renormalising Viterbi agrees with the textbook one (`i64`, every
    /// allowed predecessor) on long random inputs with large scores.
    #[test]
    fn viterbi_equals_the_plain_algorithm() {
        fn plain(emit: &[[i32; NT]], trans: &[[i32; NT]; NT + 1]) -> Vec<usize> {
            let n = emit.len();
            let mut score: Vec<Option<i64>> = (0..NT)
                .map(|t| allowed(START, t).then(|| i64::from(emit[0][t] + trans[START][t])))
                .collect();
            let mut back = vec![[0usize; NT]; n];
            for i in 1..n {
                let mut next = vec![None; NT];
                for t in 0..NT {
                    for p in (0..NT).filter(|&p| allowed(p, t)) {
                        if let Some(s) = score[p] {
                            let v = s + i64::from(trans[p][t]);
                            if next[t].is_none_or(|b: i64| v > b - i64::from(emit[i][t])) {
                                next[t] = Some(v + i64::from(emit[i][t]));
                                back[i][t] = p;
                            }
                        }
                    }
                }
                score = next;
            }
            let mut t = (0..NT)
                .filter(|&t| final_ok(t) && score[t].is_some())
                .max_by_key(|&t| (score[t], std::cmp::Reverse(t)))
                .unwrap();
            let mut out = vec![0; n];
            for i in (0..n).rev() {
                out[i] = t;
                t = back[i][t];
            }
            out
        }
        let mut rng: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |range: i32| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % (2 * range as u64 + 1)) as i32 - range
        };
        // The last cases favour O as running text does, so that most steps prune.
        for (len, scale, o_bias) in [
            (1, 100, 0),
            (7, 5, 0),
            (300, 50, 0),
            (3000, 300_000, 0),
            (2500, 3, 0),
            (3000, 2_000, 1_500),
            (3000, 20_000, 30_000),
        ] {
            let emit: Vec<[i32; NT]> = (0..len)
                .map(|_| {
                    let mut e = [0; NT].map(|_| next(scale));
                    e[0] += o_bias;
                    e
                })
                .collect();
            let trans = [[0; NT]; NT + 1].map(|row| row.map(|_| next(30_000)));
            assert_eq!(
                viterbi(&emit, &trans),
                plain(&emit, &trans),
                "{len} {scale}"
            );
        }
    }

    #[test]
    fn spans_of_tags() {
        let t = |s: &str| tag_of(s).unwrap();
        let tags = [t("B-ORG"), t("I-ORG"), t("E-ORG"), 0, t("S-LOC")];
        assert_eq!(spans(&tags), [(0, 3, 2), (4, 5, 1)]);
    }
}
