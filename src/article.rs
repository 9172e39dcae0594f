//! Input articles and their readers: Markdown with YAML front matter, HTML, plain text, JSON
//! lines and JSON arrays, in UTF-8, UTF-16 (with a byte-order mark), GB18030/GBK or Big5.
//!
//! Every reader produces the same [`Article`]: an id, optional title, date and source, and one
//! plain `text` in which the title comes first and each heading or paragraph is a line.
//! Readers are lenient and loud: a metadata field they cannot use is dropped with a warning
//! naming the file and the field, never the article.

mod date;
mod encoding;
mod html;
mod markdown;

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read};
use std::path::Path;

pub use date::normalize_date;
pub use encoding::Encoding;

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
    /// The encoding the file was read from, when it was not UTF-8 (`gb18030`, `Big5`,
    /// `UTF-16LE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
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

    /// Sets the date, normalised to ISO 8601. A date that cannot be parsed is dropped with a
    /// warning (a date kept as given would resolve roles at no known day).
    pub fn with_date(mut self, date: &str) -> Article {
        let date = date.trim();
        if date.is_empty() {
            return self;
        }
        match normalize_date(date) {
            Some(iso) => self.date = Some(iso),
            None => self.warnings.push(format!(
                "field `date`: {date:?} is not a date newsgraph knows; dropped"
            )),
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
        // `get` keeps this character-safe: 2021-12-0日 must not panic.
        let day = d.get(..10)?;
        (day.as_bytes()[4] == b'-' && day.as_bytes()[7] == b'-').then_some(day)
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
    /// JSON lines `{"id", "text", "title"?, "date"?, "source"?}`, one article per line; a
    /// file that is one JSON array of such objects (or one pretty-printed object) is read too.
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
        } else if head.starts_with('{') || head.starts_with('[') {
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
    /// Replace bytes invalid in the file's encoding with U+FFFD instead of failing.
    pub lossy: bool,
    /// Read files in this encoding instead of detecting it (a byte-order mark still wins).
    pub encoding: Option<Encoding>,
}

/// Reads every article in a file (`-` reads standard input).
///
/// The outer `Result` fails when the file as a whole cannot be read (missing, a directory, a
/// binary format, undecodable); for JSON lines each line is its own inner `Result`, so one bad
/// line does not lose the others. The encoding is UTF-8, UTF-16 with a byte-order mark,
/// GB18030 or Big5 (detected), or `options.encoding`.
///
/// # Errors
/// Missing file, a directory, unreadable bytes, a binary format (Word, PDF, ZIP), or bytes
/// invalid in every encoding tried (naming the byte offset) unless `lossy` is set.
pub fn read_path(path: &Path, options: &ReadOptions) -> Result<Vec<Result<Article>>> {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| *s != "-")
        .unwrap_or("stdin");
    read_path_with_id(path, stem, options)
}

/// [`read_path`], with `id` for the articles whose file does not name one (instead of the
/// file stem; the CLI gives `a/index.md` and `b/index.md` their relative paths).
///
/// # Errors
/// As [`read_path`].
pub fn read_path_with_id(
    path: &Path,
    id: &str,
    options: &ReadOptions,
) -> Result<Vec<Result<Article>>> {
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
    let (text, encoding) = encoding::decode(&name, &bytes, options.encoding, options.lossy, 0)?;
    drop(bytes);
    let format = options
        .format
        .unwrap_or_else(|| InputFormat::detect(Some(path).filter(|p| *p != Path::new("-")), &text));
    let mut all = parse(&name, id, &text, format);
    for a in all.iter_mut().flatten() {
        a.encoding = encoding.map(str::to_string);
    }
    Ok(all)
}

/// Parses already-decoded content in a given format. `stem` is the id used when the content
/// does not name one. Every warning of the articles names `source_name`.
pub fn parse(
    source_name: &str,
    stem: &str,
    content: &str,
    format: InputFormat,
) -> Vec<Result<Article>> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut all = match format {
        InputFormat::Markdown => vec![markdown::parse(source_name, stem, content)],
        InputFormat::Html => vec![Ok(html::parse_page(stem, content))],
        InputFormat::Text => vec![Ok(from_paragraphs(stem, None, content.lines()))],
        InputFormat::JsonLines => parse_json(source_name, content),
    };
    for a in all.iter_mut().flatten() {
        for w in &mut a.warnings {
            if !w.starts_with(source_name) {
                *w = format!("{source_name}: {w}");
            }
        }
    }
    all
}

