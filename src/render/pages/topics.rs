//! Each language's topics: every tag with its number of terms, the start of
//! its list and its concept map.

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::render::context::Context;
use crate::render::layout::{page_view, Crumb, PageView};
use crate::render::path::PagePath;
use crate::render::writer::Writer;

#[derive(Serialize)]
struct Topic<'a> {
    label: &'a str,
    href: String,
    map_href: String,
    count: usize,
    /// The first terms of the topic in learning order, as a foretaste.
    first: Vec<&'a str>,
}

#[derive(Serialize)]
struct TopicsView<'a> {
    page: PageView<'a>,
    topics: Vec<Topic<'a>>,
}

/// How many of a topic's terms its entry names.
const FORETASTE: usize = 4;

/// Writes the topics page of `lang`, when the site has tags.
pub(crate) fn write(ctx: &Context<'_>, lang: LangId, out: &Writer<'_>) -> Result<(), Error> {
    if ctx.index.tags.is_empty() {
        return Ok(());
    }
    let config = &ctx.glossary.config;
    let code = ctx.code(lang);
    let path = PagePath::Topics(code);
    let topics = ctx
        .index
        .tags
        .iter()
        .map(|(&tag, terms)| {
            let mut ordered = terms.clone();
            ctx.glossary.graph.sort_by_rank(&mut ordered);
            Topic {
                label: config.tag_label(tag, lang),
                href: PagePath::Tag(code, tag, 1).href(),
                map_href: PagePath::ConceptMap(code, tag).href(),
                count: terms.len(),
                first: ordered
                    .iter()
                    .take(FORETASTE)
                    .map(|&t| ctx.glossary.entry_or_fallback(t, lang).0.title())
                    .collect(),
            }
        })
        .collect();
    let title = format!("{} · {}", ctx.text(lang, "topics_title"), config.title_in(lang));
    let mut page = page_view(ctx, lang, path, title, ctx.text(lang, "topics_intro").to_owned());
    page.breadcrumbs = vec![
        Crumb::link(ctx.page_text(lang, "home"), PagePath::Home(code).href()),
        Crumb::here(ctx.page_text(lang, "topics_title")),
    ];
    out.page(path, &ctx.render("topics.html", &TopicsView { page, topics })?)
}
