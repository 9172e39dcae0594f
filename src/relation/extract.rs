//! Relation extraction: interaction cues with two entity arguments.

use super::{Modality, Relation};
use crate::entity::EntityId;
use crate::lexicon::{ArgFrame, InteractionCue};
use crate::mention::{Candidate, Group};
use crate::quote::{Context, Quote};
use crate::span::Span;

/// The compiled interaction-cue matcher.
pub(crate) type InteractionMatcher = crate::lexicon::matcher::LexiconMatcher<InteractionCue>;

/// Prepositions that introduce the target before the cue (X对Y实施制裁, X向Y提供援助).
const DUI: &[&str] = &["针对", "对于", "对", "向", "朝"];
/// Conjunctions that introduce the other party of a mutual act (X与Y举行会谈).
const WITH: &[&str] = &["与", "同", "和", "跟"];
/// Joiners between coordinated targets (英国、意大利、法国和德国).
const JOINERS: &[&str] = &["、", "及其", "以及", "及", "和", "与", "同"];
/// Markers of each modality, looked for between the source and the cue (and for conditions,
/// anywhere earlier in the sentence).
const NEGATION: &[&str] = &[
    "不会",
    "不打算",
    "不应该",
    "不应",
    "不能",
    "不要",
    "没有",
    "并未",
    "从未",
    "尚未",
    "未",
    "不",
    "没",
    "否认",
    "拒绝",
];
const CONDITION: &[&str] = &[
    "如果",
    "一旦",
    "假如",
    "倘若",
    "若",
    "万一",
    "可能",
    "可能性",
    "或将",
    "或许",
    "假设",
];
const PLAN: &[&str] = &[
    "将", "计划", "准备", "打算", "拟", "即将", "要", "会", "预计",
];

/// The relations of a document: for each interaction cue, a source and target entity taken
/// by the cue's frame. A relation needs both ends; nothing is coded from co-occurrence.
///
/// A plural description ([`Group`]) stands where an actor would, as all of its members: a
/// group source gives one relation per member, a group target one per member, and a group
/// before a symmetric cue with no other party (两国总统举行会谈) relates its members to each
/// other.
pub(crate) fn extract(
    matcher: &InteractionMatcher,
    ctx: &Context<'_>,
    quotes: &[Quote],
    groups: &[Group],
) -> Vec<Relation> {
    use crate::entity::EntityKind;
    let text = ctx.text;
    // Groups take part as actors with placeholder ids, replaced by their members below.
    let placeholders: Vec<Candidate> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| Candidate {
            span: g.span,
            kind: EntityKind::Person,
            entity: group_id(i),
            rule: g.rule,
        })
        .collect();
    let mut actors: Vec<&Candidate> = ctx
        .mentions
        .iter()
        .filter(|m| m.kind != EntityKind::Other)
        .chain(&placeholders)
        .collect();
    actors.sort_by_key(|m| m.span);
    fn members<'a>(groups: &'a [Group], id: &'a EntityId) -> &'a [EntityId] {
        match groups_index(id) {
            Some(i) => &groups[i].members,
            None => std::slice::from_ref(id),
        }
    }
    let mut out: Vec<Relation> = Vec::new();
    let hits = matcher.find(text, ctx.bounds);
    for hit in &hits {
        let near = actors.partition_point(|m| m.span.end <= hit.span.start);
        if actors.get(near).is_some_and(|m| m.span.overlaps(hit.span)) {
            continue; // a cue inside a name
        }
        let si = ctx.sentences.partition_point(|s| s.span.end < hit.span.end);
        let Some(sentence) = ctx.sentences.get(si).filter(|s| s.span.contains(hit.span)) else {
            continue;
        };
        let clause_start = clause_start(text, sentence.span.start, hit.span.start);
        // A communicative act reported as speech (拜登警告普京，…): its speaker is the source.
        let speech = quotes.iter().position(|q| q.cue_span.overlaps(hit.span));
        for &ci in &hit.cues {
            let cue = matcher.cue(ci);
            let found = arguments(
                ctx,
                &actors,
                cue.frame,
                hit.span,
                clause_start,
                sentence.span,
                speech.map(|i| &quotes[i]),
            )
            .or_else(|| {
                // 两国总统举行会谈: a group alone before a symmetric cue meets itself.
                let (g, end) =
                    source_before(ctx, &actors, clause_start, sentence.span, hit.span.start)
                        .filter(|_| cue.symmetric)?;
                groups_index(&g)?;
                Some((g.clone(), vec![g], end))
            });
            let Some((source, targets, source_end)) = found else {
                continue;
            };
            let modality_from = source_end.min(hit.span.start);
            let (modality, quote) = modality(
                ctx,
                sentence.span.start,
                modality_from,
                hit.span,
                quotes,
                speech,
            );
            let mut pairs: Vec<(EntityId, EntityId)> = Vec::new();
            let sources = members(groups, &source);
            for target in &targets {
                for (k, s) in sources.iter().enumerate() {
                    for t in members(groups, target) {
                        // Within one group each pair once (a group with itself).
                        let within = *target == source && sources[..=k].contains(t);
                        if !within && t != s {
                            pairs.push((s.clone(), t.clone()));
                        }
                    }
                }
            }
            for (source, target) in pairs {
                let (source, target) = if cue.symmetric && target < source {
                    (target, source)
                } else {
                    (source, target)
                };
                let evidence = Span::new(
                    clause_start.min(hit.span.start),
                    sentence_end(text, sentence.span),
                );
                let r = Relation {
                    source,
                    target,
                    cameo: cue.cameo,
                    kind: cue.name.clone(),
                    modality,
                    cue: ctx.original[hit.span.range()].to_string(),
                    evidence: super::Evidence { span: evidence },
                    symmetric: cue.symmetric,
                    quote,
                };
                if !out.iter().any(|x| {
                    x.source == r.source
                        && x.target == r.target
                        && x.cameo == r.cameo
                        && x.evidence == r.evidence
                }) {
                    out.push(r);
                }
            }
            break; // the first frame that finds both ends wins
        }
    }
    out.sort_by(|a, b| {
        (a.evidence.span, &a.source, &a.target, a.cameo).cmp(&(
            b.evidence.span,
            &b.source,
            &b.target,
            b.cameo,
        ))
    });
    out
}

