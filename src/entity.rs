//! Entities: ids, kinds, and the linking stage that groups mentions into entities.

use crate::mention::Mention;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A stable entity id (`joe-biden`, `nato`, `usa`). Ids are not names: use
/// [`Entity::name`] to show one.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(String);

impl EntityId {
    /// Wraps a string as an id.
    pub fn new(id: impl Into<String>) -> EntityId {
        EntityId(id.into())
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for EntityId {
    fn from(s: &str) -> EntityId {
        EntityId(s.to_string())
    }
}

/// The type of an entity, as the output contract spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place: country, city, region, sea.
    Place,
    /// An organization: government body, seat of government used as an actor, party, army,
    /// outlet, company, international body.
    Organization,
    /// Anything else worth tracking: pipelines, treaties, events.
    Other,
}

impl EntityKind {
    /// Parses `person`, `place`, `organization` or `other`.
    pub fn from_name(s: &str) -> Option<EntityKind> {
        Some(match s {
            "person" => EntityKind::Person,
            "place" => EntityKind::Place,
            "organization" => EntityKind::Organization,
            "other" => EntityKind::Other,
            _ => return None,
        })
    }

    /// The contract's spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Other => "other",
        }
    }
}

/// One real-world referent in a document, with all its mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id: the dictionary's id, or `person:NAME`, `place:NAME`, `org:NAME`, `other:NAME` for
    /// an entity found by a recogniser.
    pub id: EntityId,
    /// Canonical name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Country id, where known (`usa` for 拜登 and 白宫).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<EntityId>,
    /// English name, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// The distinct surface forms seen in this document, in order of first appearance.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Mentions, sorted by position.
    pub mentions: Vec<Mention>,
}

/// Groups linked mentions into entities, sorted by first mention (ties by id).
///
/// `describe` gives the canonical name, kind, country and English name of a dictionary id;
/// other ids (found by rules) take their first mention's text and the given kind.
pub fn group(
    mentions: impl IntoIterator<Item = (EntityId, EntityKind, Mention)>,
    describe: impl Fn(&EntityId) -> Option<(String, EntityKind, Option<EntityId>, Option<String>)>,
) -> Vec<Entity> {
    let mut by_id: BTreeMap<EntityId, (EntityKind, Vec<Mention>)> = BTreeMap::new();
    for (id, kind, m) in mentions {
        by_id
            .entry(id)
            .or_insert_with(|| (kind, Vec::new()))
            .1
            .push(m);
    }
    let mut out: Vec<Entity> = by_id
        .into_iter()
        .map(|(id, (kind, mut ms))| {
            ms.sort_by_key(|m| m.span);
            let (name, kind, country, en) =
                describe(&id).unwrap_or_else(|| (ms[0].text.clone(), kind, None, None));
            let mut forms: Vec<String> = Vec::new();
            for m in &ms {
                if !forms.contains(&m.text) {
                    forms.push(m.text.clone());
                }
            }
            Entity {
                id,
                name,
                kind,
                country,
                en,
                forms,
                mentions: ms,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.mentions[0]
            .span
            .cmp(&b.mentions[0].span)
            .then(a.id.cmp(&b.id))
    });
    out
}
