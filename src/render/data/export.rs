//! Each language's `glossary.json`: every published term for other tools,
//! with its translation status.

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::model::status::Status;
use crate::model::TermId;
use crate::render::context::Context;
use crate::render::path::{FilePath, PagePath};
use crate::render::writer::Writer;

#[derive(Serialize)]
struct ExportTerm<'a> {
    slug: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sense: Option<&'a str>,
    aliases: Vec<&'a str>,
    summary: String,
    tags: &'a [String],
    prerequisites: Vec<&'a str>,
    related: Vec<&'a str>,
    url: String,
    translation: &'static str,
    updated: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    #[serde(rename = "use", skip_serializing_if = "Option::is_none")]
    use_instead: Option<&'a str>,
}

/// Writes the export of every language.
pub fn write_all(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    for lang in ctx.glossary.config.lang_ids() {
        out.file(FilePath::Export(ctx.code(lang)), export(ctx, lang)?.as_bytes())?;
    }
    Ok(())
}

fn export(ctx: &Context<'_>, lang: LangId) -> Result<String, Error> {
    let glossary = ctx.glossary;
    let config = &glossary.config;
    let code = ctx.code(lang);
    let slugs = |ids: &[TermId]| -> Vec<&str> {
        ids.iter().filter(|t| ctx.published(**t)).map(|t| glossary.term(*t).slug.as_str()).collect()
    };
    let terms: Vec<ExportTerm<'_>> = ctx
        .published_terms()
        .map(|term| {
            let (entry, _) = glossary.entry_or_fallback(term.id, lang);
            let translation = if lang == config.default_language {
                "source"
            } else {
                match ctx.status(term.id, lang) {
                    Status::UpToDate => "up-to-date",
                    Status::Stale => "stale",
                    Status::Untracked => "untracked",
                    Status::Missing => "missing",
                }
            };
            ExportTerm {
                slug: term.slug.as_str(),
                title: entry.title(),
                sense: entry.sense.as_ref().map(|s| s.value.trim()),
                aliases: entry.aliases.iter().map(|a| a.value.as_str()).collect(),
                summary: ctx.plain_summary(term.id, lang),
                tags: &term.tags,
                prerequisites: slugs(&glossary.graph.prerequisites[term.id.index()]),
                related: slugs(&glossary.graph.related[term.id.index()]),
                url: ctx.urls.absolute(&PagePath::Term(code, term.slug.as_str()).dir()),
                translation,
                updated: term.updated.as_deref(),
                status: term.status.map(crate::model::TermStatus::as_str),
                use_instead: term.use_instead.map(|t| glossary.term(t).slug.as_str()),
            }
        })
        .collect();
    let value = serde_json::json!({
        "language": code,
        "title": config.title_in(lang),
        "url": ctx.urls.absolute(&PagePath::Home(code).dir()),
        "terms": terms,
    });
    serde_json::to_string_pretty(&value).map_err(Error::json("glossary.json"))
}
