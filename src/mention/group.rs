//! Plural descriptions: 两国总统, 两国外长, 双方, 这些领导人 — words that name several actors
//! the article introduced earlier.
//!
//! They are not mentions of one entity, so they are kept apart from the entity list: a
//! [`Group`] has a span and its members, and the relation stage reads a group before a cue
//! as all of its members (两国总统举行会谈: the two presidents meet each other). The rules,
//! like those for single descriptions, need evidence and otherwise link nothing:
//!
//! - **两国 / 两位 / 两名 + head** (两国总统, 两国领导人, 两位外长): the two most recent people
//!   (this or the previous two paragraphs) introduced with that title — for 领导人, 元首 and
//!   首脑 any head of state or government — and for 两国 from two different countries where
//!   their countries are known. Countries named right before (美俄两国总统) must be theirs.
//! - **双方** (双方领导人 too): the two parties of the last bilateral phrase in this or the
//!   previous paragraph, `A 与/和/同/跟 B` (美国总统拜登与俄罗斯总统普京…，双方…).
//! - **这些 / 上述 / 以上 + head** (这些官员, 上述领导人): the people introduced together with
//!   that title, when there are at least two and the title was not used since for others.
//! - **他们 / 她们** opening a sentence right after one with a bilateral phrase of two people
//!   (马克龙与朔尔茨通话。他们表示…).

use super::coref::{introduction, window_start};
use super::{Candidate, MentionRule};
use crate::entity::{EntityId, EntityKind};
use crate::segment::Token;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// A plural description and the entities it names, in the order of their first mentions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Byte span; serialised flat as `start` and `end`.
    #[serde(flatten)]
    pub span: Span,
    /// `&document.text[span]`.
    pub text: String,
    /// Entity ids of the members.
    pub members: Vec<EntityId>,
    /// Which rule found it (always [`MentionRule::Coreference`] for now).
    pub rule: MentionRule,
}

/// Markers of a description of exactly two.
const PAIR: &[&str] = &["两国", "两位", "两名"];
/// Markers of a plural description taking every matching person.
const PLURAL: &[&str] = &["这些", "上述", "以上"];
/// The marker of the two parties of a bilateral act.
const BOTH_SIDES: &str = "双方";
/// Plural pronouns, taken up only right after a bilateral phrase of two people.
const THEY: &[&str] = &["他们", "她们"];
/// Person heads of a plural description, longest first, with the titles an introduction may
/// carry for each (a head stands for itself when it has no entry of its own).
const HEADS: &[(&str, &[&str])] = &[
    ("国防部长", DEFENCE),
    ("外交部长", FOREIGN),
    ("领导人", LEADERS),
    ("元首", LEADERS),
    ("首脑", LEADERS),
    ("外长", FOREIGN),
    ("防长", DEFENCE),
    ("总统", &["总统"]),
    ("总理", &["总理"]),
    ("首相", &["首相"]),
    ("部长", &["部长"]),
    ("大使", &["大使"]),
    ("特使", &["特使"]),
    ("官员", &["官员"]),
    ("代表", &["代表"]),
    ("发言人", &["发言人"]),
];
/// Titles of heads of state and government (for 领导人, 元首, 首脑).
const LEADERS: &[&str] = &[
    "总统",
    "总理",
    "首相",
    "主席",
    "国王",
    "总书记",
    "元首",
    "领导人",
    "首脑",
];
/// Titles of foreign ministers (the American one is 国务卿, the British 外交大臣).
const FOREIGN: &[&str] = &["外交部长", "外长", "国务卿", "外交大臣"];
/// Titles of defence ministers.
const DEFENCE: &[&str] = &["国防部长", "防长", "国防大臣"];
/// Joiners of a bilateral phrase (A与B).
const WITH: &[char] = &['与', '和', '同', '跟'];