type Args = (EntityId, Vec<EntityId>, usize);

/// The placeholder id of group `i` among the actors.
fn group_id(i: usize) -> EntityId {
    EntityId::new(format!("{GROUP_PREFIX}{i}"))
}

/// The index of the group a placeholder id stands for.
fn groups_index(id: &EntityId) -> Option<usize> {
    id.as_str().strip_prefix(GROUP_PREFIX)?.parse().ok()
}

/// Placeholder ids start with a character no entity id has (ids are `[a-z0-9:_-]` or names).
const GROUP_PREFIX: &str = "\u{0}group:";

/// Source, targets and where the source ends, for one frame.
fn arguments(
    ctx: &Context<'_>,
    actors: &[&Candidate],
    frame: ArgFrame,
    cue: Span,
    clause_start: usize,
    sentence: Span,
    speech: Option<&Quote>,
) -> Option<Args> {
    let text = ctx.text;
    let after_cue = |from: usize| targets_from(ctx, actors, from, sentence.end, 6);
    let before = |end: usize| source_before(ctx, actors, clause_start, sentence, end);
    match frame {
        ArgFrame::Svo => svo(ctx, actors, cue, clause_start, sentence, speech, &after_cue),
        ArgFrame::Dui | ArgFrame::With | ArgFrame::SvoOrDui => {
            let preps: &[&str] = if frame == ArgFrame::With { WITH } else { DUI };
            // The preposition + target stand between the source and the cue: the first
            // preposition that follows an actor and introduces one, with nothing else between
            // the targets and the cue (对俄罗斯在乌克兰边境…集结的担忧 is not 对俄罗斯…集结).
            let window = &text[clause_start..cue.start];
            let mut found: Vec<(usize, usize)> = preps
                .iter()
                .flat_map(|p| {
                    window
                        .match_indices(p)
                        .map(|(i, _)| (clause_start + i, p.len()))
                })
                .collect();
            found.sort();
            for (p_at, p_len) in found {
                if cue.start - p_at > 60 {
                    continue;
                }
                let targets = targets_from(ctx, actors, p_at + p_len, cue.start, 3);
                let last_target_end = actors
                    .iter()
                    .filter(|m| {
                        targets.contains(&m.entity)
                            && m.span.start >= p_at
                            && m.span.end <= cue.start
                    })
                    .map(|m| m.span.end)
                    .max();
                // 对俄罗斯在乌克兰边境集结…的担忧: the "target" opens a clause of its own.
                let clear = last_target_end.is_some_and(|e| !text[e..cue.start].starts_with('在'));
                if let Some((source, source_end)) = before(p_at)
                    && !targets.is_empty()
                    && clear
                {
                    return Some((source, targets, source_end));
                }
            }
            if frame == ArgFrame::SvoOrDui {
                svo(ctx, actors, cue, clause_start, sentence, speech, &after_cue)
            } else {
                None
            }
        }
    }
}

