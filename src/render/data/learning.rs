//! The data behind learning paths and practice, per language:
//! `<lang>/paths.json` (every term in learning order with its direct
//! prerequisites, as indexes into the list) and `<lang>/quiz.json` (every
//! question, for the practice page).

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::model::TermId;
use crate::render::context::Context;
use crate::render::path::{relativize, FilePath, PagePath};
use crate::render::writer::Writer;

#[derive(Serialize)]
struct PathEntry<'a> {
    slug: &'a str,
    title: &'a str,
    url: String,
    pre: Vec<usize>,
}

#[derive(Serialize)]
struct QuizEntry<'a> {
    term: &'a str,
    title: &'a str,
    url: String,
    tags: &'a [String],
    question: String,
    choices: Vec<String>,
    answer: usize,
    explanation: Option<String>,
}

/// Writes both files of every language.
pub fn write_all(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    let glossary = ctx.glossary;
    let order: Vec<TermId> = glossary.graph.learning_order.iter().copied().filter(|t| ctx.published(*t)).collect();
    let mut position = vec![usize::MAX; glossary.terms.len()];
    for (i, t) in order.iter().enumerate() {
        position[t.index()] = i;
    }
    for lang in glossary.config.lang_ids() {
        let code = ctx.code(lang);
        // Links in the data are for the page that reads it.
        let home = PagePath::Home(code).to_root(ctx.urls.base_path());
        let paths: Vec<PathEntry<'_>> = order
            .iter()
            .map(|&t| {
                let term = glossary.term(t);
                let (entry, _) = glossary.entry_or_fallback(t, lang);
                PathEntry {
                    slug: term.slug.as_str(),
                    title: entry.title(),
                    url: relativize(&PagePath::Term(code, term.slug.as_str()).href(), &home),
                    pre: glossary.graph.prerequisites[t.index()]
                        .iter()
                        .map(|p| position[p.index()])
                        .filter(|p| *p != usize::MAX)
                        .collect(),
                }
            })
            .collect();
        let json = serde_json::to_string(&serde_json::json!({ "terms": paths })).map_err(Error::json("paths.json"))?;
        out.file(FilePath::Paths(code), json.as_bytes())?;
        let questions = quiz_entries(ctx, &order, lang);
        let json =
            serde_json::to_string(&serde_json::json!({ "questions": questions })).map_err(Error::json("quiz.json"))?;
        out.file(FilePath::Quiz(code), json.as_bytes())?;
    }
    Ok(())
}

/// Every question of every term in `order`, in `lang` (or the default
/// language), with links made for the practice page.
fn quiz_entries<'a>(ctx: &Context<'a>, order: &[TermId], lang: LangId) -> Vec<QuizEntry<'a>> {
    let glossary = ctx.glossary;
    let code = ctx.code(lang);
    let practice = PagePath::Practice(code).to_root(ctx.urls.base_path());
    let relink = |html: &str| relativize(html, &practice);
    let mut entries = Vec::new();
    for &t in order {
        let term = glossary.term(t);
        let own = term.entry(lang).map(|e| glossary.entry(e));
        let source = own
            .and_then(|e| ctx.rendered.get(e, lang))
            .filter(|r| r.quiz.as_ref().is_some_and(|q| !q.is_empty()))
            .or_else(|| {
                let (entry, _) = glossary.entry_or_fallback(t, glossary.config.default_language);
                ctx.rendered.get(entry, lang)
            });
        let (title_entry, _) = glossary.entry_or_fallback(t, lang);
        for question in source.and_then(|r| r.quiz.as_ref()).into_iter().flatten() {
            entries.push(QuizEntry {
                term: term.slug.as_str(),
                title: title_entry.title(),
                url: relink(&PagePath::Term(code, term.slug.as_str()).href()),
                tags: &term.tags,
                question: relink(&question.question),
                choices: question.choices.iter().map(|c| relink(c)).collect(),
                answer: question.answer,
                explanation: question.explanation.as_deref().map(relink),
            });
        }
    }
    entries
}
