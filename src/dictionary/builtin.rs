//! The embedded built-in dictionaries, parsed once per process by the same loader as user files.

use super::Dictionary;
use std::sync::LazyLock;

/// Every built-in file, by name. Adding a file here is all it takes to ship it.
pub(crate) const FILES: &[(&str, &str)] = &[
    (
        "countries.tsv",
        include_str!("../../dictionaries/countries.tsv"),
    ),
    ("places.tsv", include_str!("../../dictionaries/places.tsv")),
    (
        "organizations.tsv",
        include_str!("../../dictionaries/organizations.tsv"),
    ),
    ("media.tsv", include_str!("../../dictionaries/media.tsv")),
    (
        "people-leaders.tsv",
        include_str!("../../dictionaries/people-leaders.tsv"),
    ),
    (
        "people-officials.tsv",
        include_str!("../../dictionaries/people-officials.tsv"),
    ),
    (
        "roles-leaders.tsv",
        include_str!("../../dictionaries/roles-leaders.tsv"),
    ),
    (
        "roles-officials.tsv",
        include_str!("../../dictionaries/roles-officials.tsv"),
    ),
];

static BUILTIN: LazyLock<Dictionary> = LazyLock::new(|| {
    let mut dict = Dictionary::empty();
    for (name, content) in FILES {
        // A bad built-in row is a bug in this crate, caught by tests/dictionaries.rs.
        let parsed = Dictionary::from_reader(&format!("builtin:{name}"), content.as_bytes())
            .map_err(|e| e.to_string())
            .and_then(|d| dict.append(d));
        if let Err(e) = parsed {
            panic!("built-in dictionary is invalid: {e}");
        }
    }
    dict
});

pub(crate) fn get() -> &'static Dictionary {
    &BUILTIN
}
