//! Interface strings a language lacks are shown in the default language,
//! marked as such: templates see them wrapped in control characters that
//! content can never hold, and each written page turns the wrapping into
//! `<span lang="en" dir="ltr">…</span>` where a span may stand (text), or
//! drops it where none may (attributes, `<title>`, `<script>`, `<option>`).

/// Starts a marked string; the language code and [`SEP`] follow.
const START: char = '\u{2}';
/// Ends the language code of a marked string.
const SEP: char = '\u{3}';
/// Ends a marked string.
const END: char = '\u{4}';

/// `value` marked as written in `lang` (direction `dir`).
pub(crate) fn mark(value: &str, lang: &str, dir: &str) -> String {
    format!("{START}{lang} {dir}{SEP}{value}{END}")
}

/// Elements whose content is text only: a span cannot stand inside.
const TEXT_ONLY: &[&str] = &["title", "script", "style", "option", "textarea"];

/// `html` with every marked string resolved.
pub(crate) fn resolve(html: &str) -> std::borrow::Cow<'_, str> {
    if !html.contains(START) {
        return html.into();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut in_tag = false;
    // The text-only element the scanner is inside, if any.
    let mut raw: Option<&str> = None;
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' if !in_tag => {
                let after = &rest[1..];
                if let Some(name) = raw {
                    let closes = after.strip_prefix('/').is_some_and(|t| {
                        t.as_bytes().get(..name.len()).is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
                    });
                    if closes {
                        raw = None;
                        in_tag = true;
                    }
                } else {
                    in_tag = true;
                    raw = TEXT_ONLY.iter().copied().find(|name| opens(after, name));
                }
                out.push(c);
            }
            '>' if in_tag => {
                in_tag = false;
                out.push(c);
            }
            START => {
                let Some((head, tail)) = rest[1..].split_once(SEP) else {
                    rest = &rest[1..];
                    continue;
                };
                let (value, after) = tail.split_once(END).unwrap_or((tail, ""));
                if in_tag || raw.is_some() {
                    out.push_str(value);
                } else {
                    let (lang, dir) = head.split_once(' ').unwrap_or((head, "ltr"));
                    out.push_str(&format!("<span lang=\"{lang}\" dir=\"{dir}\">{value}</span>"));
                }
                rest = after;
                continue;
            }
            SEP | END => {}
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out.into()
}

/// Whether `after` (the text after `<`) opens element `name`.
fn opens(after: &str, name: &str) -> bool {
    let bytes = after.as_bytes();
    bytes.len() > name.len()
        && bytes[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        && matches!(bytes[name.len()], b'>' | b' ' | b'\n' | b'\t' | b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_gets_a_span_and_attributes_plain_text() {
        let skip = mark("Skip to content", "en", "ltr");
        let search = mark("Search", "en", "ltr");
        let html = format!("<a href=\"#main\" aria-label=\"{search}\">{skip}</a>");
        assert_eq!(
            resolve(&html),
            "<a href=\"#main\" aria-label=\"Search\"><span lang=\"en\" dir=\"ltr\">Skip to content</span></a>"
        );
    }

    #[test]
    fn text_only_elements_get_plain_text() {
        let quiz = mark("Quiz", "en", "ltr");
        let html = format!(
            "<title>{quiz} · G</title><script>var s = \"{quiz}\";</script><option>{quiz}</option><p>{quiz}</p>"
        );
        assert_eq!(
            resolve(&html),
            "<title>Quiz · G</title><script>var s = \"Quiz\";</script><option>Quiz</option><p><span lang=\"en\" dir=\"ltr\">Quiz</span></p>"
        );
    }

    #[test]
    fn tags_next_to_text_in_any_script_are_scanned() {
        let title = mark("Glossary", "en", "ltr");
        let html = format!("<span>مسرد</span><t>{title}</t><title>م{title}</title>");
        assert_eq!(
            resolve(&html),
            "<span>مسرد</span><t><span lang=\"en\" dir=\"ltr\">Glossary</span></t><title>مGlossary</title>"
        );
    }

    #[test]
    fn pages_without_marks_are_unchanged() {
        let html = "<p title=\"a > b\">x</p>";
        assert!(matches!(resolve(html), std::borrow::Cow::Borrowed(_)));
    }
}
