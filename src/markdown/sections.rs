//! Splitting a body at its `{#eli5}` and `{#expert}` headings, and giving
//! every other heading a unique anchor.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::transform::Spanned;
use super::{BodyHtml, BodyParts, Heading, RenderedBody, Section, RESERVED_IDS};
use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, Span};
use crate::util::text::{escape_html, heading_id};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Main,
    Eli5,
    Expert,
}

/// Splits the events at `{#eli5}` / `{#expert}` headings and renders each part,
/// giving other headings unique anchors.
pub(super) fn split(events: Vec<Spanned<'_>>, file: FileId, base: usize, diags: &mut Vec<Diagnostic>) -> RenderedBody {
    let mut used = Anchors::new();
    let mut html_parts = BodyHtml::default();
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
                Part::Eli5 => html_parts.eli5.is_some(),
                _ => html_parts.expert.is_some(),
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
            store(&mut html_parts, part, std::mem::take(&mut heading_html), std::mem::take(&mut html));
            part = next;
            heading_html = inner_html;
            continue;
        }
        let wanted = id.map_or_else(|| heading_id(&text), |id| id.to_string());
        let anchor = used.unique(&wanted);
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
    store(&mut html_parts, part, heading_html, html);
    body.parts = BodyParts {
        main: !html_parts.main.trim().is_empty(),
        eli5: html_parts.eli5.is_some(),
        expert: html_parts.expert.is_some(),
    };
    body.html = Some(html_parts);
    body
}

fn store(body: &mut BodyHtml, part: Part, heading: String, html: String) {
    match part {
        Part::Main => body.main = html,
        Part::Eli5 if body.eli5.is_none() => body.eli5 = Some(Section { heading, html }),
        Part::Expert if body.expert.is_none() => body.expert = Some(Section { heading, html }),
        Part::Eli5 | Part::Expert => {}
    }
}

/// The anchors given so far (the page's reserved ids first), and for each
/// wanted id the next suffix to try: a thousand headings of one name are
/// numbered without counting up from 1 each time.
struct Anchors {
    used: BTreeSet<String>,
    next: BTreeMap<String, usize>,
}

impl Anchors {
    fn new() -> Anchors {
        Anchors { used: RESERVED_IDS.iter().map(|s| (*s).to_owned()).collect(), next: BTreeMap::new() }
    }

    /// `wanted`, or `wanted-1`, `wanted-2`… whichever is free first.
    fn unique(&mut self, wanted: &str) -> String {
        let mut id = wanted.to_owned();
        let next = self.next.entry(wanted.to_owned()).or_insert(1);
        while self.used.contains(&id) {
            id = format!("{wanted}-{next}");
            *next += 1;
        }
        self.used.insert(id.clone());
        id
    }
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

#[cfg(test)]
mod tests {
    use super::Anchors;

    #[test]
    fn anchors_are_unique_and_keep_reserved_ids_free() {
        let mut anchors = Anchors::new();
        assert_eq!(anchors.unique("quiz"), "quiz-1");
        assert_eq!(anchors.unique("intro"), "intro");
        assert_eq!(anchors.unique("intro"), "intro-1");
        assert_eq!(anchors.unique("intro-1"), "intro-1-1");
        assert_eq!(anchors.unique("intro"), "intro-2");
    }
}
