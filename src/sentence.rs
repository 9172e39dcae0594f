//! Quote-aware paragraph and sentence splitting.
//!
//! Paragraphs are lines of the text. A sentence ends after 。！？；… (and their ASCII forms)
//! unless the terminator sits inside a quotation (“…”, 「…」, 『…』, ‘…’, "…"); a closing
//! quotation mark that directly follows a terminator stays with its sentence. Quotation marks
//! are paired by type first, so an unbalanced mark protects nothing and never aborts.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A sentence: its span in the text and the index of its paragraph (line).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte span, without the line break.
    pub span: Span,
    /// 0-based index of the paragraph (line) it belongs to.
    pub paragraph: usize,
}

/// Opening marks with their closers. ASCII `"` is handled separately (it opens and closes).
const PAIRS: &[(char, char)] = &[
    ('“', '”'),
    ('‘', '’'),
    ('「', '」'),
    ('『', '』'),
    ('﹁', '﹂'),
    ('﹃', '﹄'),
];

fn is_terminator(c: char) -> bool {
    // U+3000 separates headline segments (拜登：不鼓励台独　基于…): each is a sentence.
    matches!(
        c,
        '。' | '！' | '？' | '；' | '…' | '!' | '?' | ';' | '．' | '\u{3000}'
    )
}

/// Words that continue a clause after a quotation (时, 的, 等, 之, 为).
const CLAUSE_SUFFIXES: &[char] = &['时', '的', '等', '之', '为'];

fn is_closer(c: char) -> bool {
    // The closers of PAIRS (a test checks), as one match: this runs at every character.
    matches!(c, '”' | '’' | '」' | '』' | '﹂' | '﹄' | '"')
}

/// Any quotation mark, opening or closing.
fn is_mark(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『' | '﹁' | '﹃') || is_closer(c)
}

/// Splits `text` into sentences.
///
/// # Example
/// ```
/// let text = "他说：“我们不会让步。我们会坚持。”随后离开。\n第二段！";
/// let s: Vec<&str> = newsgraph::sentence::split(text).iter().map(|s| &text[s.span]).collect();
/// assert_eq!(s, ["他说：“我们不会让步。我们会坚持。”", "随后离开。", "第二段！"]);
/// ```
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (paragraph, line) in text.split('\n').enumerate() {
        split_paragraph(text, line_start, line.len(), paragraph, &mut out);
        line_start += line.len() + 1;
    }
    out
}

/// Byte ranges of the outermost matched quotations in `para` (relative offsets).
pub fn quotation_ranges(para: &str) -> Vec<Span> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut pairs: Vec<Span> = Vec::new();
    for (i, c) in para.char_indices() {
        if !is_mark(c) {
            continue;
        }
        if c == '"' {
            if let Some(pos) = stack.iter().rposition(|&(o, _)| o == '"') {
                let (_, start) = stack[pos];
                stack.truncate(pos);
                pairs.push(Span::new(start, i + 1));
            } else {
                stack.push(('"', i));
            }
        } else if PAIRS.iter().any(|&(o, _)| o == c) {
            stack.push((c, i));
        } else if let Some(&(open, _)) = PAIRS.iter().find(|&&(_, cl)| cl == c)
            && let Some(pos) = stack.iter().rposition(|&(o, _)| o == open)
        {
            let (_, start) = stack[pos];
            stack.truncate(pos);
            pairs.push(Span::new(start, i + c.len_utf8()));
        }
    }
    // Keep the outermost ones, in order.
    pairs.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut outer: Vec<Span> = Vec::new();
    for p in pairs {
        if outer.last().is_none_or(|o| p.start >= o.end) {
            outer.push(p);
        }
    }
    outer
}

fn split_paragraph(text: &str, base: usize, len: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let para = &text[base..base + len];
    let quotes = quotation_ranges(para);
    let inside = |i: usize| quotes.iter().any(|q| q.start < i && i < q.end);
    let mut start = 0;
    let mut chars = para.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        let at_terminator = is_terminator(c) && !inside(i);
        // “…。” : the quotation closes right after a terminator inside it.
        // Not when a suffix carries the clause on (被问到「…？」时表示, 「…！」的口号).
        let closes_quote = is_closer(c)
            && quotes.iter().any(|q| q.end == end)
            && para[..i].chars().next_back().is_some_and(is_terminator)
            && !para[end..].starts_with(CLAUSE_SUFFIXES);
        if !(at_terminator || closes_quote) {
            continue;
        }
        // Swallow further terminators and closing marks (“。”」, ！？, ……).
        while let Some(&(j, d)) = chars.peek() {
            if is_terminator(d)
                || (is_closer(d) && quotes.iter().any(|q| q.end == j + d.len_utf8()))
            {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        push(para, base, start, end, paragraph, out);
        start = end;
    }
    push(para, base, start, para.len(), paragraph, out);
}

fn push(
    para: &str,
    base: usize,
    start: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let piece = &para[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push(Sentence {
            span: Span::new(base + start + lead, base + end - trail),
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_sets_are_the_pairs() {
        for &(open, close) in PAIRS {
            assert!(is_mark(open) && !is_closer(open), "{open}");
            assert!(is_mark(close) && is_closer(close), "{close}");
        }
        assert!(is_closer('"') && !is_mark('。'));
    }

    fn t(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.span]).collect()
    }

    #[test]
    fn sentence_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("甲。乙！丙？", &["甲。", "乙！", "丙？"]),
            ("甲；乙", &["甲；", "乙"]),
            ("等等……然后。", &["等等……", "然后。"]),
            (
                "他说：“好。走吧！”她笑了。",
                &["他说：“好。走吧！”", "她笑了。"],
            ),
            ("「我們走。」他說。", &["「我們走。」", "他說。"]),
            ("『甲。乙』丙。", &["『甲。乙』丙。"]),
            ("他说：“没有结束。", &["他说：“没有结束。"]),
            ("”多余的。结尾", &["”多余的。", "结尾"]),
            (
                "俄方称“不合理的”。下句。",
                &["俄方称“不合理的”。", "下句。"],
            ),
            ("外“内‘嵌。’套。”后。", &["外“内‘嵌。’套。”", "后。"]),
            (
                "被问到「会攻台吗？」时表示。下句。",
                &["被问到「会攻台吗？」时表示。", "下句。"],
            ),
            (
                "He said \"No. Never.\" Then left.",
                &["He said \"No. Never.\" Then left."],
            ),
            ("第一段\n\n第二段。", &["第一段", "第二段。"]),
            // Headline segments.
            (
                "首谈台湾\u{3000}拜登：不鼓励台独",
                &["首谈台湾", "拜登：不鼓励台独"],
            ),
            ("「甲\u{3000}乙」", &["「甲\u{3000}乙」"]),
            ("", &[]),
            ("   ", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(t(input), *want, "{input:?}");
        }
    }

    #[test]
    fn unbalanced_marks_never_protect() {
        // An opening mark without a closer must not swallow the paragraph.
        assert_eq!(t("他说“甲。乙。"), ["他说“甲。", "乙。"]);
        assert_eq!(quotation_ranges("“a”「b」“c").len(), 2);
    }

    #[test]
    fn paragraphs_are_counted() {
        let s = split("甲。乙。\n丙。");
        assert_eq!(s.iter().map(|s| s.paragraph).collect::<Vec<_>>(), [0, 0, 1]);
    }
}
