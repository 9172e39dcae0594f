//! The built-in dictionaries parse, are consistent, and cover what they promise.

use newsgraph::{Dictionary, EntityKind};
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn builtins_parse_and_validate() {
    let d = Dictionary::builtin();
    d.validate().unwrap();
    assert!(!d.is_empty());
}

#[test]
fn ids_and_names_are_clean() {
    let mut seen = BTreeSet::new();
    for e in Dictionary::builtin().entities() {
        assert!(seen.insert(e.id.clone()));
        for n in e.names().chain(e.ambiguous.iter().map(String::as_str)) {
            assert!(
                !n.trim().is_empty() && n == n.trim(),
                "{}: bad alias {n:?}",
                e.id
            );
            assert!(
                n.chars().count() >= 2,
                "{}: one-character alias {n:?} (use the abbr column)",
                e.id
            );
        }
    }
}

#[test]
fn counts_per_type() {
    let mut counts: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for e in Dictionary::builtin().entities() {
        *counts.entry(e.kind).or_default() += 1;
    }
    // Every ISO 3166-1 country plus world cities and regions; leaders and officials; bodies.
    assert!(counts[&EntityKind::Place] >= 249 + 600, "{counts:?}");
    assert!(counts[&EntityKind::Person] >= 1500, "{counts:?}");
    assert!(counts[&EntityKind::Organization] >= 800, "{counts:?}");
    let from = |file: &str| {
        Dictionary::builtin()
            .entities()
            .filter(|e| e.origin.source == format!("builtin:{file}"))
            .count()
    };
    assert_eq!(from("countries.tsv"), 249, "every ISO 3166-1 entry");
    assert!(from("media.tsv") >= 150, "news outlets");
}

#[test]
fn role_ranges_of_one_role_do_not_overlap() {
    let mut by_role: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for r in Dictionary::builtin().roles() {
        by_role
            .entry(&r.role)
            .or_default()
            .push((&r.from, r.to.as_deref().unwrap_or("9999-12-31")));
    }
    for (role, mut ranges) in by_role {
        ranges.sort();
        for w in ranges.windows(2) {
            // A hand-over day may be shared (the outgoing holder's last day is the next's first).
            assert!(w[0].1 <= w[1].0, "{role}: {:?} overlaps {:?}", w[0], w[1]);
        }
    }
}

#[test]
fn well_known_entries_resolve() {
    let d = Dictionary::builtin();
    for (id, name) in [
        ("usa", "美国"),
        ("rus", "俄罗斯"),
        ("chn", "中国"),
        ("ukr", "乌克兰"),
        ("nato", "北约"),
    ] {
        assert_eq!(
            d.get(&id.into()).map(|e| e.name.as_str()),
            Some(name),
            "{id}"
        );
    }
    assert_eq!(
        d.role_holder("美国总统", Some("2021-12-08"))
            .map(|i| i.as_str()),
        Some("joe-biden")
    );
    assert_eq!(
        d.role_holder("美国总统", Some("2019-06-01"))
            .map(|i| i.as_str()),
        Some("donald-trump")
    );
}
