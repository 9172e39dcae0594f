//! The model's weights grouped by what each feature looks at, for decoding.
//!
//! The model file names eighteen features a character (`C-2=x … F=…`, see the parent module).
//! Hashing eighteen strings and probing a large table for each was most of the cost of
//! analysis. Most features share their key with others: `C-2 … C2` all read one character
//! (at five offsets), `B-2 … B1` all read one bigram (at four offsets). So the rows are stored
//! by key — one entry per character holding its five unigram rows, one per bigram holding its
//! four bigram rows — and a text costs one character lookup and one bigram lookup per
//! position, plus the skip bigram, the POS+character and the flag triple; the POS and flag
//! features of small domains are plain arrays. The sums are the same integers as summing the
//! eighteen rows one by one (a test compares both).

use super::{Obs, PLACES, POS_CODES, Row};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hasher for integer keys (characters packed into a `u64`): one folded multiply, so
/// both the low bits (bucket) and the high bits (control byte) of the hash depend on the whole
/// key. Not DoS-resistant, which is fine for keys fixed at build time.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        let p = u128::from(self.0) * 0x9e37_79b9_7f4a_7c15_u128;
        (p as u64) ^ ((p >> 64) as u64)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = self.0.rotate_left(32) ^ u64::from(n);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
}

type Map<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// Rows and scores are padded from 13 tags to 16 lanes so that adding a row is a few whole
/// vector instructions.
pub(crate) const LANES: usize = 16;
type Lane = [i16; LANES];
/// Emission scores of one character: the first [`NT`](super::NT) lanes are the tags.
pub(crate) type Scores = [i32; LANES];
const ZERO: Lane = [0; LANES];

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

fn tag_char(pos_at: usize, c: char) -> u64 {
    ((pos_at as u64) << 32) | u64::from(c)
}

fn triple(a: u8, b: u8, c: u8) -> u64 {
    (u64::from(a) << 16) | (u64::from(b) << 8) | u64::from(c)
}

/// Weight rows by key.
#[derive(Debug)]
pub(crate) struct Tables {
    bias: Lane,
    /// `C-2 … C2` rows of a character.
    unigram: Map<[Lane; 5]>,
    /// `B-2 … B1` rows of a bigram `c[j] c[j+1]`.
    bigram: Map<[Lane; 4]>,
    /// `K` rows of `c[i-1] c[i+1]`.
    skip: Map<Lane>,
    /// `T-1`, `T0`, `T1` rows by `(pos, place)`.
    tag: Vec<[Lane; 3]>,
    /// `T0C` rows by `(pos, place, character)`.
    tag_char: Map<Lane>,
    /// `F0` rows by flags.
    flag: Vec<Lane>,
    /// `F` rows by the flags of `i-1`, `i`, `i+1`.
    flags: Map<Lane>,
}

impl Default for Tables {
    fn default() -> Tables {
        Tables {
            bias: ZERO,
            unigram: Map::default(),
            bigram: Map::default(),
            skip: Map::default(),
            tag: vec![[ZERO; 3]; POS_AT],
            tag_char: Map::default(),
            flag: vec![ZERO; 256],
            flags: Map::default(),
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
    /// Stores `row` under the feature named `feat`; `Err` for a name no feature has.
    pub(crate) fn insert(&mut self, feat: &str, row: Row) -> Result<(), ()> {
        let row = pad(row);
        if feat == "b" {
            self.bias = row;
            return Ok(());
        }
        let (kind, value) = feat.split_once('=').ok_or(())?;
        let slot = |kinds: &[&str]| kinds.iter().position(|k| *k == kind);
        if let Some(d) = slot(&["C-2", "C-1", "C0", "C1", "C2"]) {
            let c = one(value).ok_or(())?;
            self.unigram.entry(u64::from(c)).or_insert([ZERO; 5])[d] = row;
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
                    let pa = pos_at(&value[..value.len() - c.len_utf8()]).ok_or(())?;
                    self.tag_char.insert(tag_char(pa, c), row);
                }
                "F0" => self.flag[usize::from(hex_byte(value).ok_or(())?)] = row,
                "F" => {
                    let mut parts = value.split('|').map(hex_byte);
                    match (parts.next(), parts.next(), parts.next(), parts.next()) {
                        (Some(Some(a)), Some(Some(b)), Some(Some(c)), None) => {
                            self.flags.insert(triple(a, b, c), row);
                        }
                        _ => return Err(()),
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
        self.unigram.len() + self.bigram.len() + self.skip.len() + self.tag_char.len()
    }

    /// Emission scores of the observations (padded with two on each side), one row per
    /// character.
    pub(crate) fn emissions(&self, o: &[Obs]) -> Vec<Scores> {
        let n = o.len().saturating_sub(4);
        if n == 0 {
            return Vec::new();
        }
        // Per padded position: its character's unigram rows, and the bigram starting there.
        let uni: Vec<Option<&[Lane; 5]>> = o
            .iter()
            .map(|x| self.unigram.get(&u64::from(x.c)))
            .collect();
        let bi: Vec<Option<&[Lane; 4]>> = o
            .windows(2)
            .map(|w| self.bigram.get(&pair(w[0].c, w[1].c)))
            .collect();
        let missing = &ZERO;
        (2..n + 2)
            .map(|i| {
                let (q, p, x) = (&o[i - 1], &o[i], &o[i + 1]);
                let rows: [&Lane; 18] = [
                    &self.bias,
                    uni[i - 2].map_or(missing, |r| &r[0]),
                    uni[i - 1].map_or(missing, |r| &r[1]),
                    uni[i].map_or(missing, |r| &r[2]),
                    uni[i + 1].map_or(missing, |r| &r[3]),
                    uni[i + 2].map_or(missing, |r| &r[4]),
                    bi[i - 2].map_or(missing, |r| &r[0]),
                    bi[i - 1].map_or(missing, |r| &r[1]),
                    bi[i].map_or(missing, |r| &r[2]),
                    bi[i + 1].map_or(missing, |r| &r[3]),
                    self.skip.get(&pair(q.c, x.c)).unwrap_or(missing),
                    &self.tag[q.pos_at()][0],
                    &self.tag[p.pos_at()][1],
                    &self.tag[x.pos_at()][2],
                    self.tag_char
                        .get(&tag_char(p.pos_at(), p.c))
                        .unwrap_or(missing),
                    &self.flag[usize::from(p.flags)],
                    self.flags
                        .get(&triple(q.flags, p.flags, x.flags))
                        .unwrap_or(missing),
                    missing,
                ];
                sum(&rows)
            })
            .collect()
    }
}

/// The lane-wise sum of `rows`, widened to `i32` (a straight loop the compiler vectorises).
#[inline(never)]
fn sum(rows: &[&Lane]) -> Scores {
    let mut acc = [0i32; LANES];
    for r in rows {
        for (a, &w) in acc.iter_mut().zip(r.iter()) {
            *a += i32::from(w);
        }
    }
    acc
}
