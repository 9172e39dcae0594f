//! Claims and quoted statements with speaker attribution.
//!
//! A rule-based sieve in the spirit of CoreNLP's quote attribution and GenderGapTracker's
//! quote types, for Chinese news typography:
//!
//! 1. **Cues.** A typed cue lexicon (`dictionaries/speech_cues.tsv`) is matched once over the
//!    text; a cue counts only on jieba word boundaries and outside quotation marks, and not as
//!    a noun (表示感谢, 这项声明的, 需要指出的是).
//! 2. **Speaker.** In the clause before the cue (back to the last ，；：), the rightmost
//!    speaker head whose gap to the cue is only adverbs, time words, `方面`, parentheses, or an
//!    occasion (在一份声明中, 在接受…采访时, 在致…的信中). Heads are entity mentions (not after
//!    a preposition such as 在/对/致), pronouns (他, 她), anaphoric descriptions (这位乌克兰官员,
//!    这项声明) and anonymous descriptors (消息人士, 美国官员, 有报道). A gap with a modal or
//!    negation (将, 可能, 不) means the cue is not a statement being reported.
//! 3. **Frames.** 据X报道 (speaker X); X援引Y的话报道称 (speaker Y, `via` X); 在X看来; and
//!    SPEAKER CUE (ADDRESSEE，) CONTENT.
//! 4. **Content** runs from after the cue (and ，/：) to the sentence end, and stops where a
//!    later cue clause of the *same* speaker starts (他表示，A，他还强调，B → two quotes) or at
//!    an author's aside (需要指出的是). A later cue clause of a *different* explicit speaker is
//!    nested speech: it stays in the outer content and is returned as an extra quote with
//!    `parent`. Content that is one quotation is `direct`; content containing quotation marks
//!    is `mixed`; else `indirect`.
//! 5. **Direct speech after its quotation** (“…”，X说。) is attributed from the clause after it.
//! 6. **Anaphora** in speaker position: 他/她 and 这位… resolve to the speaker of the enclosing
//!    statement when it is a person, else to the latest person speaker in this or the previous
//!    paragraph; 声明 to the enclosing or latest statement's speaker; a zero subject after 并
//!    to the previous speaker of the same sentence. No guess crosses two paragraphs.

use crate::entity::{EntityId, EntityKind};
use crate::lexicon::{CueType, Frame};
use crate::mention::Candidate;
use crate::segment::{Boundaries, Pos};
use crate::sentence::{Sentence, quotation_ranges};
use crate::span::Span;
use serde::{Deserialize, Serialize};

mod continuation;
mod gap;
mod headline;

mod words;

use gap::gap_ok;
use words::WORDS;

/// The compiled speech-cue matcher.
pub(crate) type CueMatcher = crate::lexicon::matcher::LexiconMatcher<crate::lexicon::SpeechCue>;

/// A claim or statement attributed to a source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Speaker entity id; `null` for an anonymous source (消息人士).
    pub speaker: Option<EntityId>,
    /// The words that name the speaker in the text (拜登, 这位美国国家安全顾问, 美国消息人士).
    pub speaker_text: Option<String>,
    /// The cue (表示, 报道称, 援引).
    pub cue: String,
    /// Where the cue stands in the text.
    pub cue_span: Span,
    /// The cue's type: say, believe, deny, accuse, warn, appeal, promise, report.
    pub cue_type: CueType,
    /// direct, indirect or mixed.
    pub kind: QuoteKind,
    /// What was said.
    pub content: TextSpan,
    /// The outlet that relays the speaker (路透社 in 路透社援引美国官员的话).
    pub via: Option<EntityId>,
    /// The members of a plural speaker (两国领导人表示 → both leaders), when `speaker` is null
    /// and the speaker is a [`Group`](crate::mention::Group) of the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<EntityId>,
    /// Index (in `quotes`) of the statement this one is nested in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// Which rule of the sieve found it (like a mention's `rule`), for filtering and review.
    #[serde(default)]
    pub rule: QuoteRule,
}

/// The rule of the quote sieve that produced a quote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteRule {
    /// SPEAKER (gap) CUE CONTENT: 拜登表示，…
    #[default]
    Cue,
    /// 据X报道，…
    AccordingTo,
    /// 在X看来，…
    Opinion,
    /// X援引Y的话称，… (speaker Y, `via` X).
    Relay,
    /// A colon frame without a verb of saying: 拜登：不鼓励台独.
    Headline,
    /// A quotation followed by its attribution: “…”，拜登说.
    AfterQuotation,
    /// A cue clause without a subject, continuing the previous speaker: ，并称…; 又指，…
    Continuation,
    /// A cue clause without a subject, spoken by the sentence's opening actor: X发表声明，谴责…
    Topic,
}

impl QuoteRule {
    /// The name used in JSON and CSV (`cue`, `according_to`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteRule::Cue => "cue",
            QuoteRule::AccordingTo => "according_to",
            QuoteRule::Opinion => "opinion",
            QuoteRule::Relay => "relay",
            QuoteRule::Headline => "headline",
            QuoteRule::AfterQuotation => "after_quotation",
            QuoteRule::Continuation => "continuation",
            QuoteRule::Topic => "topic",
        }
    }
}

/// direct (inside quotation marks), indirect, or mixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Entirely inside quotation marks.
    Direct,
    /// Reported speech.
    Indirect,
    /// Reported speech containing quoted words.
    Mixed,
}

/// A span with its text, as the contract writes content: `{"start", "end", "text"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// Byte span.
    #[serde(flatten)]
    pub span: Span,
    /// `&document.text[span]`.
    pub text: String,
}

/// Everything the quote stage reads.
pub(crate) struct Context<'a> {
    /// Script-normalised text (same offsets as the original).
    pub text: &'a str,
    /// The original text, for output strings.
    pub original: &'a str,
    pub sentences: &'a [Sentence],
    pub bounds: &'a Boundaries,
    /// jieba tokens of `text`.
    pub tokens: &'a [crate::segment::Token],
    /// Linked mentions, sorted by span.
    pub mentions: &'a [Candidate],
    /// Plural descriptions with their members (两国总统), sorted by span.
    pub groups: &'a [crate::mention::Group],
}

/// Who a clause names as speaker, before anaphora is resolved.
#[derive(Clone, Debug, PartialEq)]
enum Head {
    Entity(EntityId, EntityKind, Span),
    /// 他/她, 这位…官员, 其.
    Person(Span),
    /// 声明, 这项声明.
    Statement(Span),
    /// 消息人士, 美国官员, 有报道.
    Anonymous(Span),
    /// No subject in the clause (…，并指责…).
    Zero,
}

/// A resolved subject: speaker id, its kind, and the words that name it.
type Subject = (Option<EntityId>, Option<EntityKind>, Option<String>);

/// A quote being built.
#[derive(Clone, Debug)]
struct Draft {
    speaker: Option<EntityId>,
    speaker_kind: Option<EntityKind>,
    speaker_text: Option<String>,
    cue: String,
    cue_span: Span,
    cue_type: CueType,
    /// Where the clause that introduces it starts (for splitting an enclosing quote).
    clause_start: usize,
    content_start: usize,
    content_end: usize,
    via: Option<EntityId>,
    parent: Option<usize>,
    bare: bool,
    according_to: bool,
    /// Where the speaker's words start, when the speaker is named in the clause.
    head_start: Option<usize>,
    /// The content ended early (split, or bare cue): do not extend again.
    closed: bool,
    /// The content is a quotation running over several paragraphs (joined by `join_paragraphs`).
    multi_paragraph: bool,
    rule: QuoteRule,
    /// A speaker named by anaphora or not at all, until `resolve_speaker` finds who it is.
    pending: Option<Pending>,
}

/// A speaker the clause refers to without naming it.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    /// 他, 她, 这位官员: a person named before (the words are kept).
    Person(String),
    /// 声明, 这项声明: the statement of a source named before.
    Statement(String),
    /// No subject: the clause continues a speaker or the sentence's topic.
    Zero,
}

