//! JSON-LD for search engines: a `DefinedTerm` on each term page and a
//! `DefinedTermSet` on each home, escaped so no title can close the script.

use crate::config::LangId;
use crate::model::Term;
use crate::render::context::Context;
use crate::render::layout::script_json;
use crate::render::path::PagePath;

/// JSON-LD of a term page: a `DefinedTerm` in its set, with its translations.
pub fn term(ctx: &Context<'_>, term: &Term, lang: LangId) -> String {
    let config = &ctx.glossary.config;
    let code = ctx.code(lang);
    let url_in = |l: LangId| ctx.urls.absolute(&PagePath::Term(ctx.code(l), term.slug.as_str()).dir());
    let url = url_in(lang);
    let (entry, _) = ctx.glossary.entry_or_fallback(term.id, lang);
    let home = ctx.urls.absolute(&PagePath::Home(code).dir());
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": url,
        "name": entry.title(),
        "description": ctx.plain_summary(term.id, lang),
        "url": url,
        "inLanguage": config.language(entry.lang).code.as_str(),
        "inDefinedTermSet": { "@type": "DefinedTermSet", "@id": home, "name": config.title_in(lang), "url": home },
    });
    let aliases: Vec<&str> = entry.aliases.iter().map(|a| a.value.as_str()).collect();
    if !aliases.is_empty() {
        value["alternateName"] = serde_json::json!(aliases);
    }
    let translated = |l: LangId| term.entry(l).is_some();
    if lang == config.default_language {
        let translations: Vec<serde_json::Value> = config
            .lang_ids()
            .filter(|l| *l != lang && translated(*l))
            .map(|l| serde_json::json!({ "@type": "DefinedTerm", "@id": url_in(l), "inLanguage": ctx.code(l) }))
            .collect();
        if !translations.is_empty() {
            value["workTranslation"] = serde_json::json!(translations);
        }
    } else if translated(lang) {
        let source = config.default_language;
        value["translationOfWork"] =
            serde_json::json!({ "@type": "DefinedTerm", "@id": url_in(source), "inLanguage": ctx.code(source) });
    }
    script_json(&value)
}

/// JSON-LD of a home page: the `DefinedTermSet` of its language.
pub fn home(ctx: &Context<'_>, lang: LangId, description: &str) -> String {
    let code = ctx.code(lang);
    let home = ctx.urls.absolute(&PagePath::Home(code).dir());
    script_json(&serde_json::json!({
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": home,
        "name": ctx.glossary.config.title_in(lang),
        "description": description,
        "url": home,
        "inLanguage": code,
    }))
}