/// Where the markers stand in `text`, in order: at the start of a jieba token (两|国|总统,
/// 双方|在, 双方同意), never inside a word.
fn markers<'a>(
    text: &'a str,
    tokens: &'a [Token],
) -> impl Iterator<Item = (usize, &'static str)> + 'a {
    tokens.iter().filter_map(move |t| {
        let rest = &text[t.span.start..];
        // Most tokens stop at their first character.
        if !rest.starts_with(['两', '双', '这', '上', '以', '他', '她']) {
            return None;
        }
        PAIR.iter()
            .chain(PLURAL)
            .chain([&BOTH_SIDES])
            .chain(THEY)
            .find(|m| rest.starts_with(**m))
            .map(|m| (t.span.start, *m))
    })
}

/// The plural descriptions of `text` (with its jieba `tokens`) and their members; `mentions`
/// sorted by span, `country_of` gives an entity's country where the dictionary knows it.
pub(crate) fn groups(
    text: &str,
    tokens: &[Token],
    mentions: &[Candidate],
    country_of: impl Fn(&EntityId) -> Option<EntityId>,
) -> Vec<Group> {
    let mut out = Vec::new();
    let mut intros: Option<Vec<u32>> = None;
    for (at, marker) in markers(text, tokens) {
        let after = at + marker.len();
        let head = HEADS
            .iter()
            .find(|(h, _)| text[after..].starts_with(h))
            .filter(|_| !THEY.contains(&marker));
        let end = after + head.map_or(0, |(h, _)| h.len());
        let span = Span::new(at, end);
        // Part of a name or of a longer word someone else found (两国关系协会).
        let k = mentions.partition_point(|m| m.span.start < span.end);
        if mentions[..k]
            .iter()
            .rev()
            .take(4)
            .any(|m| m.span.overlaps(span))
        {
            continue;
        }
        let intros = intros.get_or_insert_with(|| introductions(text, mentions));
        let found = Found {
            text,
            mentions,
            intros,
            at,
        };
        let members = match (marker, head) {
            (BOTH_SIDES, _) => both_sides(text, mentions, at),
            (m, _) if THEY.contains(&m) => they(text, mentions, at),
            (m, Some((_, titles))) if PAIR.contains(&m) => {
                let named_countries = countries_before(text, mentions, at);
                let people = found.introduced(titles);
                pair(&people, m == "两国", &named_countries, &country_of)
            }
            (_, Some((_, titles))) => found.introduced_together(titles),
            _ => Vec::new(),
        };
        if members.len() >= 2 {
            let first = |id: &EntityId| mentions.iter().position(|m| &m.entity == id);
            let mut members = members;
            members.sort_by_key(|id| first(id));
            out.push(Group {
                span,
                text: text[span].to_string(),
                members,
                rule: MentionRule::Coreference,
            });
        }
    }
    out
}

/// Every title word of [`HEADS`], each a bit of a title set.
static TITLE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = HEADS
        .iter()
        .flat_map(|(_, ts)| ts.iter().copied())
        .collect();
    words.sort_unstable();
    words.dedup();
    assert!(words.len() <= 32, "title sets are u32 masks");
    words
});
/// The title words by their first character, sorted by it.
static TITLE_STARTS: LazyLock<Vec<(char, Vec<usize>)>> = LazyLock::new(|| {
    let mut out: Vec<(char, Vec<usize>)> = Vec::new();
    for (k, w) in TITLE_WORDS.iter().enumerate() {
        let first = w.chars().next().expect("title words are not empty");
        match out.iter_mut().find(|(c, _)| *c == first) {
            Some((_, ks)) => ks.push(k),
            None => out.push((first, vec![k])),
        }
    }
    out.sort_unstable();
    out
});

/// The title set of `titles`.
fn title_mask(titles: &[&str]) -> u32 {
    titles
        .iter()
        .filter_map(|t| TITLE_WORDS.iter().position(|w| w == t))
        .fold(0, |m, i| m | 1 << i)
}

/// The titles each mention is introduced with (none for all but people): the title words
/// right before it, not reaching back past another person (总统拜登与外长|拉夫罗夫).
fn introductions(text: &str, mentions: &[Candidate]) -> Vec<u32> {
    let mut last_person_end = 0;
    mentions
        .iter()
        .map(|m| {
            if m.kind != EntityKind::Person {
                return 0;
            }
            let intro = introduction(text, m.span);
            let start = intro.start.max(last_person_end.min(m.span.start));
            last_person_end = last_person_end.max(m.span.end);
            let intro = &text[start..intro.end];
            let mut mask = 0;
            for (i, c) in intro.char_indices() {
                let Ok(j) = TITLE_STARTS.binary_search_by_key(&c, |(first, _)| *first) else {
                    continue;
                };
                let rest = &intro[i..];
                for &k in &TITLE_STARTS[j].1 {
                    if rest.starts_with(TITLE_WORDS[k]) {
                        mask |= 1 << k;
                    }
                }
            }
            mask
        })
        .collect()
}

/// The mentions before a description at `at`, with their introductions.
struct Found<'a> {
    text: &'a str,
    mentions: &'a [Candidate],
    intros: &'a [u32],
    at: usize,
}

