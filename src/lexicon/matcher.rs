//! One leftmost-longest automaton over a lexicon's cue texts, built once per analyzer and used by
//! the quote and relation stages.

use crate::segment::Boundaries;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::BTreeMap;

/// One-character time units and adverbs that jieba may join to the verb after them.
const GLUED_BEFORE: &[char] = &[
    '日', '时', '后', '便', '亦', '又', '并', '还', '也', '则', '曾', '再', '均', '都', '皆', '即',
    '就', '更', '续', '上', '中',
];

/// A cue occurrence with every lexicon entry of that text (one text may have several frames).
#[derive(Clone, Debug)]
pub(crate) struct CueHit {
    pub span: Span,
    pub cues: Vec<usize>,
}

/// Finds a lexicon's cues in text.
pub(crate) struct LexiconMatcher<T> {
    ac: Option<AhoCorasick>,
    /// Per pattern, the indices of its entries in `cues`.
    entries: Vec<Vec<usize>>,
    cues: Vec<T>,
}

impl<T> std::fmt::Debug for LexiconMatcher<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LexiconMatcher")
            .field("cues", &self.cues.len())
            .finish()
    }
}

impl<T> LexiconMatcher<T> {
    /// Compiles `cues`; `forms` gives the surface texts each cue matches.
    pub(crate) fn new(cues: Vec<T>, forms: impl Fn(&T) -> Vec<String>) -> LexiconMatcher<T> {
        let mut by_text: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, c) in cues.iter().enumerate() {
            for f in forms(c) {
                let e = by_text.entry(f).or_default();
                if !e.contains(&i) {
                    e.push(i);
                }
            }
        }
        let patterns: Vec<&str> = by_text.keys().map(String::as_str).collect();
        let entries: Vec<Vec<usize>> = by_text.values().cloned().collect();
        let ac = (!patterns.is_empty())
            .then(|| {
                // A few hundred short cues: a DFA is small here (a few hundred KB) and scans
                // faster than the NFA the builder would pick for this many patterns.
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        LexiconMatcher { ac, entries, cues }
    }

    /// The lexicon entry `i` of a hit.
    pub(crate) fn cue(&self, i: usize) -> &T {
        &self.cues[i]
    }

    /// Cue occurrences that start and end on word boundaries (说 in 说服 is not a cue), or
    /// that jieba glued to a one-character time unit or adverb before them (16日称 read as
    /// 16|日称, 便称, 亦指).
    pub(crate) fn find(&self, text: &str, bounds: &Boundaries) -> Vec<CueHit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let glued = |start: usize| {
            text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| GLUED_BEFORE.contains(&c) && bounds.is_start(start - c.len_utf8()))
        };
        ac.find_iter(text)
            .filter(|m| (bounds.is_start(m.start()) || glued(m.start())) && bounds.is_end(m.end()))
            .map(|m| CueHit {
                span: Span::new(m.start(), m.end()),
                cues: self.entries[m.pattern().as_usize()].clone(),
            })
            .collect()
    }
}
