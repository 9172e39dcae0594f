//! The quote stage's word lists, read once from `dictionaries/quote_words.tsv`.
//!
//! Every list the sieves consult (connectives, modals, descriptors, gap words, continuation
//! words …) lives in that one file, so that a linguist can extend them without reading code
//! and no list is written twice. The file is embedded and parsed on first use; rows keep
//! their order, because some rules take the first word that matches.

use std::sync::LazyLock;

/// The embedded list file.
const SOURCE: &str = include_str!("../../dictionaries/quote_words.tsv");
/// Its name in error messages.
const ORIGIN: &str = "builtin:quote_words.tsv";

macro_rules! word_lists {
    (words { $($w:ident),* $(,)? } chars { $($c:ident),* $(,)? }) => {
        /// All lists, by their name in the file.
        pub(crate) struct Words {
            $(pub $w: &'static [&'static str],)*
            $(pub $c: &'static [char],)*
        }

        impl Words {
            fn parse(source: &'static str) -> Result<Words, String> {
                $(let mut $w: Vec<&'static str> = Vec::new();)*
                $(let mut $c: Vec<char> = Vec::new();)*
                let mut header = false;
                for (n, line) in source.lines().enumerate() {
                    let at = |what: String| format!("{ORIGIN}:{}: {what}", n + 1);
                    if line.trim().is_empty() || line.starts_with('#') {
                        continue;
                    }
                    if !header {
                        if line != "list\tword" {
                            return Err(at(format!("expected the header `list<TAB>word`, found {line:?}")));
                        }
                        header = true;
                        continue;
                    }
                    let Some((list, word)) = line.split_once('\t') else {
                        return Err(at(format!("expected `list<TAB>word`, found {line:?}")));
                    };
                    if word.is_empty() || word.contains('\t') || word.trim() != word {
                        return Err(at(format!("bad word {word:?}")));
                    }
                    match list {
                        $(stringify!($w) => {
                            if $w.contains(&word) {
                                return Err(at(format!("{word:?} is already in {list}")));
                            }
                            $w.push(word);
                        })*
                        $(stringify!($c) => {
                            let mut chars = word.chars();
                            let (Some(c), None) = (chars.next(), chars.next()) else {
                                return Err(at(format!("{list} takes one character a row, found {word:?}")));
                            };
                            if $c.contains(&c) {
                                return Err(at(format!("{word:?} is already in {list}")));
                            }
                            $c.push(c);
                        })*
                        _ => return Err(at(format!("unknown list {list:?}"))),
                    }
                }
                $(if $w.is_empty() {
                    return Err(format!("{ORIGIN}: list {} is empty", stringify!($w)));
                })*
                $(if $c.is_empty() {
                    return Err(format!("{ORIGIN}: list {} is empty", stringify!($c)));
                })*
                // Parsed once per process: the lists live as long as the program.
                Ok(Words {
                    $($w: Vec::leak($w),)*
                    $($c: Vec::leak($c),)*
                })
            }
        }
    };
}

word_lists! {
    words {
        connectives, modals, pronouns, anaphoric, statement_acts, content_openers, descriptors,
        attitude_nouns, asides, plain_say, nominal_joiners, relay_ends, documents, chained_acts,
        audiences, weekdays, adverbs, occasion_openers, occasion_ends, relative_times,
        document_qualifiers, continuations, collective, collective_joiners, noun_determiners,
        coordinators, after_quotation_cues, relay_trailers,
    }
    chars { prepositions, glue_breakers, predicate_openers, meeting_suffixes }
}

/// The lists, parsed on first use. The file is part of the library and checked by the
/// tests, so a parse error here is a bug in the build, reported with its line.
pub(crate) static WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::parse(SOURCE).unwrap_or_else(|e| panic!("{e}")));

#[cfg(test)]
mod tests {
    use super::Words;

    #[test]
    fn the_builtin_lists_parse() {
        let w = Words::parse(super::SOURCE).unwrap();
        assert!(w.descriptors.contains(&"消息人士"));
        assert!(w.prepositions.contains(&'对'));
    }

    #[test]
    fn bad_rows_name_their_line() {
        for (source, want) in [
            (
                "list\tword\nmodals\t将\nmodals\t将\n",
                ":3: \"将\" is already in modals",
            ),
            ("list\tword\nnouns\t人\n", ":2: unknown list \"nouns\""),
            (
                "list\tword\nprepositions\t对于\n",
                ":2: prepositions takes one character",
            ),
            ("word\tlist\n", ":1: expected the header"),
            ("list\tword\nmodals\n", ":2: expected `list<TAB>word`"),
            ("list\tword\nmodals\t 将\n", ":2: bad word"),
        ] {
            let source: &'static str = Box::leak(source.to_string().into_boxed_str());
            let err = Words::parse(source).err().unwrap();
            assert!(err.contains(want), "{err}");
        }
    }
}