impl Draft {
    /// A draft with no speaker yet, its content starting at `content_start`.
    fn new(
        cue: &str,
        cue_span: Span,
        cue_type: CueType,
        clause_start: usize,
        content_start: usize,
    ) -> Draft {
        Draft {
            speaker: None,
            speaker_kind: None,
            speaker_text: None,
            cue: cue.to_string(),
            cue_span,
            cue_type,
            clause_start,
            content_start,
            content_end: content_start,
            via: None,
            parent: None,
            bare: false,
            according_to: false,
            head_start: None,
            closed: false,
            multi_paragraph: false,
            rule: QuoteRule::Cue,
            pending: None,
        }
    }
}

/// Finds the quotes of a document.
pub(crate) fn extract(matcher: &CueMatcher, ctx: &Context<'_>) -> Vec<Quote> {
    let text = ctx.text;
    let hits = matcher.find(text, ctx.bounds);
    // Where the text relays a source (援引, 引述 …): a topic before one is not the speaker.
    let relays: Vec<Span> = hits
        .iter()
        .filter(|h| h.cues.iter().any(|&i| matcher.cue(i).frame == Frame::Relay))
        .map(|h| h.span)
        .collect();
    let mut drafts: Vec<Draft> = Vec::new();
    // Quotation ranges per paragraph, in absolute offsets.
    let mut hit_ix = 0;
    let mut last_para = usize::MAX;
    let mut quotations: Vec<Span> = Vec::new();
    // Drafts of the previous and current paragraph (indices), for anaphora.
    let mut para_first_draft = 0;
    let mut prev_para_first_draft = 0;
    for s in ctx.sentences {
        if s.paragraph != last_para {
            let pstart = text[..s.span.start].rfind('\n').map_or(0, |i| i + 1);
            let pend = text[s.span.start..]
                .find('\n')
                .map_or(text.len(), |i| s.span.start + i);
            quotations = quotation_ranges(&text[pstart..pend])
                .into_iter()
                .map(|q| Span::new(q.start + pstart, q.end + pstart))
                .collect();
            last_para = s.paragraph;
            // Anaphora may reach back to the last paragraph that reported anything (a heading
            // in between does not break the chain), never further.
            if drafts.len() > para_first_draft {
                prev_para_first_draft = para_first_draft;
            }
            para_first_draft = drafts.len();
        }
        let sentence_first = drafts.len();
        let sent_end = trim_end_punct(text, s.span);
        let in_quotation = |i: usize| inside_quotation(&quotations, i);
        while hit_ix < hits.len() && hits[hit_ix].span.start < s.span.start {
            hit_ix += 1;
        }
        let mut consumed_until = 0;
        // The subject of the latest cue clause in this sentence, for zero subjects (…，并指责…).
        let mut last_subject: Option<Subject> = None;
        while hit_ix < hits.len() && hits[hit_ix].span.end <= s.span.end {
            let hit = &hits[hit_ix];
            hit_ix += 1;
            if hit.span.start < consumed_until || in_quotation(hit.span.start) {
                continue;
            }
            let clause_start = clause_start(text, s.span.start, hit.span.start, &quotations);
            let clause = Span::new(clause_start, hit.span.start);
            let clause_text = &text[clause];
            if WORDS
                .asides
                .iter()
                .any(|a| text[clause_start..].starts_with(a))
            {
                // The author's aside (需要指出的是) ends whatever was being reported.
                for d in sentence_first..drafts.len() {
                    if drafts[d].content_start <= clause_start && !drafts[d].closed {
                        close_at(&mut drafts, d, clause_start, text);
                    }
                }
                continue;
            }
            if !is_statement_cue(text, hit.span) {
                continue;
            }
            // A cue that opens another statement's content (补充称，相信…), or that the frame
            // of one took in (发出警告，称…), belongs to it.
            // Only the latest drafts of the sentence can enclose or share this clause: a
            // bounded look-back keeps a run of cues without punctuation linear.
            let recent = drafts
                .len()
                .saturating_sub(MAX_OPEN_DRAFTS)
                .max(sentence_first);
            if clause_text.trim().is_empty()
                && drafts[recent..].iter().any(|d| {
                    d.content_start == clause_start
                        || d.content_start >= hit.span.end
                            && text[hit.span.end..d.content_start]
                                .trim_start_matches(['，', '：', ',', ':', ' '])
                                .is_empty()
                })
            {
                continue;
            }
            // The enclosing open drafts of this sentence, innermost last.
            let open: Vec<usize> = (recent..drafts.len())
                .filter(|&d| drafts[d].content_start <= clause_start && !drafts[d].closed)
                .collect();
            let continues = continuation::opens_continuation(clause_text)
                || clause_text.trim().is_empty()
                    && continuation::opens_continuation(&text[hit.span]);
            let Some(mut draft) = frame_draft(
                matcher,
                ctx,
                hit,
                clause,
                &quotations,
                continues,
                &mut consumed_until,
            ) else {
                continue;
            };
            // The addressee of a directive (要求拜登保证…) is not a new speaker.
            if let Some(start) = draft.head_start
                && hits[..hit_ix - 1].iter().any(|h| h.span.end == start)
            {
                continue;
            }
            // 强调，A，并预计B: a subjectless opinion inside reported speech is part of it; any
            // other subjectless cue is a new statement of the same speaker (批评，A，强调B: one
            // quote per cue).
            if matches!(draft.pending, Some(Pending::Zero))
                && open.iter().any(|&d| !drafts[d].bare)
                && draft.cue_type == CueType::Believe
            {
                continue;
            }
            if draft.content_start >= sent_end {
                continue;
            }
            if !draft.closed {
                draft.content_end = bounded_end(text, draft.content_start, sent_end);
            }
            // Anaphora and zero subjects.
            let zero = matches!(draft.pending, Some(Pending::Zero));
            // 又指，… in a later sentence: the paragraph's last speaker goes on.
            let paragraph_speaker = || {
                drafts[para_first_draft..]
                    .iter()
                    .rev()
                    .take(MAX_LOOK_BACK)
                    .find(|x| x.parent.is_none() && x.speaker.is_some())
                    .map(|x| (x.speaker.clone(), x.speaker_kind, x.speaker_text.clone()))
            };
            // 沙利文指出，美国总统…通了电话，并在通话中强调，…: inside reported speech whose
            // subject is a person, a zero subject is that person (nested speech).
            let content_person = || {
                let &d = open.last()?;
                let start = drafts[d].content_start;
                let first = ctx.mentions.partition_point(|m| m.span.start < start);
                let m = ctx.mentions[first..]
                    .iter()
                    .take_while(|m| m.span.start < start + 24)
                    .find(|m| m.kind == EntityKind::Person)?;
                // The person opens the content, or ends its opening role phrase (美国总统).
                let opening = &ctx.text[start..m.span.start];
                (opening.is_empty()
                    || mentions_in(ctx, Span::new(start, m.span.start)).len() == 1
                        && !opening.contains(['，', '、']))
                .then(|| {
                    (
                        Some(m.entity.clone()),
                        Some(EntityKind::Person),
                        Some(ctx.original[m.span.range()].to_string()),
                    )
                })
            };
            let inherited = if zero {
                // Only a clause with circumstances of its own (并在通话中强调), which tie it to
                // the reported event; a bare 并称 continues the speaker.
                content_person()
                    .filter(|_| {
                        continues
                            && !strip_connectives(clause_text).is_empty()
                            && open.last().is_some_and(|&d| !drafts[d].bare)
                    })
                    .or_else(|| last_subject.clone())
                    .or_else(|| paragraph_speaker().filter(|_| continues))
            } else {
                None
            };
            if let Some(prev) = inherited {
                draft.speaker = prev.0;
                draft.speaker_kind = prev.1;
                draft.speaker_text = prev.2;
                draft.pending = None;
                draft.rule = QuoteRule::Continuation;
            } else {
                resolve_speaker(
                    ctx,
                    &mut draft,
                    &open,
                    &drafts,
                    sentence_first,
                    prev_para_first_draft,
                    s.span.start,
                    &relays,
                );
            }
            last_subject = Some((
                draft.speaker.clone(),
                draft.speaker_kind,
                draft.speaker_text.clone(),
            ));
            if draft.speaker.is_none() && draft.speaker_text.is_none() {
                continue;
            }
            // Same speaker as an enclosing statement: the enclosing one ends here.
            // (Also a statement already cut at a conjunction that still covers this clause:
            // 否认…，暗示…，但… ends before 暗示.)
            let same = (recent..drafts.len())
                .rev()
                .filter(|&d| {
                    drafts[d].content_start <= clause_start && clause_start < drafts[d].content_end
                })
                .find(|&d| same_speaker(&drafts[d], &draft));
            if let Some(d) = same {
                close_at(&mut drafts, d, clause_start, text);
                draft.parent = drafts[d].parent;
            } else if let Some(&d) = open.last() {
                let said_before = text[drafts[d].content_start..clause_start]
                    .trim_end_matches(['，', ',', ' '])
                    .to_string();
                if drafts[d].according_to
                    && (draft.speaker.is_some() || draft.speaker_text.is_some())
                    && !draft.according_to
                {
                    draft.via = drafts[d].speaker.clone();
                    draft.parent = drafts[d].parent;
                    if said_before.is_empty() {
                        // 据X报道，Y表示，…: Y is the speaker, X relays.
                        drafts[d].content_end = drafts[d].content_start; // dropped below
                    } else {
                        // 据X报道，A，Y认为，B: X reported A; Y's B comes through X.
                        close_at(&mut drafts, d, clause_start, text);
                    }
                } else if said_before.ends_with(CLOSERS)
                    || said_before.ends_with(['）', ')'])
                        && said_before
                            .rfind(['（', '('])
                            .is_some_and(|p| said_before[..p].ends_with(CLOSERS))
                {
                    // 表示，是「无心之过」（An honest mistake），台湾外交部也回应，…: words that end
                    // with a closed quotation are complete; a new speaker's clause is a new
                    // statement, not nested in them.
                    close_at(&mut drafts, d, clause_start, text);
                    draft.parent = drafts[d].parent;
                } else {
                    // Nested speech: kept as an extra quote only when it is a clear statement.
                    if draft.speaker.is_none() || draft.cue_type == CueType::Believe {
                        continue;
                    }
                    draft.parent = Some(d);
                }
            }
            if draft.bare {
                cut_bare(text, &mut draft);
            }
            drafts.push(draft);
        }
        // 拜登：不鼓励台独 — a colon frame with no verb of saying, where no cue claimed it.
        if let Some(d) = headline::colon_frame(ctx, s.span)
            && !drafts[sentence_first..]
                .iter()
                .any(|x| x.content_start <= d.content_start)
            && !in_quotation(d.cue_span.start)
        {
            drafts.push(d);
        }
        direct_after_quotation(ctx, s, &quotations, &mut drafts, sentence_first, &relays);
    }
    join_paragraphs(text, &mut drafts);
    finish(ctx, drafts)
}

