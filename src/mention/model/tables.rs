//! The model's weights grouped by what each feature looks at, for decoding.
//!
//! The model file names eighteen features a character (`C-2=x … F=…`, see the parent module).
//! Hashing eighteen strings and probing a large table for each was most of the cost of
//! analysis. Most features share their key with others: `C-2 … C2` all read one character
//! (at five offsets), `B-2 … B1` all read one bigram (at four offsets). So the rows are stored
//! by key — one record per character holding its five unigram rows and its POS+character
//! rows, one entry per bigram holding its four bigram rows — and a text costs one character
//! id (a table load for CJK) and two hash probes (bigram, skip bigram) per position; the POS
//! and flag features of small domains are plain arrays. Rows are summed in `i16`, which is
//! exact because [`MAX_WEIGHT`] bounds every weight (the parser rejects a model that breaks
//! it). The sums are the same integers as summing the eighteen rows one by one in `i32` (a
//! test compares both).

use super::{Obs, PLACES, POS_CODES, Row};

type Map<V> = crate::hash::FastMap<u64, V>;

/// Rows and scores are padded from 13 tags to 16 lanes so that adding a row is a few whole
/// vector instructions.
pub(crate) const LANES: usize = 16;
type Lane = [i16; LANES];
/// Emission scores of one character: the first [`NT`](super::NT) lanes are the tags.
pub(crate) type Scores = [i16; LANES];
const ZERO: Lane = [0; LANES];
/// Features summed for one character.
const FEATURES: i16 = 18;
/// The largest weight magnitude a model may have: eighteen of them still fit in `i16`.
pub(crate) const MAX_WEIGHT: i16 = i16::MAX / FEATURES;

fn pad(row: Row) -> Lane {
    let mut out = ZERO;
    out[..row.len()].copy_from_slice(&row);
    out
}
/// Number of `(pos, place)` pairs.
const POS_AT: usize = POS_CODES.len() * 4;

