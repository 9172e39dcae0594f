//! What may stand between a speaker and its cue (拜登 | 当地时间周三下午在白宫对记者 | 表示).
//!
//! A small grammar walked once from left to right: times (jieba's time words, dates, 今（22）日),
//! manner and sequence adverbs, parentheses (a Latin gloss or title), chained statement acts
//! (发表声明, 发文, 回应, 受访), addressees (对记者, 向传媒, 向 + a name), the speaker's
//! document (的报告中), and one occasion phrase (在…中/上/时, 接受…采访时, 出席…时, or 在 + a
//! place or medium before an act: 在社交媒体发文). At most [`MAX_OCCASIONS`] occasions chain,
//! each within [`MAX_OCCASION_CHARS`], and a gap has at most [`MAX_GAP_CHARS`] characters, so
//! the walk is bounded per cue whatever the text.

use super::Context;
use super::words::WORDS;
use crate::segment::Pos;
use crate::span::Span;

/// The longest gap between a speaker and its cue, in characters.
const MAX_GAP_CHARS: usize = 40;
/// How many occasion phrases one gap may chain (以党主席身分 + 在会中).
const MAX_OCCASIONS: u8 = 2;
/// The longest occasion phrase after its opener, in characters.
const MAX_OCCASION_CHARS: usize = 30;
/// The longest place or medium in an occasion without an end word (在白宫, 在社交媒体).
const MAX_BARE_OCCASION_CHARS: usize = 10;

/// True when `gap` holds only what may stand between a speaker and its cue.
pub(super) fn gap_ok(ctx: &Context<'_>, gap: Span) -> bool {
    ctx.text[gap].chars().count() <= MAX_GAP_CHARS && walk(ctx, gap.start, gap.end, MAX_OCCASIONS)
}

/// Consumes allowed pieces from `at` to `end`; `occasions`: how many occasions may still open.
fn walk(ctx: &Context<'_>, mut at: usize, end: usize, occasions: u8) -> bool {
    let text = ctx.text;
    while at < end {
        let g = &text[at..end];
        // An addressee with 向 up to the cue: 普京向拜登表示, 苹果公司向用户发出警告 (a short
        // phrase of letters, no 的).
        if let Some(rest) = g.strip_prefix('向')
            && (1..=8).contains(&rest.chars().count())
            && rest
                .chars()
                .all(|c| c.is_alphanumeric() || c == '·' || c == '•')
            && !rest.contains('的')
        {
            return true;
        }
        if occasions > 0
            && WORDS.occasion_openers.iter().any(|o| g.starts_with(o))
            && occasion_phrase(ctx, at, end, occasions - 1) == Some(true)
        {
            return true;
        }
        match step(ctx, at, end) {
            Some(next) if next > at => at = next,
            _ => return false,
        }
    }
    true
}

/// Where one allowed piece that starts at `at` ends.
fn step(ctx: &Context<'_>, at: usize, end: usize) -> Option<usize> {
    let text = ctx.text;
    let g = &text[at..end];
    let skipped = g.trim_start_matches([' ', '）', ')']);
    if skipped.len() < g.len() {
        return Some(end - skipped.len());
    }
    // Taiwan and Hong Kong dates: 今（22）日, 昨(21)日, 今（18日）.
    if let Some(rest) = g.strip_prefix(['今', '昨'])
        && let Some(inner) = rest.strip_prefix(['（', '('])
        && let Some(close) = inner.find(['）', ')'])
        && let digits = inner[..close].strip_suffix('日').unwrap_or(&inner[..close])
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
    {
        let after = inner[close..].trim_start_matches(['）', ')']);
        let after = if inner[..close].ends_with('日') {
            after
        } else {
            after.strip_prefix('日')?
        };
        return Some(end - after.len());
    }
    // Parenthetical: （俄罗斯总统府）, (CNN), （Joe Biden）.
    if let Some(rest) = g.strip_prefix(['（', '(']) {
        let p = rest.find(['）', ')'])?;
        return Some(end - rest[p..].len());
    }
    // 当地时间, 美东时间, 北京时间, 台湾时间: a zone of up to three characters.
    let head = &g[..g.char_indices().nth(5).map_or(g.len(), |(i, _)| i)];
    if let Some(p) = head.find("时间")
        && (1..=3).contains(&g[..p].chars().count())
        && !g[..p].contains(['在', '的', '，'])
    {
        return Some(at + p + "时间".len());
    }
    if let Some(after) = numeric_time(g) {
        return Some(end - after.len());
    }
    // jieba's time words (下午, 晚间, 近日) and short adverbs (首度, 便, 罕见地).
    if let Some(k) = ctx.bounds.token_at(at)
        && let token = ctx.tokens[k]
        && token.span.start == at
        && token.span.end <= end
        && (token.pos == Pos::Time
            || token.pos == Pos::Modifier && text[token.span].chars().count() <= 2)
    {
        let after = &text[token.span.end..end];
        let after = after.strip_prefix('地').unwrap_or(after);
        return Some(end - after.len());
    }
    if let Some(n) = longest_gap_word(g) {
        return Some(at + n);
    }
    // 对记者, 向传媒, 对本台: an audience.
    if let Some(rest) = g.strip_prefix(['对', '向'])
        && let Some(n) = WORDS
            .audiences
            .iter()
            .filter(|w| rest.starts_with(**w))
            .map(|w| w.len())
            .max()
    {
        let after = &rest[n..];
        let after = after.strip_prefix('们').unwrap_or(after);
        return Some(end - after.len());
    }
    // 对本报, 向美联社: an organization addressed, right before the cue.
    if let Some(rest) = g.strip_prefix(['对', '向'])
        && let Some(m) = super::mentions_at(ctx, end - rest.len())
            .iter()
            .find(|m| m.span.end == end && m.kind == crate::entity::EntityKind::Organization)
    {
        return Some(m.span.end);
    }
    // The speaker's document: X的报告称, X最新裁决指, X发表的声明中表示.
    strip_document(g).map(|r| end - r.len())
}

