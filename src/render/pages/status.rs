//! The translation status page of each language: per translated language, a
//! bar of up-to-date / stale / untracked / missing terms and the lists behind
//! it, then the same for articles; the same data as
//! `glossa translations --format json`.

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::model::status::{self, LanguageReport, Status, StatusLists};
use crate::render::context::Context;
use crate::render::layout::{page_view, term_link, Crumb, PageView, PAGE_SIZE};
use crate::render::pages::article::article_link;
use crate::render::path::{FilePath, PagePath};
use crate::render::writer::Writer;

#[derive(Serialize)]
struct Segment {
    status: &'static str,
    label: String,
    count: usize,
    x: String,
    width: String,
}

/// A link to a term or article in a status list.
#[derive(Serialize)]
struct StatusLink<'a> {
    title: &'a str,
    href: String,
    lang: Option<&'a str>,
}

#[derive(Serialize)]
struct StatusList<'a> {
    status: &'static str,
    label: String,
    count: usize,
    links: Vec<StatusLink<'a>>,
    /// Items not listed on the page (see the data file).
    more: usize,
}

/// The bar, legend and lists of terms or of articles.
#[derive(Serialize)]
struct Breakdown<'a> {
    id: String,
    summary: String,
    segments: Vec<Segment>,
    lists: Vec<StatusList<'a>>,
}

#[derive(Serialize)]
struct LanguageView<'a> {
    code: &'a str,
    name: &'a str,
    terms: Breakdown<'a>,
    articles: Option<Breakdown<'a>>,
}

#[derive(Serialize)]
struct StatusView<'a> {
    page: PageView<'a>,
    languages: Vec<LanguageView<'a>>,
    data_href: String,
}

/// Which kind of item a breakdown lists.
#[derive(Clone, Copy)]
enum Kind {
    Terms,
    Articles,
}

/// Writes every language's status page and `translations.json` (sites with
/// more than one language).
pub(crate) fn write_all(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    if config.languages.len() < 2 {
        return Ok(());
    }
    let report = status::report(ctx.glossary, ctx.index.statuses, &ctx.index.article_statuses, ctx.include_drafts);
    for lang in config.lang_ids() {
        write(ctx, lang, &report, out)?;
    }
    let json = serde_json::to_string_pretty(&serde_json::json!({ "languages": report }))
        .map_err(Error::json("translations.json"))?;
    out.file(FilePath::TranslationStatus, json.as_bytes())
}

fn write<'a>(ctx: &Context<'a>, lang: LangId, report: &'a [LanguageReport], out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    let path = PagePath::Translations(ctx.code(lang));
    let title = format!("{} · {}", ctx.text(lang, "translations_title"), config.title_in(lang));
    let description = ctx.text(lang, "translations_intro").to_owned();
    let languages = report
        .iter()
        .map(|language| LanguageView {
            code: &language.code,
            name: &language.name,
            terms: breakdown(ctx, lang, &language.code, &language.terms, Kind::Terms),
            articles: (language.articles.total > 0)
                .then(|| breakdown(ctx, lang, &language.code, &language.articles, Kind::Articles)),
        })
        .collect();
    let mut page = page_view(ctx, lang, path, title, description);
    page.breadcrumbs = vec![
        Crumb::link(ctx.page_text(lang, "home"), PagePath::Home(ctx.code(lang)).href()),
        Crumb::here(ctx.page_text(lang, "translations_title")),
    ];
    let view = StatusView { page, languages, data_href: FilePath::TranslationStatus.href() };
    out.page(path, &ctx.render("translations.html", &view)?)
}

fn breakdown<'a>(ctx: &Context<'a>, lang: LangId, code: &str, lists: &StatusLists, kind: Kind) -> Breakdown<'a> {
    let total = lists.total.max(1) as f64;
    let mut x = 0.0;
    let segments = Status::ALL
        .iter()
        .map(|&status| {
            let count = lists.items(status).len();
            let width = 100.0 * count as f64 / total;
            let segment = Segment {
                status: status.as_str(),
                label: status_label(ctx, lang, status),
                count,
                x: format!("{x:.2}"),
                width: format!("{width:.2}"),
            };
            x += width;
            segment
        })
        .collect();
    let lists_view = Status::ALL
        .iter()
        .map(|&status| {
            let all = lists.items(status);
            let shown = all.iter().take(PAGE_SIZE);
            let links = match kind {
                Kind::Terms => shown
                    .filter_map(|item| ctx.glossary.lookup(&item.slug))
                    .map(|id| {
                        let link = term_link(ctx, id, lang, false);
                        StatusLink { title: link.title, href: link.href, lang: link.lang }
                    })
                    .collect(),
                Kind::Articles => shown
                    .filter_map(|item| ctx.glossary.articles.iter().position(|a| a.slug.as_str() == item.slug))
                    .map(|index| {
                        let link = article_link(ctx, index, lang);
                        StatusLink { title: link.title, href: link.href, lang: link.lang }
                    })
                    .collect(),
            };
            StatusList {
                status: status.as_str(),
                label: status_label(ctx, lang, status),
                count: all.len(),
                links,
                more: all.len().saturating_sub(PAGE_SIZE),
            }
        })
        .collect();
    let (key, id) = match kind {
        Kind::Terms => ("translations_summary", format!("status-{code}")),
        Kind::Articles => ("translations_summary_articles", format!("status-{code}-articles")),
    };
    let summary = ctx
        .text(lang, key)
        .replace("{done}", &lists.up_to_date.len().to_string())
        .replace("{total}", &lists.total.to_string());
    Breakdown { id, summary, segments, lists: lists_view }
}

fn status_label(ctx: &Context<'_>, lang: LangId, status: Status) -> String {
    let key = match status {
        Status::UpToDate => "status_up_to_date",
        Status::Stale => "status_stale",
        Status::Untracked => "status_untracked",
        Status::Missing => "status_missing",
    };
    ctx.text(lang, key).to_owned()
}