/// Builds a draft for one cue hit according to its frames. Returns `None` when no frame fits.
fn frame_draft(
    matcher: &CueMatcher,
    ctx: &Context<'_>,
    hit: &crate::lexicon::matcher::CueHit,
    clause: Span,
    quotations: &[Span],
    continues: bool,
    consumed_until: &mut usize,
) -> Option<Draft> {
    let text = ctx.text;
    let clause_text = strip_connectives(&text[clause]);
    let clause = Span::new(clause.end - clause_text.len(), clause.end);
    let after_cue = hit.span.end;
    let base = |cue: &crate::lexicon::SpeechCue, content_start: usize| {
        Draft::new(
            &text[hit.span],
            hit.span,
            cue.kind,
            clause.start,
            content_start,
        )
    };
    // 据 X 报道，…
    if let Some(cue) = hit
        .cues
        .iter()
        .map(|&i| matcher.cue(i))
        .find(|c| c.frame == Frame::AccordingTo)
        && let Some(source) = clause_text
            .strip_prefix("根据")
            .or_else(|| clause_text.strip_prefix('据'))
    {
        if source.is_empty() {
            return None; // 据悉, 据报道: no source named
        }
        let src = Span::new(clause.end - source.len(), clause.end);
        let start = skip_punct(text, after_cue)?;
        let mut d = base(cue, start);
        d.according_to = true;
        d.rule = QuoteRule::AccordingTo;
        apply_head(ctx, &mut d, head_in(ctx, src));
        return Some(d);
    }
    // 在 X 看来，…
    if let Some(cue) = hit
        .cues
        .iter()
        .map(|&i| matcher.cue(i))
        .find(|c| c.frame == Frame::Opinion)
    {
        let who = clause_text.strip_prefix('在')?;
        if who.is_empty() {
            return None;
        }
        let start = skip_punct(text, after_cue)?;
        let mut d = base(cue, start);
        d.rule = QuoteRule::Opinion;
        apply_head(
            ctx,
            &mut d,
            head_in(ctx, Span::new(clause.end - who.len(), clause.end)),
        );
        return Some(d);
    }
    // X 援引 Y 的话(报道)称，…
    if let Some(cue) = hit
        .cues
        .iter()
        .map(|&i| matcher.cue(i))
        .find(|c| c.frame == Frame::Relay)
    {
        let reporter = speaker_head(ctx, clause, hit.span.start)?;
        let rest = &text[after_cue..];
        let stop = rest.find(['，', '：', '。']).unwrap_or(rest.len());
        let inner = &rest[..stop];
        // The relayed speaker ends at 的话/的消息/消息/表示/称/说/报道, or at its document
        // (引述世界粮食计划署的报告指).
        let ends = WORDS
            .relay_ends
            .iter()
            .filter_map(|m| inner.find(m).map(|p| (p, p + m.len())));
        let (speaker_end, marker_end) = ends.chain(document_end(inner)).min_by_key(|&(p, _)| p)?;
        let mut content_from = after_cue + marker_end;
        // Swallow a trailing cue after 的话 (的话报道称, 的报告指).
        for m in WORDS.relay_trailers.iter().chain(WORDS.content_openers) {
            if text[content_from..].starts_with(m) {
                content_from += m.len();
                break;
            }
        }
        *consumed_until = content_from;
        let start = skip_punct(text, content_from).unwrap_or(content_from);
        let mut d = base(cue, start);
        d.rule = QuoteRule::Relay;
        let spk = Span::new(after_cue, after_cue + speaker_end);
        apply_head(ctx, &mut d, head_in(ctx, spk));
        d.via = match reporter {
            Head::Entity(id, _, _) => Some(id),
            _ => None,
        };
        return Some(d);
    }
    let cue = hit
        .cues
        .iter()
        .map(|&i| matcher.cue(i))
        .find(|c| matches!(c.frame, Frame::SpeakerCue | Frame::SpeakerCueAddressee))?;
    let mut head = speaker_head(ctx, clause, hit.span.start);
    // X在…报告中，也警告…: the clause holds only adverbs, and the speaker with its occasion
    // stands in the clause before the comma.
    if head.is_none() && !clause_text.is_empty() && gap_ok(ctx, clause) && clause.start > 0 {
        let comma = text[..clause.start]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        let line_start = text[..comma]
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '\n' | '。' | '！' | '？' | '；' | '，'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let prev = Span::new(line_start.min(comma), comma);
        if WORDS
            .occasion_ends
            .iter()
            .any(|e| text[prev].trim_end().ends_with(e))
        {
            head = speaker_head(ctx, prev, comma);
        }
    }
    let head = match head {
        Some(h) => h,
        // 有报道称 / 报道称: an unnamed report.
        None if (clause_text.is_empty() || clause_text == "有")
            && (text[hit.span].starts_with("报道") || text[hit.span].starts_with("报导")) =>
        {
            Head::Anonymous(Span::new(clause.start, hit.span.start + "报道".len()))
        }
        // Nothing but adverbs and times (更, 续, 今日亦): no subject of its own.
        None if clause_text.is_empty() || gap_ok(ctx, clause) => Head::Zero,
        None => {
            // A short subject with no entity (乌克兰与西方): an anonymous, descriptive source.
            if is_collective_subject(ctx, clause) {
                Head::Anonymous(clause)
            } else {
                Head::Anonymous(nominal_subject(ctx, clause)?)
            }
        }
    };
    // 警告普京，… / 告诉拜登，…: the addressee is not part of what was said.
    let mut after = after_cue;
    if cue.frame == Frame::SpeakerCueAddressee
        && let Some(m) = mentions_at(ctx, after_cue).first()
        && text[m.span.end..].starts_with('，')
    {
        after = m.span.end;
    }
    // Content: after ，/： or, for bare cues, right after the cue.
    // A quotation right after the cue (称「…」, 回：「…」) is what was said, and ends with it.
    // Not a scare quote that opens a longer clause (“北溪2号”管道的工程…): punctuation or
    // the sentence's end follows the closing mark.
    let quoted = |start: usize| {
        quotations
            .iter()
            .find(|q| q.start == start)
            .copied()
            .filter(|q| {
                text[q.end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
    };
    let (mut start, bare) = match skip_punct(text, after) {
        Some(s) => (s, false),
        None if quoted(after).is_some() => (after, false),
        None if cue.bare => (after_cue, true),
        // ，并称美方将…: a continued statement needs no comma after its cue.
        None if continues && matches!(head, Head::Zero) && cue.kind != CueType::Believe => {
            (after_cue, true)
        }
        // 她说不少人都很愤怒, 官媒发文质疑当地边防不力: a named speaker's cue may run straight
        // into its content (news style), unless a verb suffix makes it another word.
        None if runs_into_content(ctx, hit.span, matches!(head, Head::Zero)) => (after_cue, true),
        None => return None,
    };
    if let Some(q) = quoted(start) {
        let mut d = base(cue, start);
        d.content_end = q.end;
        d.closed = true;
        apply_head(ctx, &mut d, head);
        return Some(d);
    }
    // 发出警告，称…: a verb of saying that opens the content belongs to the frame.
    // Only after another kind of act: in 他表示，指出问题是第一步 the verb is what was said.
    if !bare
        && cue.kind != crate::lexicon::CueType::Say
        && let Some(w) = WORDS.content_openers.iter().find(|w| {
            text[start..].starts_with(**w)
                && ctx.bounds.is_start(start)
                && ctx.bounds.is_end(start + w.len())
        })
    {
        start += w.len();
        start = skip_punct(text, start).unwrap_or(start);
    }
    let mut d = base(cue, start);
    d.bare = bare;
    apply_head(ctx, &mut d, head);
    Some(d)
}

/// Whether the words right after a cue start its content: a clause with a verb of its own
/// (她说不少人都很愤怒), not a noun object (提到此一问题, 质疑香港情况) and not an aspect or
/// result suffix (说了, 称为, 说得) that makes the cue part of another phrase.
fn runs_into_content(ctx: &Context<'_>, cue: Span, zero_subject: bool) -> bool {
    let text = ctx.text;
    let after_cue = cue.end;
    let starts = text[after_cue..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() && !WORDS.glue_breakers.contains(&c));
    let clause_end = text[after_cue..]
        .char_indices()
        .take(MAX_GLUED_CLAUSE_CHARS)
        .find(|&(_, c)| matches!(c, '，' | '。' | '；' | '！' | '？' | '：' | '\n' | ','))
        .map_or(
            text.len().min(after_cue + 4 * MAX_GLUED_CLAUSE_CHARS),
            |(i, _)| after_cue + i,
        );
    // 她说现实上第一阶段贸易协议，并未…: after a plain verb of saying anything is what was
    // said; other cues take noun objects (提到此一问题) and need a predicate.
    // Without a subject of its own (，指满意共同声明) only a plain verb of saying before a
    // predicate.
    let plain = WORDS.plain_say.contains(&&text[cue]);
    let predicate = gap::has_predicate(ctx, after_cue, clause_end);
    starts && predicate || !zero_subject && starts && plain
}

/// How far a cue's glued content is read for its verb, in characters.
const MAX_GLUED_CLAUSE_CHARS: usize = 60;

/// A cue used as a noun or an attitude verb is not a statement (表示感谢, 这项声明的, 声明中).
fn is_statement_cue(text: &str, cue: Span) -> bool {
    let after = &text[cue.end..];
    let before = &text[..cue.start];
    if after.starts_with('的') || after.starts_with('中') && !after.starts_with("中国") {
        return false;
    }
    if WORDS.noun_determiners.iter().any(|p| before.ends_with(p)) {
        return false;
    }
    if text[cue].starts_with("表示") && WORDS.attitude_nouns.iter().any(|n| after.starts_with(n))
    {
        return false;
    }
    true
}

/// Actors named together without one entity head (乌克兰与西方, 美国和欧盟, 国际社会): the
/// clause is only mentions, collective nouns and conjunctions.
fn is_collective_subject(ctx: &Context<'_>, clause: Span) -> bool {
    let text = ctx.text;
    let mut i = clause.start;
    let mut parts = 0;
    while i < clause.end {
        let rest = &text[i..clause.end];
        if let Some(m) = ctx
            .mentions
            .iter()
            .find(|m| m.span.start == i && m.span.end <= clause.end)
        {
            i = m.span.end;
            parts += 1;
        } else if let Some(c) = WORDS.collective.iter().find(|c| rest.starts_with(*c)) {
            i += c.len();
            parts += 1;
        } else if let Some(j) = WORDS
            .collective_joiners
            .iter()
            .find(|j| rest.starts_with(*j))
        {
            i += j.len();
        } else {
            return false;
        }
    }
    parts >= 1
}

/// A short subject made of nouns (国际人权组织Privacy International, 电话卡登记制度的支持者,
/// 英国及爱尔兰四大律师公会): a descriptive source, without the adverbs or times that may
/// follow it before the cue (法庭同时|指出). Any verb, pronoun, preposition or quotation mark
/// rules it out; 的 and 及/和/与 may join its nouns, and a noun ends it, not a place word
/// (言语中) or a particle (部分范畴的).
fn nominal_subject(ctx: &Context<'_>, clause: Span) -> Option<Span> {
    let t = &ctx.text[clause];
    if !(2..=16).contains(&t.chars().count()) || t.contains(['“', '”', '「', '」', '《']) {
        return None;
    }
    let first = ctx.tokens.partition_point(|k| k.span.end <= clause.start);
    let mut best = None;
    let tokens = &ctx.tokens[first..];
    let inside = |k: &&crate::segment::Token| k.span.start < clause.end && k.span.end <= clause.end;
    for (i, k) in tokens.iter().take_while(inside).enumerate() {
        let word = &ctx.text[k.span];
        // A quantifier opens it (多个美国律师, 四个公会, 一名与会者).
        if i == 0 && k.pos == Pos::Number && k.span.end < clause.end {
            continue;
        }
        let joiner = k.pos == Pos::Function && WORDS.nominal_joiners.contains(&word);
        let noun = !matches!(
            k.pos,
            Pos::Verb | Pos::Pronoun | Pos::Modifier | Pos::Number | Pos::Time | Pos::Function
        );
        // A verb modifying the noun after it (电话卡|登记|制度): part of the phrase.
        let modifier = k.pos == Pos::Verb
            && tokens
                .get(i + 1)
                .is_some_and(|n| inside(&n) && n.pos == Pos::Noun);
        if !(noun || joiner || modifier) {
            break;
        }
        if noun
            && !word.ends_with(['中', '上', '里', '内', '外', '下'])
            && (k.span.end == clause.end || gap_ok(ctx, Span::new(k.span.end, clause.end)))
        {
            best = Some(Span::new(clause.start, k.span.end));
        }
    }
    best.filter(|p| !has_modal_word(ctx, p.start, clause.end))
}

/// Whether `span` holds only what may stand before the head of a subject: nouns, names and
/// their joiners (伊朗总统 before 鲁哈尼), nothing that acts.
fn nominal_prefix(ctx: &Context<'_>, span: Span) -> bool {
    let first = ctx.tokens.partition_point(|k| k.span.end <= span.start);
    ctx.tokens[first..]
        .iter()
        .take_while(|k| k.span.start < span.end)
        .all(|k| {
            !matches!(k.pos, Pos::Verb | Pos::Pronoun | Pos::Modifier | Pos::Time)
                && (k.pos != Pos::Function || WORDS.nominal_joiners.contains(&&ctx.text[k.span]))
                && !ctx.text[k.span].contains(['，', '：', '“', '「'])
        })
}

/// A phrase holding a time word or a preposition (拜登美东时间3日晚在社交媒体) is a speaker
/// with its circumstances, not one descriptor.
fn is_adverbial(ctx: &Context<'_>, span: Span) -> bool {
    let first = ctx.tokens.partition_point(|k| k.span.end <= span.start);
    ctx.tokens[first..]
        .iter()
        .take_while(|k| k.span.start < span.end)
        .any(|k| {
            k.pos == Pos::Time
                || k.pos == Pos::Function
                    && ctx.text[k.span].chars().next().is_some_and(|c| {
                        WORDS.prepositions.contains(&c) && k.span.len() == c.len_utf8()
                    })
        })
}

/// The mentions that start at `at` (a binary search into the sorted mentions).
fn mentions_at<'a>(ctx: &Context<'a>, at: usize) -> &'a [Candidate] {
    let first = ctx.mentions.partition_point(|m| m.span.start < at);
    let last = first + ctx.mentions[first..].partition_point(|m| m.span.start == at);
    &ctx.mentions[first..last]
}

/// The mentions inside `span` (mentions are sorted by position: a binary search, not a scan).
fn mentions_in<'a>(ctx: &Context<'a>, span: Span) -> &'a [Candidate] {
    let first = ctx.mentions.partition_point(|m| m.span.start < span.start);
    let last = first + ctx.mentions[first..].partition_point(|m| m.span.start < span.end);
    let mut slice = &ctx.mentions[first..last];
    while let Some((m, rest)) = slice.split_last() {
        if m.span.end <= span.end {
            break;
        }
        slice = rest;
    }
    slice
}

