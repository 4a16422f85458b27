//! Markdown to HTML: CommonMark with tables, footnotes, strikethrough, task
//! lists, heading attributes and wiki links; the `{#eli5}` and `{#expert}`
//! sections split out; heading anchors; code highlighted. Every transform works
//! on pulldown-cmark's event stream, and every position found is reported as a
//! byte span in the file.

pub mod autolink;
pub mod highlight;
pub mod links;
mod render_all;

pub use links::Linker;
pub use render_all::{render_all, rerender_term, RenderOptions, Rendered, RenderedEntry, RenderedQuestion};

use std::collections::BTreeSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, TextMergeWithOffset};

use crate::diag::{Code, Diagnostic};
use crate::model::TermId;
use crate::source::{FileId, Span};
use crate::util::text::{escape_html, heading_id};
use links::{check_url, Resolved};

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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The heading's inner HTML (the contributor's words).
    pub heading: String,
    /// The section's HTML, without the heading.
    pub html: String,
}

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub struct RenderedBody {
    /// The main explanation: everything before the first marked section.
    pub main: String,
    /// The `{#eli5}` section.
    pub eli5: Option<Section>,
    /// The `{#expert}` section.
    pub expert: Option<Section>,
    /// Terms linked from the text, in order of first link.
    pub links: Vec<TermId>,
    /// The headings of the main part (level, anchor, text), for a table of contents.
    pub headings: Vec<Heading>,
}

/// A heading with its anchor.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 2 for `##`, 3 for `###`…
    pub level: u8,
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
}

impl RenderedBody {
    /// Frees the HTML, keeping what checks and listings read: the links,
    /// the headings and which sections exist.
    pub fn drop_html(&mut self) {
        self.main = String::new();
        for section in [&mut self.eli5, &mut self.expert].into_iter().flatten() {
            section.html = String::new();
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Main,
    Eli5,
    Expert,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS
}

/// Renders a body found at byte `base` of `file`.
pub fn render_body(
    markdown: &str,
    file: FileId,
    base: usize,
    linker: &Linker<'_>,
    diags: &mut Vec<Diagnostic>,
) -> RenderedBody {
    let mut links = Vec::new();
    let events = transform(markdown, file, base, linker, true, &mut links, diags);
    let mut body = split_sections(events, file, base, diags);
    body.links = links;
    body
}

/// Renders inline Markdown (summary, facts, quiz text) written at `span`,
/// without the paragraph around it.
pub fn render_inline(text: &str, span: Span, quoted: bool, linker: &Linker<'_>, diags: &mut Vec<Diagnostic>) -> String {
    let base = span.start as usize + usize::from(quoted);
    let mut links = Vec::new();
    let events = transform(text, span.file, base, linker, false, &mut links, diags);
    let events = events
        .into_iter()
        .map(|(e, _)| e)
        .filter(|e| !matches!(e, Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)));
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html.trim_end().to_owned()
}

type Spanned<'a> = (Event<'a>, std::ops::Range<usize>);

