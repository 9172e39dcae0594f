//! The document: the output contract of `newsgraph analyze`, one JSON object per article.

use crate::entity::Entity;
use crate::mention::Group;
use crate::quote::Quote;
use crate::relation::Relation;
use serde::{Deserialize, Serialize};

/// Everything newsgraph found in one article. Field names are the contract of DESIGN.md.
///
/// `quotes` and `relations` are filled by their stages; each entry is a JSON object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// ISO 8601 date.
    pub date: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// The encoding the article was read from, when it was not UTF-8 (`gb18030`, `Big5`,
    /// `UTF-16LE`): an extension of the contract, absent for UTF-8 input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Plain text; every offset is a UTF-8 byte offset into it.
    pub text: String,
    /// Entities, sorted by first mention.
    pub entities: Vec<Entity>,
    /// Attributed statements, in text order (nested ones after their parent).
    pub quotes: Vec<Quote>,
    /// Actor–actor relations.
    pub relations: Vec<Relation>,
    /// Plural descriptions and the entities they name (两国总统 → 拜登, 普京): an extension of
    /// the contract.
    #[serde(default)]
    pub groups: Vec<Group>,
}

impl Document {
    /// The document as one line of JSON (no trailing newline).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_else(|e| unreachable!("a Document always serialises: {e}"))
    }

    /// The document as indented JSON, for reading one document (no trailing newline).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| unreachable!("a Document always serialises: {e}"))
    }
}
