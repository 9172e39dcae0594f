//! Markdown files with optional YAML front matter. The body may be Markdown or HTML (news
//! archives often store the page's HTML under a front matter block).
//!
//! Front matter is read leniently: characters YAML forbids are removed, a field that is not
//! valid YAML or not text is dropped with a warning naming it, and the article is always read.

use super::{Article, clean_line, html};
use crate::error::Result;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_norway::{Mapping, Value};

pub(crate) fn parse(source_name: &str, stem: &str, content: &str) -> Result<Article> {
    let (front, body, warning) = split_front_matter(content);
    let mut warnings = Vec::new();
    let meta = match front {
        Some((yaml, first_line)) => parse_yaml(source_name, yaml, first_line, &mut warnings),
        None => Value::Null,
    };
    let mut field = |k: &str| -> Option<String> {
        match meta.get(k)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Null => None,
            _ => {
                warnings.push(format!(
                    "{source_name}: front matter field `{k}` is not text; dropped"
                ));
                None
            }
        }
    };
    let mut paragraphs = if warning.is_some() {
        // Nothing is lost: an unclosed block is kept as text, line by line.
        body.lines().map(str::to_string).collect()
    } else if looks_like_html(body) {
        html::paragraphs(body)
    } else {
        markdown_paragraphs(body)
    };
    let id = field("id").unwrap_or_else(|| stem.to_string());
    let title = field("title");
    // The body often repeats the headline as its first heading (`# title`): keep it once.
    if let (Some(t), Some(first)) = (&title, paragraphs.first())
        && *first == clean_line(t)
    {
        paragraphs.remove(0);
    }
    let date = field("date").or_else(|| field("published"));
    let source = field("source").or_else(|| field("author"));
    let mut a =
        super::from_paragraphs(&id, title.as_deref(), paragraphs.iter().map(String::as_str));
    if let Some(d) = date {
        a = a.with_date(&d);
    }
    if let Some(s) = source {
        a = a.with_source(s);
    }
    if let Some(w) = warning {
        warnings.insert(0, format!("{source_name}: {w}"));
    }
    warnings.append(&mut a.warnings);
    a.warnings = warnings;
    Ok(a)
}

/// Splits `---` front matter from the body. Returns the YAML with its first line number, the
/// body, and a warning when an opening `---` has no closing line (then everything is body).
fn split_front_matter(content: &str) -> (Option<(&str, usize)>, &str, Option<String>) {
    let trimmed = content.trim_start_matches(['\n', '\r', ' ', '\t']);
    let skipped_lines = content[..content.len() - trimmed.len()]
        .matches('\n')
        .count();
    let Some(rest) = trimmed
        .strip_prefix("---\n")
        .or_else(|| trimmed.strip_prefix("---\r\n"))
    else {
        return (None, content, None);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let l = line.trim_end();
        if l == "---" || l == "..." {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return (Some((yaml, skipped_lines + 2)), body, None);
        }
        offset += line.len();
    }
    (
        None,
        content,
        Some("front matter has no closing `---`; read the file as text".to_string()),
    )
}

/// The front matter as a YAML value. Characters YAML forbids (control characters pasted from
/// other systems) are removed; when the whole still does not parse, each top-level field is
/// parsed alone and the bad ones are dropped, each with a warning naming file, line and field.
fn parse_yaml(
    source_name: &str,
    yaml: &str,
    first_line: usize,
    warnings: &mut Vec<String>,
) -> Value {
    if yaml.trim().is_empty() {
        return Value::Null;
    }
    let allowed: String = yaml.chars().filter(|&c| yaml_allows(c)).collect();
    let removed = yaml.chars().count() - allowed.chars().count();
    let clean = quote_huge_integers(&allowed);
    if removed > 0 {
        warnings.push(format!(
            "{source_name}: front matter: removed {removed} control character(s) YAML does not allow"
        ));
    }
    match serde_norway::from_str::<Value>(&clean) {
        Ok(v @ (Value::Mapping(_) | Value::Null)) => return v,
        Ok(_) => {
            warnings.push(format!(
                "{source_name}:{first_line}: front matter is not a list of `field: value` lines; ignored"
            ));
            return Value::Null;
        }
        Err(_) => {}
    }
    let mut meta = Mapping::new();
    for (line, key, block) in top_level_fields(&clean) {
        match serde_norway::from_str::<Value>(block) {
            Ok(Value::Mapping(m)) => meta.extend(m),
            Ok(_) | Err(_) => warnings.push(format!(
                "{source_name}:{}: front matter field `{key}` is not valid YAML; dropped",
                first_line + line
            )),
        }
    }
    Value::Mapping(meta)
}