/// The length of the longest weekday, adverb, relative time or chained act that `g` starts
/// with: one anchored automaton over the four lists, built once.
fn longest_gap_word(g: &str) -> Option<usize> {
    use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
    static GAP_WORDS: std::sync::LazyLock<AhoCorasick> = std::sync::LazyLock::new(|| {
        let words = WORDS
            .weekdays
            .iter()
            .chain(WORDS.adverbs)
            .chain(WORDS.relative_times)
            .chain(WORDS.chained_acts);
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(words)
            .expect("the gap word lists compile")
    });
    GAP_WORDS
        .find(Input::new(g).anchored(Anchored::Yes))
        .map(|m| m.end())
}

/// 7日, 14号, 2021年12月7日, 1月底, 2012年时: what remains after a leading date, if one leads.
fn numeric_time(g: &str) -> Option<&str> {
    let digits = g
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(*c)))
        .map_or(g.len(), |(i, _)| i);
    if digits == 0 {
        return None;
    }
    let rest = ["日", "号", "月", "年"]
        .iter()
        .find_map(|u| g[digits..].strip_prefix(u))?;
    Some(
        ["时", "底", "初", "中旬", "下旬", "上旬", "晚", "早"]
            .iter()
            .find_map(|s| rest.strip_prefix(s))
            .unwrap_or(rest),
    )
}

/// An occasion opening at `at` (在…中, 接受…采访时, 在社交媒体 + act): `Some(true)` when it
/// and the rest of the gap are allowed, `Some(false)` when an occasion ends there but the rest
/// is not, `None` when no occasion can be read.
fn occasion_phrase(ctx: &Context<'_>, at: usize, end: usize, left: u8) -> Option<bool> {
    let text = ctx.text;
    let g = &text[at..end];
    let opener = WORDS
        .occasion_openers
        .iter()
        .filter(|o| g.starts_with(**o))
        .map(|o| o.len())
        .max()?;
    let body = at + opener;
    // Candidate ends, longest phrase first; the remainder is walked without occasions.
    let ends: Vec<(usize, usize)> = text[body..end]
        .char_indices()
        .take(MAX_OCCASION_CHARS)
        .filter_map(|(i, _)| {
            WORDS
                .occasion_ends
                .iter()
                .find(|e| text[body + i..end].starts_with(**e))
                .map(|e| (body + i, body + i + e.len()))
        })
        .collect();
    for &(e, after) in ends.iter().rev() {
        if !has_modal_outside_occasion(&text[body..e]) && walk(ctx, after, end, left) {
            return Some(true);
        }
    }
    // 在白宫, 在社交媒体 + 发文: a place or medium of nouns, then the rest.
    if text[at..body].starts_with(['在', '于']) {
        for (i, c) in text[body..end].char_indices().take(MAX_BARE_OCCASION_CHARS) {
            let stop = body + i + c.len_utf8();
            if !has_verb(ctx, body, stop) && walk(ctx, stop, end, left) {
                return Some(true);
            }
        }
    }
    (!ends.is_empty()).then_some(false)
}

/// Whether a jieba verb lies in `from..to`.
pub(super) fn has_verb(ctx: &Context<'_>, from: usize, to: usize) -> bool {
    let first = ctx.tokens.partition_point(|k| k.span.end <= from);
    ctx.tokens[first..]
        .iter()
        .take_while(|k| k.span.start < to)
        .any(|k| k.pos == Pos::Verb)
}

/// `gap` without a leading document phrase (的)(qualifier)(document)(中|里), if it has one.
fn strip_document(gap: &str) -> Option<&str> {
    let mut g = gap.strip_prefix('的').unwrap_or(gap);
    for q in WORDS.document_qualifiers {
        if let Some(r) = g.strip_prefix(q) {
            g = r;
            break;
        }
    }
    let doc = WORDS
        .documents
        .iter()
        .filter(|d| g.starts_with(**d))
        .max_by_key(|d| d.len())?;
    let rest = &g[doc.len()..];
    Some(rest.strip_prefix(['中', '里']).unwrap_or(rest))
}

/// Inside an occasion phrase only a modal at its head would matter; 在接受采访时 has none.
fn has_modal_outside_occasion(inner: &str) -> bool {
    inner.starts_with('将') || inner.starts_with('会')
}

/// Whether `from..to` holds a predicate: a verb, or an idiom (jieba's `i`/`l`, coarse
/// [`Pos::Function`] of four characters: 取得成功).
pub(super) fn has_predicate(ctx: &Context<'_>, from: usize, to: usize) -> bool {
    let first = ctx.tokens.partition_point(|k| k.span.end <= from);
    ctx.tokens[first..]
        .iter()
        .take_while(|k| k.span.start < to)
        .any(|k| {
            k.pos == Pos::Verb || k.pos == Pos::Function && ctx.text[k.span].chars().count() >= 4
        })
}
