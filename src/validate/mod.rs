//! Whole-glossary lints that need every entry at once: translation coverage
//! and the sections every term should have. They only warn.

use crate::diag::{Code, Diagnostic};
use crate::markdown::Rendered;
use crate::model::Glossary;

/// Every lint, over the whole glossary.
pub fn lint(glossary: &Glossary, rendered: &Rendered) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    missing_translations(glossary, &mut diags);
    missing_sections(glossary, rendered, &mut diags);
    diags
}

/// A term without a file in a declared language: its pages fall back.
fn missing_translations(glossary: &Glossary, diags: &mut Vec<Diagnostic>) {
    let config = &glossary.config;
    for term in &glossary.terms {
        let Some(default_entry) = term.entry(config.default_language) else { continue };
        let entry = glossary.entry(default_entry);
        for lang in config.lang_ids().filter(|l| term.entry(*l).is_none()) {
            let code = &config.language(lang).code;
            diags.push(
                Diagnostic::new(
                    Code::MissingTranslation,
                    Some(entry.front.title.span),
                    format!("`{}` has no {code} translation", term.slug),
                )
                .with_help(format!(
                    "add content/{code}/terms/{}.md, translated from {}",
                    term.slug,
                    glossary.sources.path(entry.file).to_string_lossy().replace('\\', "/")
                )),
            );
        }
    }
}

/// An entry without its `{#eli5}` or `{#expert}` section.
fn missing_sections(glossary: &Glossary, rendered: &Rendered, diags: &mut Vec<Diagnostic>) {
    for entry in &glossary.entries {
        let Some(body) = rendered.get(entry, entry.lang).map(|r| &r.body) else { continue };
        let end = entry.body.end;
        let at = crate::source::Span::new(entry.file, end..end);
        for (missing, id, name) in
            [(body.eli5.is_none(), "eli5", "\"Explain like I'm 5\""), (body.expert.is_none(), "expert", "expert")]
        {
            if missing {
                diags.push(
                    Diagnostic::new(Code::MissingSection, Some(at), format!("no {name} section ({{#{id}}})"))
                        .with_help(format!("add a level-2 heading ending in {{#{id}}}, e.g. `## … {{#{id}}}`")),
                );
            }
        }
    }
}
