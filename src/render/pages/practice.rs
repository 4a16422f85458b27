//! The practice page of each language: questions drawn from every term's
//! quiz (all, or one tag's), one at a time, each linked to its term. It is
//! driven by `static/practice.js` from the language's `quiz.json`, and links
//! the language's Anki deck.

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::render::context::Context;
use crate::render::layout::{page_view, tag_link, Crumb, PageView, TagLink};
use crate::render::path::{FilePath, PagePath};
use crate::render::writer::Writer;

#[derive(Serialize)]
struct PracticeView<'a> {
    page: PageView<'a>,
    tags: Vec<TagLink<'a>>,
    data_href: String,
    question_count: usize,
    anki_href: String,
    /// The name the deck is saved as (`anki-en.txt`): every language's file is `anki.txt`.
    anki_name: String,
}

/// How many questions the practice page of `lang` draws from.
pub(crate) fn question_count(ctx: &Context<'_>, lang: LangId) -> usize {
    let default = ctx.glossary.config.default_language;
    ctx.published_terms()
        .map(|t| {
            let (entry, _) = ctx.glossary.entry_or_fallback(t.id, lang);
            match entry.quiz.as_ref().map_or(0, Vec::len) {
                0 => ctx.glossary.entry_or_fallback(t.id, default).0.quiz.as_ref().map_or(0, Vec::len),
                own => own,
            }
        })
        .sum()
}

/// Writes every language's practice page.
pub(crate) fn write_all(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    for lang in config.lang_ids() {
        let code = ctx.code(lang);
        let path = PagePath::Practice(code);
        let title = format!("{} · {}", ctx.text(lang, "practice_title"), config.title_in(lang));
        let description = ctx.text(lang, "practice_intro").to_owned();
        let question_count = question_count(ctx, lang);
        let mut page = page_view(ctx, lang, path, title, description);
        page.breadcrumbs = vec![
            Crumb::link(ctx.page_text(lang, "home"), PagePath::Home(code).href()),
            Crumb::here(ctx.page_text(lang, "practice_title")),
        ];
        let view = PracticeView {
            page,
            tags: ctx.index.tags.keys().map(|t| tag_link(ctx, t, lang)).collect(),
            data_href: FilePath::Quiz(code).href(),
            question_count,
            anki_href: FilePath::Anki(code).href(),
            anki_name: format!("anki-{code}.txt"),
        };
        out.page(path, &ctx.render("practice.html", &view)?)?;
    }
    Ok(())
}
