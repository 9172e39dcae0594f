//! Definite descriptions of people: 这位美国国家安全顾问, 这名乌克兰官员, 该发言人.
//!
//! Such a description is a mention of a person the article has already introduced, when the
//! evidence points to exactly one: the most recent person (in this or the previous two
//! paragraphs) whose introduction carries the description's title (国家安全顾问杰克·沙利文 for
//! 这位美国国家安全顾问) or, for a generic head (官员, 领导人), whose country the description names
//! (乌克兰总统新闻秘书谢尔盖·尼基福罗夫 for 这位乌克兰官员). No evidence, no link.

use super::{Candidate, MentionRule};
use crate::entity::{EntityId, EntityKind};
use crate::span::Span;

const MARKERS: &[&str] = &["这位", "这名", "该名", "此位", "该位"];
/// Heads of a person description, longest first; generic ones need a country to link.
const HEADS: &[&str] = &[
    "国家安全顾问",
    "新闻秘书",
    "发言人",
    "秘书长",
    "负责人",
    "领导人",
    "总统",
    "总理",
    "首相",
    "外长",
    "部长",
    "大使",
    "主席",
    "顾问",
    "将军",
    "司令",
    "议员",
    "官员",
    "高官",
    "外交官",
    "律师",
    "专家",
    "学者",
    "记者",
];
const GENERIC: &[&str] = &[
    "官员",
    "高官",
    "领导人",
    "外交官",
    "负责人",
    "专家",
    "学者",
    "记者",
    "律师",
];

/// Adds description mentions to `out` (sorted by span), replacing the mentions inside them.
pub(crate) fn descriptions(
    text: &str,
    out: &mut Vec<Candidate>,
    country_of: impl Fn(&EntityId) -> Option<EntityId>,
) {
    let mut added: Vec<Candidate> = Vec::new();
    for marker in MARKERS {
        for (at, _) in text.match_indices(marker) {
            let start = at + marker.len();
            // The description: up to 12 characters ending with a head, no punctuation.
            let window: String = text[start..]
                .chars()
                .take(12)
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let Some((end_rel, head)) = HEADS
                .iter()
                .filter_map(|h| window.rfind(h).map(|i| (i + h.len(), *h)))
                .max_by_key(|&(e, h)| (e, h.len()))
            else {
                continue;
            };
            let span = Span::new(at, start + end_rel);
            if out
                .iter()
                .any(|c| c.span.overlaps(span) && !span.contains(c.span))
            {
                continue;
            }
            let inner_places: Vec<&EntityId> = out
                .iter()
                .filter(|c| span.contains(c.span) && c.kind == EntityKind::Place)
                .map(|c| &c.entity)
                .collect();
            let generic = GENERIC.contains(&head);
            if generic && inner_places.is_empty() {
                continue;
            }
            // A role holder inside (这位美国国家安全顾问 → the holder at the article's date) decides.
            let holder = out
                .iter()
                .find(|c| span.contains(c.span) && c.kind == EntityKind::Person);
            let found = holder
                .map(|c| c.entity.clone())
                .or_else(|| antecedent(text, out, at, head, generic, &inner_places, &country_of));
            if let Some(entity) = found {
                added.push(Candidate {
                    span,
                    kind: EntityKind::Person,
                    entity,
                    rule: MentionRule::Coreference,
                });
            }
        }
    }
    for a in added {
        out.retain(|c| !a.span.contains(c.span));
        out.push(a);
    }
    out.sort_by_key(|c| c.span);
}

/// The most recent person before `at` (within three paragraphs) matching the description.
fn antecedent(
    text: &str,
    out: &[Candidate],
    at: usize,
    head: &str,
    generic: bool,
    places: &[&EntityId],
    country_of: &impl Fn(&EntityId) -> Option<EntityId>,
) -> Option<EntityId> {
    let window_start = text[..at]
        .match_indices('\n')
        .map(|(i, _)| i)
        .rev()
        .nth(2)
        .map_or(0, |i| i + 1);
    out.iter()
        .rev()
        .filter(|c| {
            c.kind == EntityKind::Person && c.span.end <= at && c.span.start >= window_start
        })
        .find(|c| {
            // The introduction: the title words right before a mention of this person, back to
            // the clause start and at most 12 characters (乌克兰总统新闻秘书|谢尔盖·尼基福罗夫).
            let intro = |m: &Candidate| {
                let before = &text[..m.span.start];
                let clause = before
                    .char_indices()
                    .rev()
                    .find(|(_, ch)| !ch.is_alphanumeric())
                    .map_or(0, |(i, ch)| i + ch.len_utf8());
                let twelve = before.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
                Span::new(clause.max(twelve), m.span.start)
            };
            let mentions: Vec<&Candidate> = out
                .iter()
                .filter(|m| m.entity == c.entity && m.span.end <= at)
                .collect();
            if generic {
                let country = country_of(&c.entity);
                places.iter().any(|p| {
                    country.as_ref() == Some(*p)
                        || mentions.iter().any(|m| {
                            let s = intro(m);
                            out.iter().any(|x| &x.entity == *p && s.contains(x.span))
                        })
                })
            } else {
                mentions.iter().any(|m| text[intro(m)].contains(head))
            }
        })
        .map(|c| c.entity.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str, s: &str, nth: usize, kind: EntityKind, id: &str) -> Candidate {
        let at = text.match_indices(s).nth(nth).unwrap().0;
        Candidate {
            span: Span::new(at, at + s.len()),
            kind,
            entity: EntityId::new(id),
            rule: MentionRule::Gazetteer,
        }
    }

    #[test]
    fn description_cases() {
        let t =
            "乌克兰总统新闻秘书谢尔盖·尼基福罗夫表示，希望和平，这位乌克兰官员还补充称，制裁有效。";
        let mut out = vec![
            cand(t, "乌克兰", 0, EntityKind::Place, "ukr"),
            cand(
                t,
                "谢尔盖·尼基福罗夫",
                0,
                EntityKind::Person,
                "person:尼基福罗夫",
            ),
            cand(t, "乌克兰", 1, EntityKind::Place, "ukr"),
        ];
        descriptions(t, &mut out, |_| None);
        let last = out
            .iter()
            .find(|c| c.rule == MentionRule::Coreference)
            .unwrap();
        assert_eq!(
            (&t[last.span], last.entity.as_str()),
            ("这位乌克兰官员", "person:尼基福罗夫")
        );
        assert!(
            !out.iter()
                .any(|c| c.span.start > last.span.start && c.entity.as_str() == "ukr")
        );

        // No evidence (no country, generic head): no link.
        let t = "拜登表示，这位官员说。";
        let mut out = vec![cand(t, "拜登", 0, EntityKind::Person, "joe-biden")];
        descriptions(t, &mut out, |_| None);
        assert_eq!(out.len(), 1);

        // A title from the introduction.
        let t = "国家安全顾问沙利文表示，甲。这位国家安全顾问还说，乙。";
        let mut out = vec![cand(t, "沙利文", 0, EntityKind::Person, "jake-sullivan")];
        descriptions(t, &mut out, |_| None);
        assert_eq!(out.last().unwrap().entity.as_str(), "jake-sullivan");
    }
}