/// Link resolution, automatic links (bodies only), URL checks, code
/// highlighting and raw-HTML escaping.
fn transform<'a>(
    markdown: &'a str,
    file: FileId,
    base: usize,
    linker: &Linker<'_>,
    autolink: bool,
    links: &mut Vec<TermId>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Spanned<'a>> {
    let span_of = |range: &std::ops::Range<usize>| Span::new(file, base + range.start..base + range.end);
    let mut out: Vec<Spanned<'a>> = Vec::new();
    // Adjacent text events are merged: pulldown-cmark splits text at every
    // character that might start markup (`[[[[…` is one event a bracket).
    let parsed: Vec<Spanned<'a>> = TextMergeWithOffset::new(Parser::new_ext(markdown, options()).into_offset_iter())
        .map(|(e, r)| (without_nul(e), r))
        .collect();
    // Terms linked by hand are not linked again automatically.
    let mut linked: BTreeSet<TermId> = parsed
        .iter()
        .filter_map(|(event, _)| match event {
            Event::Start(Tag::Link { link_type: LinkType::WikiLink { .. }, dest_url, .. }) => {
                linker.target_of(dest_url)
            }
            _ => None,
        })
        .collect();
    let autolinker = autolink.then(|| linker.autolinkers.and_then(|a| a.get(linker.content_lang.0))).flatten();
    let mut iter = parsed.into_iter();
    // What to do at the end of the current link: close it, or drop it.
    let mut link_close: Option<bool> = None;
    let mut skip_link_text = false;
    let mut footnotes: Vec<String> = Vec::new();
    let (mut in_heading, mut in_image) = (false, false);
    // Where unclosed `[[` begin: reported after the pass, the first few only.
    let mut unclosed: Vec<usize> = Vec::new();
    while let Some((event, range)) = iter.next() {
        match &event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::Image { .. }) => in_image = true,
            Event::End(TagEnd::Image) => in_image = false,
            _ => {}
        }
        match event {
            Event::Start(Tag::Link { link_type: LinkType::WikiLink { has_pothole }, dest_url, .. }) => {
                match linker.resolve(&dest_url, span_of(&range), diags) {
                    Resolved::Link { term, href, title, title_lang } => {
                        if !links.contains(&term) {
                            links.push(term);
                        }
                        let lang_attr = match (has_pothole, title_lang) {
                            (false, Some(code)) => format!(" lang=\"{}\"", escape_html(code.as_str())),
                            _ => String::new(),
                        };
                        out.push((Event::Html(linker.open_tag(term, &href, &lang_attr).into()), range.clone()));
                        if !has_pothole {
                            out.push((Event::Text(title.to_owned().into()), range.clone()));
                        }
                        link_close = Some(true);
                    }
                    Resolved::Draft { title } => {
                        if !has_pothole {
                            out.push((Event::Text(title.to_owned().into()), range.clone()));
                        }
                        link_close = Some(false);
                    }
                    Resolved::Missing => {
                        if !has_pothole {
                            out.push((Event::Text(dest_url.clone()), range.clone()));
                        }
                        link_close = Some(false);
                    }
                }
                skip_link_text = !has_pothole;
            }
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let safe = check_url(dest_url, span_of(&range), diags);
                link_close = Some(safe);
                skip_link_text = false;
                if safe {
                    out.push((event, range));
                }
            }
            Event::End(TagEnd::Link) => {
                if link_close.take() == Some(true) {
                    out.push((Event::Html("</a>".into()), range));
                }
                skip_link_text = false;
            }
            _ if skip_link_text => {}
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                if check_url(dest_url, span_of(&range), diags) {
                    out.push((event, range));
                } else {
                    // Keep the alt text, drop the image.
                    for (inner, _) in iter.by_ref() {
                        if matches!(inner, Event::End(TagEnd::Image)) {
                            break;
                        }
                        if let Event::Text(text) = inner {
                            out.push((Event::Text(text), range.clone()));
                        }
                    }
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => info.into_string(),
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                let mut code = String::new();
                for (inner, _) in iter.by_ref() {
                    match inner {
                        Event::Text(text) => code.push_str(&text),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                let html = match linker.highlight {
                    Some(cache) => cache.code_block(&code, &lang).to_string(),
                    None => highlight::plain_block(&code, &lang),
                };
                out.push((Event::Html(html.into()), range));
            }
            // Raw HTML is shown as text: content never injects markup.
            Event::Html(html) | Event::InlineHtml(html) => out.push((Event::Text(html), range)),
            Event::Text(text) => {
                // A `[[` still in the text opened no wiki link: pulldown-cmark
                // turns closed ones into links.
                unclosed.extend(text.match_indices("[[").map(|(at, _)| base + range.start + at.min(range.len())));
                let automaton = autolinker.filter(|_| !in_heading && !in_image && link_close.is_none());
                if let Some(automaton) = automaton {
                    let mut last = 0;
                    for mention in automaton.mentions(&text) {
                        if Some(mention.term) == linker.source_term || !linked.insert(mention.term) {
                            continue;
                        }
                        if !links.contains(&mention.term) {
                            links.push(mention.term);
                        }
                        if mention.start > last {
                            out.push((Event::Text(text[last..mention.start].to_owned().into()), range.clone()));
                        }
                        let href = linker.term_href(mention.term);
                        let open = linker.open_tag(mention.term, &href, "");
                        out.push((Event::Html(open.into()), range.clone()));
                        out.push((Event::Text(text[mention.start..mention.end].to_owned().into()), range.clone()));
                        out.push((Event::Html("</a>".into()), range.clone()));
                        last = mention.end;
                    }
                    if last > 0 {
                        if last < text.len() {
                            out.push((Event::Text(text[last..].to_owned().into()), range));
                        }
                        continue;
                    }
                }
                out.push((Event::Text(text), range));
                continue;
            }
            Event::FootnoteReference(label) => {
                let number = footnote_number(&mut footnotes, &label);
                let id = heading_id(&label);
                let html =
                    format!("<sup class=\"footnote-ref\"><a href=\"#fn-{id}\" id=\"fnref-{id}\">{number}</a></sup>");
                out.push((Event::Html(html.into()), range));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let number = footnote_number(&mut footnotes, &label);
                let id = heading_id(&label);
                let html = format!("<div class=\"footnote\" id=\"fn-{id}\"><span class=\"footnote-label\"><a href=\"#fnref-{id}\">{number}</a></span>");
                out.push((Event::Html(html.into()), range));
            }
            Event::End(TagEnd::FootnoteDefinition) => out.push((Event::Html("</div>\n".into()), range)),
            other => out.push((other, range)),
        }
    }
    report_unclosed(&unclosed, file, diags);
    out
}

/// How many unclosed `[[` of one text are reported one by one.
const UNCLOSED_REPORTED: usize = 5;

