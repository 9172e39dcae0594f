//! Colon frames without a verb of saying: `SPEAKER：CONTENT` as a sentence of its own.
//!
//! Headlines and sub-headings attribute with a bare colon (拜登：不鼓励台独, 美国务院︰无心之过,
//! 【追究责任】白宫顾问：这笔帐必有一天要算). The speaker phrase is short, opens the sentence,
//! and ends in an entity, a pronoun, or a person's title or descriptor (哈佛教授, 台湾学者); a
//! phrase with anything else at its end (时间：…, 三点建议：…) is a label, not a speaker.

use super::words::WORDS;
use super::{Context, Draft, Head, speaker_head};
use crate::lexicon::CueType;
use crate::span::Span;

/// The longest speaker phrase before a headline colon, in characters.
const MAX_HEAD_CHARS: usize = 16;

/// The draft of a headline colon frame in `sentence`, if it is one.
pub(super) fn colon_frame(ctx: &Context<'_>, sentence: Span) -> Option<Draft> {
    let text = ctx.text;
    let s = &text[sentence];
    // A bracketed column tag first: 【冲击国会】, [追究责任].
    let mut start = sentence.start;
    if let Some(rest) = s.strip_prefix(['【', '[']) {
        let after = &rest[rest.find(['】', ']'])?..];
        start = sentence.end - after.len() + after.chars().next()?.len_utf8();
    }
    let body = &text[start..sentence.end];
    let (colon_at, colon) = body
        .char_indices()
        .take(MAX_HEAD_CHARS + 1)
        .find(|&(_, c)| matches!(c, '：' | '︰' | ':'))?;
    let head = Span::new(start, start + colon_at);
    if head.is_empty() || text[head].contains(HEAD_BREAKS) {
        return None;
    }
    let content_start = head.end + colon.len_utf8();
    let content = text[content_start..sentence.end].trim();
    if content.chars().count() < 2 {
        return None;
    }
    let found = speaker_head(ctx, head, head.end).or_else(|| described_person(ctx, head))?;
    // The phrase ends with the speaker: no gap between them and the colon.
    let ends = match &found {
        Head::Entity(_, _, span) | Head::Person(span) | Head::Anonymous(span) => span.end,
        Head::Statement(_) | Head::Zero => return None,
    };
    if ends != head.end {
        return None;
    }
    let mut d = Draft::new(
        &text[head.end..content_start],
        Span::new(head.end, content_start),
        CueType::Say,
        head.start,
        content_start,
    );
    d.content_end = sentence.end;
    d.closed = true;
    d.rule = super::QuoteRule::Headline;
    super::apply_head(ctx, &mut d, found);
    Some(d)
}

/// A phrase of nouns ending in a person's title or a descriptor (哈佛教授, 美国安顾问,
/// 台湾学者): an anonymous source.
fn described_person(ctx: &Context<'_>, head: Span) -> Option<Head> {
    let t = &ctx.text[head];
    let titled = crate::mention::recognize::titles()
        .chain(WORDS.descriptors.iter().copied())
        .any(|w| t.ends_with(w));
    (titled && super::nominal_subject(ctx, head) == Some(head)).then_some(Head::Anonymous(head))
}

/// What a speaker phrase never holds: clause punctuation and quotation marks.
const HEAD_BREAKS: &[char] = &['，', '、', '；', ',', '“', '”', '「', '」', '《', '？', '?'];

#[cfg(test)]
mod tests {
    #[test]
    fn head_breaks_are_punctuation() {
        assert!(super::HEAD_BREAKS.iter().all(|c| !c.is_alphanumeric()));
    }
}
