//! The data behind learning paths and practice, per language:
//! `<lang>/paths.json` (every term in learning order with its direct
//! prerequisites, as indexes into the list) and `<lang>/quiz.json` (every
//! question, for the practice page).

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::markdown::RenderedQuestion;
use crate::model::{Entry, TermId};
use crate::render::context::Context;
use crate::render::path::{relativize, FilePath, PagePath};
use crate::render::writer::{Stream, Writer};

#[derive(Serialize)]
struct PathEntry<'a> {
    slug: &'a str,
    title: &'a str,
    url: String,
    pre: Vec<usize>,
}

#[derive(Serialize)]
struct QuizEntry<'a> {
    /// Stable while the term's slug and the order of its questions stay:
    /// the practice page schedules reviews by it.
    id: String,
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
        let paths = order.iter().map(|&t| {
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
        });
        write_list(out.stream(FilePath::Paths(code))?, "terms", paths, "paths.json")?;
        let questions = order.iter().flat_map(|&t| quiz_entries(ctx, t, lang));
        write_list(out.stream(FilePath::Quiz(code))?, "questions", questions, "quiz.json")?;
    }
    Ok(())
}

/// Writes `{"<key>":[…]}` an item at a time, so the file is never held whole.
fn write_list<T: Serialize>(
    mut file: Stream<'_>,
    key: &str,
    items: impl Iterator<Item = T>,
    what: &'static str,
) -> Result<(), Error> {
    file.write(format!("{{\"{key}\":[").as_bytes())?;
    for (i, item) in items.enumerate() {
        if i > 0 {
            file.write(b",")?;
        }
        file.write(&serde_json::to_vec(&item).map_err(Error::json(what))?)?;
    }
    file.write(b"]}")?;
    file.finish()
}

/// Every question of term `t` in `lang` (or the default language), with
/// links made for the practice page.
fn quiz_entries<'a>(ctx: &Context<'a>, t: TermId, lang: LangId) -> Vec<QuizEntry<'a>> {
    let glossary = ctx.glossary;
    let code = ctx.code(lang);
    let practice = PagePath::Practice(code).to_root(ctx.urls.base_path());
    let relink = |html: &str| relativize(html, &practice);
    let term = glossary.term(t);
    let (title_entry, _) = glossary.entry_or_fallback(t, lang);
    quiz_of(ctx, t, lang)
        .into_iter()
        .flat_map(|(q, _)| q)
        .enumerate()
        .map(|(i, question)| QuizEntry {
            id: question_id(term.slug.as_str(), i),
            term: term.slug.as_str(),
            title: title_entry.title(),
            url: relink(&PagePath::Term(code, term.slug.as_str()).href()),
            tags: &term.tags,
            question: relink(&question.question),
            choices: question.choices.iter().map(|c| relink(c)).collect(),
            answer: question.answer,
            explanation: question.explanation.as_deref().map(relink),
        })
        .collect()
}

/// The id of question `index` (from 0) of the term `slug`: `staking-q1`.
pub(crate) fn question_id(slug: &str, index: usize) -> String {
    format!("{slug}-q{}", index + 1)
}

/// The quiz the pages of `lang` show for term `t`: its own entry's, or the
/// default language's (rendered for `lang`) when it has none, with the entry
/// it comes from.
pub(crate) fn quiz_of<'a>(ctx: &Context<'a>, t: TermId, lang: LangId) -> Option<(&'a [RenderedQuestion], &'a Entry)> {
    let glossary = ctx.glossary;
    let with_quiz = |entry: &'a Entry| {
        let quiz = ctx.rendered.get(entry, lang)?.quiz.as_deref().filter(|q| !q.is_empty())?;
        Some((quiz, entry))
    };
    let own = glossary.term(t).entry(lang).map(|e| glossary.entry(e));
    own.and_then(with_quiz).or_else(|| with_quiz(glossary.entry_or_fallback(t, glossary.config.default_language).0))
}