/// Reports the first unclosed `[[` of a text, the last of them with how many
/// more there are: a text of a million `[[` gets five lines, not a million.
fn report_unclosed(starts: &[usize], file: FileId, diags: &mut Vec<Diagnostic>) {
    for (i, &start) in starts.iter().enumerate().take(UNCLOSED_REPORTED) {
        let more = starts.len().saturating_sub(UNCLOSED_REPORTED);
        let message = if i + 1 == UNCLOSED_REPORTED && more > 0 {
            format!("`[[` starts a wiki link that is never closed (and {more} more in this text)")
        } else {
            "`[[` starts a wiki link that is never closed".to_owned()
        };
        diags.push(
            Diagnostic::new(Code::UnclosedLink, Some(Span::new(file, start..start + 2)), message)
                .with_help("close it with `]]`; inside a table, write a piped link as `[[slug\\|text]]`"),
        );
    }
}

/// CommonMark's rule for NUL: it stands for U+FFFD REPLACEMENT CHARACTER.
fn without_nul(event: Event<'_>) -> Event<'_> {
    fn replace(text: CowStr<'_>) -> CowStr<'_> {
        if text.contains('\0') {
            text.replace('\0', "\u{FFFD}").into()
        } else {
            text
        }
    }
    match event {
        Event::Text(text) => Event::Text(replace(text)),
        Event::Code(text) => Event::Code(replace(text)),
        Event::Html(text) => Event::Html(replace(text)),
        Event::InlineHtml(text) => Event::InlineHtml(replace(text)),
        other => other,
    }
}

fn footnote_number(footnotes: &mut Vec<String>, label: &str) -> usize {
    match footnotes.iter().position(|l| l == label) {
        Some(i) => i + 1,
        None => {
            footnotes.push(label.to_owned());
            footnotes.len()
        }
    }
}

/// Splits the events at `{#eli5}` / `{#expert}` headings and renders each part,
/// giving other headings unique anchors.
fn split_sections(events: Vec<Spanned<'_>>, file: FileId, base: usize, diags: &mut Vec<Diagnostic>) -> RenderedBody {
    let mut used: BTreeSet<String> = RESERVED_IDS.iter().map(|s| (*s).to_owned()).collect();
    let mut body = RenderedBody::default();
    let mut part = Part::Main;
    let mut html = String::new();
    let mut heading_html = String::new();
    let mut iter = events.into_iter();
    let mut pending: Vec<Event<'_>> = Vec::new();
    let flush = |pending: &mut Vec<Event<'_>>, html: &mut String| {
        pulldown_cmark::html::push_html(html, pending.drain(..));
    };
    while let Some((event, range)) = iter.next() {
        let Event::Start(Tag::Heading { level, id, classes, .. }) = event else {
            pending.push(event);
            continue;
        };
        let mut inner = Vec::new();
        let mut text = String::new();
        for (e, _) in iter.by_ref() {
            match &e {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                _ => {}
            }
            inner.push(e);
        }
        let mut inner_html = String::new();
        pulldown_cmark::html::push_html(&mut inner_html, inner.into_iter());
        let marked = match id.as_deref() {
            Some("eli5") => Some(Part::Eli5),
            Some("expert") => Some(Part::Expert),
            _ => None,
        };
        if let Some(next) = marked {
            let already = match next {
                Part::Eli5 => body.eli5.is_some(),
                _ => body.expert.is_some(),
            } || part == next;
            if already {
                let name = if next == Part::Eli5 { "eli5" } else { "expert" };
                diags.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        Some(Span::new(file, base + range.start..base + range.end)),
                        format!("a second `{{#{name}}}` section"),
                    )
                    .with_help("each section id may appear once: merge the two sections"),
                );
            }
            flush(&mut pending, &mut html);
            store(&mut body, part, std::mem::take(&mut heading_html), std::mem::take(&mut html));
            part = next;
            heading_html = inner_html;
            continue;
        }
        let wanted = id.map_or_else(|| heading_id(&text), |id| id.to_string());
        let anchor = unique_id(&mut used, &wanted);
        let n = heading_level(level);
        if part == Part::Main {
            body.headings.push(Heading { level: n, id: anchor.clone(), text: text.trim().to_owned() });
        }
        let class = if classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", escape_html(&classes.iter().map(|c| c.as_ref()).collect::<Vec<_>>().join(" ")))
        };
        pending.push(Event::Html(CowStr::from(format!(
            "<h{n} id=\"{anchor}\"{class}>{inner_html} <a class=\"anchor\" href=\"#{anchor}\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h{n}>\n",
            anchor = escape_html(&anchor)
        ))));
    }
    flush(&mut pending, &mut html);
    store(&mut body, part, heading_html, html);
    body
}

fn store(body: &mut RenderedBody, part: Part, heading: String, html: String) {
    match part {
        Part::Main => body.main = html,
        Part::Eli5 if body.eli5.is_none() => body.eli5 = Some(Section { heading, html }),
        Part::Expert if body.expert.is_none() => body.expert = Some(Section { heading, html }),
        Part::Eli5 | Part::Expert => {}
    }
}

fn unique_id(used: &mut BTreeSet<String>, wanted: &str) -> String {
    let mut id = wanted.to_owned();
    let mut n = 1;
    while used.contains(&id) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
