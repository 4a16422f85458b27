//! Each language's search page, where the search box leads. With JavaScript
//! it shows every result for `?q=`; without, a static page cannot read the
//! query, so it lists every term by title and alias for the browser's own
//! find (or, on a large glossary, points to the A–Z index).

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::render::az;
use crate::render::context::Context;
use crate::render::layout::{page_view, term_link, Crumb, PageView, TermLink, PAGE_SIZE};
use crate::render::path::PagePath;
use crate::render::writer::Writer;

#[derive(Serialize)]
struct Listed<'a> {
    link: TermLink<'a>,
    aliases: Vec<&'a str>,
}

#[derive(Serialize)]
struct SearchView<'a> {
    page: PageView<'a>,
    /// Every term, when there are few enough for one page.
    terms: Vec<Listed<'a>>,
}

/// Writes the search page of `lang`.
pub(crate) fn write(ctx: &Context<'_>, lang: LangId, out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    let code = ctx.code(lang);
    let path = PagePath::Search(code);
    let mut terms: Vec<Listed<'_>> = if ctx.published_terms().count() <= PAGE_SIZE {
        ctx.published_terms()
            .map(|t| {
                let (entry, _) = ctx.glossary.entry_or_fallback(t.id, lang);
                Listed {
                    link: term_link(ctx, t.id, lang, false),
                    aliases: entry.aliases.iter().map(|a| a.value.as_str()).collect(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let collation = az::Collation::of(ctx.code(lang));
    terms.sort_by_key(|a| az::sort_key(a.link.index_name, collation));
    let title = format!("{} · {}", ctx.text(lang, "search_title"), config.title_in(lang));
    let mut page = page_view(ctx, lang, path, title, ctx.text(lang, "search_label").to_owned());
    page.breadcrumbs = vec![
        Crumb::link(ctx.page_text(lang, "home"), PagePath::Home(code).href()),
        Crumb::here(ctx.page_text(lang, "search_title")),
    ];
    out.page(path, &ctx.render("search.html", &SearchView { page, terms })?)
}
