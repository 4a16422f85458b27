//! One field of an Anki note: HTML that works inside Anki and keeps to one
//! line of the tab-separated file.

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

/// Every link's `href` and image's `src` joined with `page`: links written
/// relative to the page (`../x`, `#sources`) lead to the same place from a
/// card. A link that cannot be joined is left as written. The HTML is
/// glossa's own, where every `<` of content is escaped, so each `<` opens a
/// tag, and attribute values are always in double quotes.
fn absolute_links(html: &str, page: &Url) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let end = tag_end(&rest[open..]).map_or(rest.len(), |end| open + end);
        let tag = &rest[open..end];
        let name = tag[1..].split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').next().unwrap_or("");
        let attribute = if name.eq_ignore_ascii_case("a") {
            Some("href")
        } else if name.eq_ignore_ascii_case("img") {
            Some("src")
        } else {
            None
        };
        match attribute.and_then(|attribute| value_span(tag, attribute)) {
            Some((start, stop)) => match page.join(&tag[start..stop]) {
                Ok(url) => {
                    out.push_str(&tag[..start]);
                    out.push_str(&url.as_str().replace('"', "&quot;"));
                    out.push_str(&tag[stop..]);
                }
                Err(_) => out.push_str(tag),
            },
            None => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The length of the tag at the start of `html` (through its `>`), quoted
/// values skipped.
fn tag_end(html: &str) -> Option<usize> {
    let mut quoted = false;
    html.bytes()
        .position(|b| match b {
            b'"' => {
                quoted = !quoted;
                false
            }
            b'>' => !quoted,
            _ => false,
        })
        .map(|at| at + 1)
}

/// Where the value of `attribute="…"` lies in `tag`, if the tag has one.
fn value_span(tag: &str, attribute: &str) -> Option<(usize, usize)> {
    let bytes = tag.as_bytes();
    let mut at = 1;
    // The tag's name, then attributes: a name, and `="value"` or nothing.
    while at < bytes.len() && !bytes[at].is_ascii_whitespace() && bytes[at] != b'>' {
        at += 1;
    }
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        let name_start = at;
        while at < bytes.len() && !matches!(bytes[at], b'=' | b'>' | b'/') && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if at == name_start {
            return None;
        }
        let name = &tag[name_start..at];
        if !tag[at..].starts_with("=\"") {
            continue;
        }
        let start = at + 2;
        let stop = start + tag[start..].find('"')?;
        if name.eq_ignore_ascii_case(attribute) {
            return Some((start, stop));
        }
        at = stop + 1;
    }
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
    fn only_links_and_images_change_and_text_that_looks_like_an_attribute_stays() {
        let (_, page) = urls();
        let html =
            "<p class=\"x\">href=\"a/\" <code>src=\"b\"</code></p><a title=\"t > u\" HREF=\"c/?q=1&amp;r=2\">c</a>\
                    <div href=\"d/\"></div><img alt=\"\" src=\"e.png\"/><a name=\"n\">no href</a><br>";
        assert_eq!(
            absolute_links(html, &page),
            "<p class=\"x\">href=\"a/\" <code>src=\"b\"</code></p>\
             <a title=\"t > u\" HREF=\"https://example.org/glossary/en/terms/staking/c/?q=1&amp;r=2\">c</a>\
             <div href=\"d/\"></div><img alt=\"\" src=\"https://example.org/glossary/en/terms/staking/e.png\"/>\
             <a name=\"n\">no href</a><br>"
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
