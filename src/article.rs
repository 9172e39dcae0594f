//! Input articles and their readers: Markdown with YAML front matter, HTML, plain text and
//! JSON lines.
//!
//! Every reader produces the same [`Article`]: an id, optional title, date and source, and one
//! plain `text` in which the title comes first and each heading or paragraph is a line.

mod date;
mod html;
mod markdown;

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read};
use std::path::Path;

pub use date::normalize_date;

/// One news article, ready for [`Analyzer::analyze`](crate::Analyzer::analyze).
///
/// # Example
/// ```
/// use newsgraph::Article;
/// let a = Article::new("a1", "拜登表示，美国将提供援助。")
///     .with_title("美国宣布援助")
///     .with_date("2021-12-08");
/// assert_eq!(a.text, "美国宣布援助\n拜登表示，美国将提供援助。");
/// assert_eq!(a.date.as_deref(), Some("2021-12-08"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Identifier: the front matter's `id`, the JSON line's `id`, or the file stem.
    pub id: String,
    /// Headline, when known. It is also the first line of `text`.
    pub title: Option<String>,
    /// Publication date in ISO 8601 (`2021-12-08T01:56:33Z` or `2021-12-08`).
    pub date: Option<String>,
    /// Outlet or author, when known.
    pub source: Option<String>,
    /// Plain text: title, then one line per heading or paragraph.
    pub text: String,
    /// Problems that did not stop reading (e.g. front matter without its closing `---`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Article {
    /// An article whose text is `text` as given.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    /// Sets the title and puts it as the first line of `text`.
    pub fn with_title(mut self, title: impl Into<String>) -> Article {
        let title = clean_line(&title.into());
        if !title.is_empty() {
            self.text = if self.text.is_empty() {
                title.clone()
            } else {
                format!("{title}\n{}", self.text)
            };
            self.title = Some(title);
        }
        self
    }

    /// Sets the date, normalised to ISO 8601 when it can be parsed (kept as given otherwise,
    /// with a warning).
    pub fn with_date(mut self, date: &str) -> Article {
        let date = date.trim();
        if date.is_empty() {
            return self;
        }
        match normalize_date(date) {
            Some(iso) => self.date = Some(iso),
            None => {
                self.warnings
                    .push(format!("date {date:?} not understood; kept as given"));
                self.date = Some(date.to_string());
            }
        }
        self
    }

    /// Sets the source (outlet).
    pub fn with_source(mut self, source: impl Into<String>) -> Article {
        let s = source.into();
        if !s.trim().is_empty() {
            self.source = Some(s.trim().to_string());
        }
        self
    }

    /// The calendar day of `date` (`YYYY-MM-DD`), used to resolve dated roles.
    pub fn day(&self) -> Option<&str> {
        let d = self.date.as_deref()?;
        (d.len() >= 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-').then(|| &d[..10])
    }

    /// Reads a single-article file (Markdown, HTML or text), detecting the format.
    ///
    /// # Errors
    /// When the file cannot be read, is not UTF-8, or is a JSON-lines corpus (use [`read_path`]).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Article> {
        let path = path.as_ref();
        let mut all = read_path(path, &ReadOptions::default())?;
        if all.len() != 1 {
            return Err(Error::input(
                &path.display().to_string(),
                None,
                format!("holds {} articles; use article::read_path", all.len()),
            ));
        }
        all.pop().unwrap_or_else(|| unreachable!())
    }
}

/// The kinds of input newsgraph reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputFormat {
    /// Markdown, optionally with YAML front matter; the body may be HTML.
    Markdown,
    /// An HTML page.
    Html,
    /// Plain text: one paragraph per line.
    Text,
    /// JSON lines `{"id", "text", "title"?, "date"?, "source"?}`, one article per line.
    JsonLines,
}

impl InputFormat {
    /// Parses `md`, `markdown`, `html`, `htm`, `text`, `txt`, `jsonl`, `ndjson`, `json`.
    pub fn from_name(name: &str) -> Option<InputFormat> {
        Some(match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => InputFormat::Markdown,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "text" | "txt" => InputFormat::Text,
            "jsonl" | "ndjson" | "json" => InputFormat::JsonLines,
            _ => return None,
        })
    }

    /// Guesses the format from a file name's extension, then from the content.
    pub fn detect(path: Option<&Path>, content: &str) -> InputFormat {
        if let Some(f) = path
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .and_then(InputFormat::from_name)
        {
            return f;
        }
        let head = content.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with("---") {
            InputFormat::Markdown
        } else if head.starts_with('{') {
            InputFormat::JsonLines
        } else if head.starts_with('<') {
            InputFormat::Html
        } else {
            InputFormat::Text
        }
    }
}

