//! The features as strings (their names in the model file), hashed with FNV-1a: what training
//! learns and writes. Decoding reads the same features through grouped tables (`tables.rs`);
//! a test checks both give the same scores.

use super::Obs;

/// 64-bit FNV-1a: feature strings are hashed part by part, so the hash of the parts equals the
/// hash of the concatenated string in the model file.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(pub(crate) u64);

impl Fnv {
    pub(crate) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    pub(crate) fn part(&mut self, p: &P) {
        match p {
            P::S(s) => self.bytes(s.as_bytes()),
            P::C(c) => self.bytes(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    #[cfg(test)]
    pub(crate) fn of(s: &str) -> u64 {
        let mut h = Fnv::new();
        h.bytes(s.as_bytes());
        h.0
    }
}

/// A part of a feature string.
pub(crate) enum P<'a> {
    S(&'a str),
    C(char),
}

const HEX: [char; 16] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f',
];

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
    f(&[P::S("T0="), P::S(p.pos()), P::C(p.at())]);
    f(&[P::S("T0C="), P::S(p.pos()), P::C(p.at()), P::C(p.c)]);
    f(&[P::S("T-1="), P::S(q.pos()), P::C(q.at())]);
    f(&[P::S("T1="), P::S(n.pos()), P::C(n.at())]);
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