fn pair(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// The character flags of the features take 18 values (0–15, digit 16, Latin 32): a code
/// `0..18` for each, so a flag triple indexes a small dense table.
const FLAG_CODES: usize = 18;

fn flag_code(f: u8) -> Option<usize> {
    match f {
        0..=15 => Some(usize::from(f)),
        16 => Some(16),
        32 => Some(17),
        _ => None,
    }
}

fn flag_triple(a: u8, b: u8, c: u8) -> Option<usize> {
    Some((flag_code(a)? * FLAG_CODES + flag_code(b)?) * FLAG_CODES + flag_code(c)?)
}

/// The first and last code points of the block whose characters get ids by table.
const CJK_FIRST: u32 = 0x4E00;
const CJK_LAST: u32 = 0x9FFF;

/// What a character contributes by itself.
#[derive(Debug, Default, Clone)]
struct CharRows {
    /// `C-2 … C2`.
    unigram: [Lane; 5],
    /// `T0C` rows of this character, by `(pos, place)`.
    tag_char: Vec<(u8, Lane)>,
}

/// Weight rows by key.
#[derive(Debug)]
pub(crate) struct Tables {
    bias: Lane,
    /// Ids of CJK characters by code point (0 = no rows).
    cjk_ids: Vec<u32>,
    /// Ids of other characters.
    other_ids: Map<u32>,
    /// Rows by character id; id 0 is empty.
    chars: Vec<CharRows>,
    /// `B-2 … B1` rows of a bigram `c[j] c[j+1]`.
    bigram: Map<[Lane; 4]>,
    /// `K` rows of `c[i-1] c[i+1]`.
    skip: Map<Lane>,
    /// `T-1`, `T0`, `T1` rows by `(pos, place)`.
    tag: Vec<[Lane; 3]>,
    /// `F0` rows by flags.
    flag: Vec<Lane>,
    /// `F` rows by flag triple code: an index into `flag_rows` (0 = none).
    flag_triples: Vec<u16>,
    flag_rows: Vec<Lane>,
}

impl Default for Tables {
    fn default() -> Tables {
        Tables {
            bias: ZERO,
            cjk_ids: vec![0; (CJK_LAST - CJK_FIRST + 1) as usize],
            other_ids: Map::default(),
            chars: vec![CharRows::default()],
            bigram: Map::default(),
            skip: Map::default(),
            tag: vec![[ZERO; 3]; POS_AT],
            flag: vec![ZERO; 256],
            flag_triples: vec![0; FLAG_CODES * FLAG_CODES * FLAG_CODES],
            flag_rows: vec![ZERO],
        }
    }
}

/// One character of `s`, if `s` is exactly one.
fn one(s: &str) -> Option<char> {
    let mut it = s.chars();
    it.next().filter(|_| it.next().is_none())
}

fn two(s: &str) -> Option<(char, char)> {
    let mut it = s.chars();
    match (it.next(), it.next(), it.next()) {
        (Some(a), Some(b), None) => Some((a, b)),
        _ => None,
    }
}

/// `(pos, place)` index of `NAME` + place character (`nrB`).
fn pos_at(s: &str) -> Option<usize> {
    let place = s.chars().next_back()?;
    let pos = &s[..s.len() - place.len_utf8()];
    let p = POS_CODES.iter().position(|x| *x == pos)?;
    let a = PLACES.iter().position(|x| *x == place)?;
    Some(p * 4 + a)
}

fn hex_byte(s: &str) -> Option<u8> {
    (s.len() == 2).then_some(())?;
    u8::from_str_radix(s, 16).ok()
}

impl Tables {
    /// The id of `c` (0 when it has no rows).
    fn id(&self, c: char) -> u32 {
        let u = c as u32;
        if (CJK_FIRST..=CJK_LAST).contains(&u) {
            self.cjk_ids[(u - CJK_FIRST) as usize]
        } else {
            self.other_ids.get(&u64::from(u)).copied().unwrap_or(0)
        }
    }

    /// The rows of `c`, created on first use.
    fn char_rows(&mut self, c: char) -> &mut CharRows {
        let mut id = self.id(c);
        if id == 0 {
            id = self.chars.len() as u32;
            self.chars.push(CharRows::default());
            let u = c as u32;
            if (CJK_FIRST..=CJK_LAST).contains(&u) {
                self.cjk_ids[(u - CJK_FIRST) as usize] = id;
            } else {
                self.other_ids.insert(u64::from(u), id);
            }
        }
        &mut self.chars[id as usize]
    }

    /// Stores `row` under the feature named `feat`; `Err` for a name no feature has or a
    /// weight beyond [`MAX_WEIGHT`].
    pub(crate) fn insert(&mut self, feat: &str, row: Row) -> Result<(), ()> {
        if row
            .iter()
            .any(|w| w.unsigned_abs() > MAX_WEIGHT.unsigned_abs())
        {
            return Err(());
        }
        let row = pad(row);
        if feat == "b" {
            self.bias = row;
            return Ok(());
        }
        let (kind, value) = feat.split_once('=').ok_or(())?;
        let slot = |kinds: &[&str]| kinds.iter().position(|k| *k == kind);
        if let Some(d) = slot(&["C-2", "C-1", "C0", "C1", "C2"]) {
            let c = one(value).ok_or(())?;
            self.char_rows(c).unigram[d] = row;
        } else if let Some(d) = slot(&["B-2", "B-1", "B0", "B1"]) {
            let (a, b) = two(value).ok_or(())?;
            self.bigram.entry(pair(a, b)).or_insert([ZERO; 4])[d] = row;
        } else if let Some(d) = slot(&["T-1", "T0", "T1"]) {
            self.tag[pos_at(value).ok_or(())?][d] = row;
        } else {
            match kind {
                "K" => {
                    let (a, b) = two(value).ok_or(())?;
                    self.skip.insert(pair(a, b), row);
                }
                "T0C" => {
                    let c = value.chars().next_back().ok_or(())?;
                    let pa = pos_at(&value[..value.len() - c.len_utf8()]).ok_or(())? as u8;
                    let rows = &mut self.char_rows(c).tag_char;
                    rows.retain(|(p, _)| *p != pa);
                    rows.push((pa, row));
                }
                "F0" => self.flag[usize::from(hex_byte(value).ok_or(())?)] = row,
                "F" => {
                    let mut parts = value.split('|').map(hex_byte);
                    let code = match (parts.next(), parts.next(), parts.next(), parts.next()) {
                        (Some(Some(a)), Some(Some(b)), Some(Some(c)), None) => {
                            flag_triple(a, b, c).ok_or(())?
                        }
                        _ => return Err(()),
                    };
                    if self.flag_triples[code] == 0 {
                        self.flag_triples[code] =
                            u16::try_from(self.flag_rows.len()).map_err(|_| ())?;
                        self.flag_rows.push(row);
                    } else {
                        self.flag_rows[usize::from(self.flag_triples[code])] = row;
                    }
                }
                _ => return Err(()),
            }
        }
        Ok(())
    }

    /// Number of stored keys (for tests and the debug view).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        let tag_chars: usize = self.chars.iter().map(|c| c.tag_char.len()).sum();
        let unigrams = self
            .chars
            .iter()
            .filter(|c| c.unigram.iter().any(|r| *r != ZERO))
            .count();
        unigrams + self.bigram.len() + self.skip.len() + tag_chars
    }

    /// Emission scores of the observations (padded with two on each side), one row per
    /// character.
    pub(crate) fn emissions(&self, o: &[Obs]) -> Vec<Scores> {
        let n = o.len().saturating_sub(4);
        if n == 0 {
            return Vec::new();
        }
        // Per padded position: its character's rows, and the bigram starting there.
        let chars: Vec<&CharRows> = o
            .iter()
            .map(|x| &self.chars[self.id(x.c) as usize])
            .collect();
        let bi: Vec<Option<&[Lane; 4]>> = o
            .windows(2)
            .map(|w| self.bigram.get(&pair(w[0].c, w[1].c)))
            .collect();
        let missing = &ZERO;
        (2..n + 2)
            .map(|i| {
                let (q, p, x) = (&o[i - 1], &o[i], &o[i + 1]);
                let pos_at = p.pos_at();
                let tag_char = chars[i]
                    .tag_char
                    .iter()
                    .find(|(pa, _)| usize::from(*pa) == pos_at)
                    .map_or(missing, |(_, r)| r);
                let flags = flag_triple(q.flags, p.flags, x.flags).map_or(missing, |k| {
                    &self.flag_rows[usize::from(self.flag_triples[k])]
                });
                let rows: [&Lane; FEATURES as usize] = [
                    &self.bias,
                    &chars[i - 2].unigram[0],
                    &chars[i - 1].unigram[1],
                    &chars[i].unigram[2],
                    &chars[i + 1].unigram[3],
                    &chars[i + 2].unigram[4],
                    bi[i - 2].map_or(missing, |r| &r[0]),
                    bi[i - 1].map_or(missing, |r| &r[1]),
                    bi[i].map_or(missing, |r| &r[2]),
                    bi[i + 1].map_or(missing, |r| &r[3]),
                    self.skip.get(&pair(q.c, x.c)).unwrap_or(missing),
                    &self.tag[q.pos_at()][0],
                    &self.tag[pos_at][1],
                    &self.tag[x.pos_at()][2],
                    tag_char,
                    &self.flag[usize::from(p.flags)],
                    flags,
                    missing,
                ];
                sum(&rows)
            })
            .collect()
    }
}

/// The lane-wise sum of `rows` (a straight loop the compiler vectorises). Exact: at most
/// [`FEATURES`] rows of weights bounded by [`MAX_WEIGHT`].
fn sum(rows: &[&Lane]) -> Scores {
    let mut acc = ZERO;
    for r in rows {
        for (a, &w) in acc.iter_mut().zip(r.iter()) {
            *a = a.wrapping_add(w);
        }
    }
    acc
}
