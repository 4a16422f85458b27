//! The pages at the site root: the language chooser, which sends readers to
//! their language, and the 404 page, which hosts serve at any depth and
//! which answers in the reader's language.

use serde::Serialize;

use crate::error::Error;
use crate::render::context::Context;
use crate::render::layout::{page_view, Alternate, PageView};
use crate::render::path::{FilePath, PagePath};
use crate::render::writer::Writer;

#[derive(Serialize)]
struct ChooserLanguage<'a> {
    code: &'a str,
    /// `ltr` or `rtl`.
    dir: &'static str,
    name: &'a str,
    title: &'a str,
    href: String,
    /// The language's search page and search index (for the 404 page).
    search_href: String,
    index_href: String,
    /// The parts of its search index after the first (space-separated).
    shard_hrefs: String,
    /// Its learning-path data, which lists every term (the 404 page suggests the nearest).
    paths_href: String,
    /// The language's interface strings (for the 404 page).
    t: &'a crate::theme::UiStrings,
}

#[derive(Serialize)]
struct ChooserView<'a> {
    site_title: &'a str,
    default_lang: &'a str,
    default_dir: &'static str,
    default_href: String,
    languages: Vec<ChooserLanguage<'a>>,
    canonical: String,
    alternates: Vec<Alternate<'a>>,
}

#[derive(Serialize)]
struct NotFoundView<'a> {
    page: PageView<'a>,
    homes: Vec<ChooserLanguage<'a>>,
}

/// Every language's home, for the chooser and the 404 page.
fn homes<'a>(ctx: &Context<'a>) -> Vec<ChooserLanguage<'a>> {
    let config = &ctx.glossary.config;
    config
        .lang_ids()
        .map(|lang| {
            let language = config.language(lang);
            ChooserLanguage {
                code: language.code.as_str(),
                dir: language.dir.as_str(),
                name: &language.name,
                title: config.title_in(lang),
                href: PagePath::Home(language.code.as_str()).href(),
                search_href: PagePath::Search(language.code.as_str()).href(),
                index_href: format!("{}pagefind.js", FilePath::SearchBundle(language.code.as_str()).href()),
                shard_hrefs: ctx.index.search_shard_hrefs[lang.0].clone(),
                paths_href: FilePath::Paths(language.code.as_str()).href(),
                t: ctx.theme.page_strings(lang),
            }
        })
        .collect()
}

/// Writes the language chooser and the 404 page.
pub(crate) fn write(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    let default_code = ctx.code(config.default_language);
    let chooser = ChooserView {
        site_title: &config.title,
        default_lang: default_code,
        default_dir: config.language(config.default_language).dir.as_str(),
        // The chooser's script redirects with it: a plain site path.
        default_href: PagePath::Home(default_code).dir(),
        languages: homes(ctx),
        canonical: ctx.urls.absolute(""),
        alternates: config
            .languages
            .iter()
            .map(|l| Alternate {
                lang: l.code.as_str(),
                href: ctx.urls.absolute(&PagePath::Home(l.code.as_str()).dir()),
            })
            .collect(),
    };
    out.page(PagePath::Chooser, &ctx.render("chooser.html", &chooser)?)?;

    let lang = config.default_language;
    let title = format!("{} · {}", ctx.text(lang, "not_found_title"), config.title_in(lang));
    let page = page_view(ctx, lang, PagePath::NotFound, title, String::new());
    out.page(PagePath::NotFound, &ctx.render("404.html", &NotFoundView { page, homes: homes(ctx) })?)
}
