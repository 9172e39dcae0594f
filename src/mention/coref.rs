//! Definite descriptions of people: 这位美国国家安全顾问, 这名乌克兰官员, 该发言人.
//!
//! Such a description is a mention of a person the article has already introduced, when the
//! evidence points to exactly one: the most recent person (in this or the previous two
//! paragraphs) whose introduction carries the description's title (国家安全顾问杰克·沙利文 for
//! 这位美国国家安全顾问) or, for a generic head (官员, 领导人), whose country the description names
//! (乌克兰总统新闻秘书谢尔盖·尼基福罗夫 for 这位乌克兰官员). No evidence, no link.
//!
//! Descriptions of organizations (该联盟, 该组织, 该公司) likewise: the most recent
//! organization in this or the previous two paragraphs whose name ends with the head
//! (欧洲联盟 for 该联盟, 北大西洋公约组织 for 该组织 after 北约), by its canonical name or the
//! way the article wrote it.

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

/// Heads of an organization description after 该 that are not name suffixes (该机构, 该网站);
/// the others are the organization suffixes themselves (该联盟, 该组织, 该银行, 该部).
const DESCRIPTION_HEADS: &[&str] = &["机构", "团体", "网站"];

/// Adds 该 + organization head descriptions to `out` (sorted by span) as mentions of the
/// organization they take up; `is_word_end` says where the segmenter ends words, `name_of`
/// gives an entity's names in the dictionary.
pub(crate) fn organizations(
    text: &str,
    is_word_end: impl Fn(usize) -> bool,
    out: &mut Vec<Candidate>,
    names_of: impl Fn(&EntityId) -> Vec<String>,
) {
    let mut added: Vec<Candidate> = Vec::new();
    for (at, _) in text.match_indices('该') {
        let start = at + '该'.len_utf8();
        let Some(head) = super::suffix::ORG_SUFFIXES
            .iter()
            .chain(DESCRIPTION_HEADS)
            .filter(|h| text[start..].starts_with(**h))
            .max_by_key(|h| h.len())
        else {
            continue;
        };
        let span = Span::new(at, start + head.len());
        // 该组织者, 该党派: the head must end a word.
        if !is_word_end(span.end) {
            continue;
        }
        if out.iter().any(|c| c.span.overlaps(span)) {
            continue;
        }
        let window_start = window_start(text, at);
        let named_so = |c: &Candidate| {
            let written = &text[c.span];
            written.ends_with(head)
                || names_of(&c.entity).iter().any(|n| n.ends_with(head))
                || c.entity.as_str().ends_with(head)
        };
        let found = out
            .iter()
            .rev()
            .find(|c| {
                c.kind == EntityKind::Organization
                    && c.rule != MentionRule::Coreference
                    && c.span.end <= at
                    && c.span.start >= window_start
            })
            .filter(|c| named_so(c));
        if let Some(c) = found {
            added.push(Candidate {
                span,
                kind: EntityKind::Organization,
                entity: c.entity.clone(),
                rule: MentionRule::Coreference,
            });
        }
    }
    out.extend(added);
    out.sort_by_key(|c| c.span);
}

/// The introduction of a mention at `span`: the title words right before it, back to the
/// clause start and at most 12 characters (乌克兰总统新闻秘书|谢尔盖·尼基福罗夫).
pub(super) fn introduction(text: &str, span: Span) -> Span {
    let mut start = span.start;
    for (i, ch) in text[..span.start].char_indices().rev().take(12) {
        // CJK ideographs first: `is_alphanumeric` is a table search for them.
        if !(('\u{4E00}'..='\u{9FFF}').contains(&ch) || ch.is_alphanumeric()) {
            break;
        }
        start = i;
    }
    Span::new(start, span.start)
}