/// A modal or negation as a whole jieba word between `from` and `to` (会 in 记者会 is not).
fn has_modal_word(ctx: &Context<'_>, from: usize, to: usize) -> bool {
    let first = ctx.tokens.partition_point(|k| k.span.end <= from);
    ctx.tokens[first..]
        .iter()
        .take_while(|k| k.span.end <= to)
        .any(|k| {
            let word = &ctx.text[k.span];
            // 会 as the meeting of 在会中, 会上, 会后 (jieba tags it a verb there).
            WORDS.modals.contains(&word)
                && !(word == "会" && ctx.text[k.span.end..].starts_with(WORDS.meeting_suffixes))
        })
}

/// Start of the clause that ends at `at`: after the last ，；： not inside a quotation, at most
/// [`MAX_CLAUSE_CHARS`] back (a text without punctuation is cut into bounded clauses, so the
/// rules stay linear in it).
fn clause_start(text: &str, sentence_start: usize, at: usize, quotations: &[Span]) -> usize {
    for (n, (p, c)) in text[sentence_start..at].char_indices().rev().enumerate() {
        let abs = sentence_start + p;
        if n == MAX_CLAUSE_CHARS {
            return abs + c.len_utf8();
        }
        if matches!(c, '，' | '；' | '：' | ',' | ';') && !inside_quotation(quotations, abs) {
            return abs + c.len_utf8();
        }
    }
    sentence_start
}

