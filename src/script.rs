//! Script normalisation that keeps every byte offset.
//!
//! Traditional-script articles (Hong Kong, Taiwan) are matched against simplified dictionaries
//! and lexicons by mapping each traditional character to its simplified form *in place*. The
//! mapping is character for character and only ever swaps a 3-byte character for another 3-byte
//! character, so a byte offset into the normalised text is the same offset into the original:
//! stages work on the normalised text and every span still slices the original.

/// Returns `text` with traditional characters replaced by simplified ones (and middle-dot
/// look-alikes by `•`), byte for byte the same length.
///
/// # Example
/// ```
/// let t = "烏克蘭總統澤連斯基表示";
/// let s = newsgraph::script::to_simplified(t);
/// assert_eq!(s, "乌克兰总统泽连斯基表示");
/// assert_eq!(s.len(), t.len());
/// ```
pub fn to_simplified(text: &str) -> String {
    // fast2s: MIT, context-aware (looks at neighbours), and replaces 3-byte characters by 3-byte
    // characters only. We check the length invariant anyway and keep the original text if a
    // future version ever broke it, since offsets matter more than conversion.
    let converted = fast2s::convert(text);
    let mut out = if converted.len() == text.len() {
        converted
    } else {
        per_char(text)
    };
    if out.contains(['｢', '｣']) {
        // Half-width corner brackets (HK typing) pair like 「」; both are 3 bytes.
        out = out.replace('｢', "「").replace('｣', "」");
    }
    if out.contains(DOT_LOOKALIKES) {
        // Every look-alike is 3 bytes in UTF-8, like `•`: offsets stay the same.
        out = out.replace(DOT_LOOKALIKES, "•");
    }
    out
}

/// Middle-dot look-alikes in foreign names (‧ ・ ･ ∙ ⋅), mapped to `•` so that a name needs two
/// spellings only (`·` and `•`). `．` is left alone: it also ends sentences.
const DOT_LOOKALIKES: &[char] = &['‧', '・', '･', '∙', '⋅'];

fn per_char(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let s = fast2s::convert(c.encode_utf8(&mut buf));
        if s.len() == c.len_utf8() {
            out.push_str(&s);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_length_and_ascii() {
        for t in ["", "abc", "北約（NATO）秘書長", "「我們」說", "美国"] {
            assert_eq!(to_simplified(t).len(), t.len(), "{t}");
        }
        assert_eq!(to_simplified("北約"), "北约");
        assert_eq!(to_simplified("abc 123"), "abc 123");
        assert_eq!(to_simplified("杰克‧沙利文・拜登"), "杰克•沙利文•拜登");
    }
}
