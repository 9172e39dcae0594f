//! Relation extraction: interaction cues with two entity arguments.

use super::Relation;
use crate::lexicon::{InteractionCue, Interactions};
use crate::quote::{Context, Quote};
use crate::segment::Boundaries;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::BTreeMap;

/// Finds interaction cues in text (built once per analyzer).
pub(crate) struct InteractionMatcher {
    ac: Option<AhoCorasick>,
    entries: Vec<Vec<usize>>,
    cues: Vec<InteractionCue>,
}

impl std::fmt::Debug for InteractionMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InteractionMatcher")
            .field("cues", &self.cues.len())
            .finish()
    }
}

/// A cue occurrence with every lexicon entry of that text.
#[derive(Clone, Debug)]
pub(crate) struct CueHit {
    pub span: Span,
    pub cues: Vec<usize>,
}

impl InteractionMatcher {
    pub(crate) fn new(lexicon: &Interactions) -> InteractionMatcher {
        let cues: Vec<InteractionCue> = lexicon.iter().cloned().collect();
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
        InteractionMatcher { ac, entries, cues }
    }

    pub(crate) fn cue(&self, i: usize) -> &InteractionCue {
        &self.cues[i]
    }

    /// Cue occurrences on word boundaries.
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

/// The relations of a document.
pub(crate) fn extract(
    _matcher: &InteractionMatcher,
    _ctx: &Context<'_>,
    _quotes: &[Quote],
) -> Vec<Relation> {
    Vec::new()
}