/// JSON lines; or, when the content is one JSON value (an array of articles, or one
/// pretty-printed article), that value.
fn parse_json(source_name: &str, content: &str) -> Vec<Result<Article>> {
    let head = content.trim_start();
    if head.starts_with('[') {
        return match serde_json::from_str::<Vec<serde_json::Value>>(content) {
            Ok(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    let at = |m: String| {
                        Error::input(
                            source_name,
                            None,
                            format!("article {} of the JSON array: {m}", i + 1),
                        )
                    };
                    serde_json::from_value(v)
                        .map_err(|e| at(format!("invalid article: {e}")))
                        .and_then(|rec| article_from_json(rec, &at))
                })
                .collect(),
            Err(e) => {
                let line = Some(e.line()).filter(|&l| l > 0);
                vec![Err(Error::input(
                    source_name,
                    line,
                    format!("invalid JSON array: {e}"),
                ))]
            }
        };
    }
    if head.starts_with('{')
        && let Ok(rec) = serde_json::from_str::<JsonArticle>(content)
    {
        let line = content.len() - head.len();
        let line = content[..line].matches('\n').count() + 1;
        return vec![article_from_json(rec, &|m| {
            Error::input(source_name, Some(line), m)
        })];
    }
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| parse_json_line(source_name, i + 1, l))
        .collect()
}

/// Streams a JSON-lines corpus, one `Result` per non-blank line, so that memory stays bounded
/// and a bad line is reported with its number while the rest go on.
pub fn read_jsonl<R: BufRead>(source_name: &str, reader: R, lossy: bool) -> JsonLines<R> {
    let options = ReadOptions {
        lossy,
        ..ReadOptions::default()
    };
    read_jsonl_with(source_name, reader, &options)
}