/// How to read input files.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Force a format instead of detecting it.
    pub format: Option<InputFormat>,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
}

/// Reads every article in a file (`-` reads standard input).
///
/// The outer `Result` fails when the file as a whole cannot be read (missing, a directory, not
/// UTF-8); for JSON lines each line is its own inner `Result`, so one bad line does not lose
/// the others.
///
/// # Errors
/// Missing file, a directory, unreadable bytes, or invalid UTF-8 (naming the byte offset) unless
/// `lossy` is set.
pub fn read_path(path: &Path, options: &ReadOptions) -> Result<Vec<Result<Article>>> {
    let name = display_name(path);
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
    } else {
        if path.is_dir() {
            return Err(Error::io(
                path,
                std::io::Error::other("is a directory, not an article file"),
            ));
        }
        bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| *s != "-")
        .unwrap_or("stdin");
    let text = decode(&name, bytes, options.lossy)?;
    let format = options
        .format
        .unwrap_or_else(|| InputFormat::detect(Some(path).filter(|p| *p != Path::new("-")), &text));
    Ok(parse(&name, stem, &text, format))
}

/// Parses already-decoded content in a given format. `stem` is the id used when the content
/// does not name one.
pub fn parse(
    source_name: &str,
    stem: &str,
    content: &str,
    format: InputFormat,
) -> Vec<Result<Article>> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    match format {
        InputFormat::Markdown => vec![markdown::parse(source_name, stem, content)],
        InputFormat::Html => vec![Ok(html::parse_page(stem, content))],
        InputFormat::Text => vec![Ok(from_paragraphs(stem, None, content.lines()))],
        InputFormat::JsonLines => content
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| parse_json_line(source_name, i + 1, l))
            .collect(),
    }
}

/// Streams a JSON-lines corpus, one `Result` per non-blank line, so that memory stays bounded
/// and a bad line is reported with its number while the rest go on.
pub fn read_jsonl<R: BufRead>(source_name: &str, reader: R, lossy: bool) -> JsonLines<R> {
    JsonLines {
        name: source_name.to_string(),
        reader,
        line: 0,
        offset: 0,
        lossy,
        buf: Vec::new(),
    }
}

/// Iterator returned by [`read_jsonl`].
#[derive(Debug)]
pub struct JsonLines<R> {
    name: String,
    reader: R,
    line: usize,
    offset: usize,
    lossy: bool,
    buf: Vec<u8>,
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Article>;
    fn next(&mut self) -> Option<Result<Article>> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(n) => {
                    self.line += 1;
                    let start = self.offset;
                    self.offset += n;
                    let bytes = std::mem::take(&mut self.buf);
                    let line = match decode_at(&self.name, bytes, self.lossy, start) {
                        Ok(l) => l,
                        Err(e) => return Some(Err(e)),
                    };
                    if line.trim().is_empty() {
                        continue;
                    }
                    return Some(parse_json_line(&self.name, self.line, &line));
                }
                Err(e) => {
                    self.line += 1;
                    return Some(Err(Error::input(
                        &self.name,
                        Some(self.line),
                        e.to_string(),
                    )));
                }
            }
        }
    }
}

#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
}

fn parse_json_line(source_name: &str, line_no: usize, line: &str) -> Result<Article> {
    let rec: JsonArticle = serde_json::from_str(line.trim_end_matches(['\r', '\n']))
        .map_err(|e| Error::input(source_name, Some(line_no), format!("invalid JSON: {e}")))?;
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(Error::input(
                source_name,
                Some(line_no),
                format!("\"id\" must be a string or number, got {other}"),
            ));
        }
        None => {
            return Err(Error::input(source_name, Some(line_no), "missing \"id\""));
        }
    };
    let Some(text) = rec.text else {
        return Err(Error::input(source_name, Some(line_no), "missing \"text\""));
    };
    let mut a = from_paragraphs(&id, rec.title.as_deref(), text.lines());
    if let Some(d) = rec.date {
        a = a.with_date(&d);
    }
    if let Some(s) = rec.source {
        a = a.with_source(s);
    }
    Ok(a)
}

/// Builds an article from a title and paragraphs, dropping empty lines and trimming each.
fn from_paragraphs<'a>(
    id: &str,
    title: Option<&str>,
    paragraphs: impl IntoIterator<Item = &'a str>,
) -> Article {
    let body: Vec<String> = paragraphs
        .into_iter()
        .map(clean_line)
        .filter(|p| !p.is_empty())
        .collect();
    let a = Article::new(id, body.join("\n"));
    match title {
        Some(t) => a.with_title(t),
        None => a,
    }
}

