//! Character classes the recognisers test at every character, in one table over the CJK
//! block (a byte a character) instead of a binary search or a list scan per test.

/// A surname of [`SURNAMES`](super::chinese_name::SURNAMES).
pub(crate) const SURNAME: u8 = 1;
/// A transliteration character ([`TRANSLIT`](super::recognize::TRANSLIT)).
pub(crate) const TRANSLIT: u8 = 2;
/// The last character of an organization suffix.
pub(crate) const ORG_SUFFIX_END: u8 = 4;
/// A place suffix character (省, 市, 岛 …).
pub(crate) const PLACE_SUFFIX: u8 = 8;
/// The last character of a title before a name (国务卿布林肯).
pub(crate) const TITLE_END: u8 = 16;

/// The first character of a compound surname (欧阳, 司马 …).
pub(crate) const COMPOUND_SURNAME_START: u8 = 32;
/// One of the most frequent surnames, which may stand alone before an honorific (吴先生).
pub(crate) const COMMON_SURNAME: u8 = 64;

const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;

/// Place suffix characters (the model's flag; suffix.rs has the full suffix words).
const PLACE_SUFFIXES: &str = "省市县区镇乡村州岛山河江湖海洋湾峡国洲城州盟";

/// The classes of `c` (0 outside the CJK block, where no class has members; a test checks).
pub(crate) fn classes(c: char) -> u8 {
    static TABLE: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
        let mut t = vec![0u8; (LAST - FIRST + 1) as usize];
        let mut mark = |chars: &mut dyn Iterator<Item = char>, class: u8| {
            for c in chars {
                if let Some(k) = index(c) {
                    t[k] |= class;
                }
            }
        };
        mark(&mut super::chinese_name::SURNAMES.chars(), SURNAME);
        mark(&mut super::recognize::TRANSLIT.chars(), TRANSLIT);
        mark(
            &mut super::suffix::ORG_SUFFIXES
                .iter()
                .filter_map(|s| s.chars().next_back()),
            ORG_SUFFIX_END,
        );
        mark(&mut PLACE_SUFFIXES.chars(), PLACE_SUFFIX);
        mark(
            &mut super::recognize::titles().filter_map(|s| s.chars().next_back()),
            TITLE_END,
        );
        mark(
            &mut super::chinese_name::SURNAMES
                .chars()
                .take(super::chinese_name::COMMON_SURNAMES),
            COMMON_SURNAME,
        );
        mark(
            &mut super::chinese_name::COMPOUND_SURNAMES
                .iter()
                .filter_map(|s| s.chars().next()),
            COMPOUND_SURNAME_START,
        );
        t
    });
    index(c).map_or(0, |k| TABLE[k])
}

/// Whether `c` is in `class`.
pub(crate) fn is(c: char, class: u8) -> bool {
    classes(c) & class != 0
}

fn index(c: char) -> Option<usize> {
    let u = c as u32;
    (FIRST..=LAST).contains(&u).then(|| (u - FIRST) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every member of every class lies in the table's block, so the table is the whole set.
    #[test]
    fn classes_are_complete() {
        let lists: [(&str, Vec<char>); 6] = [
            (
                "compound surnames",
                super::super::chinese_name::COMPOUND_SURNAMES
                    .iter()
                    .filter_map(|s| s.chars().next())
                    .collect(),
            ),
            (
                "surnames",
                super::super::chinese_name::SURNAMES.chars().collect(),
            ),
            (
                "translit",
                super::super::recognize::TRANSLIT.chars().collect(),
            ),
            (
                "org suffixes",
                super::super::suffix::ORG_SUFFIXES
                    .iter()
                    .filter_map(|s| s.chars().next_back())
                    .collect(),
            ),
            ("place suffixes", PLACE_SUFFIXES.chars().collect()),
            (
                "titles",
                super::super::recognize::titles()
                    .filter_map(|s| s.chars().next_back())
                    .collect(),
            ),
        ];
        for (name, chars) in lists {
            for c in chars {
                assert!(index(c).is_some(), "{name}: {c:?} outside the table");
            }
        }
        for (c, class, want) in [
            ('王', SURNAME, true),
            ('斯', TRANSLIT, true),
            ('会', ORG_SUFFIX_END, true),
            ('省', PLACE_SUFFIX, true),
            ('卿', TITLE_END, true),
            ('欧', COMPOUND_SURNAME_START, true),
            ('吴', COMMON_SURNAME, true),
            ('国', COMMON_SURNAME, false),
            (
                '的',
                SURNAME | TRANSLIT | ORG_SUFFIX_END | PLACE_SUFFIX | TITLE_END,
                false,
            ),
            ('A', TRANSLIT, false),
        ] {
            assert_eq!(is(c, class), want, "{c} {class}");
        }
    }
}
