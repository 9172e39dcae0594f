//! HTML to paragraphs, with a real HTML5 parser (html5ever through scraper).

use super::{Article, clean_line};
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "img", "picture", "video", "audio", "iframe",
    "object", "canvas", "form", "button", "select", "nav", "footer", "aside", "head",
];

/// Elements that end a paragraph before and after themselves.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "main",
    "header",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "hr",
    "address",
    "center",
];

/// The paragraphs of an HTML fragment or page body, in document order.
pub(crate) fn paragraphs(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    // Prefer the article's own container when the page marks one.
    let root = ["article", "main", "body"]
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .find_map(|sel| doc.select(&sel).next())
        .unwrap_or_else(|| doc.root_element());
    let mut out = Vec::new();
    let mut cur = String::new();
    walk(root, &mut cur, &mut out);
    flush(&mut cur, &mut out);
    out
}

/// Collects the text of `root` into lines, one per block element. Iterative with an explicit
/// stack (`None` closes a block), so 60,000 nested `<div>`s cannot overflow the call stack.
fn walk(root: ElementRef<'_>, cur: &mut String, out: &mut Vec<String>) {
    let mut stack: Vec<Option<_>> = root.children().rev().map(Some).collect();
    while let Some(step) = stack.pop() {
        let Some(child) = step else {
            flush(cur, out);
            continue;
        };
        match child.value() {
            Node::Text(t) => cur.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                if name == "br" {
                    flush(cur, out);
                    continue;
                }
                if BLOCK.contains(&name) {
                    flush(cur, out);
                    stack.push(None);
                }
                stack.extend(child.children().rev().map(Some));
            }
            _ => {}
        }
    }
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    let line = clean_line(cur);
    if !line.is_empty() {
        out.push(line);
    }
    cur.clear();
}

/// A whole HTML page: title from `<title>` (or the first `<h1>`), date from the usual meta tags.
pub(crate) fn parse_page(stem: &str, html: &str) -> Article {
    let doc = Html::parse_document(html);
    let text_of = |sel: &str| {
        Selector::parse(sel)
            .ok()
            .and_then(|s| doc.select(&s).next())
            .map(|e| clean_line(&e.text().collect::<String>()))
            .filter(|t| !t.is_empty())
    };
    let meta = |names: &[&str]| {
        names.iter().find_map(|n| {
            let sel = Selector::parse(&format!(
                "meta[property=\"{n}\"], meta[name=\"{n}\"], meta[itemprop=\"{n}\"]"
            ))
            .ok()?;
            doc.select(&sel)
                .next()
                .and_then(|e| e.value().attr("content"))
                .map(str::to_string)
        })
    };
    let title = meta(&["og:title"])
        .or_else(|| text_of("title"))
        .or_else(|| text_of("h1"));
    let mut body = paragraphs(html);
    if let (Some(t), Some(first)) = (&title, body.first())
        && first == t
    {
        body.remove(0);
    }
    let mut a = super::from_paragraphs(stem, title.as_deref(), body.iter().map(String::as_str));
    if let Some(d) = meta(&[
        "article:published_time",
        "pubdate",
        "publishdate",
        "date",
        "datePublished",
    ]) {
        a = a.with_date(&d);
    }
    if let Some(s) = meta(&["og:site_name", "author"]) {
        a = a.with_source(s);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_cases() {
        for (html, want) in [
            ("<p>甲</p><p>乙</p>", vec!["甲", "乙"]),
            (
                "<div><h3>标题</h3><p>正文 &amp; 更多</p></div>",
                vec!["标题", "正文 & 更多"],
            ),
            (
                "<p>前<script>var x=1;</script>后</p><style>p{}</style>",
                vec!["前后"],
            ),
            ("<p>一<br>二</p><img src=x alt=图>", vec!["一", "二"]),
            ("<p>拜登\n  表示</p>", vec!["拜登表示"]),
            ("", vec![]),
        ] {
            assert_eq!(paragraphs(html), want, "{html}");
        }
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        // Run on a thread with a small stack: a recursive walk of this depth overflows it.
        let html = format!("{}<p>甲</p>{}", "<div>".repeat(3000), "</div>".repeat(3000));
        let got = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || paragraphs(&html))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(got, vec!["甲"]);
    }

    #[test]
    fn page_title_and_date() {
        let a = parse_page(
            "p",
            "<html><head><title>标题</title><meta property=\"article:published_time\" content=\"2021-12-08T01:00:00Z\"></head><body><h1>标题</h1><p>正文</p></body></html>",
        );
        assert_eq!(a.text, "标题\n正文");
        assert_eq!(a.date.as_deref(), Some("2021-12-08T01:00:00Z"));
    }
}