impl Found<'_> {
    /// Mentions (with introductions) ending before the description.
    fn before(&self) -> impl DoubleEndedIterator<Item = (&Candidate, u32)> + '_ {
        let n = self.mentions.partition_point(|m| m.span.start < self.at);
        self.mentions[..n]
            .iter()
            .zip(self.intros.iter().copied())
            .filter(|(m, _)| m.span.end <= self.at)
    }

    /// Distinct people mentioned in the window whose introduction (there or earlier) carries
    /// one of `titles`, most recent first.
    fn introduced(&self, titles: &[&str]) -> Vec<EntityId> {
        let mask = title_mask(titles);
        let mut titled: Vec<&EntityId> = self
            .before()
            .filter(|(_, intro)| intro & mask != 0)
            .map(|(m, _)| &m.entity)
            .collect();
        titled.sort_unstable();
        titled.dedup();
        let from = window_start(self.text, self.at);
        let mut out: Vec<EntityId> = Vec::new();
        for (c, _) in self.before().rev() {
            if c.span.start < from {
                break;
            }
            if c.kind == EntityKind::Person
                && titled.binary_search(&&c.entity).is_ok()
                && !out.contains(&c.entity)
            {
                out.push(c.entity.clone());
            }
        }
        out
    }

    /// For 这些/上述 + head: the people introduced with the title in the sentence of the most
    /// recent of them, when there are two or more and the title's last use before the
    /// description belongs to one of them — 英国、法国和德国领导人…上述领导人 takes up the unnamed
    /// leaders, not the presidents named before them.
    fn introduced_together(&self, titles: &[&str]) -> Vec<EntityId> {
        let text = self.text;
        let people = self.introduced(titles);
        let of = |id: &EntityId| -> Vec<Span> {
            self.before()
                .filter(|(m, _)| &m.entity == id)
                .map(|(m, _)| m.span)
                .collect()
        };
        let Some(recent) = people.first() else {
            return Vec::new();
        };
        let Some(span) = of(recent).into_iter().next_back() else {
            return Vec::new();
        };
        // The title used again after the last titled person, for people not named.
        let since = &text[span.end..self.at];
        if titles.iter().any(|t| since.contains(t)) {
            return Vec::new();
        }
        let ends = ['。', '！', '？', '\n'];
        let sentence = Span::new(
            text[..span.start]
                .char_indices()
                .rev()
                .find(|(_, c)| ends.contains(c))
                .map_or(0, |(i, c)| i + c.len_utf8()),
            text[span.end..]
                .find(ends)
                .map_or(text.len(), |i| span.end + i),
        );
        let together: Vec<EntityId> = people
            .iter()
            .filter(|p| of(p).iter().any(|m| sentence.contains(*m)))
            .cloned()
            .collect();
        if together.len() >= 2 {
            together
        } else {
            Vec::new()
        }
    }
}

/// The two most recent of `people` (most recent first) that fit: from different countries
/// for 两国 when both are known, and from the countries named right before the description
/// when there are any. Returned in the order of introduction.
fn pair(
    people: &[EntityId],
    two_countries: bool,
    named: &[EntityId],
    country_of: &impl Fn(&EntityId) -> Option<EntityId>,
) -> Vec<EntityId> {
    let mut chosen: Vec<(&EntityId, Option<EntityId>)> = Vec::new();
    for p in people {
        let country = country_of(p);
        if !named.is_empty() && !country.as_ref().is_some_and(|c| named.contains(c)) {
            continue;
        }
        let clash = two_countries
            && chosen
                .iter()
                .any(|(_, c)| c.is_some() && country.is_some() && *c == country);
        if !clash {
            chosen.push((p, country));
        }
        if chosen.len() == 2 {
            return chosen.into_iter().rev().map(|(p, _)| p.clone()).collect();
        }
    }
    Vec::new()
}

/// Places named right before `at` and joined to it (美俄两国, 中国和美国两国).
fn countries_before(text: &str, mentions: &[Candidate], at: usize) -> Vec<EntityId> {
    let mut out = Vec::new();
    let mut end = at;
    for m in mentions.iter().rev().filter(|m| m.span.end <= at) {
        let gap = &text[m.span.end..end];
        if m.kind != EntityKind::Place || !(gap.is_empty() || gap == "、" || gap == "和") {
            break;
        }
        out.push(m.entity.clone());
        end = m.span.start;
    }
    out
}

/// The two parties of the last bilateral phrase `A 与 B` before `at`, in this or the previous
/// paragraph. `A` ends right at the joiner and is not the end of a list (英国、法国和德国);
/// `B` is the first actor after it, or the person a place and title introduce (与俄罗斯总统普京).
fn both_sides(text: &str, mentions: &[Candidate], at: usize) -> Vec<EntityId> {
    let from = text[..at]
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .rev()
        .nth(1)
        .unwrap_or(0);
    match bilateral(text, mentions, from, at) {
        Some((a, b)) => vec![a.entity.clone(), b.entity.clone()],
        None => Vec::new(),
    }
}

