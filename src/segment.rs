//! Word segmentation and part-of-speech tags. The only module that touches `jieba_rs`.

use crate::span::Span;
use jieba_rs::Jieba;

/// Coarse part of speech, from jieba's ICTCLAS-style tags. jieba's tags are weak evidence for
/// entities (its dictionary tags 普京 as a place): newsgraph uses them as hints only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Pos {
    /// `nr`, `nrfg`, `nrt`: person name.
    PersonName,
    /// `ns`: place name.
    PlaceName,
    /// `nt`: organisation name.
    OrgName,
    /// `nz`: other proper noun.
    OtherProper,
    /// Other nouns (`n`, `vn`, `ng`, …).
    Noun,
    /// Verbs (`v`, `vd`, …).
    Verb,
    /// Adjectives and adverbs.
    Modifier,
    /// `r`: pronoun.
    Pronoun,
    /// `m`, `q`: numerals and measure words.
    Number,
    /// `t`: time words.
    Time,
    /// `p`, `c`, `u`, `d`, …: function words.
    Function,
    /// `eng`: Latin letters.
    Latin,
    /// `x` and anything else: punctuation, symbols.
    Other,
}

impl Pos {
    fn from_tag(tag: &str) -> Pos {
        match tag {
            "nr" | "nrfg" | "nrt" => Pos::PersonName,
            "ns" => Pos::PlaceName,
            "nt" => Pos::OrgName,
            "nz" => Pos::OtherProper,
            "eng" => Pos::Latin,
            "r" => Pos::Pronoun,
            "m" | "q" | "mq" => Pos::Number,
            "t" | "tg" => Pos::Time,
            "x" | "w" | "" => Pos::Other,
            // `j` is an abbreviation (欧盟, 人大): a noun.
            t if t.starts_with('n') || t == "vn" || t == "j" => Pos::Noun,
            t if t.starts_with('v') => Pos::Verb,
            t if t.starts_with('a') || t.starts_with('d') || t == "b" => Pos::Modifier,
            _ => Pos::Function,
        }
    }
}

/// A token: byte span (from jieba's `byte_start`/`byte_end`, never its char offsets) and POS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text that was segmented.
    pub span: Span,
    /// Coarse part of speech.
    pub pos: Pos,
}

/// A jieba segmenter that knows the gazetteer's names, built once and shared.
pub struct Segmenter {
    jieba: Jieba,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Segmenter")
    }
}

impl Segmenter {
    /// jieba's default dictionary plus `words` (word, jieba tag), so names are not split.
    /// Words jieba cannot keep whole anyway (with `·` or spaces) are skipped.
    pub fn new<'a>(words: impl IntoIterator<Item = (&'a str, &'a str)>) -> Segmenter {
        let mut jieba = Jieba::new();
        for (word, tag) in words {
            if word.chars().count() >= 2
                && word.chars().all(|c| c.is_alphanumeric())
                && !jieba.has_word(word)
            {
                jieba.add_word(word, None, Some(tag));
            }
        }
        Segmenter { jieba }
    }

    /// Tokens of `text`, covering it from start to end.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Token {
                span: Span::new(t.byte_start, t.byte_end),
                pos: Pos::from_tag(t.tag),
            })
            .collect()
    }
}

/// Token boundaries of a token list as a sorted set of byte offsets, for fast lookups.
#[derive(Debug, Default)]
pub struct Boundaries {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Boundaries {
    /// Collects the starts and ends of `tokens`.
    pub fn new(tokens: &[Token]) -> Boundaries {
        Boundaries {
            starts: tokens.iter().map(|t| t.span.start).collect(),
            ends: tokens.iter().map(|t| t.span.end).collect(),
        }
    }

    /// True when a token starts at `i`.
    pub fn is_start(&self, i: usize) -> bool {
        self.starts.binary_search(&i).is_ok()
    }

    /// True when a token ends at `i`.
    pub fn is_end(&self, i: usize) -> bool {
        self.ends.binary_search(&i).is_ok()
    }

    /// The token containing byte `i`, as an index into the token list.
    pub fn token_at(&self, i: usize) -> Option<usize> {
        let k = self.starts.partition_point(|&s| s <= i);
        (k > 0 && i < self.ends[k - 1]).then(|| k - 1)
    }
}

/// Tokens from `"word/tag word/tag …"`, for table-driven tests of the stages after
/// segmentation without depending on jieba's dictionary.
#[cfg(test)]
pub(crate) fn tokens_from_tagged(s: &str) -> (String, Vec<Token>) {
    let mut text = String::new();
    let mut out = Vec::new();
    for wt in s.split(' ') {
        let (w, tag) = wt.rsplit_once('/').unwrap_or((wt, "x"));
        out.push(Token {
            span: Span::new(text.len(), text.len() + w.len()),
            pos: Pos::from_tag(tag),
        });
        text.push_str(w);
    }
    (text, out)
}