/// Where content from `start` ends: at `end`, or after [`MAX_CONTENT_CHARS`] characters in a
/// run of text without a sentence end (no statement is that long, and every later step on the
/// content stays linear in the text).
fn bounded_end(text: &str, start: usize, end: usize) -> usize {
    text[start..end]
        .char_indices()
        .nth(MAX_CONTENT_CHARS)
        .map_or(end, |(i, _)| start + i)
}

/// The longest content of one sentence's statement, in characters.
const MAX_CONTENT_CHARS: usize = 600;
/// The longest clause the rules read before a cue, in characters.
const MAX_CLAUSE_CHARS: usize = 120;
/// How many earlier statements anaphora and continuation look back over.
const MAX_LOOK_BACK: usize = 64;
/// How many of a sentence's latest statements a new cue is compared with.
const MAX_OPEN_DRAFTS: usize = 32;

/// Whether byte `i` lies inside one of `quotations` (sorted, not overlapping): a binary search.
fn inside_quotation(quotations: &[Span], i: usize) -> bool {
    let k = quotations.partition_point(|q| q.start < i);
    k > 0 && i < quotations[k - 1].end
}

fn strip_connectives(mut s: &str) -> &str {
    loop {
        let before = s;
        for c in WORDS.connectives {
            if let Some(rest) = s.strip_prefix(c) {
                s = rest;
            }
        }
        s = s.trim_start();
        if s == before {
            return s;
        }
    }
}

/// Skips ，or ： (and white space) after a cue; `None` when neither follows.
fn skip_punct(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let trimmed = rest.trim_start();
    let c = trimmed.chars().next()?;
    if matches!(c, '，' | '：' | ',' | ':') {
        let after = at + (rest.len() - trimmed.len()) + c.len_utf8();
        Some(after + (text[after..].len() - text[after..].trim_start().len()))
    } else {
        None
    }
}