/// U+3000, the full-width space of CJK typography.
pub(crate) const IDEOGRAPHIC_SPACE: char = '\u{3000}';

/// Collapses white space inside a paragraph: runs become one space, and a space between two
/// CJK characters or punctuation (left by line wrapping in HTML or Markdown) disappears,
/// unless the run holds an ideographic space, which separates headline segments and stays.
pub(crate) fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    // An ideographic space inside the run of white space: a separator the writer typed on
    // purpose (headline segments: 习拜会后首谈台湾　拜登：不鼓励台独), kept as one.
    let mut ideographic = false;
    // Runs between white space are copied whole, not character by character.
    let mut run_start = None;
    for (i, c) in s.char_indices() {
        if !c.is_whitespace() {
            if run_start.is_none() {
                if pending_space {
                    let prev = out.chars().next_back().unwrap_or(' ');
                    if !(is_wide(prev) && is_wide(c)) {
                        out.push(' ');
                    } else if ideographic {
                        out.push(IDEOGRAPHIC_SPACE);
                    }
                    pending_space = false;
                }
                ideographic = false;
                run_start = Some(i);
            }
            continue;
        }
        if let Some(start) = run_start.take() {
            out.push_str(&s[start..i]);
        }
        // Any white space, the ideographic space included, is kept only inside text (as one
        // space, or nothing between wide characters), never at the edges.
        pending_space = !out.is_empty();
        ideographic |= c == IDEOGRAPHIC_SPACE;
    }
    if let Some(start) = run_start {
        out.push_str(&s[start..]);
    }
    out
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

fn decode(name: &str, bytes: Vec<u8>, lossy: bool) -> Result<String> {
    decode_at(name, bytes, lossy, 0)
}

fn decode_at(name: &str, bytes: Vec<u8>, lossy: bool, base: usize) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = base_line(bytes, at);
            Err(Error::input(
                name,
                None,
                format!(
                    "invalid UTF-8 at byte {} (line {line}, byte 0x{:02x}); use --lossy to replace it",
                    base + at,
                    bytes[at]
                ),
            ))
        }
    }
}

fn base_line(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_line_cases() {
        for (input, want) in [
            ("  拜登\n  表示 ", "拜登表示"),
            ("Joe  Biden 说", "Joe Biden 说"),
            ("美国 2021年", "美国 2021年"),
            ("", ""),
            ("\u{3000}\u{3000}美国 总统", "美国总统"),
            (
                "拜登：不鼓励台独\u{3000} 基于法",
                "拜登：不鼓励台独\u{3000}基于法",
            ),
            ("a\u{3000}b\t c", "a b c"),
            ("拜登 Biden  说 ", "拜登 Biden 说"),
        ] {
            assert_eq!(clean_line(input), want, "{input:?}");
        }
    }

    #[test]
    fn detect_cases() {
        for (path, content, want) in [
            (Some("a.md"), "", InputFormat::Markdown),
            (Some("a.HTML"), "", InputFormat::Html),
            (Some("a.jsonl"), "", InputFormat::JsonLines),
            (None, "---\ntitle: x\n---\n", InputFormat::Markdown),
            (None, "  <html>", InputFormat::Html),
            (None, "{\"id\":1}", InputFormat::JsonLines),
            (None, "拜登说", InputFormat::Text),
            (Some("notes"), "拜登说", InputFormat::Text),
        ] {
            assert_eq!(
                InputFormat::detect(path.map(Path::new), content),
                want,
                "{path:?} {content:?}"
            );
        }
    }

    #[test]
    fn json_lines_errors_name_the_line() {
        let input = "{\"id\":\"a\",\"text\":\"拜登\"}\n{bad\n\n{\"id\":3}\n{\"id\":4,\"text\":\"普京\",\"title\":\"标题\"}\n";
        let got: Vec<_> = read_jsonl("c.jsonl", input.as_bytes(), false).collect();
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].as_ref().unwrap().text, "拜登");
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("c.jsonl:2: invalid JSON")
        );
        assert_eq!(
            got[2].as_ref().unwrap_err().to_string(),
            "c.jsonl:4: missing \"text\""
        );
        let a = got[3].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.text.as_str()), ("4", "标题\n普京"));
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let err = decode("x.txt", b"ab\n\xffc".to_vec(), false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt: invalid UTF-8 at byte 3 (line 2, byte 0xff); use --lossy to replace it"
        );
        assert_eq!(
            decode("x.txt", b"a\xffb".to_vec(), true).unwrap(),
            "a\u{fffd}b"
        );
    }
}
