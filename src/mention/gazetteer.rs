//! Gazetteer matching on raw text. The only module that touches `aho_corasick`.
//!
//! jieba always splits at `·`, so names like 杰克·沙利文 can only be matched on the text itself:
//! one leftmost-longest automaton over every name, alias and role phrase finds 北大西洋公约组织
//! whole rather than 北约-like fragments inside it.

use crate::dictionary::Dictionary;
use crate::entity::{EntityId, EntityKind};
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{BTreeMap, HashMap};

/// Index of an entity inside the gazetteer.
pub(crate) type EntityIx = u32;

/// What a pattern stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// An unambiguous name of one entity.
    Entity(EntityIx),
    /// A name shared by several entities: resolved by context.
    Ambiguous(Vec<EntityIx>),
    /// A role phrase (index into `roles`).
    Role(u32),
}

/// A role phrase split into the entity it starts with (美国 in 美国总统) and its title (总统).
#[derive(Clone, Debug)]
pub(crate) struct RolePhrase {
    pub phrase: String,
    /// Byte length and entity of the leading name, when the phrase starts with one.
    pub prefix: Option<(usize, EntityIx)>,
}

/// One raw match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawMatch {
    pub span: Span,
    pub target: Target,
}

/// The compiled gazetteer: built once per analyzer.
pub(crate) struct Gazetteer {
    ac: Option<AhoCorasick>,
    targets: Vec<Target>,
    pub entities: Vec<(EntityId, EntityKind)>,
    pub roles: Vec<RolePhrase>,
    /// One-character abbreviations (美, 俄) and their entity.
    pub abbr: crate::hash::FastMap<char, EntityIx>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("patterns", &self.targets.len())
            .field("entities", &self.entities.len())
            .finish()
    }
}

/// Other middle dots a name may be written with; the script stage maps the rarer look-alikes
/// (‧ ・ ･ ∙ ⋅) to `•`, so these two suffice besides `·`.
const DOTS: &[char] = &['•', '．'];

impl Gazetteer {
    pub(crate) fn new(dict: &Dictionary) -> Gazetteer {
        let mut entities = Vec::new();
        let mut ix: HashMap<&EntityId, EntityIx> = HashMap::new();
        for e in dict.entities() {
            ix.insert(&e.id, entities.len() as EntityIx);
            entities.push((e.id.clone(), e.kind));
        }
        // pattern text → target; a BTreeMap keeps pattern order (and so ties) deterministic.
        let mut patterns: BTreeMap<String, Target> = BTreeMap::new();
        let mut add = |text: &str, t: EntityIx, ambiguous: bool| {
            for variant in dot_variants(text) {
                let entry = patterns.entry(variant);
                match entry {
                    std::collections::btree_map::Entry::Vacant(v) => {
                        v.insert(if ambiguous {
                            Target::Ambiguous(vec![t])
                        } else {
                            Target::Entity(t)
                        });
                    }
                    std::collections::btree_map::Entry::Occupied(mut o) => {
                        let merged = match o.get() {
                            Target::Entity(x) if *x == t => Target::Entity(t),
                            // An unambiguous name wins over an ambiguous use of the same string.
                            Target::Entity(x) if ambiguous => Target::Entity(*x),
                            Target::Entity(x) => Target::Ambiguous(vec![*x, t]),
                            Target::Ambiguous(_) if !ambiguous => Target::Entity(t),
                            Target::Ambiguous(v) => {
                                let mut v = v.clone();
                                if !v.contains(&t) {
                                    v.push(t);
                                }
                                Target::Ambiguous(v)
                            }
                            Target::Role(_) => continue,
                        };
                        o.insert(merged);
                    }
                }
            }
        };
        let mut abbr = crate::hash::FastMap::default();
        for e in dict.entities() {
            let t = ix[&e.id];
            for n in e.names() {
                add(n, t, false);
            }
            for n in &e.ambiguous {
                add(n, t, true);
            }
            for a in &e.abbr {
                if let Some(c) = a.chars().next() {
                    abbr.entry(c).or_insert(t);
                }
            }
        }
        let mut roles: Vec<RolePhrase> = Vec::new();
        let mut role_ix: BTreeMap<&str, u32> = BTreeMap::new();
        for r in dict.roles() {
            if role_ix.contains_key(r.role.as_str()) {
                continue;
            }
            // The longest name the phrase starts with (美国 in 美国总统), by direct lookup.
            let prefix = r
                .role
                .char_indices()
                .rev()
                .filter(|&(end, _)| end > 0)
                .find_map(|(end, _)| match patterns.get(&r.role[..end]) {
                    Some(Target::Entity(t)) => Some((end, *t)),
                    _ => None,
                });
            role_ix.insert(r.role.as_str(), roles.len() as u32);
            // Role phrases are matched on simplified text too.
            debug_assert_eq!(crate::script::to_simplified(&r.role), r.role);
            roles.push(RolePhrase {
                phrase: r.role.clone(),
                prefix,
            });
        }
        // A role phrase wins over a name spelled the same (rare; roles are longer).
        for (phrase, i) in role_ix {
            patterns.insert(phrase.to_string(), Target::Role(i));
        }
        let ac = build(patterns.keys().map(String::as_str));
        Gazetteer {
            ac,
            targets: patterns.into_values().collect(),
            entities,
            roles,
            abbr,
        }
    }

