//! The pass over pulldown-cmark's events that makes Markdown glossa's: wiki
//! links resolved, automatic links added, URLs checked, code highlighted,
//! raw HTML shown as text, footnotes numbered. One event at a time through
//! a small state machine; what it is inside (a link, a heading, an image)
//! is explicit state, not a set of flags.

use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Parser, Tag, TagEnd, TextMergeWithOffset};

use super::autolink::Target;
use super::links::{check_url, Resolved};
use super::Linker;
use crate::diag::{Code, Diagnostic};
use crate::model::{TermId, TermStatus};
use crate::source::{FileId, Span};
use crate::util::text::{escape_html, heading_id};

/// An event with its byte range in the Markdown text.
pub(super) type Spanned<'a> = (Event<'a>, Range<usize>);

/// How many unclosed `[[` of one text are reported one by one.
const UNCLOSED_REPORTED: usize = 5;

/// Where the pass is with respect to links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkState {
    /// Outside any link.
    Outside,
    /// Inside a link that is written out; its text is kept.
    Open,
    /// Inside a wiki link whose text glossa wrote (the target's title):
    /// the link's own text events are skipped.
    OpenWithTitle,
    /// Inside a link that is dropped (unsafe URL, missing or draft term):
    /// its text stays, without the link.
    Dropped,
    /// Inside a dropped wiki link whose text glossa wrote.
    DroppedWithTitle,
}

impl LinkState {
    fn after_start(written: bool, title_written: bool) -> LinkState {
        match (written, title_written) {
            (true, false) => LinkState::Open,
            (true, true) => LinkState::OpenWithTitle,
            (false, false) => LinkState::Dropped,
            (false, true) => LinkState::DroppedWithTitle,
        }
    }

    fn inside(self) -> bool {
        self != LinkState::Outside
    }

    fn skips_text(self) -> bool {
        matches!(self, LinkState::OpenWithTitle | LinkState::DroppedWithTitle)
    }
}

/// The pass over one text.
pub(super) struct Transform<'l, 'g> {
    linker: &'l Linker<'g>,
    file: FileId,
    /// Where the text starts in its file.
    base: usize,
    /// Whether first mentions become links (bodies, not inline text).
    autolink: bool,
    link: LinkState,
    in_heading: bool,
    in_image: bool,
    /// Whether text written now continues a sentence (a title printed here
    /// may be lowered, see [`crate::model::casing`]).
    mid_sentence: bool,
    /// Terms linked so far, by hand or automatically: each is linked once.
    linked: BTreeSet<TermId>,
    /// Terms linked, in order of first link.
    links: Vec<TermId>,
    /// Deprecated terms already warned about in this text.
    deprecated: BTreeSet<TermId>,
    /// Shared names already warned about in this text.
    ambiguous: BTreeSet<usize>,
    footnotes: Vec<String>,
    /// Where unclosed `[[` begin.
    unclosed: Vec<usize>,
    diags: Vec<Diagnostic>,
}

/// What a pass produced.
pub(super) struct Transformed<'a> {
    /// The events to render.
    pub events: Vec<Spanned<'a>>,
    /// Terms linked, in order of first link.
    pub links: Vec<TermId>,
    /// Problems found.
    pub diags: Vec<Diagnostic>,
}