/// X警告Y: the source before the cue (or the speaker of the speech act), targets right after it.
fn svo(
    ctx: &Context<'_>,
    actors: &[&Candidate],
    cue: Span,
    clause_start: usize,
    sentence: Span,
    speech: Option<&Quote>,
    after_cue: &dyn Fn(usize) -> Vec<EntityId>,
) -> Option<Args> {
    let targets = after_cue(cue.end);
    if targets.is_empty() {
        return None;
    }
    if let Some(q) = speech
        && let Some(s) = &q.speaker
    {
        return Some((s.clone(), targets, cue.start));
    }
    let (source, end) = source_before(ctx, actors, clause_start, sentence, cue.start)?;
    Some((source, targets, end))
}

/// The actor closest before `end` in the clause, with no other actor or clause break between;
/// a clause with no actor takes the subject of the sentence (…，并对俄罗斯实施制裁).
fn source_before(
    ctx: &Context<'_>,
    actors: &[&Candidate],
    clause_start: usize,
    sentence: Span,
    end: usize,
) -> Option<(EntityId, usize)> {
    let text = ctx.text;
    // Actors are sorted by position: binary searches bound every look-up to the clause.
    let before_end = actors.partition_point(|m| m.span.start < end);
    let mut in_clause = actors[..before_end]
        .iter()
        .rev()
        .take_while(|m| m.span.start >= clause_start)
        .find(|m| m.span.end <= end);
    // 华盛顿及其欧洲盟友将…: the first of coordinated actors is the subject.
    while let Some(m) = in_clause
        && let Some(j) = JOINERS
            .iter()
            .find(|j| text[clause_start..m.span.start].ends_with(*j))
        && let Some(prev) = actors[..actors.partition_point(|p| p.span.start < m.span.start)]
            .iter()
            .rev()
            .take_while(|p| p.span.start >= clause_start)
            .find(|p| p.span.end + j.len() == m.span.start)
    {
        in_clause = Some(prev);
    }
    if let Some(m) = in_clause {
        let gap = &text[m.span.end..end];
        // Not the object of a preposition (在乌克兰, 对俄罗斯) and not too far from the verb.
        let prev = text[..m.span.start].chars().next_back();
        let governed = prev.is_some_and(|c| "在对向与和同跟从将把被据为于".contains(c))
            && m.span.start > clause_start;
        if !governed && gap.chars().count() <= 16 {
            return Some((m.entity.clone(), m.span.end));
        }
        if !governed {
            return None;
        }
    }
    // Zero subject: the first actor opening the sentence.
    let first = actors[actors.partition_point(|m| m.span.start < sentence.start)..]
        .iter()
        .take_while(|m| m.span.start < clause_start)
        .find(|m| m.span.end <= clause_start)?;
    (clause_start > sentence.start
        && text[clause_start..end]
            .chars()
            .next()
            .is_some_and(|c| "并还也又则将已曾".contains(c)))
    .then(|| (first.entity.clone(), first.span.end))
}

