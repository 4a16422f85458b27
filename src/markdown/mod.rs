//! Markdown to HTML: CommonMark with tables, footnotes, strikethrough, task
//! lists, heading attributes and wiki links; the `{#eli5}` and `{#expert}`
//! sections split out; heading anchors; code highlighted. Every transform works
//! on pulldown-cmark's event stream, and every position found is reported as a
//! byte span in the file.

pub mod autolink;
pub mod highlight;
pub mod links;
mod render_all;
mod sections;
mod transform;

pub use links::Linker;
pub use render_all::{render_all, rerender_term, Recall, RenderOptions, Rendered, RenderedEntry, RenderedQuestion};

use pulldown_cmark::{Event, Options, Tag, TagEnd};

use crate::diag::Diagnostic;
use crate::model::TermId;
use crate::source::{FileId, Span};
use transform::Transform;

/// Ids the page template gives its own parts (spec §4.1 and the theme's).
/// Automatic heading anchors that would collide get a suffix.
pub const RESERVED_IDS: &[&str] = &[
    "summary",
    "facts",
    "eli5",
    "expert",
    "graph",
    "prerequisites",
    "related",
    "dependents",
    "quiz",
    "sources",
    "stale-notice",
    "learning-path",
    "mentioned-in",
    "read-more",
    "fallback-notice",
    "main",
    "title",
    "aliases",
    "eli5-title",
    "expert-title",
    "graph-title",
    "quiz-title",
    "sources-title",
    "facts-title",
    "explanation",
    "site-header",
    "site-footer",
    "languages",
    "search",
    "top",
];

/// A section split out of the body by its heading id.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// The heading's inner HTML (the contributor's words).
    pub heading: String,
    /// The section's HTML, without the heading.
    pub html: String,
}

/// The HTML of a body, split into its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BodyHtml {
    /// The main explanation: everything before the first marked section.
    pub main: String,
    /// The `{#eli5}` section.
    pub eli5: Option<Section>,
    /// The `{#expert}` section.
    pub expert: Option<Section>,
}

/// Which parts a body has (known whether or not its HTML is kept).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BodyParts {
    /// The main explanation has text.
    pub main: bool,
    /// There is an `{#eli5}` section.
    pub eli5: bool,
    /// There is an `{#expert}` section.
    pub expert: bool,
}

impl BodyParts {
    /// Whether every part is there.
    pub fn complete(self) -> bool {
        self.main && self.eli5 && self.expert
    }
}

/// A rendered Markdown body: what checks and listings read of it, and its
/// HTML when that was kept ([`RenderOptions::keep_bodies`]); a build renders
/// the HTML again as each page is written.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct RenderedBody {
    /// The HTML, if kept.
    pub html: Option<BodyHtml>,
    /// Which parts exist.
    pub parts: BodyParts,
    /// Terms linked from the text, in order of first link.
    pub links: Vec<TermId>,
    /// The headings of the main part (level, anchor, text), for a table of contents.
    pub headings: Vec<Heading>,
}

/// A heading with its anchor.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Heading {
    /// 2 for `##`, 3 for `###`…
    pub level: u8,
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
}

impl RenderedBody {
    /// Frees the HTML, keeping what checks and listings read.
    pub fn drop_html(&mut self) {
        self.html = None;
    }
}

/// The HTML of inline text that holds no Markdown, nothing to escape and
/// nothing to link: the text itself. Summaries, facts and quiz lines are
/// mostly such sentences, and a parse for each of them is most of what
/// they cost. `None` for anything else: a letter first (no block can
/// start), then only letters, digits, spaces and punctuation that neither
/// opens markup nor needs escaping.
fn plain_inline(text: &str) -> Option<String> {
    let plain = |c: char| {
        c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | ';' | ':' | '?' | '(' | ')' | '/' | '%' | '-' | '\'' | '"')
    };
    let first = text.chars().next()?;
    (first.is_alphabetic() && text.chars().all(plain)).then(|| text.trim_end().to_owned())
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS
}

/// Renders a body found at byte `base` of `file`, keeping its HTML.
pub fn render_body(
    markdown: &str,
    file: FileId,
    base: usize,
    linker: &Linker<'_>,
    diags: &mut Vec<Diagnostic>,
) -> RenderedBody {
    let pass = Transform::run(markdown, file, base, linker, true);
    diags.extend(pass.diags);
    let mut body = sections::split(pass.events, file, base, diags);
    body.links = pass.links;
    body
}

/// Renders inline Markdown (summary, facts, quiz text) written at `span`,
/// without the paragraph around it.
pub fn render_inline(text: &str, span: Span, quoted: bool, linker: &Linker<'_>, diags: &mut Vec<Diagnostic>) -> String {
    if let Some(html) = plain_inline(text) {
        return html;
    }
    let base = span.start as usize + usize::from(quoted);
    let pass = Transform::run(text, span.file, base, linker, false);
    diags.extend(pass.diags);
    let events = pass
        .events
        .into_iter()
        .map(|(e, _)| e)
        .filter(|e| !matches!(e, Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)));
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What a parse makes of inline text with nothing to link.
    fn parsed(text: &str) -> String {
        let events = pulldown_cmark::Parser::new_ext(text, options())
            .filter(|e| !matches!(e, Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)));
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events);
        html.trim_end().to_owned()
    }

    #[test]
    fn plain_sentences_skip_the_parse_and_markup_does_not() {
        assert_eq!(
            plain_inline("Locks \"value\" in a pool (mostly)."),
            Some("Locks \"value\" in a pool (mostly).".into())
        );
        assert_eq!(plain_inline("검증자가 맡긴 예치금"), Some("검증자가 맡긴 예치금".into()));
        for markup in ["1. A list", "- item", "# Heading", "a *b*", "a [[link]]", "a <b>", "a & b", "`code`", " lead"] {
            assert_eq!(plain_inline(markup), None, "{markup}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        /// Whenever the shortcut is taken, it gives what the parse gives.
        #[test]
        fn the_shortcut_gives_what_the_parse_gives(text in "[a-zA-Z가-힣0-9 .,;:?()/%'\"=+*_#<>&\\!\\[\\]-]{0,40}") {
            if let Some(html) = plain_inline(&text) {
                prop_assert_eq!(html, parsed(&text));
            }
        }

        #[test]
        fn plain_sentences_take_the_shortcut_and_match(text in "[a-zA-Z가-힣][a-zA-Z가-힣0-9 .,;:?()/%'\"-]{0,60}") {
            prop_assert_eq!(plain_inline(&text), Some(parsed(&text)));
        }
    }
}
