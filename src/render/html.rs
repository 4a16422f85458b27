//! HTML written by glossa's own code rather than by a template: the parts of
//! the built-in theme whose count grows with the glossary (term pages). Text
//! is escaped exactly as templates escape it, so both write the same bytes.

use crate::util::text::escape_html_into;

/// A page or fragment being written.
#[derive(Default)]
pub(crate) struct Html {
    out: String,
}

impl Html {
    /// An empty buffer that will hold about `bytes`.
    pub(crate) fn with_capacity(bytes: usize) -> Html {
        Html { out: String::with_capacity(bytes) }
    }

    /// Appends markup (or text that is already HTML) as it is.
    pub(crate) fn raw(&mut self, html: &str) -> &mut Html {
        self.out.push_str(html);
        self
    }

    /// Appends text, escaped.
    pub(crate) fn text(&mut self, text: &str) -> &mut Html {
        escape_html_into(text, &mut self.out);
        self
    }

    /// Appends ` lang="…"` when `lang` is set (a part in another language).
    pub(crate) fn lang(&mut self, lang: Option<&str>) -> &mut Html {
        if let Some(lang) = filled(lang) {
            self.raw(" lang=\"").text(lang).raw("\"");
        }
        self
    }

    /// Appends a number.
    pub(crate) fn number(&mut self, n: usize) -> &mut Html {
        use std::fmt::Write as _;
        let _ = write!(self.out, "{n}");
        self
    }

    /// What was written.
    pub(crate) fn into_string(self) -> String {
        self.out
    }
}

/// `value` when it has text: what a template's `{% if value %}` accepts.
pub(crate) fn filled(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_markup_is_not() {
        let mut html = Html::default();
        html.raw("<p").lang(Some("ko")).lang(Some("")).lang(None).raw(">").text("a < b & \"c\" 'd'").raw("</p>");
        html.number(42);
        assert_eq!(html.into_string(), "<p lang=\"ko\">a &lt; b &amp; &quot;c&quot; &#39;d&#39;</p>42");
    }
}
