//! The compiled speech-cue matcher: one leftmost-longest automaton over all cue texts, built
//! once per analyzer.

use crate::lexicon::{SpeechCue, SpeechCues};
use crate::segment::Boundaries;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::BTreeMap;

/// A cue occurrence with every lexicon entry of that text (one text may have several frames).
#[derive(Clone, Debug)]
pub(crate) struct CueHit {
    pub span: Span,
    pub cues: Vec<usize>,
}

/// Finds speech cues in text.
pub(crate) struct CueMatcher {
    ac: Option<AhoCorasick>,
    /// Per pattern, the indices of its entries in `cues`.
    entries: Vec<Vec<usize>>,
    cues: Vec<SpeechCue>,
}

impl std::fmt::Debug for CueMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CueMatcher")
            .field("cues", &self.cues.len())
            .finish()
    }
}

impl CueMatcher {
    pub(crate) fn new(lexicon: &SpeechCues) -> CueMatcher {
        let cues: Vec<SpeechCue> = lexicon.iter().cloned().collect();
        let mut by_text: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, c) in cues.iter().enumerate() {
            by_text.entry(c.cue.as_str()).or_default().push(i);
        }
        let patterns: Vec<&str> = by_text.keys().copied().collect();
        let entries: Vec<Vec<usize>> = by_text.values().cloned().collect();
        let ac = (!patterns.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        CueMatcher { ac, entries, cues }
    }

    pub(crate) fn cue(&self, i: usize) -> &SpeechCue {
        &self.cues[i]
    }

    /// Cue occurrences that start and end on word boundaries (说 in 说服 is not a cue).
    pub(crate) fn find(&self, text: &str, bounds: &Boundaries) -> Vec<CueHit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        ac.find_iter(text)
            .filter(|m| bounds.is_start(m.start()) && bounds.is_end(m.end()))
            .map(|m| CueHit {
                span: Span::new(m.start(), m.end()),
                cues: self.entries[m.pattern().as_usize()].clone(),
            })
            .collect()
    }
}
