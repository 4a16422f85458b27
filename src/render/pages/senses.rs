//! The page of a name several terms share ("token"): each sense with its
//! summary, where links and mentions that cannot choose lead.

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::model::senses::SenseGroup;
use crate::render::context::Context;
use crate::render::layout::{page_view_with, term_link, Crumb, PageView, TermLink};
use crate::render::path::PagePath;
use crate::render::writer::Writer;

#[derive(Serialize)]
struct SensesView<'a> {
    page: PageView<'a>,
    heading: String,
    intro: String,
    terms: Vec<TermLink<'a>>,
}

/// Writes the page of every shared name of `lang` that has a published sense.
pub(crate) fn write_all<'a>(ctx: &Context<'a>, lang: LangId, out: &Writer<'_>) -> Result<(), Error> {
    for (_, group) in ctx.glossary.senses.in_language(lang) {
        write(ctx, group, lang, out)?;
    }
    Ok(())
}

fn write<'a>(ctx: &Context<'a>, group: &'a SenseGroup, lang: LangId, out: &Writer<'_>) -> Result<(), Error> {
    let published: Vec<_> = group.terms.iter().copied().filter(|&t| ctx.published(t)).collect();
    let Some(&first) = published.first() else { return Ok(()) };
    let config = &ctx.glossary.config;
    let code = ctx.code(lang);
    let path = PagePath::Senses(code, &group.slug);
    let heading = ctx.text(lang, "senses_title").replace("{name}", &group.name);
    let intro = ctx.text(lang, "senses_intro").replace("{name}", &group.name);
    // In another language the name may be shared too (its own page), or not: then the first sense's page.
    let glossary = ctx.glossary;
    let senses = &glossary.senses;
    let counterpart = |other: &'a str| -> PagePath<'a> {
        let Some(other_lang) = config.lang_ids().find(|&l| ctx.code(l) == other) else { return PagePath::Home(other) };
        match senses.of_term(first, other_lang).next() {
            Some(index) => PagePath::Senses(ctx.code(other_lang), &senses.group(index).slug),
            None => PagePath::Term(ctx.code(other_lang), glossary.term(first).slug.as_str()),
        }
    };
    let title = format!("{heading} · {}", config.title_in(lang));
    let mut page = page_view_with(ctx, lang, path, &counterpart, title, intro.clone());
    page.breadcrumbs =
        vec![Crumb::link(ctx.page_text(lang, "home"), PagePath::Home(code).href()), Crumb::here(&heading)];
    let terms = published.iter().map(|&t| term_link(ctx, t, lang, true)).collect();
    out.page(path, &ctx.render("senses.html", &SensesView { page, heading, intro, terms })?)
}