impl<'l, 'g> Transform<'l, 'g> {
    /// Runs the pass over `markdown`, found at byte `base` of `file`.
    pub(super) fn run<'a>(
        markdown: &'a str,
        file: FileId,
        base: usize,
        linker: &'l Linker<'g>,
        autolink: bool,
    ) -> Transformed<'a> {
        // Adjacent text events are merged: pulldown-cmark splits text at every
        // character that might start markup (`[[[[…` is one event a bracket).
        let parsed: Vec<Spanned<'a>> =
            TextMergeWithOffset::new(Parser::new_ext(markdown, super::options()).into_offset_iter())
                .map(|(e, r)| (without_nul(e), r))
                .collect();
        // Terms linked by hand are not linked again automatically.
        let linked = parsed
            .iter()
            .filter_map(|(event, _)| match event {
                Event::Start(Tag::Link { link_type: LinkType::WikiLink { .. }, dest_url, .. }) => {
                    linker.target_of(dest_url)
                }
                _ => None,
            })
            .collect();
        let mut pass = Transform {
            linker,
            file,
            base,
            autolink,
            link: LinkState::Outside,
            in_heading: false,
            in_image: false,
            mid_sentence: false,
            linked,
            links: Vec::new(),
            deprecated: BTreeSet::new(),
            ambiguous: BTreeSet::new(),
            footnotes: Vec::new(),
            unclosed: Vec::new(),
            diags: Vec::new(),
        };
        let mut out = Vec::with_capacity(parsed.len());
        let mut events = parsed.into_iter();
        while let Some((event, range)) = events.next() {
            pass.event(event, range, &mut events, &mut out);
        }
        pass.report_unclosed();
        Transformed { events: out, links: pass.links, diags: pass.diags }
    }

    fn span(&self, range: &Range<usize>) -> Span {
        Span::new(self.file, self.base + range.start..self.base + range.end)
    }

    fn note_link(&mut self, term: TermId) {
        if !self.links.contains(&term) {
            self.links.push(term);
        }
    }

    /// Handles one event; `rest` is the stream, for constructs read whole
    /// (code blocks, images whose URL is refused).
    fn event<'a>(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
        rest: &mut impl Iterator<Item = Spanned<'a>>,
        out: &mut Vec<Spanned<'a>>,
    ) {
        match &event {
            Event::Start(Tag::Heading { .. }) => self.in_heading = true,
            Event::End(TagEnd::Heading(_)) => self.in_heading = false,
            Event::Start(Tag::Image { .. }) => self.in_image = true,
            Event::End(TagEnd::Image) => self.in_image = false,
            _ => {}
        }
        self.follow_sentence(&event);
        match event {
            Event::Start(Tag::Link { link_type: LinkType::WikiLink { has_pothole }, dest_url, .. }) => {
                self.wiki_link(&dest_url, has_pothole, range, out);
            }
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let safe = check_url(dest_url, self.span(&range), &mut self.diags);
                self.link = LinkState::after_start(safe, false);
                if safe {
                    out.push((event, range));
                }
            }
            Event::End(TagEnd::Link) => {
                if matches!(self.link, LinkState::Open | LinkState::OpenWithTitle) {
                    out.push((Event::Html("</a>".into()), range));
                }
                self.link = LinkState::Outside;
            }
            _ if self.link.skips_text() => {}
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                if check_url(dest_url, self.span(&range), &mut self.diags) {
                    out.push((event, range));
                } else {
                    // Keep the alt text, drop the image.
                    self.in_image = false;
                    for (inner, _) in rest.by_ref() {
                        match inner {
                            Event::End(TagEnd::Image) => break,
                            Event::Text(text) => out.push((Event::Text(text), range.clone())),
                            _ => {}
                        }
                    }
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.into_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let mut code = String::new();
                for (inner, _) in rest.by_ref() {
                    match inner {
                        Event::Text(text) => code.push_str(&text),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                let html = match self.linker.highlight {
                    Some(cache) => cache.code_block(&code, &lang).to_string(),
                    None => super::highlight::plain_block(&code, &lang),
                };
                out.push((Event::Html(html.into()), range));
            }
            // Raw HTML is shown as text: content never injects markup.
            Event::Html(html) | Event::InlineHtml(html) => out.push((Event::Text(html), range)),
            Event::Text(text) => self.text(text, range, out),
            Event::FootnoteReference(label) => {
                let (number, id) = self.footnote(&label);
                let html =
                    format!("<sup class=\"footnote-ref\"><a href=\"#fn-{id}\" id=\"fnref-{id}\">{number}</a></sup>");
                out.push((Event::Html(html.into()), range));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let (number, id) = self.footnote(&label);
                let html = format!("<div class=\"footnote\" id=\"fn-{id}\"><span class=\"footnote-label\"><a href=\"#fnref-{id}\">{number}</a></span>");
                out.push((Event::Html(html.into()), range));
            }
            Event::End(TagEnd::FootnoteDefinition) => out.push((Event::Html("</div>\n".into()), range)),
            other => out.push((other, range)),
        }
    }

    /// `[[slug]]`, `[[slug|text]]`, `[[slug#part]]`: a link to the term's page
    /// in the page's language, its title as text unless the author wrote one.
    fn wiki_link<'a>(&mut self, dest: &CowStr<'a>, has_pothole: bool, range: Range<usize>, out: &mut Vec<Spanned<'a>>) {
        let resolved = self.linker.resolve(dest, self.span(&range), &mut self.diags);
        let written = match resolved {
            Resolved::Link { term, href, title, mid_sentence_title, title_lang } => {
                let title = self.title_here(title, mid_sentence_title);
                self.note_link(term);
                let lang_attr = match (has_pothole, title_lang) {
                    (false, Some(code)) => format!(" lang=\"{}\"", escape_html(code.as_str())),
                    _ => String::new(),
                };
                out.push((Event::Html(self.linker.open_tag(term, &href, &lang_attr).into()), range.clone()));
                if !has_pothole {
                    out.push((Event::Text(title.to_owned().into()), range));
                }
                true
            }
            Resolved::Draft { title, mid_sentence_title } => {
                let title = self.title_here(title, mid_sentence_title);
                if !has_pothole {
                    out.push((Event::Text(title.to_owned().into()), range));
                }
                false
            }
            Resolved::Missing => {
                if !has_pothole {
                    out.push((Event::Text(dest.clone()), range));
                }
                false
            }
        };
        self.link = LinkState::after_start(written, !has_pothole);
        self.mid_sentence = true;
    }

    /// A title as printed where the pass is: lowered in mid-sentence when
    /// it is a common noun, never in headings.
    fn title_here<'t>(&self, title: &'t str, mid_sentence_title: Option<&'t str>) -> &'t str {
        match mid_sentence_title {
            Some(lower) if self.mid_sentence && !self.in_heading => lower,
            _ => title,
        }
    }

    /// Keeps track of whether the next text continues a sentence: blocks
    /// start sentences, and so does text that ends one.
    fn follow_sentence(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition,
            ) => self.mid_sentence = false,
            Event::Text(text) => {
                if let Some(last) = text.trim_end().chars().next_back() {
                    self.mid_sentence = !matches!(last, '.' | '!' | '?' | ':' | '。' | '！' | '？');
                }
            }
            Event::Code(_) => self.mid_sentence = true,
            _ => {}
        }
    }

    /// Text: citations of the term's sources (`[@2]`) become links to them;
    /// the rest is plain text.
    fn text<'a>(&mut self, text: CowStr<'a>, range: Range<usize>, out: &mut Vec<Spanned<'a>>) {
        let citing = self.linker.source_term.is_some() && !self.link.inside() && !self.in_image;
        if !citing || !text.contains("[@") {
            return self.plain_text(text, range, out);
        }
        let mut last = 0;
        for (at, len, number) in citations(&text) {
            if at > last {
                self.plain_text(text[last..at].to_owned().into(), range.clone(), out);
            }
            let span = Span::new(self.file, self.base + range.start + at..self.base + range.start + at + len);
            match self.cite(number, span) {
                Some(html) => out.push((Event::Html(html.into()), range.clone())),
                None => out.push((Event::Text(text[at..at + len].to_owned().into()), range.clone())),
            }
            last = at + len;
        }
        if last < text.len() {
            self.plain_text(text[last..].to_owned().into(), range, out);
        }
    }

    /// The link for citation `[@number]`, or `None` (reported) when the
    /// term lists no such source.
    fn cite(&mut self, number: usize, span: Span) -> Option<String> {
        let sources = self.linker.cited_sources();
        let listed = sources.len();
        if let Some(source) = number.checked_sub(1).and_then(|i| sources.get(i)) {
            return Some(format!(
                "<sup class=\"cite\"><a href=\"#source-{number}\" title=\"{}\">[{number}]</a></sup>",
                escape_html(&source.title.value)
            ));
        }
        let (message, help) = match listed {
            0 => (
                format!("`[@{number}]` cites source {number}, but the term has no `sources:`"),
                "add the source under `sources:` in the front matter".to_owned(),
            ),
            1 => (
                format!("`[@{number}]` cites source {number}, but `sources:` lists only 1"),
                "cite `[@1]`, or add the source under `sources:`".to_owned(),
            ),
            n => (
                format!("`[@{number}]` cites source {number}, but `sources:` lists {n}"),
                format!("cite a number from 1 to {n} (the order of `sources:`), or add the source there"),
            ),
        };
        self.diags.push(Diagnostic::new(Code::UnknownCitation, Some(span), message).with_help(help));
        None
    }

    /// Plain text: unclosed `[[` noted, first mentions of other terms linked.
    fn plain_text<'a>(&mut self, text: CowStr<'a>, range: Range<usize>, out: &mut Vec<Spanned<'a>>) {
        // A `[[` still in the text opened no wiki link: pulldown-cmark turns
        // closed ones into links.
        let base = self.base + range.start;
        self.unclosed.extend(text.match_indices("[[").map(|(at, _)| base + at.min(range.len())));
        let automaton = self
            .autolink
            .then(|| self.linker.autolinkers.and_then(|a| a.get(self.linker.content_lang.0)))
            .flatten()
            .filter(|_| !self.in_heading && !self.in_image && !self.link.inside());
        let Some(automaton) = automaton else {
            out.push((Event::Text(text), range));
            return;
        };
        let mut last = 0;
        for mention in automaton.mentions(&text) {
            let open = match mention.target {
                Target::Term { term, link } => {
                    if Some(term) == self.linker.source_term {
                        continue;
                    }
                    self.deprecated_mention(term, &text[mention.start..mention.end], base + mention.start);
                    if !link || !self.linked.insert(term) {
                        continue;
                    }
                    self.note_link(term);
                    self.linker.open_tag(term, &self.linker.term_href(term), "")
                }
                Target::Senses(group) => {
                    let Some(open) =
                        self.ambiguous_mention(group, &text[mention.start..mention.end], base + mention.start)
                    else {
                        continue;
                    };
                    open
                }
            };
            if mention.start > last {
                out.push((Event::Text(text[last..mention.start].to_owned().into()), range.clone()));
            }
            out.push((Event::Html(open.into()), range.clone()));
            out.push((Event::Text(text[mention.start..mention.end].to_owned().into()), range.clone()));
            out.push((Event::Html("</a>".into()), range.clone()));
            last = mention.end;
        }
        if last == 0 {
            out.push((Event::Text(text), range));
        } else if last < text.len() {
            out.push((Event::Text(text[last..].to_owned().into()), range));
        }
    }

    /// A mention of a deprecated term's name, written at byte `at`: warned
    /// once per term in a text, except in the text of the term to use
    /// instead (which may well say what it replaces).
    fn deprecated_mention(&mut self, term: TermId, written: &str, at: usize) {
        let glossary = self.linker.glossary;
        let target = glossary.term(term);
        let Some(replacement) = target.use_instead.filter(|_| target.status == Some(TermStatus::Deprecated)) else {
            return;
        };
        if Some(replacement) == self.linker.source_term || !self.deprecated.insert(term) {
            return;
        }
        let preferred = glossary.entry_or_fallback(replacement, self.linker.content_lang).0.title();
        let slug = &glossary.term(replacement).slug;
        self.diags.push(
            Diagnostic::new(
                Code::DeprecatedTerm,
                Some(Span::new(self.file, at..at + written.len())),
                format!("`{written}` is a deprecated term: the glossary prefers `{preferred}`"),
            )
            .with_help(format!("write {preferred} (`[[{slug}]]`) instead")),
        );
    }

    /// A mention, written at byte `at`, of a name several terms share: it
    /// links the page listing the senses, and `check` asks for the one meant.
    /// Once per name in a text; not at all where the text links one of the
    /// senses by hand or belongs to one of them.
    fn ambiguous_mention(&mut self, group: usize, written: &str, at: usize) -> Option<String> {
        let glossary = self.linker.glossary;
        let senses = glossary.senses.group(group);
        let chosen = |t: &TermId| self.linked.contains(t) || Some(*t) == self.linker.source_term;
        let published = |t: &TermId| self.linker.include_drafts || !glossary.term(*t).draft;
        if senses.terms.iter().any(chosen) || !senses.terms.iter().any(published) || !self.ambiguous.insert(group) {
            return None;
        }
        let choices: Vec<String> = senses
            .terms
            .iter()
            .map(|&t| {
                let (entry, _) = glossary.entry_or_fallback(t, senses.lang);
                format!("`[[{}|{written}]]` for {}", glossary.term(t).slug, entry.label())
            })
            .collect();
        self.diags.push(
            Diagnostic::new(
                Code::AmbiguousMention,
                Some(Span::new(self.file, at..at + written.len())),
                format!("`{written}` names {} terms, so it links to the list of its senses", senses.terms.len()),
            )
            .with_help(format!("link the sense you mean: {}", choices.join(", or "))),
        );
        let code = glossary.config.language(senses.lang).code.as_str();
        let href = crate::render::PagePath::Senses(code, &senses.slug).href();
        Some(format!("<a class=\"senses-link\" href=\"{}\">", crate::util::text::escape_html(&href)))
    }

    /// The number and anchor of footnote `label`, numbered in order of first use.
    fn footnote(&mut self, label: &str) -> (usize, String) {
        let number = match self.footnotes.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                self.footnotes.push(label.to_owned());
                self.footnotes.len()
            }
        };
        (number, heading_id(label))
    }

    /// Reports the first unclosed `[[`, the last of them with how many more
    /// there are: a text of a million `[[` gets five lines, not a million.
    fn report_unclosed(&mut self) {
        let more = self.unclosed.len().saturating_sub(UNCLOSED_REPORTED);
        for (i, &start) in self.unclosed.iter().enumerate().take(UNCLOSED_REPORTED) {
            let message = if i + 1 == UNCLOSED_REPORTED && more > 0 {
                format!("`[[` starts a wiki link that is never closed (and {more} more in this text)")
            } else {
                "`[[` starts a wiki link that is never closed".to_owned()
            };
            self.diags.push(
                Diagnostic::new(Code::UnclosedLink, Some(Span::new(self.file, start..start + 2)), message)
                    .with_help("close it with `]]`; inside a table, write a piped link as `[[slug\\|text]]`"),
            );
        }
    }
}

/// The citations `[@N]` in `text`: byte offset, length and number.
fn citations(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    text.match_indices("[@").filter_map(move |(at, _)| {
        let digits = text[at + 2..].bytes().take_while(u8::is_ascii_digit).count();
        let close = at + 2 + digits;
        (digits > 0 && digits <= 4 && text.as_bytes().get(close) == Some(&b']'))
            .then(|| (at, digits + 3, text[at + 2..close].parse().unwrap_or(0)))
    })
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
