//! Whole-glossary lints: translation coverage, missing sections,
//! mis-decoded text, repeated sources (per term), and near-duplicate bodies
//! and isolated terms (across terms). Each rule family has its own module;
//! every lint only warns. Per-term lints can be rerun for one term alone,
//! which is what the dev server does after an edit.

mod content;
mod duplicates;
mod translations;

use rayon::prelude::*;

pub use duplicates::Fingerprints;

use crate::diag::Diagnostic;
use crate::markdown::Rendered;
use crate::model::status::Status;
use crate::model::{Glossary, TermId};

/// Every lint, over the whole glossary.
pub fn lint(glossary: &Glossary, rendered: &Rendered, statuses: &[Vec<Status>]) -> Vec<Diagnostic> {
    let all: Vec<TermId> = glossary.terms.iter().map(|t| t.id).collect();
    let mut diags = lint_terms(glossary, rendered, statuses, &all);
    diags.extend(lint_across_terms(glossary, rendered, &mut Fingerprints::default()));
    diags
}

/// The lints that look at one term at a time, for `terms`. Every diagnostic
/// they give lies in one of those terms' files.
pub fn lint_terms(
    glossary: &Glossary,
    rendered: &Rendered,
    statuses: &[Vec<Status>],
    terms: &[TermId],
) -> Vec<Diagnostic> {
    terms
        .par_iter()
        .flat_map_iter(|&id| {
            let term = glossary.term(id);
            let mut diags = Vec::new();
            if let Some(row) = statuses.get(id.index()) {
                translations::lint_term(glossary, term, row, &mut diags);
            }
            for entry in term.entries.iter().flatten().map(|e| glossary.entry(*e)).filter(|e| !e.broken) {
                content::missing_sections(entry, rendered, &mut diags);
                content::mojibake(glossary, entry.file, &mut diags);
                content::duplicate_sources(entry, &mut diags);
            }
            diags
        })
        .collect()
}

/// The lints that compare terms with each other: near-duplicate bodies and
/// isolated terms. `fingerprints` keeps per-body work between runs.
pub fn lint_across_terms(glossary: &Glossary, rendered: &Rendered, fingerprints: &mut Fingerprints) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    content::isolated_terms(glossary, rendered, &mut diags);
    duplicates::lint(glossary, fingerprints, &mut diags);
    articles(glossary, &mut diags);
    diags
}

/// Articles: mis-decoded text, missing translations, and translations whose
/// text is still the source's.
fn articles(glossary: &Glossary, diags: &mut Vec<Diagnostic>) {
    use crate::diag::Code;
    let config = &glossary.config;
    let default = config.default_language;
    for article in &glossary.articles {
        let Some(source) = article.entry(default).map(|i| &glossary.article_entries[i]) else { continue };
        for tag in source.front.tags.iter().flatten() {
            if !crate::util::slug::is_valid(&tag.value) {
                diags.push(
                    crate::diag::Diagnostic::new(
                        Code::InvalidSlug,
                        Some(tag.span),
                        format!("tag `{}` is not a valid slug", tag.value),
                    )
                    .with_help(format!("write `{}`", crate::util::slug::slugify(&tag.value))),
                );
            } else if !config.tag_labels.is_empty() && !config.tag_labels.contains_key(&tag.value) {
                diags.push(
                    crate::diag::Diagnostic::new(
                        Code::UnknownTag,
                        Some(tag.span),
                        format!("tag `{}` is not declared in site.yaml", tag.value),
                    )
                    .with_optional_help(crate::diag::suggest::did_you_mean(
                        &tag.value,
                        config.tag_labels.keys().map(String::as_str),
                    )),
                );
            }
        }
        for entry in article.entries.iter().flatten().map(|i| &glossary.article_entries[*i]).filter(|e| !e.broken) {
            content::mojibake(glossary, entry.file, diags);
            let body = |e: &crate::model::articles::ArticleEntry| {
                glossary.sources.get(e.file).text[e.body.clone()].split_whitespace().collect::<Vec<_>>().join(" ")
            };
            if let Some(stamp) = entry.front.source.as_ref().filter(|_| entry.lang != default) {
                let source_text = &glossary.sources.get(source.file).text[source.body.clone()];
                let current = crate::model::articles::article_hash(&source.front, source_text);
                if stamp.value != current {
                    diags.push(
                        crate::diag::Diagnostic::new(
                            Code::StaleTranslation,
                            Some(stamp.span),
                            format!(
                                "the {} article changed since this translation was made",
                                config.language(default).code
                            ),
                        )
                        .with_help(format!("bring the translation up to date, then set `source: {current}`")),
                    );
                }
            }
            if entry.lang != default && !body(entry).is_empty() && body(entry) == body(source) {
                diags.push(
                    crate::diag::Diagnostic::new(
                        Code::Untranslated,
                        Some(crate::source::Span::new(entry.file, entry.body.start..entry.body.start)),
                        "the article's text is the same as the source's",
                    )
                    .with_help(format!("translate it into {}", config.language(entry.lang).code)),
                );
            }
        }
        for lang in config.lang_ids().filter(|l| article.entry(*l).is_none()) {
            let code = &config.language(lang).code;
            diags.push(
                crate::diag::Diagnostic::new(
                    Code::MissingTranslation,
                    Some(source.front.title.span),
                    format!("article `{}` has no {code} translation", article.slug),
                )
                .with_help(format!("start it with `glossa new {} --article --lang {code}`", article.slug)),
            );
        }
    }
}