/// 他们/她们 opening a sentence: the two people of a bilateral phrase in the sentence before
/// (马克龙与朔尔茨通话。他们表示…), and nothing when anyone else could be meant.
fn they(text: &str, mentions: &[Candidate], at: usize) -> Vec<EntityId> {
    let ends = |c: char| "。！？\n".contains(c);
    let opens_sentence = text[..at].chars().next_back().is_none_or(ends);
    if !opens_sentence {
        return Vec::new();
    }
    let before = &text[..at];
    let previous_start = before
        .char_indices()
        .rev()
        .skip(1)
        .find(|(_, c)| ends(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    match bilateral(text, mentions, previous_start, at) {
        Some((a, b)) if a.kind == EntityKind::Person && b.kind == EntityKind::Person => {
            vec![a.entity.clone(), b.entity.clone()]
        }
        _ => Vec::new(),
    }
}

/// The last bilateral phrase between `from` and `at`: its two parties.
fn bilateral<'a>(
    text: &str,
    mentions: &'a [Candidate],
    from: usize,
    at: usize,
) -> Option<(&'a Candidate, &'a Candidate)> {
    let actor = |m: &&Candidate| m.kind != EntityKind::Other && m.span.start >= from;
    let before: Vec<&Candidate> = mentions
        .iter()
        .filter(|m| m.span.end <= at)
        .filter(actor)
        .collect();
    for (i, a) in before.iter().enumerate().rev() {
        let Some(joiner) = text[a.span.end..]
            .chars()
            .next()
            .filter(|c| WITH.contains(c))
        else {
            continue;
        };
        // 英国、法国和德国 is a list; 参众两院同中国人大和全国政协 coordinates one side.
        let clause = text[..a.span.start]
            .char_indices()
            .rev()
            .find(|(_, c)| "，。；：\n".contains(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if text[..a.span.start].ends_with('、') || text[clause..a.span.start].contains(WITH) {
            continue;
        }
        // B right after the joiner, or after a title (与总统普京).
        let b_from = a.span.end + joiner.len_utf8();
        let Some(mut b) = before[i + 1..].first().copied().filter(|b| {
            b.span.start == b_from
                || b.kind == EntityKind::Person
                    && b.span.start > b_from
                    && b.span.start - b_from <= 12
                    && text[b_from..b.span.start]
                        .chars()
                        .all(char::is_alphanumeric)
        }) else {
            continue;
        };
        // 与俄罗斯总统普京: the person the place and title introduce.
        if b.kind != EntityKind::Person
            && let Some(p) = before[i + 1..].iter().find(|p| {
                p.kind == EntityKind::Person
                    && p.span.start >= b.span.end
                    && p.span.start - b.span.end <= 12
                    && !text[b.span.end..p.span.start].contains(|c: char| !c.is_alphanumeric())
            })
        {
            b = p;
        }
        if a.entity != b.entity {
            return Some((a, b));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions of `names` (text, kind, id), each at its first occurrence after the previous.
    fn mentions(text: &str, names: &[(&str, EntityKind, &str)]) -> Vec<Candidate> {
        let mut from = 0;
        names
            .iter()
            .map(|&(s, kind, id)| {
                let at = from + text[from..].find(s).expect("name in text");
                from = at + s.len();
                Candidate {
                    span: Span::new(at, at + s.len()),
                    kind,
                    entity: EntityId::new(id),
                    rule: MentionRule::Gazetteer,
                }
            })
            .collect()
    }

    /// One token per character: every character may start a marker.
    fn char_tokens(text: &str) -> Vec<Token> {
        text.char_indices()
            .map(|(i, c)| Token {
                span: Span::new(i, i + c.len_utf8()),
                pos: crate::segment::Pos::Other,
            })
            .collect()
    }

    #[test]
    fn group_cases() {
        use EntityKind::{Organization as O, Person as P, Place as L};
        let country = |id: &EntityId| match id.as_str() {
            "biden" | "blinken" | "obama" => Some(EntityId::new("usa")),
            "putin" | "lavrov" => Some(EntityId::new("rus")),
            "xi" => Some(EntityId::new("chn")),
            _ => None,
        };
        /// (text, mentions in order, the description, its members).
        type Case<'a> = (
            &'a str,
            &'a [(&'a str, EntityKind, &'a str)],
            &'a str,
            &'a [&'a str],
        );
        let cases: &[Case] = &[
            (
                "美国总统拜登与俄罗斯总统普京举行峰会。两国总统讨论了网络安全。",
                &[
                    ("美国", L, "usa"),
                    ("拜登", P, "biden"),
                    ("俄罗斯", L, "rus"),
                    ("普京", P, "putin"),
                ],
                "两国总统",
                &["biden", "putin"],
            ),
            (
                "美国总统拜登与俄罗斯总统普京通过视频举行峰会，双方讨论了局势。",
                &[
                    ("美国", L, "usa"),
                    ("拜登", P, "biden"),
                    ("俄罗斯", L, "rus"),
                    ("普京", P, "putin"),
                ],
                "双方",
                &["biden", "putin"],
            ),
            (
                "国务卿布林肯与俄罗斯外长拉夫罗夫通话。两国外长同意保持沟通。",
                &[
                    ("布林肯", P, "blinken"),
                    ("俄罗斯", L, "rus"),
                    ("拉夫罗夫", P, "lavrov"),
                ],
                "两国外长",
                &["blinken", "lavrov"],
            ),
            // 领导人 takes any head of state or government.
            (
                "国家主席习近平会见总统拜登。两国领导人同意加强沟通。",
                &[("习近平", P, "xi"), ("拜登", P, "biden")],
                "两国领导人",
                &["xi", "biden"],
            ),
            // Two presidents of one country are not 两国总统.
            (
                "前总统奥巴马与总统拜登见面。两国总统表示。",
                &[("奥巴马", P, "obama"), ("拜登", P, "biden")],
                "两国总统",
                &[],
            ),
            // Only one person with the title: no group.
            (
                "总统拜登与外长拉夫罗夫通话。两国总统表示。",
                &[("拜登", P, "biden"), ("拉夫罗夫", P, "lavrov")],
                "两国总统",
                &[],
            ),
            // A list is not a bilateral phrase.
            (
                "英国、法国和德国表示支持，双方同意。",
                &[("英国", L, "gbr"), ("法国", L, "fra"), ("德国", L, "deu")],
                "双方",
                &[],
            ),
            // One side of a bilateral phrase is itself coordinated: not the two sides.
            (
                "李瑞环说，两院同中国人大和全国政协有联系，双方建立了友谊。",
                &[("中国人大", O, "npc"), ("全国政协", O, "cppcc")],
                "双方",
                &[],
            ),
            // 这些 + head: every person introduced with it.
            (
                "发言人甲乙表示反对，发言人丙丁表示支持。这些发言人随后离开。",
                &[("甲乙", P, "a"), ("丙丁", P, "b")],
                "这些发言人",
                &["a", "b"],
            ),
            // The last leaders named before 上述领导人 are unnamed: no group.
            (
                "总统拜登与总统普京通话。拜登还与英国、法国和德国领导人通话。上述领导人呼吁缓和。",
                &[
                    ("拜登", P, "biden"),
                    ("普京", P, "putin"),
                    ("拜登", P, "biden"),
                    ("英国", L, "gbr"),
                    ("法国", L, "fra"),
                    ("德国", L, "deu"),
                ],
                "上述领导人",
                &[],
            ),
            // Named together: the people of one sentence, not earlier ones.
            (
                "外长甲乙发表讲话。外长丙丁与外长戊己会晤。这些外长表示。",
                &[("甲乙", P, "a"), ("丙丁", P, "b"), ("戊己", P, "c")],
                "这些外长",
                &["b", "c"],
            ),
            // 他们 opening the sentence right after a bilateral phrase of two people.
            (
                "总统拜登与总统普京通话。他们表示满意。",
                &[("拜登", P, "biden"), ("普京", P, "putin")],
                "他们",
                &["biden", "putin"],
            ),
            // Another sentence between: anyone could be meant.
            (
                "总统拜登与总统普京通话。记者采访了市民。他们表示满意。",
                &[("拜登", P, "biden"), ("普京", P, "putin")],
                "他们",
                &[],
            ),
            // Anonymous officials: no named members, no group.
            (
                "美国官员表示，这些官员指出，制裁可能包括银行。",
                &[("美国", L, "usa")],
                "这些官员",
                &[],
            ),
        ];
        for &(t, names, description, want) in cases {
            let got = groups(t, &char_tokens(t), &mentions(t, names), country);
            let found = got.iter().find(|g| g.text == description);
            let members: Vec<&str> = found
                .map(|g| g.members.iter().map(EntityId::as_str).collect())
                .unwrap_or_default();
            assert_eq!(members, want, "{t}");
        }
    }
}
