//! `glossary.csv` at the root (every language) and in each language's folder:
//! one row per term and language with its own file, every value as written
//! in the source file, for spreadsheets and for `glossa import`. The format
//! is fixed (README, "CSV export"): the importer reads exactly these columns.

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use super::rows::{self, TermRow};
use crate::config::LangId;
use crate::error::Error;
use crate::model::{Entry, Question};
use crate::render::context::Context;
use crate::render::path::FilePath;
use crate::render::writer::Writer;

/// The columns, in order.
pub const HEADER: [&str; 21] = [
    "slug",
    "language",
    "title",
    "summary",
    "aliases",
    "sort_as",
    "sense",
    "tags",
    "prerequisites",
    "related",
    "status",
    "use",
    "facts",
    "sources",
    "quiz",
    "updated",
    "source",
    "autolink",
    "draft",
    "redirect_from",
    "body",
];

/// Terms whose lines are encoded (in parallel) and written at a time: the
/// files are written as they are made, never held whole.
const CHUNK: usize = 512;

/// Writes the file of every language and the one of all languages. Each
/// line is encoded once, in parallel: the files are made of the same lines.
pub fn write_all(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    let header = line(&HEADER)?;
    let rows = rows::terms(ctx, &rows::languages(ctx));
    let mut all = out.stream(FilePath::Csv)?;
    let mut by_lang = ctx
        .glossary
        .config
        .lang_ids()
        .map(|lang| out.stream(FilePath::LanguageCsv(ctx.code(lang))))
        .collect::<Result<Vec<_>, _>>()?;
    all.write(&header)?;
    for file in &mut by_lang {
        file.write(&header)?;
    }
    for chunk in rows.chunks(CHUNK) {
        let lines: Vec<Vec<(LangId, Vec<u8>)>> = chunk
            .par_iter()
            .map(|row| row.entries.iter().map(|entry| Ok((entry.lang, line(&record(ctx, row, entry)?)?))).collect())
            .collect::<Result<_, Error>>()?;
        for (lang, line) in lines.iter().flatten() {
            all.write(line)?;
            by_lang[lang.0].write(line)?;
        }
    }
    all.finish()?;
    by_lang.into_iter().try_for_each(|file| file.finish())
}

/// One record as a CSV line.
fn line<S: AsRef<str>>(values: &[S]) -> Result<Vec<u8>, Error> {
    let encode = |e: ::csv::Error| Error::encode("glossary.csv", e);
    // A small buffer: the default (8 KB, zeroed) costs more than most lines.
    let mut csv = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .buffer_capacity(512)
        .from_writer(Vec::with_capacity(1024));
    csv.write_record(values.iter().map(|value| value.as_ref().as_bytes())).map_err(encode)?;
    let mut bytes = csv.into_inner().map_err(|e| Error::encode("glossary.csv", e.into_error()))?;
    bytes.shrink_to_fit();
    Ok(bytes)
}

/// One row: term-level columns only on the default-language row, where
/// they are written.
fn record<'c>(ctx: &Context<'c>, row: &TermRow<'c>, entry: &'c Entry) -> Result<Vec<Cow<'c, str>>, Error> {
    let glossary = ctx.glossary;
    let term = row.term;
    let owns_term = entry.lang == glossary.config.default_language;
    let term_level = |value: String| Cow::Owned(if owns_term { value } else { String::new() });
    let values = |list: &[crate::source::Spanned<String>]| Cow::Owned(join(list.iter().map(|s| s.value.as_str())));
    let text =
        |value: Option<&'c crate::source::Spanned<String>>| Cow::Borrowed(value.map_or("", |s| s.value.as_str()));
    let sources = join(entry.sources.iter().map(|s| format!("{} <{}>", s.title.value, s.url.value)));
    Ok(vec![
        Cow::Borrowed(term.slug.as_str()),
        Cow::Borrowed(ctx.code(entry.lang)),
        Cow::Borrowed(entry.title.value.as_str()),
        Cow::Borrowed(entry.summary.value.as_str()),
        values(&entry.aliases),
        text(entry.sort_as.as_ref()),
        text(entry.sense.as_ref()),
        term_level(join(term.tags.iter())),
        term_level(join(rows::published_slugs(ctx, &term.prerequisites))),
        term_level(join(rows::published_slugs(ctx, &term.related))),
        term_level(term.status.map(|s| s.as_str().to_owned()).unwrap_or_default()),
        term_level(term.use_instead.map(|t| glossary.term(t).slug.as_str().to_owned()).unwrap_or_default()),
        values(&entry.facts),
        Cow::Owned(sources),
        Cow::Owned(quiz(entry.quiz.as_deref())?),
        text(entry.updated.as_ref()),
        text(entry.source_hash.as_ref()),
        term_level(term.autolink.to_string()),
        term_level(term.draft.to_string()),
        term_level(join(term.redirect_from.iter().map(|s| s.as_str()))),
        Cow::Borrowed(glossary.body(entry)),
    ])
}

/// List items joined with ` | `, each with `\` and `|` escaped by a backslash.
pub fn join<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let escaped: Vec<String> =
        items.into_iter().map(|item| item.as_ref().replace('\\', "\\\\").replace('|', "\\|")).collect();
    escaped.join(" | ")
}

#[derive(Serialize)]
struct QuizItem<'a> {
    question: &'a str,
    choices: Vec<&'a str>,
    answer: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a str>,
}

/// The quiz as a compact JSON array, or empty without one.
fn quiz(questions: Option<&[Question]>) -> Result<String, Error> {
    let Some(questions) = questions else { return Ok(String::new()) };
    let items: Vec<QuizItem<'_>> = questions
        .iter()
        .map(|q| QuizItem {
            question: &q.question.value,
            choices: q.choices.iter().map(|c| c.value.as_str()).collect(),
            answer: q.answer,
            explanation: q.explanation.as_ref().map(|e| e.value.as_str()),
        })
        .collect();
    serde_json::to_string(&items).map_err(Error::json("glossary.csv"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_escape_the_separator_and_the_escape() {
        assert_eq!(join(["a", "b|c", "d\\e"]), "a | b\\|c | d\\\\e");
        assert_eq!(join(Vec::<&str>::new()), "");
    }
}