/// The sentence span without its final terminators.
fn trim_end_punct(text: &str, s: Span) -> usize {
    let mut end = s.end;
    while let Some(c) = text[s.start..end].chars().next_back() {
        if matches!(c, '。' | '！' | '？' | '；' | '…' | '!' | '?' | ';' | '．') {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// `(start, end)` of the first 的 + document in `s` (世界粮食计划署的报告).
fn document_end(s: &str) -> Option<(usize, usize)> {
    s.match_indices('的').find_map(|(p, de)| {
        let rest = &s[p + de.len()..];
        WORDS
            .documents
            .iter()
            .filter(|d| rest.starts_with(**d))
            .max_by_key(|d| d.len())
            .map(|d| (p, p + de.len() + d.len()))
    })
}

/// The rightmost speaker head in `clause` whose gap to `cue_start` is allowed.
fn speaker_head(ctx: &Context<'_>, clause: Span, cue_start: usize) -> Option<Head> {
    let text = ctx.text;
    let gap_before_cue = |end: usize| {
        end <= cue_start
            && gap_ok(ctx, Span::new(end, cue_start))
            && !has_modal_word(ctx, end, cue_start)
    };
    // Candidates by where they end; the one ending last with an allowed gap to the cue wins
    // (the first considered among equals). Gaps are checked from the last end down, so the
    // costly check runs only until the winner.
    let mut candidates: Vec<(usize, Head)> = Vec::new();
    let mut consider = |end: usize, head: Head| {
        if end <= cue_start {
            candidates.push((end, head));
        }
    };
    for m in mentions_in(ctx, clause)
        .iter()
        .filter(|m| m.kind != EntityKind::Other)
    {
        // A role holder (总统 in 美国总统) is named with its whole role phrase.
        let mut span = m.span;
        if m.rule == crate::MentionRule::Role
            && let Some(p) = ctx.mentions[..ctx
                .mentions
                .partition_point(|p| p.span.start < m.span.start)]
                .last()
                .filter(|p| p.span.end == m.span.start)
        {
            span = Span::new(p.span.start, m.span.end);
        }
        let prev = text[..span.start].chars().next_back();
        if span.start > clause.start && prev.is_some_and(|c| WORDS.prepositions.contains(&c)) {
            continue;
        }
        // 俄方, 美方: the side of a country speaks as the country.
        if text[span.end..].starts_with('方') && !text[span.end..].starts_with("方面") {
            span.end += '方'.len_utf8();
        }
        consider(span.end, Head::Entity(m.entity.clone(), m.kind, span));
    }
    // A plural description (两国总统还强调): a source without one entity; its members are
    // given to the quote afterwards (`attach_groups`).
    for g in ctx.groups.iter().filter(|g| clause.contains(g.span)) {
        consider(g.span.end, Head::Anonymous(g.span));
    }
    let ct = &text[clause];
    // Pronouns and descriptors, found by where they end: one pass over the clause, comparing
    // words only after a character that ends one of them.
    static LAST_CHARS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        WORDS
            .pronouns
            .iter()
            .chain(WORDS.descriptors)
            .filter_map(|w| w.chars().next_back())
            .collect()
    });
    for (i, c) in ct.char_indices() {
        if !LAST_CHARS.contains(&c) {
            continue;
        }
        let rel_end = i + c.len_utf8();
        let end = clause.start + rel_end;
        let before = &ct[..rel_end];
        for p in WORDS.pronouns.iter().filter(|p| before.ends_with(*p)) {
            let span = Span::new(end - p.len(), end);
            if *p == "其" && span.start != clause.start {
                continue;
            }
            if p.len() == "他".len() && text[span.end..].starts_with('们') {
                continue;
            }
            let head = if p.contains('们') {
                Head::Anonymous(span)
            } else {
                Head::Person(span)
            };
            consider(span.end, head);
        }
        for dsc in WORDS.descriptors.iter().filter(|d| before.ends_with(*d)) {
            // The descriptor phrase runs from the clause start (美国消息人士, 这位乌克兰官员).
            let phrase = Span::new(clause.start, end);
            let pt = &text[phrase];
            if pt.chars().count() > 14 || pt.contains(['“', '”']) || is_adverbial(ctx, phrase) {
                continue;
            }
            // 苹果公司向相关人士…: a descriptor after a name and 向/对 is the addressee.
            let addressed = mentions_in(ctx, phrase).iter().any(|m| {
                phrase.contains(m.span)
                    && text[m.span.end..end].starts_with(['向', '对', '跟', '给'])
            });
            if addressed {
                continue;
            }
            let head = if *dsc == "声明" {
                Head::Statement(phrase)
            } else if WORDS.anaphoric.iter().any(|a| pt.starts_with(a)) {
                Head::Person(phrase)
            } else {
                Head::Anonymous(phrase)
            };
            consider(end, head);
        }
    }
    // 这位美国国家安全顾问, 该组织: an anaphoric description up to an allowed gap.
    if WORDS.anaphoric.iter().any(|a| ct.starts_with(a)) {
        for (i, c) in ct.char_indices().rev() {
            let end = clause.start + i + c.len_utf8();
            if ct[..i + c.len_utf8()].chars().count() <= 14 && !ct[..i].contains(['，', '“']) {
                consider(end, Head::Person(Span::new(clause.start, end)));
            }
        }
    }
    candidates.sort_by_key(|(end, _)| std::cmp::Reverse(*end));
    candidates
        .into_iter()
        .find(|(end, _)| gap_before_cue(*end))
        .map(|(_, h)| h)
}

/// The head of a source phrase (据X报道; 援引X的话): an entity mention, else anonymous.
fn head_in(ctx: &Context<'_>, span: Span) -> Head {
    let text = ctx.text;
    let trimmed = text[span].trim_end_matches(['的', ' ']);
    let span = Span::new(span.start, span.start + trimmed.len());
    if span.is_empty() {
        return Head::Zero;
    }
    speaker_head(ctx, span, span.end)
        .or_else(|| {
            // 国际特赦组织年中公开的(调查结果): the organisation or person that owns the source.
            let text_start = span.start + (text[span].len() - text[span].trim_start().len());
            mentions_at(ctx, text_start)
                .iter()
                .find(|m| {
                    span.contains(m.span)
                        && matches!(m.kind, EntityKind::Organization | EntityKind::Person)
                })
                .map(|m| Head::Entity(m.entity.clone(), m.kind, m.span))
        })
        .unwrap_or(Head::Anonymous(span))
}

fn apply_head(ctx: &Context<'_>, d: &mut Draft, head: Head) {
    d.head_start = match &head {
        Head::Entity(_, _, s) | Head::Person(s) | Head::Statement(s) | Head::Anonymous(s) => {
            Some(s.start)
        }
        Head::Zero => None,
    };
    match head {
        Head::Entity(id, kind, span) => {
            // A role phrase followed by a name (美国国家安全顾问杰克·沙利文): keep the name's text.
            d.speaker = Some(id);
            d.speaker_kind = Some(kind);
            d.speaker_text = Some(ctx.original[span.range()].to_string());
        }
        Head::Anonymous(span) => {
            // 美国消息人士 and 这些官员 are sources without an entity.
            let t = &ctx.original[span.range()];
            d.speaker_text = Some(t.to_string());
        }
        Head::Person(span) => {
            d.pending = Some(Pending::Person(ctx.original[span.range()].to_string()));
        }
        Head::Statement(span) => {
            d.pending = Some(Pending::Statement(ctx.original[span.range()].to_string()));
            d.speaker_kind = Some(EntityKind::Other);
        }
        Head::Zero => d.pending = Some(Pending::Zero),
    }
}

/// Resolves pronouns, anaphoric descriptions, statements and zero subjects (the draft's
/// `pending` speaker, set by `apply_head`).
/// `relays` are the spans of relay cues in the text (援引, 引述 …).
#[allow(clippy::too_many_arguments)]
fn resolve_speaker(
    ctx: &Context<'_>,
    d: &mut Draft,
    open: &[usize],
    drafts: &[Draft],
    sentence_first: usize,
    window_first: usize,
    sentence_start: usize,
    relays: &[Span],
) {
    let Some(pending) = d.pending.take() else {
        return;
    };
    let statement = matches!(pending, Pending::Statement(_));
    let zero = matches!(pending, Pending::Zero);
    let surface = match pending {
        Pending::Person(s) | Pending::Statement(s) => s,
        Pending::Zero => String::new(),
    };
    let pick = |want_person: bool| -> Option<&Draft> {
        // Enclosing statements first, innermost first; then earlier drafts, latest first.
        let enclosing = open.iter().rev().map(|&i| &drafts[i]);
        let earlier = drafts[window_first..].iter().rev().take(MAX_LOOK_BACK);
        enclosing.chain(earlier).find(|x| {
            x.speaker.is_some() && (!want_person || x.speaker_kind == Some(EntityKind::Person))
        })
    };
    let enclosing_person = open
        .iter()
        .rev()
        .map(|&i| &drafts[i])
        .find(|x| x.speaker.is_some() && x.speaker_kind == Some(EntityKind::Person));
    // A person named earlier in the same sentence (普京告诉拜登，…，他还要求…): the first one
    // that opens a clause is the subject.
    let in_sentence = || -> Option<Draft> {
        let m = mentions_in(
            ctx,
            Span::new(sentence_start, d.clause_start.max(sentence_start)),
        )
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .min_by_key(|m| {
            let opens = clause_start(ctx.text, sentence_start, m.span.start, &[]) == m.span.start;
            (!opens, m.span.start)
        })?;
        Some(Draft {
            speaker: Some(m.entity.clone()),
            speaker_kind: Some(EntityKind::Person),
            ..d.clone()
        })
    };
    // The sentence's topic (国际特赦组织发表声明，谴责…，批评…): a person or organization that
    // opens the sentence as a whole subject (not 云南省委 in 云南省委书记…) and then makes a
    // statement act or names a document (发表声明, 召开记者会, 致函, 在提交的报告中) is the
    // subject of its later zero-subject clauses.
    let topic = || -> Option<Draft> {
        let opening = sentence_start
            + (ctx.text[sentence_start..].len() - ctx.text[sentence_start..].trim_start().len());
        // The head of the opening noun phrase: the first actor that no noun follows (云南省委|
        // 书记 is not one; in 伊朗总统鲁哈尼 it is 鲁哈尼), with no verb before it.
        let first_clause = Span::new(opening, d.clause_start.max(opening));
        let m = mentions_in(ctx, first_clause).iter().take(4).find(|m| {
            let next = ctx.bounds.token_at(m.span.end).map(|k| ctx.tokens[k]);
            matches!(
                m.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Place
            ) && !next.is_some_and(|t| {
                // A noun, a joiner or a one-character adjective after it makes it a modifier of
                // a longer subject (云南省委|书记, 代表英国及爱尔兰大律师的团体).
                t.span.start != m.span.end
                    || matches!(
                        t.pos,
                        Pos::Noun
                            | Pos::PersonName
                            | Pos::PlaceName
                            | Pos::OrgName
                            | Pos::OtherProper
                    )
                    || WORDS.nominal_joiners.contains(&&ctx.text[t.span])
                    || t.pos == Pos::Modifier
                        && t.span.len() == 3
                        && !ctx.text[t.span]
                            .chars()
                            .next()
                            .is_some_and(|c| WORDS.predicate_openers.contains(&c))
            })
        })?;
        if !nominal_prefix(ctx, Span::new(opening, m.span.start)) {
            return None;
        }
        // 美国与欧盟都声援…: the head of coordinated actors is the first of them.
        let head = m;
        let mut m = m;
        let before_head = mentions_in(ctx, Span::new(opening, head.span.start));
        for p in before_head.iter().rev() {
            let joiner = &ctx.text[p.span.end..m.span.start];
            if !WORDS.nominal_joiners.contains(&joiner) || joiner == "的" {
                break;
            }
            m = p;
        }
        let between = &ctx.text[head.span.end..d.clause_start];
        let relayed = relays
            .iter()
            .any(|r| r.start >= head.span.end && r.end <= d.clause_start);
        let statement = WORDS
            .statement_acts
            .iter()
            .chain(WORDS.documents)
            .any(|a| between.contains(a));
        // An actor that acts in the first clause (美国与欧盟都声援台湾，表示…; 拜登在会议后见
        // 记者，指…) goes on as the subject of the clauses after it.
        let acts = !between.trim_end_matches(['，', ',', ' ']).is_empty();
        if !(statement || acts && m.kind != EntityKind::Other) || relayed {
            // No act of its own, or it relays someone else's words (《卫报》引述…的报告指).
            return None;
        }
        Some(Draft {
            speaker: Some(m.entity.clone()),
            speaker_kind: Some(m.kind),
            speaker_text: Some(ctx.original[m.span.range()].to_string()),
            rule: QuoteRule::Topic,
            ..d.clone()
        })
    };
    let found: Option<Draft> = if zero {
        drafts[sentence_first..]
            .last()
            .filter(|x| x.speaker.is_some() || x.speaker_text.is_some())
            .cloned()
            .or_else(topic)
    } else if statement {
        pick(false).cloned()
    } else {
        enclosing_person.cloned().or_else(in_sentence).or_else(|| {
            // The nearest person speaker or subject, whichever comes later (never a person
            // named inside what someone said).
            let speaker = pick(true);
            let subject = latest_subject(ctx, d.clause_start, drafts);
            match (speaker, subject) {
                (Some(x), Some(m)) if m.span.start > x.cue_span.start => Some(from_mention(d, m)),
                (Some(x), _) => Some(x.clone()),
                (None, Some(m)) => Some(from_mention(d, m)),
                (None, None) => None,
            }
        })
    };
    match found {
        Some(x) => {
            if zero {
                d.rule = if x.rule == QuoteRule::Topic {
                    QuoteRule::Topic
                } else {
                    QuoteRule::Continuation
                };
            }
            d.speaker = x.speaker.clone();
            d.speaker_kind = x.speaker_kind;
            d.speaker_text = if zero {
                x.speaker_text.clone()
            } else {
                Some(surface)
            };
        }
        None => {
            d.speaker = None;
            d.speaker_text = if zero { None } else { Some(surface) };
            if zero {
                d.speaker_text = None;
            }
        }
    }
}

/// Closing quotation marks.
const CLOSERS: &[char] = &['”', '」', '』', '’', '"'];

/// How far back a pronoun looks for a person subject, in paragraphs and in mentions.
const SUBJECT_PARAGRAPHS: usize = 2;
const SUBJECT_MENTIONS: usize = 64;

/// The latest person mention before `before` that is a subject: not inside any statement's
/// content, not after a preposition (对拜登), within [`SUBJECT_PARAGRAPHS`] paragraph breaks.
fn latest_subject<'a>(ctx: &Context<'a>, before: usize, drafts: &[Draft]) -> Option<&'a Candidate> {
    let text = ctx.text;
    let last = ctx.mentions.partition_point(|m| m.span.start < before);
    let mut breaks = 0;
    let mut cursor = before;
    for m in ctx.mentions[..last].iter().rev().take(SUBJECT_MENTIONS) {
        breaks += text[m.span.end.min(cursor)..cursor].matches('\n').count();
        cursor = m.span.start.min(cursor);
        if breaks > SUBJECT_PARAGRAPHS {
            return None;
        }
        if m.kind != EntityKind::Person || m.span.end > before {
            continue;
        }
        let quoted = drafts
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .any(|x| x.content_start <= m.span.start && m.span.start < x.content_end);
        let governed = text[..m.span.start]
            .chars()
            .next_back()
            .is_some_and(|c| WORDS.prepositions.contains(&c));
        if !quoted && !governed {
            return Some(m);
        }
    }
    None
}

