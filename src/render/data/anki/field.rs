//! One field of an Anki note: HTML that works inside Anki and keeps to one
//! line of the tab-separated file.

use lol_html::{element, rewrite_str, RewriteStrSettings};
use url::Url;

use crate::render::path::relativize;

/// `html` (written with root-marker links, as every page's HTML is) made fit
/// for a field of a note about the page at `page`: every link and image
/// absolute, since a card has no site around it, and no tab or line break,
/// which would end the field or the note.
pub(super) fn field(html: &str, base: &Url, page: &Url) -> String {
    let rooted = relativize(html, base.as_str());
    one_line(&absolute_links(&rooted, page))
}

/// Plain text as a field: escaped HTML on one line.
pub(super) fn text_field(text: &str) -> String {
    one_line(&crate::util::text::escape_html(text))
}

/// Every `href` and `src` joined with `page`: links written relative to the
/// page (`../x`, `#sources`) lead to the same place from a card. A link that
/// cannot be joined is left as written.
fn absolute_links(html: &str, page: &Url) -> String {
    let join = |value: &str| page.join(value).map(String::from).ok();
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("a[href]", |el| {
            if let Some(url) = el.get_attribute("href").as_deref().and_then(join) {
                el.set_attribute("href", &url)?;
            }
            Ok(())
        }))
        .append_element_content_handler(element!("img[src]", |el| {
            if let Some(url) = el.get_attribute("src").as_deref().and_then(join) {
                el.set_attribute("src", &url)?;
            }
            Ok(())
        }));
    // The HTML is glossa's own, which the rewriter always reads; should it
    // ever refuse, the links stay relative rather than the deck failing.
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_owned())
}

/// The HTML on one line. A line break inside `<pre>` is part of the code and
/// becomes `<br>`; anywhere else it only separates tags or words and becomes
/// a space. Tabs become `&#9;` and carriage returns go. Finding `<pre` and
/// `</pre>` as text is sound because the HTML escapes every `<` of content.
/// A leading `"` would open a quoted field, so it is written `&quot;`.
fn one_line(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut in_pre = false;
    while !rest.is_empty() {
        let marker = if in_pre { "</pre>" } else { "<pre" };
        let (chunk, next) = match rest.find(marker) {
            Some(i) => (&rest[..i + marker.len()], Some(&rest[i + marker.len()..])),
            None => (rest, None),
        };
        for c in chunk.chars() {
            match c {
                '\n' if in_pre => out.push_str("<br>"),
                '\n' => out.push(' '),
                '\t' => out.push_str("&#9;"),
                '\r' => {}
                _ => out.push(c),
            }
        }
        match next {
            Some(after) => {
                rest = after;
                in_pre = !in_pre;
            }
            None => break,
        }
    }
    if out.starts_with('"') {
        out.replace_range(..1, "&quot;");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls() -> (Url, Url) {
        let base = Url::parse("https://example.org/glossary/").unwrap();
        let page = base.join("en/terms/staking/").unwrap();
        (base, page)
    }

    #[test]
    fn links_become_absolute() {
        let (base, page) = urls();
        let html = format!(
            "<a href=\"{}en/terms/validator/\">v</a> <a href=\"#sources\">1</a> <a href=\"../x/\">x</a> \
             <img src=\"img/a.png\" alt=\"a\"> <a href=\"https://other.org/\">o</a>",
            crate::render::path::ROOT
        );
        assert_eq!(
            field(&html, &base, &page),
            "<a href=\"https://example.org/glossary/en/terms/validator/\">v</a> \
             <a href=\"https://example.org/glossary/en/terms/staking/#sources\">1</a> \
             <a href=\"https://example.org/glossary/en/terms/x/\">x</a> \
             <img src=\"https://example.org/glossary/en/terms/staking/img/a.png\" alt=\"a\"> \
             <a href=\"https://other.org/\">o</a>"
        );
    }

    #[test]
    fn fields_stay_on_one_line() {
        assert_eq!(
            one_line("<p>a\nb</p>\n<pre><code>x\n\ty\n</code></pre>\n<p>c\r\n</p>"),
            "<p>a b</p> <pre><code>x<br>&#9;y<br></code></pre> <p>c </p>"
        );
        assert_eq!(text_field("\"Quoted\"\tname"), "&quot;Quoted&quot;&#9;name");
        assert_eq!(one_line("\"x"), "&quot;x");
    }
}
