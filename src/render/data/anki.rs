//! Each language's Anki deck, `<lang>/anki.txt`: Anki's "notes in plain
//! text" import, one note per published term (its title; its summary and
//! "Explain like I'm 5") and one per quiz question (the question and its
//! choices; the right choice and the explanation). Each note has a guid made
//! from the slug, the language and the question's place, so importing a
//! newer deck updates the cards instead of adding them again.

mod field;

use rayon::prelude::*;
use url::Url;

use crate::config::LangId;
use crate::error::Error;
use crate::model::{Entry, Term, TermId};
use crate::render::context::Context;
use crate::render::data::learning::quiz_of;
use crate::render::path::{FilePath, PagePath};
use crate::render::writer::Writer;
use field::{field, text_field};

/// One note: the columns of its line, in the order of the header's `#columns`.
struct Note {
    guid: String,
    front: String,
    back: String,
    tags: String,
}

/// The "Explain like I'm 5" section a term page shows, kept for its note
/// as the page is written.
pub(crate) struct Eli5 {
    /// The heading's HTML (empty for the default heading).
    pub heading: String,
    /// The section's HTML.
    pub html: String,
    /// Its language when it differs from the page's (a fallback).
    pub lang: Option<String>,
}

/// Terms whose notes are made (in parallel) and written at a time: a deck
/// is written as it is made, never held whole.
const CHUNK: usize = 512;

/// Writes the deck of every language; `eli5(term, lang)` is the section
/// that term's page in that language shows.
pub(crate) fn write_all<'e>(
    ctx: &Context<'_>,
    eli5: &(dyn Fn(TermId, LangId) -> Option<&'e Eli5> + Sync),
    out: &Writer<'_>,
) -> Result<(), Error> {
    let base_url = ctx.urls.absolute("");
    let base = Url::parse(&base_url).map_err(|e| Error::Usage(format!("base URL `{base_url}`: {e}")))?;
    let terms: Vec<&Term> = ctx.published_terms().collect();
    for lang in ctx.glossary.config.lang_ids() {
        let mut deck = out.stream(FilePath::Anki(ctx.code(lang)))?;
        for line in [
            "#separator:tab".to_owned(),
            "#html:true".to_owned(),
            "#notetype:Basic".to_owned(),
            format!("#deck:{}", deck_name(ctx.glossary.config.title_in(lang))),
            "#columns:guid\tFront\tBack\ttags".to_owned(),
            "#guid column:1".to_owned(),
            "#tags column:4".to_owned(),
        ] {
            deck.write(line.as_bytes())?;
            deck.write(b"\n")?;
        }
        // Terms in slug order.
        for chunk in terms.chunks(CHUNK) {
            let notes: Vec<Vec<Note>> = chunk
                .par_iter()
                .map(|term| term_notes(ctx, term, lang, &base, eli5(term.id, lang)))
                .collect::<Result<_, _>>()?;
            for note in notes.iter().flatten() {
                let line = [&note.guid, &note.front, &note.back, &note.tags].map(String::as_str).join("\t");
                deck.write(line.as_bytes())?;
                deck.write(b"\n")?;
            }
        }
        deck.finish()?;
    }
    Ok(())
}

/// A site title as a deck name: on one line, and without `::`, which Anki
/// reads as a subdeck.
fn deck_name(title: &str) -> String {
    title.replace("::", ":").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The note of `term` in `lang`, then one per question of its quiz.
fn term_notes(
    ctx: &Context<'_>,
    term: &Term,
    lang: LangId,
    base: &Url,
    eli5: Option<&Eli5>,
) -> Result<Vec<Note>, Error> {
    let glossary = ctx.glossary;
    let code = ctx.code(lang);
    let slug = term.slug.as_str();
    let page_path = PagePath::Term(code, slug).dir();
    let page = base
        .join(&crate::render::path::encode_path(&page_path))
        .map_err(|e| Error::Usage(format!("{page_path}: {e}")))?;
    let html = |fragment: &str| field(fragment, base, &page);
    let (title_entry, _) = glossary.entry_or_fallback(term.id, lang);
    // "Token (AI)": two cards must not ask for the same word.
    let title = title_entry.label();
    let tags = term.tags.join(" ");
    let guid = format!("glossa-{slug}-{code}");
    // A link back to the term's page ends every answer.
    let link = format!("<p><a href=\"{}\">{}</a></p>", page.as_str(), text_field(&title));
    // Text shown in the default language where `lang` lacks it is marked so.
    let lang_attr = |entry: &Entry| {
        if entry.lang == lang {
            String::new()
        } else {
            format!(" lang=\"{}\"", ctx.code(entry.lang))
        }
    };

    let summary = ctx.rendered.get(title_entry, lang).map_or("", |r| r.summary.as_str());
    let mut back = format!("<div{}><p>{}</p></div>", lang_attr(title_entry), html(summary));
    if let Some(section) = eli5 {
        let heading = if section.heading.trim().is_empty() {
            crate::util::text::escape_html(ctx.text(lang, "eli5_default"))
        } else {
            section.heading.clone()
        };
        let attr = section.lang.as_ref().map(|code| format!(" lang=\"{code}\"")).unwrap_or_default();
        back.push_str(&format!("<div{attr}><h3>{}</h3>{}</div>", html(&heading), html(&section.html)));
    }
    back.push_str(&link);
    let mut notes = vec![Note { guid: guid.clone(), front: text_field(&title), back, tags: tags.clone() }];

    let quiz = quiz_of(ctx, term.id, lang);
    for (i, question) in quiz.map_or(&[][..], |(q, _)| q).iter().enumerate() {
        let attr = quiz.map(|(_, entry)| lang_attr(entry)).unwrap_or_default();
        let choices: String = question.choices.iter().map(|c| format!("<li>{}</li>", html(c))).collect();
        let front = format!("<div{attr}><p>{}</p><ol>{choices}</ol></div>", html(&question.question));
        let right = question.choices.get(question.answer).map_or("", String::as_str);
        let explanation = question.explanation.as_deref().map(|e| format!("<p>{}</p>", html(e))).unwrap_or_default();
        let back = format!("<div{attr}><p><strong>{}</strong></p>{explanation}</div>{link}", html(right));
        notes.push(Note { guid: format!("{guid}-q{}", i + 1), front, back, tags: tags.clone() });
    }
    Ok(notes)
}