/// Actors starting right at `from` (after a short gap such as 了 or a title) and the ones
/// coordinated with them (英国、意大利、法国和德国), up to `limit`.
fn targets_from(
    ctx: &Context<'_>,
    actors: &[&Candidate],
    from: usize,
    limit: usize,
    max_gap_chars: usize,
) -> Vec<EntityId> {
    let text = ctx.text;
    let mut out: Vec<EntityId> = Vec::new();
    let mut at = from;
    while let Some(m) = actors[actors.partition_point(|m| m.span.start < at)..]
        .iter()
        .take_while(|m| m.span.start < limit)
        .find(|m| m.span.end <= limit)
    {
        let gap = &text[at..m.span.start];
        let allowed = if out.is_empty() { max_gap_chars } else { 0 };
        if gap.chars().count() > allowed || gap.contains(['，', '。', '；', '：', '“', '”'])
        {
            break;
        }
        // A country before a title and name (法国总统马克龙) is a modifier: take the person.
        let mut m = *m;
        while let Some(next) = actors[actors.partition_point(|n| n.span.start < m.span.end)..]
            .iter()
            .take_while(|n| n.span.start <= m.span.end + 12)
            .find(|n| n.span.end <= limit && n.kind == crate::entity::EntityKind::Person)
            && m.kind != crate::entity::EntityKind::Person
            && !text[m.span.end..next.span.start].contains(['，', '、', '和', '与', '及'])
        {
            m = next;
        }
        if !out.contains(&m.entity) {
            out.push(m.entity.clone());
        }
        at = m.span.end;
        // Skip a head noun after the actor (英国领导人, 俄罗斯军队) before a joiner.
        let rest = &text[at..limit];
        let head: usize = rest
            .chars()
            .take_while(|c| !"、及和与同，。；".contains(*c))
            .take(4)
            .map(char::len_utf8)
            .sum();
        let after_head = &rest[head..];
        match JOINERS.iter().find(|j| after_head.starts_with(*j)) {
            Some(j) => at += head + j.len(),
            None => break,
        }
    }
    out
}

/// The modality of a relation, and the quote it is reported in. Markers count as whole jieba
/// words (未 in 未来 is not a negation); conditions in this or the previous clause.
fn modality(
    ctx: &Context<'_>,
    sentence_start: usize,
    from: usize,
    cue: Span,
    quotes: &[Quote],
    speech: Option<usize>,
) -> (Modality, Option<usize>) {
    let text = ctx.text;
    let words = |from: usize, to: usize| {
        let first = ctx.tokens.partition_point(|k| k.span.end <= from);
        ctx.tokens[first..]
            .iter()
            .take_while(move |k| k.span.end <= to)
            .map(move |k| &text[k.span])
    };
    let has = |from: usize, list: &[&str]| words(from, cue.start).any(|w| list.contains(&w));
    let from = from.min(cue.start);
    // A condition (如果A，B) reaches over its own clause and the next one, not the whole
    // sentence: 如果…，普京就不应该入侵…，他还强调，美国曾与德国谈判 is not conditional at 谈判.
    let scope = text[sentence_start..cue.start]
        .char_indices()
        .rev()
        .take(2 * MAX_CLAUSE_CHARS)
        .filter(|(_, c)| matches!(c, '，' | '；'))
        .nth(1)
        .map_or(
            clause_start(
                text,
                sentence_start,
                clause_start(text, sentence_start, cue.start),
            ),
            |(i, c)| sentence_start + i + c.len_utf8(),
        );
    let condition = has(scope, CONDITION) || text[scope..cue.start].contains("的情况下");
    // The quote whose content holds the cue; for a speech act, the quote it is nested in.
    let quote = match speech {
        Some(i) => quotes[i].parent,
        None => quotes.iter().position(|q| q.content.span.contains(cue)),
    };
    let m = if has(from, NEGATION) {
        Modality::Negated
    } else if condition {
        Modality::Hypothetical
    } else if has(from, PLAN) {
        Modality::Planned
    } else if quote.is_some() {
        Modality::Reported
    } else {
        Modality::Asserted
    };
    (m, quote)
}

/// After the last ，；： before `at`, at most [`MAX_CLAUSE_CHARS`] back (a text without
/// punctuation is read in bounded clauses, so the rules stay linear in it).
fn clause_start(text: &str, sentence_start: usize, at: usize) -> usize {
    text[sentence_start..at]
        .char_indices()
        .rev()
        .enumerate()
        .find(|&(n, (_, c))| n == MAX_CLAUSE_CHARS || matches!(c, '，' | '；' | '：'))
        .map_or(sentence_start, |(_, (i, c))| {
            sentence_start + i + c.len_utf8()
        })
}

/// The longest clause read before a cue, in characters.
const MAX_CLAUSE_CHARS: usize = 120;

fn sentence_end(text: &str, s: Span) -> usize {
    let t = text[s.range()].trim_end_matches(['。', '！', '？', '；', '…']);
    s.start + t.len()
}
