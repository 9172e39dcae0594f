//! Zero-subject continuation: a cue clause with no subject that opens with a word of
//! continuation (又指, 并称, 亦表示, 更强调, 续指, 同时表示, 但强调, 还说) is a new statement of
//! the speaker before it, in its sentence or else in its paragraph. Without such a word a
//! subjectless cue inside reported speech (强调，A，预计B) belongs to that speech.

use super::words::WORDS;

/// True when `clause` (the words between the clause's start and its cue) opens with a word of
/// continuation.
pub(super) fn opens_continuation(clause: &str) -> bool {
    let c = clause.trim_start();
    WORDS.continuations.iter().any(|w| c.starts_with(w))
}

#[cfg(test)]
mod tests {
    #[test]
    fn continuation_words() {
        for (clause, want) in [
            ("并", true),
            ("又", true),
            ("同时", true),
            ("但", true),
            ("续", true),
            ("", false),
            ("他", false),
            ("拜登", false),
            ("预计", false),
        ] {
            assert_eq!(super::opens_continuation(clause), want, "{clause:?}");
        }
    }
}
