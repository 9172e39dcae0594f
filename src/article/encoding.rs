//! Bytes to text. UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark,
//! and the legacy encodings of Chinese archives, GB18030/GBK and Big5, which chardetng tells
//! apart; any WHATWG encoding when the user names it. Binary formats (Word, PDF, ZIP) are
//! named instead of being decoded into garbage.

use crate::error::{Error, Result};
use encoding_rs::{BIG5, DecoderResult, GB18030, GBK, UTF_8};

/// A text encoding to read input with: any WHATWG label (`gb18030`, `gbk`, `big5`, `utf-16le`,
/// `windows-1252`, …).
///
/// # Example
/// ```
/// use newsgraph::article::Encoding;
/// assert_eq!(Encoding::for_label("GBK").map(Encoding::name), Some("GBK"));
/// assert!(Encoding::for_label("klingon").is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Encoding(&'static encoding_rs::Encoding);

impl Encoding {
    /// The encoding a label names (case-insensitive), as a browser would read it.
    pub fn for_label(label: &str) -> Option<Encoding> {
        encoding_rs::Encoding::for_label(label.trim().as_bytes()).map(Encoding)
    }

    /// The canonical name (`GBK`, `Big5`, `UTF-16LE`, `UTF-8`).
    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

/// Decoded text and the encoding it was read from (`None` for UTF-8).
pub(crate) type Decoded = (String, Option<&'static str>);

/// Decodes a file's bytes (`base` is their offset in the file, for messages).
pub(crate) fn decode(
    name: &str,
    bytes: &[u8],
    forced: Option<Encoding>,
    lossy: bool,
    base: usize,
) -> Result<Decoded> {
    if let Some(kind) = binary_format(bytes) {
        return Err(Error::input(name, None, kind));
    }
    // A byte-order mark decides, as in browsers; then a forced encoding; then UTF-8.
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return decode_with(name, enc, &bytes[bom..], lossy, base + bom);
    }
    if let Some(Encoding(enc)) = forced {
        return decode_with(name, enc, bytes, lossy, base);
    }
    let bad = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok((s.to_string(), None)),
        Err(e) => e.valid_up_to(),
    };
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::input(
            name,
            None,
            format!(
                "binary data (a NUL byte at byte {}), not text; UTF-16 needs a byte-order mark or --encoding utf-16le",
                base + nul
            ),
        ));
    }
    let line = bytes[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
    let invalid_utf8 = format!(
        "invalid UTF-8 at byte {} (line {line}, byte 0x{:02x})",
        base + bad,
        bytes[bad]
    );
    if !mostly_utf8(bytes) {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        let guess = detector.guess(None, false);
        // The WHATWG GBK decoder is the GB18030 decoder: name it for what it reads.
        let chinese = if guess == GBK || guess == GB18030 {
            Some(GB18030)
        } else if guess == BIG5 {
            Some(BIG5)
        } else {
            None
        };
        match chinese {
            Some(enc) => return decode_with(name, enc, bytes, lossy, base),
            None if !lossy => {
                return Err(Error::input(
                    name,
                    None,
                    format!(
                        "{invalid_utf8}; not GB18030 or Big5 either (it looks like {}): name the encoding with --encoding, or use --lossy to replace the bad bytes",
                        guess.name()
                    ),
                ));
            }
            None => {}
        }
    }
    if lossy {
        return Ok((String::from_utf8_lossy(bytes).into_owned(), None));
    }
    Err(Error::input(
        name,
        None,
        format!("{invalid_utf8}; use --lossy to replace it"),
    ))
}

fn decode_with(
    name: &str,
    enc: &'static encoding_rs::Encoding,
    bytes: &[u8],
    lossy: bool,
    base: usize,
) -> Result<Decoded> {
    let label = (enc != UTF_8).then(|| enc.name());
    if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok((text.into_owned(), label));
    }
    if lossy {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok((text.into_owned(), label));
    }
    let at = first_error(enc, bytes);
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    Err(Error::input(
        name,
        None,
        format!(
            "read as {}, byte {} (line {line}, byte 0x{:02x}) is invalid; use --lossy to replace the bad bytes, or --encoding to name another encoding",
            enc.name(),
            base + at,
            bytes[at]
        ),
    ))
}

/// Offset of the first malformed sequence of `bytes` in `enc` (which has one).
fn first_error(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> usize {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::Malformed(bad, after) => read - bad as usize - after as usize,
        _ => read.min(bytes.len().saturating_sub(1)),
    }
}

/// UTF-8 with a few damaged bytes, as opposed to another encoding: valid multi-byte sequences
/// outnumber the invalid ones tenfold. (GBK or Big5 text is valid UTF-8 only by accident, so
/// its errors are about as many as its "valid" sequences.)
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > invalid * 10
}

