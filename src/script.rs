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
    // One pass finds what the text needs; most of a mainland corpus needs nothing.
    let changeable = changeable();
    let (mut convert, mut respell) = (false, false);
    for c in text.chars() {
        if (c as u32) < 0x800 {
            continue; // ASCII and 2-byte characters: nothing to do
        }
        convert |= may_change(changeable, c);
        respell |= matches!(c, '｢' | '｣') || DOT_LOOKALIKES.contains(&c);
        if convert && respell {
            break;
        }
    }
    // fast2s: MIT, context-aware (looks at neighbours), and replaces 3-byte characters by 3-byte
    // characters only. We check the length invariant anyway and keep the original text if a
    // future version ever broke it, since offsets matter more than conversion.
    let out = match convert {
        false => text.to_string(),
        true => match fast2s::convert(text) {
            converted if converted.len() == text.len() => converted,
            _ => per_char(text),
        },
    };
    if !respell {
        return out;
    }
    // Half-width corner brackets (HK typing) pair like 「」; look-alike dots become `•`. All
    // are 3 bytes in UTF-8, like their replacements: offsets stay the same.
    out.chars()
        .map(|c| match c {
            '｢' => '「',
            '｣' => '」',
            c if DOT_LOOKALIKES.contains(&c) => '•',
            c => c,
        })
        .collect()
}

/// Whether fast2s may change `c` in some context: a bit per character of the 3-byte range
/// (the only characters it converts), set where converting the character alone changes it,
/// plus the characters it converts only beside certain neighbours (看著 → 看着). Built once.
fn may_change(bits: &[u64], c: char) -> bool {
    let u = c as u32;
    (CHANGEABLE_FIRST..=CHANGEABLE_LAST).contains(&u) && {
        let k = (u - CHANGEABLE_FIRST) as usize;
        bits[k >> 6] & (1 << (k & 63)) != 0
    }
}

const CHANGEABLE_FIRST: u32 = 0x800;
const CHANGEABLE_LAST: u32 = 0xFFFF;

/// The bitmap of [`may_change`], built once.
fn changeable() -> &'static [u64] {
    const FIRST: u32 = CHANGEABLE_FIRST;
    const LAST: u32 = CHANGEABLE_LAST;
    /// fast2s 0.3 converts these only in set phrases (藉口, 看著, 苧麻).
    const CONTEXTUAL: &str = "藉著苧";
    static BITS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
        let mut bits = vec![0u64; ((LAST - FIRST) as usize >> 6) + 1];
        let mut buf = [0u8; 4];
        for u in FIRST..=LAST {
            let Some(c) = char::from_u32(u) else { continue };
            let s = c.encode_utf8(&mut buf);
            if CONTEXTUAL.contains(c) || fast2s::convert(s) != *s {
                let k = (u - FIRST) as usize;
                bits[k >> 6] |= 1 << (k & 63);
            }
        }
        bits
    });
    &BITS
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

    /// The fast path (no character fast2s could change) gives what fast2s gives.
    #[test]
    fn skipping_unchanged_text_agrees_with_fast2s() {
        for t in [
            "他看著我",
            "以此为藉口",
            "苧麻",
            "乾隆皇帝",
            "回覆",
            "北约秘书长说",
            "abc",
            "計畫",
            "於是",
            "台灣",
            "后来",
        ] {
            assert_eq!(to_simplified(t), fast2s::convert(t), "{t}");
        }
        let bits = changeable();
        assert!(!may_change(bits, '北') && may_change(bits, '約') && may_change(bits, '著'));
        assert!(!may_change(bits, 'a'));
        assert_eq!(to_simplified("｢北約｣"), "「北约」");
    }
}
