//! A tag's pages: its terms with their summaries, A–Z, split past
//! [`PAGE_SIZE`] terms, with a link to the tag's concept map.

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::model::TermId;
use crate::render::az;
use crate::render::context::Context;
use crate::render::layout::{
    page_view, pagination, tag_link, term_link, Crumb, PageView, Pagination, TagLink, TermLink, PAGE_SIZE,
};
use crate::render::path::PagePath;
use crate::render::writer::Writer;

#[derive(Serialize)]
struct TagView<'a> {
    page: PageView<'a>,
    tag: TagLink<'a>,
    terms: Vec<TermLink<'a>>,
    map_href: String,
    pagination: Option<Pagination>,
}

/// Writes every page of every tag in `lang`.
pub(crate) fn write_all(ctx: &Context<'_>, lang: LangId, out: &Writer<'_>) -> Result<(), Error> {
    for (&tag, terms) in &ctx.index.tags {
        write(ctx, tag, terms, lang, out)?;
    }
    Ok(())
}

fn write(ctx: &Context<'_>, tag: &str, terms: &[TermId], lang: LangId, out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    let code = ctx.code(lang);
    let mut ordered: Vec<TermLink<'_>> = terms.iter().map(|&t| term_link(ctx, t, lang, true)).collect();
    let collation = az::Collation::of(code);
    ordered.sort_by(|a, b| {
        az::sort_key(a.index_name, collation)
            .cmp(&az::sort_key(b.index_name, collation))
            .then_with(|| a.slug.cmp(b.slug))
    });
    let label = config.tag_label(tag, lang);
    let chunks: Vec<&[TermLink<'_>]> = ordered.chunks(PAGE_SIZE).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        let number = i + 1;
        let path = PagePath::Tag(code, tag, number);
        let title = format!("{} · {}", ctx.text(lang, "tag_title").replace("{tag}", label), config.title_in(lang));
        let description =
            ctx.text(lang, "tag_description").replace("{tag}", label).replace("{count}", &ordered.len().to_string());
        let mut page = page_view(ctx, lang, path, title, description);
        page.breadcrumbs = vec![
            Crumb::link(ctx.page_text(lang, "home"), PagePath::Home(code).href()),
            Crumb::link(ctx.page_text(lang, "topics_title"), PagePath::Topics(code).href()),
            Crumb::here(label),
        ];
        let view = TagView {
            page,
            tag: tag_link(ctx, tag, lang),
            terms: chunk.to_vec(),
            map_href: PagePath::ConceptMap(code, tag).href(),
            pagination: pagination(|n| PagePath::Tag(code, tag, n), number, chunks.len()),
        };
        out.page(path, &ctx.render("tag.html", &view)?)?;
    }
    Ok(())
}
