//! Each language's home: the A–Z index (every term, or past [`PAGE_SIZE`]
//! terms the letters, each linking to pages of its own) and the tags.

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::model::TermId;
use crate::render::az::{self, Group};
use crate::render::context::Context;
use crate::render::layout::{
    page_view, page_view_with, pagination, tag_link, term_link, PageView, Pagination, TagLink, TermLink, PAGE_SIZE,
};
use crate::render::path::PagePath;
use crate::render::writer::Writer;

#[derive(Serialize)]
struct AzGroup<'a> {
    label: String,
    id: String,
    /// Where the group's own pages start (when the index is split).
    href: Option<String>,
    count: usize,
    terms: Vec<TermLink<'a>>,
    /// The terms, in order (for the group's own pages).
    #[serde(skip)]
    ids: Vec<TermId>,
    #[serde(skip)]
    folder: String,
}

impl AzGroup<'_> {
    /// The folder name of the group's own pages: `a`, `ㄱ`, `other`.
    fn folder(&self) -> &str {
        &self.folder
    }
}

#[derive(Serialize)]
struct HomeView<'a> {
    page: PageView<'a>,
    term_count: usize,
    groups: Vec<AzGroup<'a>>,
    /// Whether the groups are on pages of their own.
    split: bool,
    tags: Vec<TagLink<'a>>,
}

#[derive(Serialize)]
struct AzPageView<'a> {
    page: PageView<'a>,
    label: String,
    terms: Vec<TermLink<'a>>,
    pagination: Option<Pagination>,
}

/// Writes the home of `lang` and, when its index is split, the A–Z pages.
pub(crate) fn write(ctx: &Context<'_>, lang: LangId, out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    let code = ctx.code(lang);
    let path = PagePath::Home(code);
    let mut groups = az_groups(ctx, lang);
    let term_count: usize = groups.iter().map(|g| g.count).sum();
    let split = term_count > PAGE_SIZE;
    if split {
        write_az_pages(ctx, lang, &groups, out)?;
        for group in &mut groups {
            group.href = Some(PagePath::Az(code, group.folder(), 1).href());
            group.terms.clear();
        }
    }
    let title = config.title_in(lang).to_owned();
    let description = ctx.text(lang, "home_description").replace("{count}", &term_count.to_string());
    let mut page = page_view(ctx, lang, path, title, description.clone());
    page.json_ld = Some(crate::render::data::json_ld::home(ctx, lang, &description));
    let tags = ctx.index.tags.keys().map(|t| tag_link(ctx, t, lang)).collect();
    out.page(path, &ctx.render("home.html", &HomeView { page, term_count, groups, split, tags })?)
}

/// The A–Z groups of `lang`, each with its terms in order.
fn az_groups<'a>(ctx: &Context<'a>, lang: LangId) -> Vec<AzGroup<'a>> {
    let mut links: Vec<(Group, (String, String), TermLink<'a>, TermId)> = ctx
        .published_terms()
        .map(|t| {
            let link = term_link(ctx, t.id, lang, false);
            (Group::of(link.title), az::sort_key(link.title), link, t.id)
        })
        .collect();
    let hangul_first = ctx.code(lang) == "ko";
    links.sort_by(|a, b| {
        a.0.cmp_for(b.0, hangul_first).then_with(|| a.1.cmp(&b.1)).then_with(|| a.2.slug.cmp(b.2.slug))
    });
    let mut groups: Vec<AzGroup<'a>> = Vec::new();
    for (group, _, link, id) in links {
        match groups.last_mut() {
            Some(last) if last.id == group.id() => {
                last.terms.push(link);
                last.ids.push(id);
            }
            _ => groups.push(AzGroup {
                label: group.label(),
                id: group.id(),
                href: None,
                count: 0,
                terms: vec![link],
                ids: vec![id],
                folder: group.folder(),
            }),
        }
    }
    for group in &mut groups {
        group.count = group.terms.len();
    }
    groups
}

/// Each group's own pages, [`PAGE_SIZE`] terms a page.
fn write_az_pages<'a>(ctx: &Context<'a>, lang: LangId, groups: &[AzGroup<'_>], out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    let code = ctx.code(lang);
    for group in groups {
        let chunks: Vec<&[TermId]> = group.ids.chunks(PAGE_SIZE).collect();
        for (i, chunk) in chunks.iter().enumerate() {
            let number = i + 1;
            let path = PagePath::Az(code, group.folder(), number);
            let title = format!("{} {} · {}", ctx.text(lang, "az_index"), group.label, config.title_in(lang));
            let description = ctx.text(lang, "home_description").replace("{count}", &group.count.to_string());
            // The same letter's page in another language, if it has one; its home if not.
            let counterpart = |other: &'a str| {
                let pages =
                    ctx.index.letters[lang_of(ctx, other).0].get(group.folder()).map_or(0, |n| n.div_ceil(PAGE_SIZE));
                if number <= pages {
                    PagePath::Az(other, group.folder(), number)
                } else {
                    PagePath::Home(other)
                }
            };
            let view = AzPageView {
                page: page_view_with(ctx, lang, path, &counterpart, title, description),
                label: group.label.clone(),
                terms: chunk.iter().map(|&t| term_link(ctx, t, lang, false)).collect(),
                pagination: pagination(|n| PagePath::Az(code, group.folder(), n), number, chunks.len()),
            };
            out.page(path, &ctx.render("az.html", &view)?)?;
        }
    }
    Ok(())
}

/// The language whose code is `code`.
fn lang_of(ctx: &Context<'_>, code: &str) -> LangId {
    ctx.glossary.config.lang_id(code).unwrap_or(ctx.glossary.config.default_language)
}
