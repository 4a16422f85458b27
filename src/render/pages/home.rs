//! Each language's home: the A–Z index (every term, or past [`PAGE_SIZE`]
//! terms the letters, each linking to pages of its own) and the tags.

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::model::TermId;
use crate::render::az::{self, Group};
use crate::render::context::Context;
use crate::render::layout::{
    page_view, page_view_with, pagination, tag_link, term_link, Crumb, PageView, Pagination, TagLink, TermLink,
    PAGE_SIZE,
};
use crate::render::path::PagePath;
use crate::render::writer::Writer;

#[derive(Serialize)]
struct AzGroup<'a> {
    label: String,
    /// The label is drawn larger (Hangul consonants).
    small_glyph: bool,
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
    /// Where to begin: the first terms of the learning order that most others build on.
    start_here: Vec<TermLink<'a>>,
    /// The largest topics' concept maps.
    maps: Vec<MapLink<'a>>,
    /// The newest articles.
    articles: Vec<crate::render::pages::article::ArticleLink<'a>>,
    practice_href: String,
    question_count: usize,
}

/// A topic's concept map, as the home features it.
#[derive(Serialize)]
pub(crate) struct MapLink<'a> {
    label: &'a str,
    href: String,
    count: usize,
}

/// How many terms "Start here" offers, and how many maps the home features.
const START_HERE: usize = 6;
const FEATURED_MAPS: usize = 4;
const LATEST_ARTICLES: usize = 3;

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
    let mut groups = az_groups(ctx, lang, true);
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
    let view = HomeView {
        page,
        term_count,
        groups,
        split,
        tags,
        start_here: start_here(ctx).into_iter().map(|t| term_link(ctx, t, lang, true)).collect(),
        maps: featured_maps(ctx, lang),
        articles: ctx
            .index
            .articles
            .iter()
            .take(LATEST_ARTICLES)
            .map(|&i| crate::render::pages::article::article_link(ctx, i, lang))
            .collect(),
        practice_href: PagePath::Practice(code).href(),
        question_count: crate::render::pages::practice::question_count(ctx, lang),
    };
    out.page(path, &ctx.render("home.html", &view)?)
}

/// The terms to begin with: those with no prerequisites that others build
/// on, the most built upon first (ties in learning order).
fn start_here(ctx: &Context<'_>) -> Vec<TermId> {
    let graph = &ctx.glossary.graph;
    let mut roots: Vec<(usize, TermId)> = ctx
        .index
        .learning_order
        .iter()
        .copied()
        .filter(|t| graph.prerequisites[t.index()].iter().all(|p| !ctx.published(*p)))
        .map(|t| (graph.dependents[t.index()].iter().filter(|d| ctx.published(**d)).count(), t))
        .filter(|(dependents, _)| *dependents > 0)
        .collect();
    roots.sort_by_key(|(dependents, _)| std::cmp::Reverse(*dependents));
    roots.into_iter().take(START_HERE).map(|(_, t)| t).collect()
}

/// The concept maps of the topics with the most terms (ties by tag).
pub(crate) fn featured_maps<'a>(ctx: &Context<'a>, lang: LangId) -> Vec<MapLink<'a>> {
    let code = ctx.code(lang);
    let mut tags: Vec<(&&str, &Vec<TermId>)> = ctx.index.tags.iter().collect();
    tags.sort_by_key(|(_, terms)| std::cmp::Reverse(terms.len()));
    tags.into_iter()
        .take(FEATURED_MAPS)
        .map(|(tag, terms)| MapLink {
            label: ctx.glossary.config.tag_label(tag, lang),
            href: PagePath::ConceptMap(code, tag).href(),
            count: terms.len(),
        })
        .collect()
}

/// The A–Z groups of `lang`, each with its terms in order (with their
/// summaries when `with_summaries`).
fn az_groups<'a>(ctx: &Context<'a>, lang: LangId, with_summaries: bool) -> Vec<AzGroup<'a>> {
    let collation = az::Collation::of(ctx.code(lang));
    let mut links: Vec<(Group, (String, String), TermLink<'a>, TermId)> = ctx
        .published_terms()
        .map(|t| {
            let link = term_link(ctx, t.id, lang, with_summaries);
            (Group::of(link.index_name, collation), az::sort_key(link.index_name, collation), link, t.id)
        })
        .collect();
    links.sort_by(|a, b| a.0.cmp_for(b.0, collation).then_with(|| a.1.cmp(&b.1)).then_with(|| a.2.slug.cmp(b.2.slug)));
    let mut groups: Vec<AzGroup<'a>> = Vec::new();
    for (group, _, link, id) in links {
        match groups.last_mut() {
            Some(last) if last.id == group.id() => {
                last.terms.push(link);
                last.ids.push(id);
            }
            _ => groups.push(AzGroup {
                label: group.label(),
                small_glyph: group.small_glyph(),
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
            let mut page = page_view_with(ctx, lang, path, &counterpart, title, description);
            page.breadcrumbs = vec![
                Crumb::link(ctx.page_text(lang, "home"), PagePath::Home(code).href()),
                Crumb::here(format!("{} {}", ctx.page_text(lang, "az_index"), group.label)),
            ];
            let view = AzPageView {
                page,
                label: group.label.clone(),
                terms: chunk.iter().map(|&t| term_link(ctx, t, lang, true)).collect(),
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