/// Names a binary file format by its magic bytes, with what to do about it.
fn binary_format(bytes: &[u8]) -> Option<String> {
    let (what, hint) = if bytes.starts_with(b"PK\x03\x04") {
        (
            "a ZIP archive (a .docx, .odt, .xlsx or .epub file is one)",
            "convert it to text, Markdown or HTML first, e.g. `pandoc FILE -t markdown -o FILE.md`",
        )
    } else if bytes.starts_with(b"%PDF-") {
        (
            "a PDF document",
            "extract its text first, e.g. `pdftotext FILE FILE.txt`",
        )
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        (
            "a Microsoft Office 97-2003 file (.doc, .xls)",
            "save it as text, HTML or .docx and convert that first",
        )
    } else if bytes.starts_with(b"\x1F\x8B") {
        (
            "gzip-compressed",
            "decompress it first, e.g. `zcat FILE | newsgraph analyze -`",
        )
    } else {
        return None;
    };
    Some(format!(
        "{what}, not text: newsgraph reads Markdown, HTML, plain text and JSON; {hint}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "美国总统拜登7日与俄罗斯总统普京举行视频会谈，双方讨论了乌克兰局势。";
    const TRADITIONAL: &str = "美國總統拜登7日與俄羅斯總統普京舉行視頻會談，雙方討論了烏克蘭局勢。";

    fn encode(enc: &'static encoding_rs::Encoding, s: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = enc.encode(s);
        assert!(!unmappable, "{s} in {}", enc.name());
        bytes.into_owned()
    }

    #[test]
    fn legacy_chinese_encodings_are_detected() {
        for (bytes, want, encoding) in [
            (SENTENCE.as_bytes().to_vec(), SENTENCE, None),
            (encode(GB18030, SENTENCE), SENTENCE, Some("gb18030")),
            (encode(GBK, SENTENCE), SENTENCE, Some("gb18030")),
            (encode(GB18030, TRADITIONAL), TRADITIONAL, Some("gb18030")),
            (encode(BIG5, TRADITIONAL), TRADITIONAL, Some("Big5")),
            (
                [b"\xEF\xBB\xBF", SENTENCE.as_bytes()].concat(),
                SENTENCE,
                None,
            ),
        ] {
            let (text, got) = decode("x", &bytes, None, false, 0).unwrap();
            assert_eq!(
                (text.as_str(), got),
                (want, encoding),
                "{want} {encoding:?}"
            );
        }
    }

    #[test]
    fn utf16_needs_its_byte_order_mark() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(SENTENCE.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(SENTENCE.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(
            decode("x", &le, None, false, 0).unwrap(),
            (SENTENCE.to_string(), Some("UTF-16LE"))
        );
        assert_eq!(
            decode("x", &be, None, false, 0).unwrap(),
            (SENTENCE.to_string(), Some("UTF-16BE"))
        );
        let err = decode("x", &le[2..], None, false, 0).unwrap_err();
        assert!(err.to_string().contains("byte-order mark"), "{err}");
    }

    #[test]
    fn a_forced_encoding_wins_over_detection() {
        let big5 = encode(BIG5, TRADITIONAL);
        let forced = Encoding::for_label("big5");
        assert_eq!(decode("x", &big5, forced, false, 0).unwrap().0, TRADITIONAL);
        let err = decode("x", b"\xB1\xED\xFF", Encoding::for_label("gbk"), false, 0).unwrap_err();
        assert!(
            err.to_string().starts_with("x: read as GBK, byte 2"),
            "{err}"
        );
    }

    #[test]
    fn damaged_utf8_is_not_mistaken_for_another_encoding() {
        let bytes = [SENTENCE.as_bytes(), b"\xFF", SENTENCE.as_bytes()].concat();
        let err = decode("x", &bytes, None, false, 0).unwrap_err().to_string();
        let at = format!("invalid UTF-8 at byte {} ", SENTENCE.len());
        assert!(
            err.contains(&at) && err.ends_with("use --lossy to replace it"),
            "{err}"
        );
        let (text, encoding) = decode("x", &bytes, None, true, 0).unwrap();
        assert_eq!((text.matches('\u{fffd}').count(), encoding), (1, None));
    }

    #[test]
    fn other_encodings_need_naming() {
        let french =
            b"Le pr\xE9sident fran\xE7ais a d\xE9clar\xE9 que la r\xE9union \xE9tait utile.";
        let err = decode("x", french, None, false, 0).unwrap_err().to_string();
        assert!(err.contains("--encoding"), "{err}");
        let (text, encoding) =
            decode("x", french, Encoding::for_label("latin1"), false, 0).unwrap();
        assert!(text.starts_with("Le président"), "{text}");
        assert_eq!(encoding, Some("windows-1252"));
    }

    #[test]
    fn binary_formats_are_named() {
        for (bytes, want) in [
            (&b"PK\x03\x04\x14\x00\x06\x00"[..], "a ZIP archive"),
            (b"%PDF-1.7\n%\xE2\xE3", "a PDF document"),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00", "Office 97-2003"),
            (b"\x1F\x8B\x08\x00", "gzip"),
            (b"abc\x00\x01\xFF", "NUL byte at byte 3"),
        ] {
            let err = decode("x", bytes, None, true, 0).unwrap_err().to_string();
            assert!(err.contains(want), "{err}");
        }
    }
}
