//! Article pages: the text with its table of contents, date, reading time and
//! tags, a "Terms in this article" box in learning order, and each
//! language's article index, newest first. Term pages list the articles that
//! link them ("Read more").

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::model::TermId;
use crate::render::context::Context;
use crate::render::layout::{
    page_view, stale_notice, tag_link, term_link, Crumb, PageView, StaleNotice, TagLink, TermLink, TocItem,
};
use crate::render::path::{FilePath, PagePath};
use crate::render::writer::Writer;

/// A link to an article.
#[derive(Serialize, Clone)]
pub(crate) struct ArticleLink<'a> {
    /// Its title in the page's language (or the fallback).
    pub title: &'a str,
    /// Link to it.
    pub href: String,
    pub(crate) date: String,
    pub(crate) date_iso: &'a str,
    description: Option<&'a str>,
    /// Set when the title is in another language (fallback).
    pub lang: Option<&'a str>,
}

#[derive(Serialize)]
struct TocView {
    side: &'static str,
    items: Vec<TocItem>,
}

#[derive(Serialize)]
struct ArticleView<'a> {
    page: PageView<'a>,
    title: &'a str,
    text_lang: Option<&'a str>,
    fallback_notice: Option<String>,
    stale_notice: Option<StaleNotice>,
    date: String,
    date_iso: &'a str,
    reading_time: String,
    description: Option<&'a str>,
    tags: Vec<TagLink<'a>>,
    categories: Vec<&'a str>,
    thumbnail: Option<String>,
    toc: Option<TocView>,
    html: &'a str,
    terms: Vec<TermLink<'a>>,
}

#[derive(Serialize)]
struct IndexView<'a> {
    page: PageView<'a>,
    articles: Vec<ArticleLink<'a>>,
}

/// A link to article `index` in `lang`.
pub(crate) fn article_link<'a>(ctx: &Context<'a>, index: usize, lang: LangId) -> ArticleLink<'a> {
    let glossary = ctx.glossary;
    let (entry, fallback) = glossary.article_entry(index, lang);
    let article = &glossary.articles[index];
    ArticleLink {
        title: &entry.title.value,
        href: PagePath::Article(ctx.code(lang), article.slug.as_str()).href(),
        date: ctx.display_date(&article.date, lang),
        date_iso: &article.date,
        description: entry.description.as_ref().map(|d| d.value.as_str()),
        lang: fallback.then(|| glossary.config.language(entry.lang).code.as_str()),
    }
}

/// The articles that link `term`, for its "Read more" list.
pub(crate) fn read_more<'a>(ctx: &Context<'a>, term: TermId, lang: LangId) -> Vec<ArticleLink<'a>> {
    ctx.index.article_mentions[lang.0][term.index()].iter().map(|&i| article_link(ctx, i, lang)).collect()
}

/// Writes every published article page of `lang` and its article index.
pub(crate) fn write_all(ctx: &Context<'_>, lang: LangId, out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    let order = &ctx.index.articles;
    for &index in order {
        write(ctx, index, lang, out)?;
    }
    if !order.is_empty() {
        let path = PagePath::Articles(ctx.code(lang));
        let title = format!("{} · {}", ctx.text(lang, "articles"), config.title_in(lang));
        let description = ctx.text(lang, "articles_intro").to_owned();
        let mut page = page_view(ctx, lang, path, title, description);
        page.breadcrumbs = vec![
            Crumb::link(ctx.page_text(lang, "home"), PagePath::Home(ctx.code(lang)).href()),
            Crumb::here(ctx.page_text(lang, "articles")),
        ];
        let articles = order.iter().map(|&i| article_link(ctx, i, lang)).collect();
        out.page(path, &ctx.render("articles.html", &IndexView { page, articles })?)?;
    }
    Ok(())
}

fn write(ctx: &Context<'_>, index: usize, lang: LangId, out: &Writer<'_>) -> Result<(), Error> {
    let glossary = ctx.glossary;
    let config = &glossary.config;
    let article = &glossary.articles[index];
    let slug = article.slug.as_str();
    let path = PagePath::Article(ctx.code(lang), slug);
    let (entry, fallback) = glossary.article_entry(index, lang);
    let body = ctx.article_body(index, lang);
    let entry_lang = config.language(entry.lang);
    let text = &glossary.sources.get(entry.file).text[entry.body.clone()];
    let minutes = crate::util::text::word_count(text).div_ceil(200).max(1);
    let mut terms: Vec<TermId> = body.map(|b| b.links.clone()).unwrap_or_default();
    terms.retain(|t| ctx.published(*t));
    glossary.graph.sort_by_rank(&mut terms);
    let title = &entry.title.value;
    let description = entry.description.as_ref().map(|d| d.value.as_str());
    let mut page = page_view(
        ctx,
        lang,
        path,
        format!("{title} · {}", config.title_in(lang)),
        description.unwrap_or_default().to_owned(),
    );
    page.og_type = "article";
    page.breadcrumbs = vec![
        Crumb::link(ctx.page_text(lang, "home"), PagePath::Home(ctx.code(lang)).href()),
        Crumb::link(ctx.page_text(lang, "articles"), PagePath::Articles(ctx.code(lang)).href()),
        Crumb { lang: fallback.then(|| entry_lang.code.to_string()), ..Crumb::here(title.as_str()) },
    ];
    let view = ArticleView {
        page,
        title,
        text_lang: fallback.then(|| entry_lang.code.as_str()),
        fallback_notice: fallback.then(|| {
            ctx.text(lang, "fallback_article")
                .replace("{language}", &config.language(lang).name)
                .replace("{source}", &entry_lang.name)
        }),
        stale_notice: (ctx.index.article_statuses[index][lang.0] == crate::model::status::Status::Stale).then(|| {
            stale_notice(ctx, lang, "stale_notice_article", PagePath::Article(ctx.code(config.default_language), slug))
        }),
        date: ctx.display_date(&article.date, lang),
        date_iso: &article.date,
        reading_time: ctx.digits(&ctx.text(lang, "reading_time").replace("{minutes}", &minutes.to_string()), lang),
        description,
        // Tags belong to the article, as they do to a term: from the default-language file.
        tags: glossary
            .article_entry(index, config.default_language)
            .0
            .tags
            .iter()
            .flatten()
            .filter(|t| ctx.index.tags.contains_key(t.value.as_str()))
            .map(|t| tag_link(ctx, &t.value, lang))
            .collect(),
        categories: entry.categories.iter().map(|c| c.value.as_str()).collect(),
        thumbnail: entry.thumbnail.as_ref().map(|t| FilePath::Static(&t.value).href()),
        toc: entry.toc.and_then(|side| {
            let items = body.map(|b| b.headings.as_slice()).unwrap_or_default();
            (!items.is_empty()).then_some(TocView {
                side: match side {
                    crate::model::articles::TocSide::Left => "left",
                    crate::model::articles::TocSide::Right => "right",
                },
                items: items
                    .iter()
                    .map(|h| TocItem {
                        id: h.id.clone(),
                        label: h.text.clone(),
                        lang: fallback.then(|| entry_lang.code.to_string()),
                        level: h.level,
                    })
                    .collect(),
            })
        }),
        html: body.and_then(|b| b.html.as_ref()).map_or("", |h| h.main.as_str()),
        terms: terms.into_iter().map(|t| term_link(ctx, t, lang, false)).collect(),
    };
    out.page(path, &ctx.render("article.html", &view)?)
}