    /// Leftmost-longest, non-overlapping matches over `text` (already script-normalised).
    pub(crate) fn find(&self, text: &str) -> Vec<RawMatch> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        ac.find_iter(text)
            .filter(|m| latin_word_boundaries(text, m.start(), m.end()))
            .map(|m| RawMatch {
                span: Span::new(m.start(), m.end()),
                target: self.targets[m.pattern().as_usize()].clone(),
            })
            .collect()
    }
}

fn build<'a>(patterns: impl Iterator<Item = &'a str>) -> Option<AhoCorasick> {
    let patterns: Vec<&str> = patterns.collect();
    if patterns.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .ok()
}

fn dot_variants(text: &str) -> Vec<String> {
    // Text is matched after traditional → simplified mapping, so names must be mapped the
    // same way (大阪 becomes 大坂 in both).
    let text = &crate::script::to_simplified(text);
    let mut out = vec![text.to_string()];
    if text.contains('·') {
        out.extend(DOTS.iter().map(|d| text.replace('·', &d.to_string())));
    }
    out
}

/// A Latin name (CNN, NATO) must not be part of a longer Latin word (CNNs, NATOs is fine to miss).
fn latin_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let is_word = |c: char| c.is_ascii_alphanumeric();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued_left = first.is_some_and(is_word) && before.is_some_and(is_word);
    let glued_right = last.is_some_and(is_word) && after.is_some_and(is_word);
    !glued_left && !glued_right
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        let tsv = "id\tname\ttype\taliases\tabbr\n\
usa\t美国\tplace\t美利坚合众国\t美\n\
nato\t北约\torganization\t北大西洋公约组织|NATO\t\n\
jack-sullivan\t沙利文\tperson\t杰克·沙利文\t\n\
george-bush\t布什\tperson\t~小布什\t\n";
        let mut d = Dictionary::from_reader("t.tsv", tsv.as_bytes()).unwrap();
        d.merge(
            Dictionary::from_reader(
                "r.tsv",
                "role\tentity\tfrom\n美国国家安全顾问\tjack-sullivan\t2021-01-20\n".as_bytes(),
            )
            .unwrap(),
        );
        Gazetteer::new(&d)
    }

    #[test]
    fn matches() {
        let g = gaz();
        for (text, want) in [
            ("北大西洋公约组织", vec!["北大西洋公约组织"]),
            (
                "杰克·沙利文和杰克•沙利文",
                vec!["杰克·沙利文", "杰克•沙利文"],
            ),
            (
                "美国国家安全顾问杰克·沙利文",
                vec!["美国国家安全顾问", "杰克·沙利文"],
            ),
            ("NATO and NATOs", vec!["NATO"]),
            ("北约北约", vec!["北约", "北约"]),
        ] {
            let got: Vec<&str> = g.find(text).iter().map(|m| &text[m.span]).collect();
            assert_eq!(got, want, "{text}");
        }
        let r = &g.roles[0];
        assert_eq!(r.prefix.map(|p| p.0), Some("美国".len()));
    }
}