/// [`read_jsonl`] with options: a forced encoding (else the first line that is not UTF-8
/// decides, for the rest of the file), `lossy`. A file that turns out to be a JSON array, one
/// pretty-printed object or UTF-16 is read whole instead, as [`parse`] reads it.
pub fn read_jsonl_with<R: BufRead>(
    source_name: &str,
    reader: R,
    options: &ReadOptions,
) -> JsonLines<R> {
    JsonLines {
        name: source_name.to_string(),
        reader,
        line: 0,
        offset: 0,
        lossy: options.lossy,
        encoding: options.encoding,
        whole: None,
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
    /// Forced, or detected on the first line that is not UTF-8.
    encoding: Option<Encoding>,
    /// The articles of a file read whole (a JSON array, a pretty-printed object, UTF-16).
    whole: Option<std::vec::IntoIter<Result<Article>>>,
    buf: Vec<u8>,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads the rest of the input (after `first`, the bytes of line 1) and parses it whole.
    fn read_whole(&mut self, first: Vec<u8>) -> Result<Vec<Result<Article>>> {
        let mut bytes = first;
        self.reader
            .read_to_end(&mut bytes)
            .map_err(|e| Error::input(&self.name, None, e.to_string()))?;
        let (text, encoding) = encoding::decode(&self.name, &bytes, self.encoding, self.lossy, 0)?;
        let mut all = parse(&self.name, "", &text, InputFormat::JsonLines);
        for a in all.iter_mut().flatten() {
            a.encoding = encoding.map(str::to_string);
        }
        Ok(all)
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Article>;
    fn next(&mut self) -> Option<Result<Article>> {
        loop {
            if let Some(whole) = &mut self.whole {
                return whole.next();
            }
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(n) => {
                    self.line += 1;
                    let start = self.offset;
                    self.offset += n;
                    let mut bytes = std::mem::take(&mut self.buf);
                    if start == 0 && opens_whole_file(&bytes) {
                        let all = self.read_whole(bytes);
                        self.whole = Some(all.unwrap_or_else(|e| vec![Err(e)]).into_iter());
                        continue;
                    }
                    if start == 0 && bytes.starts_with(b"\xEF\xBB\xBF") {
                        bytes.drain(..3);
                    }
                    let (line, encoding) = match encoding::decode(
                        &self.name,
                        &bytes,
                        self.encoding,
                        self.lossy,
                        start,
                    ) {
                        Ok(l) => l,
                        Err(e) => return Some(Err(e)),
                    };
                    if line.trim().is_empty() {
                        continue;
                    }
                    // A legacy encoding found on one line is the file's: later lines that
                    // happen to be valid UTF-8 by accident are read in it too.
                    if let Some(found) = encoding {
                        self.encoding = self.encoding.or(Encoding::for_label(found));
                    }
                    let mut a = parse_json_line(&self.name, self.line, &line);
                    if let Ok(a) = &mut a {
                        a.encoding = encoding.map(str::to_string);
                        for w in &mut a.warnings {
                            *w = format!("{}:{}: {w}", self.name, self.line);
                        }
                    }
                    return Some(a);
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

/// The first line of a file that is not JSON lines: a JSON array, a lone `{` opening a
/// pretty-printed object, or a UTF-16 byte-order mark (whose lines `\n` does not split).
fn opens_whole_file(line: &[u8]) -> bool {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let head = line.trim_ascii();
    head.starts_with(b"[")
        || head == b"{"
        || line.starts_with(b"\xFF\xFE")
        || line.starts_with(b"\xFE\xFF")
}

/// One article object; unknown fields are ignored, and metadata of the wrong type is dropped
/// with a warning, not the article.
#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
    source: Option<serde_json::Value>,
}

fn parse_json_line(source_name: &str, line_no: usize, line: &str) -> Result<Article> {
    let at = |m: String| Error::input(source_name, Some(line_no), m);
    let rec: JsonArticle = serde_json::from_str(line.trim_end_matches(['\r', '\n']))
        .map_err(|e| at(format!("invalid JSON: {e}")))?;
    article_from_json(rec, &at)
}

/// Builds the article of one JSON object; `at` makes an error that says where it is.
fn article_from_json(rec: JsonArticle, at: &dyn Fn(String) -> Error) -> Result<Article> {
    use serde_json::Value;
    let mut warnings = Vec::new();
    // Text, or a number as text (one beyond u64 as serde_json reads it, a float).
    let mut text_of = |field: &str, v: Option<Value>| match v {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            warnings.push(format!(
                "field `{field}` is {}, not text; dropped",
                json_kind(&other)
            ));
            None
        }
    };
    let id = match rec.id {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(at(format!(
                "\"id\" must be a string or number, got {other}"
            )));
        }
        None => return Err(at("missing \"id\"".to_string())),
    };
    let text = match rec.text {
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(at(format!(
                "\"text\" must be a string, got {}",
                json_kind(&other)
            )));
        }
        None => return Err(at("missing \"text\"".to_string())),
    };
    let title = text_of("title", rec.title);
    let date = text_of("date", rec.date);
    let source = text_of("source", rec.source);
    let mut a = from_paragraphs(&id, title.as_deref(), text.lines());
    if let Some(d) = date {
        a = a.with_date(&d);
    }
    if let Some(s) = source {
        a = a.with_source(s);
    }
    warnings.append(&mut a.warnings);
    a.warnings = warnings;
    Ok(a)
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
        serde_json::Value::Bool(_) => "true or false",
        _ => "not text",
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_is_character_safe() {
        for (date, want) in [
            ("2021-12-08T01:56:33Z", Some("2021-12-08")),
            ("2021-12-0日", None),
            ("2021-12-『", None),
            ("2021", None),
        ] {
            let a = Article {
                date: Some(date.to_string()),
                ..Article::new("d", "")
            };
            assert_eq!(a.day(), want, "{date}");
        }
    }

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
    fn json_metadata_of_the_wrong_type_is_dropped_not_the_article() {
        let input = "\u{feff}{\"id\":\"a\",\"text\":\"拜登\",\"title\":[\"x\"],\"date\":\"昨天\",\"n\":123456789012345678901234567890,\"source\":7}\n";
        let got: Vec<_> = read_jsonl("c.jsonl", input.as_bytes(), false).collect();
        let a = got[0].as_ref().unwrap();
        assert_eq!((a.text.as_str(), a.date.as_deref()), ("拜登", None));
        assert_eq!(a.source.as_deref(), Some("7"));
        assert_eq!(
            a.warnings,
            [
                "c.jsonl:1: field `title` is a list, not text; dropped",
                "c.jsonl:1: field `date`: \"昨天\" is not a date newsgraph knows; dropped"
            ]
        );
    }

    #[test]
    fn json_arrays_and_pretty_objects_are_corpora() {
        let array = "[\n {\"id\": \"a\", \"text\": \"拜登\"},\n {\"id\": \"b\"},\n {\"id\": 3, \"text\": \"普京\"}\n]\n";
        let pretty = "{\n  \"id\": \"p\",\n  \"text\": \"普京\"\n}\n";
        for (input, want) in [
            (
                array,
                vec![
                    "a",
                    "c.json: article 2 of the JSON array: missing \"text\"",
                    "3",
                ],
            ),
            (pretty, vec!["p"]),
            (
                "[{\"id\": 1, \"text\": \"x\"},",
                vec!["c.json:1: invalid JSON array: EOF while parsing a value at line 1 column 24"],
            ),
        ] {
            let show = |r: &Result<Article>| match r {
                Ok(a) => a.id.clone(),
                Err(e) => e.to_string(),
            };
            let parsed: Vec<_> = parse("c.json", "c", input, InputFormat::JsonLines);
            assert_eq!(parsed.iter().map(show).collect::<Vec<_>>(), want, "{input}");
            let streamed: Vec<_> = read_jsonl("c.json", input.as_bytes(), false).collect();
            assert_eq!(
                streamed.iter().map(show).collect::<Vec<_>>(),
                want,
                "{input}"
            );
        }
    }

    #[test]
    fn json_lines_in_legacy_encodings_and_utf16() {
        let line = "{\"id\":\"a\",\"text\":\"美國總統拜登與俄羅斯總統普京舉行視頻會談。\"}\n";
        let gbk = encoding_rs::GB18030.encode(line).0.repeat(2);
        let big5 = encoding_rs::BIG5.encode(line).0.repeat(2);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(line.repeat(2).encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        for (bytes, want) in [(gbk, "gb18030"), (big5, "Big5"), (utf16, "UTF-16LE")] {
            let got: Vec<_> = read_jsonl("c.jsonl", &bytes[..], false).collect();
            assert_eq!(got.len(), 2, "{want}");
            for a in got {
                let a = a.unwrap();
                assert_eq!(a.text, "美國總統拜登與俄羅斯總統普京舉行視頻會談。");
                assert_eq!(a.encoding.as_deref(), Some(want));
            }
        }
    }
}