/// `d` with the speaker a mention names.
fn from_mention(d: &Draft, m: &Candidate) -> Draft {
    Draft {
        speaker: Some(m.entity.clone()),
        speaker_kind: Some(EntityKind::Person),
        ..d.clone()
    }
}

fn same_speaker(a: &Draft, b: &Draft) -> bool {
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.speaker_text.is_some() && a.speaker_text == b.speaker_text,
        _ => false,
    }
}

/// Ends draft `d` (and its nested drafts) before the clause starting at `clause_start`.
fn close_at(drafts: &mut [Draft], d: usize, clause_start: usize, text: &str) {
    let mut end = clause_start;
    while let Some(c) = text[..end].chars().next_back() {
        if matches!(c, '，' | '；' | ',' | ' ') {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    for (x, draft) in drafts.iter_mut().enumerate().skip(d) {
        if x == d || draft.parent.is_some_and(|p| p >= d) {
            if draft.content_end > end {
                draft.content_end = end.max(draft.content_start);
            }
            draft.closed = true;
        }
    }
}

/// A bare cue's content (认为…, 否认…) ends before a coordinated clause (，并…, ，但…).
fn cut_bare(text: &str, d: &mut Draft) {
    let content = &text[d.content_start..d.content_end];
    for &pat in WORDS.coordinators {
        // ，并未/，并不 negate what comes before: the same clause goes on.
        if let Some(p) = content.match_indices(pat).map(|(p, _)| p).find(|&p| {
            pat != "，并" || !content[p + pat.len()..].starts_with(['未', '不', '没', '非', '无'])
        }) {
            d.content_end = d.content_start + p;
            d.closed = true;
            return;
        }
    }
}

/// “…”，X说。 / “…”X表示: a quotation followed by its attribution.
fn direct_after_quotation(
    ctx: &Context<'_>,
    s: &Sentence,
    quotations: &[Span],
    drafts: &mut Vec<Draft>,
    sentence_first: usize,
    relays: &[Span],
) {
    let text = ctx.text;
    let first = quotations.partition_point(|q| q.start < s.span.start);
    let recent = drafts
        .len()
        .saturating_sub(MAX_OPEN_DRAFTS)
        .max(sentence_first);
    for q in quotations[first..]
        .iter()
        .take_while(|q| q.start < s.span.end)
    {
        if drafts[recent..]
            .iter()
            .any(|d| d.content_start <= q.start && q.start < d.content_end.max(d.content_start + 1))
        {
            continue;
        }
        // Marks are 3 bytes (“ 「) or 1 (ASCII "): measure them.
        let open_len = text[q.start..].chars().next().map_or(0, char::len_utf8);
        let close_len = text[..q.end].chars().next_back().map_or(0, char::len_utf8);
        if q.start + open_len > q.end - close_len {
            continue;
        }
        let inner = Span::new(q.start + open_len, q.end - close_len);
        let inner_text = &text[inner];
        // Scare quotes and titles (“北溪2号”) are not statements.
        if inner_text.chars().count() < 10 || !inner_text.contains(['，', '。', '！', '？', ','])
        {
            continue;
        }
        let after = q.end;
        let rest = &text[after..];
        let start = after + (rest.len() - rest.trim_start_matches(['，', ' ']).len());
        let end = text[start..]
            .find(['。', '，', '！', '？', '\n', '“'])
            .map_or(text.len(), |p| start + p);
        let clause = Span::new(start, end);
        let Some((cue, cue_span)) = ctx.cue_at_end(&text[clause], clause) else {
            continue;
        };
        let Some(head) = speaker_head(ctx, Span::new(clause.start, cue_span.start), cue_span.start)
        else {
            continue;
        };
        let mut d = Draft::new(cue, cue_span, CueType::Say, clause.start, q.start);
        d.content_end = q.end;
        d.closed = true;
        d.rule = QuoteRule::AfterQuotation;
        apply_head(ctx, &mut d, head);
        resolve_speaker(
            ctx,
            &mut d,
            &[],
            drafts,
            sentence_first,
            sentence_first,
            s.span.start,
            relays,
        );
        if d.speaker.is_some() || d.speaker_text.is_some() {
            drafts.push(d);
        }
    }
}

impl Context<'_> {
    /// A speech verb that ends a short attribution clause (“…”，拜登说).
    fn cue_at_end(&self, clause_text: &str, clause: Span) -> Option<(&'static str, Span)> {
        let t = clause_text.trim_end();
        WORDS
            .after_quotation_cues
            .iter()
            .find(|c| t.ends_with(*c))
            .map(|c| {
                let end = clause.start + t.len();
                (*c, Span::new(end - c.len(), end))
            })
    }
}

/// Chinese typography for a quotation over several paragraphs: every paragraph opens with
/// “ and only the last one closes it. A draft whose content starts at such an unclosed opening
/// mark takes the whole quotation (it is direct speech); cue clauses inside it are the quoted
/// speaker's words, not new statements.
fn join_paragraphs(text: &str, drafts: &mut [Draft]) {
    let mut lines = Lines::new(text);
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if d.parent.is_some() {
            continue;
        }
        let start = d.content_start;
        let Some(open) = text[start..].chars().next() else {
            continue;
        };
        let Some(span) = continued_quotation(text, &mut lines, start, open) else {
            continue;
        };
        for (j, other) in drafts.iter_mut().enumerate() {
            if j != i && span.start < other.cue_span.start && other.cue_span.end < span.end {
                other.content_end = other.content_start; // dropped by `finish`
            }
        }
        let d = &mut drafts[i];
        d.content_end = span.end;
        d.multi_paragraph = true;
    }
}

