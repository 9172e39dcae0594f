//! Markdown files with optional YAML front matter. The body may be Markdown or HTML (news
//! archives often store the page's HTML under a front matter block).

use super::{Article, clean_line, html};
use crate::error::{Error, Result};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_norway::Value;

pub(crate) fn parse(source_name: &str, stem: &str, content: &str) -> Result<Article> {
    let (front, body, warning) = split_front_matter(content);
    let meta = match front {
        Some((yaml, first_line)) => parse_yaml(source_name, yaml, first_line)?,
        None => Value::Null,
    };
    let field = |k: &str| -> Option<String> {
        match meta.get(k)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let paragraphs = if warning.is_some() {
        // Nothing is lost: an unclosed block is kept as text, line by line.
        body.lines().map(str::to_string).collect()
    } else if looks_like_html(body) {
        html::paragraphs(body)
    } else {
        markdown_paragraphs(body)
    };
    let id = field("id").unwrap_or_else(|| stem.to_string());
    let mut a = super::from_paragraphs(
        &id,
        field("title").as_deref(),
        paragraphs.iter().map(String::as_str),
    );
    if let Some(d) = field("date").or_else(|| field("published")) {
        a = a.with_date(&d);
    }
    if let Some(s) = field("source").or_else(|| field("author")) {
        a = a.with_source(s);
    }
    if let Some(w) = warning {
        a.warnings.insert(0, format!("{source_name}: {w}"));
    }
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

fn parse_yaml(source_name: &str, yaml: &str, first_line: usize) -> Result<Value> {
    if yaml.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_norway::from_str::<Value>(yaml).map_err(|e| {
        let line = e.location().map(|l| first_line + l.line() - 1);
        Error::input(source_name, line, format!("invalid YAML front matter: {e}"))
    })
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
    fn bad_yaml_names_the_line() {
        let err = parse("s.md", "s", "---\ntitle: x\ndate: [1\n---\n正文").unwrap_err();
        assert!(err.to_string().starts_with("s.md:"), "{err}");
    }
}