/// Quotes integers beyond i64 and u64 (`views: 123456789012345678901234567890`), which the
/// YAML reader rejects: they are kept as text.
fn quote_huge_integers(yaml: &str) -> String {
    let mut out = String::with_capacity(yaml.len());
    for line in yaml.split_inclusive('\n') {
        let body = line.trim_end();
        let value_at = body.rfind(": ").map(|i| i + 2).or_else(|| {
            body.trim_start()
                .starts_with("- ")
                .then(|| body.find("- ").unwrap_or(0) + 2)
        });
        let value = value_at.map(|i| body[i..].trim());
        let huge = value.is_some_and(|v| {
            let digits = v.strip_prefix(['-', '+']).unwrap_or(v);
            !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && v.parse::<i64>().is_err()
                && v.parse::<u64>().is_err()
        });
        match (huge, value_at) {
            (true, Some(i)) => {
                out.push_str(&body[..i]);
                out.push_str(&format!("\"{}\"", body[i..].trim()));
                out.push_str(&line[body.len()..]);
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// The characters YAML 1.2 allows in a document.
fn yaml_allows(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || c >= '\u{10000}'
}

/// Top-level fields of a YAML mapping: (0-based line, key, the field's lines). A field runs
/// until the next line that starts in column 0 with something other than a list item or a
/// comment.
fn top_level_fields(yaml: &str) -> Vec<(usize, &str, &str)> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for (i, line) in yaml.split_inclusive('\n').enumerate() {
        let starts_field = line
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '-' && c != '#');
        if starts_field {
            starts.push((i, offset));
        }
        offset += line.len();
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &(line, start))| {
            let end = starts.get(k + 1).map_or(yaml.len(), |&(_, s)| s);
            let block = &yaml[start..end];
            let key = block.split(':').next().unwrap_or("").trim();
            (line, key, block)
        })
        .collect()
}

fn looks_like_html(body: &str) -> bool {
    let t = body.trim_start();
    t.starts_with('<') && !t.starts_with("<!--") || t.contains("</p>") || t.contains("</div>")
}

/// Paragraph, heading, list item and quote blocks of a Markdown body as plain lines. Images,
/// code blocks and raw HTML are dropped; link text is kept.
fn markdown_paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut skip = 0usize;
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        let l = clean_line(cur);
        if !l.is_empty() {
            out.push(l);
        }
        cur.clear();
    };
    for ev in Parser::new(body) {
        match ev {
            Event::Start(Tag::Image { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock) => skip += 1,
            Event::End(TagEnd::Image | TagEnd::CodeBlock | TagEnd::HtmlBlock) => {
                skip = skip.saturating_sub(1)
            }
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell) => {
                flush(&mut cur, &mut out)
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => flush(&mut cur, &mut out),
            Event::Text(t) | Event::Code(t) if skip == 0 => cur.push_str(&t),
            Event::SoftBreak if skip == 0 => cur.push(' '),
            Event::HardBreak if skip == 0 => flush(&mut cur, &mut out),
            _ => {}
        }
    }
    flush(&mut cur, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_html_body() {
        let md = "\n---\ntitle: '标题'\ndate: Wed, 08 Dec 2021 01:56:33 GMT\nauthor: 半岛网\n---\n\n<div>\n<p>甲。</p>\n<h3>小标题</h3>\n<p>乙。</p></div>\n";
        let a = parse("s.md", "s", md).unwrap();
        assert_eq!(a.text, "标题\n甲。\n小标题\n乙。");
        assert_eq!(a.date.as_deref(), Some("2021-12-08T01:56:33Z"));
        assert_eq!(a.source.as_deref(), Some("半岛网"));
        assert_eq!(a.id, "s");
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn markdown_body() {
        let md = "---\nid: x1\n---\n# 标题\n\n第一段，\n接着。\n\n![图](a.png)\n\n- 条目 [链接](http://x)\n\n```\ncode\n```\n";
        let a = parse("s.md", "s", md).unwrap();
        assert_eq!(a.id, "x1");
        assert_eq!(a.text, "标题\n第一段，接着。\n条目链接");
    }

    #[test]
    fn unclosed_front_matter_is_text_with_warning() {
        let a = parse("s.md", "s", "---\ntitle: x\n正文").unwrap();
        assert_eq!(a.text, "---\ntitle: x\n正文");
        assert_eq!(a.warnings.len(), 1);
        assert!(a.warnings[0].contains("no closing"));
    }

    #[test]
    fn bad_front_matter_fields_are_dropped_with_file_line_and_field() {
        for (front, title, date, warnings) in [
            (
                "title: x\ndate: [1\n",
                Some("x"),
                None,
                vec!["s.md:3: front matter field `date` is not valid YAML; dropped"],
            ),
            (
                "title: \"a\u{8}b\"\ndate: 2021-12-08\n",
                Some("ab"),
                Some("2021-12-08"),
                vec!["s.md: front matter: removed 1 control character(s) YAML does not allow"],
            ),
            (
                "title: x\nviews: 123456789012345678901234567890\ntags:\n  - -98765432109876543210\n",
                Some("x"),
                None,
                vec![],
            ),
            (
                "title:\n  - a\n  - b\ndate: 昨天\nextra: {a: 1}\n",
                None,
                None,
                vec![
                    "s.md: front matter field `title` is not text; dropped",
                    "field `date`: \"昨天\" is not a date newsgraph knows; dropped",
                ],
            ),
            (
                "- a\n- b\n",
                None,
                None,
                vec!["s.md:2: front matter is not a list of `field: value` lines; ignored"],
            ),
        ] {
            let a = parse("s.md", "s", &format!("---\n{front}---\n正文")).unwrap();
            assert_eq!(
                (a.title.as_deref(), a.date.as_deref()),
                (title, date),
                "{front}"
            );
            assert_eq!(a.warnings, warnings, "{front}");
            assert!(a.text.ends_with("正文"));
        }
    }

    #[test]
    fn a_heading_repeating_the_title_is_kept_once() {
        for (md, want) in [
            (
                "---\ntitle: 拜登  表示\n---\n# 拜登表示\n\n正文",
                "拜登表示\n正文",
            ),
            (
                "---\ntitle: 拜登表示\n---\n# 另一标题\n\n拜登表示",
                "拜登表示\n另一标题\n拜登表示",
            ),
            (
                "---\ntitle: 拜登表示\n---\n<h1>拜登表示</h1><p>正文</p>",
                "拜登表示\n正文",
            ),
        ] {
            assert_eq!(parse("s.md", "s", md).unwrap().text, want, "{md}");
        }
    }
}