/// Where the window of antecedents of a description at `at` starts: this paragraph and the
/// two before it.
pub(super) fn window_start(text: &str, at: usize) -> usize {
    text[..at]
        .match_indices('\n')
        .map(|(i, _)| i)
        .rev()
        .nth(2)
        .map_or(0, |i| i + 1)
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
    let window_start = window_start(text, at);
    // Where people's mentions end: an introduction does not reach back past another person
    // (外长拉夫罗夫与总统|拜登 is not introduced as 外长).
    let mut person_ends: Vec<usize> = out
        .iter()
        .filter(|p| p.kind == EntityKind::Person)
        .map(|p| p.span.end)
        .collect();
    person_ends.sort_unstable();
    out.iter()
        .rev()
        .filter(|c| {
            c.kind == EntityKind::Person && c.span.end <= at && c.span.start >= window_start
        })
        .find(|c| {
            let intro = |m: &Candidate| {
                let full = introduction(text, m.span);
                let k = person_ends.partition_point(|&e| e <= m.span.start);
                let start = k
                    .checked_sub(1)
                    .map_or(full.start, |k| full.start.max(person_ends[k]));
                Span::new(start, full.end)
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

        // The introduction of the most recent person does not reach back past another one.
        let t = "外长拉夫罗夫与总统拜登会谈。这位外长表示，乙。";
        let mut out = vec![
            cand(t, "拉夫罗夫", 0, EntityKind::Person, "sergey-lavrov"),
            cand(t, "拜登", 0, EntityKind::Person, "joe-biden"),
        ];
        descriptions(t, &mut out, |_| None);
        assert_eq!(out.last().unwrap().entity.as_str(), "sergey-lavrov");

        // A title from the introduction.
        let t = "国家安全顾问沙利文表示，甲。这位国家安全顾问还说，乙。";
        let mut out = vec![cand(t, "沙利文", 0, EntityKind::Person, "jake-sullivan")];
        descriptions(t, &mut out, |_| None);
        assert_eq!(out.last().unwrap().entity.as_str(), "jake-sullivan");
    }

    #[test]
    fn organization_cases() {
        let canonical = |id: &EntityId| match id.as_str() {
            "nato" => vec!["北约".to_string(), "北大西洋公约组织".to_string()],
            "eu" => vec!["欧盟".to_string(), "欧洲联盟".to_string()],
            _ => Vec::new(),
        };
        // (text, organizations before it (text, id), description found → id)
        /// (text, organizations before it (text, id), the description's entity).
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], Option<&'a str>);
        let cases: &[Case] = &[
            (
                "北约秘书长表示，该组织将加强东翼。",
                &[("北约", "nato")],
                Some("nato"),
            ),
            (
                "欧盟决定制裁，该联盟成员国一致同意。",
                &[("欧盟", "eu")],
                Some("eu"),
            ),
            (
                "国际特赦组织发表报告。该组织表示关切。",
                &[("国际特赦组织", "org:国际特赦组织")],
                Some("org:国际特赦组织"),
            ),
            // No organization with that head: no link.
            ("北约秘书长表示，该公司将退出。", &[("北约", "nato")], None),
            // Not a description: 该组织者 is a word of its own.
            (
                "北约秘书长表示，该组织者将退出。",
                &[("北约", "nato")],
                None,
            ),
            // The most recent organization is not named with the head: no link to an older one.
            (
                "欧盟开会。俄罗斯与北约之间关系紧张，乌克兰寻求加入该联盟。",
                &[("欧盟", "eu"), ("北约", "nato")],
                None,
            ),
            // Too far back (three paragraph breaks).
            (
                "北约开会。\n甲。\n乙。\n丙。该组织表示。",
                &[("北约", "nato")],
                None,
            ),
        ];
        for &(t, before, want) in cases {
            let mut out: Vec<Candidate> = before
                .iter()
                .map(|(name, id)| cand(t, name, 0, EntityKind::Organization, id))
                .collect();
            organizations(t, |i| !t[i..].starts_with('者'), &mut out, canonical);
            let got = out
                .iter()
                .find(|c| c.rule == MentionRule::Coreference)
                .map(|c| (&t[c.span], c.entity.as_str()));
            assert_eq!(got.map(|g| g.1), want, "{t}");
            if let Some((text, _)) = got {
                assert!(text.starts_with('该'), "{t}");
            }
        }
    }
}