/// The paragraphs (lines) of a text, found by binary search, with the quotations of each
/// computed once: many statements in one long paragraph cost one pass over it, not one each.
struct Lines<'a> {
    text: &'a str,
    breaks: Vec<usize>,
    quotations: std::collections::HashMap<usize, Vec<Span>>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let breaks = text.match_indices('\n').map(|(i, _)| i).collect();
        Lines {
            text,
            breaks,
            quotations: std::collections::HashMap::new(),
        }
    }

    /// The line holding byte `at`.
    fn line_of(&self, at: usize) -> Span {
        let k = self.breaks.partition_point(|&b| b < at);
        let start = if k == 0 { 0 } else { self.breaks[k - 1] + 1 };
        let end = self.breaks.get(k).copied().unwrap_or(self.text.len());
        Span::new(start, end)
    }

    /// The quotations of `line`, in absolute offsets.
    fn quotations(&mut self, line: Span) -> &[Span] {
        let text = self.text;
        self.quotations.entry(line.start).or_insert_with(|| {
            quotation_ranges(&text[line.range()])
                .into_iter()
                .map(|q| Span::new(q.start + line.start, q.end + line.start))
                .collect()
        })
    }
}

/// The span from an unclosed opening mark at `at` to the closing mark in a later paragraph,
/// when each paragraph in between starts with the same opening mark.
fn continued_quotation(text: &str, lines: &mut Lines<'_>, at: usize, open: char) -> Option<Span> {
    const OPENERS: &str = "“「『";
    if !OPENERS.contains(open) {
        return None;
    }
    let first = lines.line_of(at);
    // Closed in its own paragraph: an ordinary quotation.
    if lines.quotations(first).iter().any(|q| q.start == at) {
        return None;
    }
    let mut next = first.end + 1;
    while next < text.len() {
        let para = lines.line_of(next);
        if !text[para.range()].starts_with(open) {
            return None;
        }
        if let Some(q) = lines
            .quotations(para)
            .iter()
            .find(|q| q.start == para.start)
        {
            return Some(Span::new(at, q.end));
        }
        next = para.end + 1;
    }
    None
}

/// Turns drafts into quotes: trims content, drops empty ones, sets kinds and parent indices.
fn finish(ctx: &Context<'_>, drafts: Vec<Draft>) -> Vec<Quote> {
    let text = ctx.text;
    let mut index = vec![None; drafts.len()];
    let mut out: Vec<Quote> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let (mut s, mut e) = (d.content_start, d.content_end.max(d.content_start));
        // Trim white space and trailing commas.
        while let Some(c) = text[s..e].chars().next_back() {
            if matches!(c, '，' | ',' | ' ' | '、' | '：') {
                e -= c.len_utf8();
            } else {
                break;
            }
        }
        while let Some(c) = text[s..e].chars().next() {
            if c == ' ' {
                s += 1;
            } else {
                break;
            }
        }
        if text[s..e].chars().count() < 4 {
            continue;
        }
        let mut kind = QuoteKind::Indirect;
        let body = &text[s..e];
        let quotes_inside = quotation_ranges(body);
        if d.multi_paragraph {
            kind = QuoteKind::Direct;
            s += body.chars().next().map_or(0, char::len_utf8);
            e -= body.chars().next_back().map_or(0, char::len_utf8);
            e = trim_end_punct(text, Span::new(s, e));
        } else if let [only] = quotes_inside.as_slice()
            && only.start == 0
            && only.end == body.len()
        {
            kind = QuoteKind::Direct;
            let open = body.chars().next().map_or(0, char::len_utf8);
            let close = body.chars().next_back().map_or(0, char::len_utf8);
            s += open;
            e -= close;
            e = trim_end_punct(text, Span::new(s, e));
        } else if !quotes_inside.is_empty() {
            kind = QuoteKind::Mixed;
        }
        if text[s..e].chars().count() < 4 {
            continue;
        }
        index[i] = Some(out.len());
        let speaker_text = d.speaker_text.clone();
        out.push(Quote {
            speaker: d.speaker.clone(),
            cue: d.cue.clone(),
            cue_span: d.cue_span,
            cue_type: d.cue_type,
            kind,
            content: TextSpan {
                span: Span::new(s, e),
                text: ctx.original[s..e].to_string(),
            },
            via: d.via.clone(),
            speakers: group_members(
                ctx,
                d.speaker.is_none(),
                speaker_text.as_deref(),
                d.cue_span,
            ),
            speaker_text,
            parent: d.parent.and_then(|p| index.get(p).copied().flatten()),
            rule: d.rule,
        });
    }
    out
}

/// The members of the group a quote without a speaker entity names with its speaker words:
/// the last plural description before the cue in the same sentence with exactly those words
/// (两国领导人表示 → both leaders).
fn group_members(
    ctx: &Context<'_>,
    anonymous: bool,
    words: Option<&str>,
    cue: Span,
) -> Vec<EntityId> {
    let Some(words) = words.filter(|_| anonymous) else {
        return Vec::new();
    };
    ctx.groups
        .iter()
        .rev()
        .find(|g| {
            g.span.end <= cue.start
                && &ctx.original[g.span.range()] == words
                && !ctx.text[g.span.end..cue.start].contains(['。', '！', '？', '\n'])
        })
        .map_or_else(Vec::new, |g| g.members.clone())
}
