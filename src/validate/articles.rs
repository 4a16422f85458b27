//! Article lints: tags, thumbnails, mis-decoded text and translation
//! coverage (missing, stale, or still the source's text), as for terms.

use super::content;
use crate::diag::{suggest, Code, Diagnostic};
use crate::model::articles::ArticleEntry;
use crate::model::status::{self, Status};
use crate::model::Glossary;
use crate::source::Span;
use crate::util::slug;

/// Every article lint.
pub(super) fn lint(glossary: &Glossary, has_static: &dyn Fn(&str) -> bool, diags: &mut Vec<Diagnostic>) {
    let config = &glossary.config;
    let default = config.default_language;
    let statuses = status::article_statuses(glossary);
    for (index, article) in glossary.articles.iter().enumerate() {
        let Some(source) = article.entry(default).map(|i| &glossary.article_entries[i]) else { continue };
        tags(glossary, source, diags);
        let entries = article.entries.iter().flatten().map(|i| &glossary.article_entries[*i]);
        for entry in entries.filter(|e| !e.broken) {
            content::mojibake(glossary, entry.file, diags);
            thumbnail(entry, has_static, diags);
            if entry.lang == default {
                continue;
            }
            let code = &config.language(entry.lang).code;
            if statuses[index][entry.lang.0] == Status::Stale {
                let at = entry.source_hash.as_ref().map_or(entry.span, |s| s.span);
                let source_path = crate::util::text::slash_path(glossary.sources.path(source.file));
                diags.push(
                    Diagnostic::new(Code::StaleTranslation, Some(at), format!("{source_path} changed since this translation was made"))
                        .with_help(format!(
                            "bring the translation up to date, then run `glossa translations --mark-current {} --article --lang {code}`",
                            article.slug
                        )),
                );
            }
            let words = |e: &ArticleEntry| {
                glossary.sources.get(e.file).text[e.body.clone()].split_whitespace().collect::<Vec<_>>().join(" ")
            };
            let text = words(entry);
            if !text.is_empty() && text == words(source) {
                diags.push(
                    Diagnostic::new(
                        Code::Untranslated,
                        Some(Span::new(entry.file, entry.body.start..entry.body.start)),
                        "the article's text is the same as the source's",
                    )
                    .with_help(format!("translate it into {code}")),
                );
            }
        }
        for lang in config.lang_ids().filter(|l| article.entry(*l).is_none() && !config.language(*l).partial) {
            let code = &config.language(lang).code;
            diags.push(
                Diagnostic::new(
                    Code::MissingTranslation,
                    Some(source.title.span),
                    format!("article `{}` has no {code} translation", article.slug),
                )
                .with_help(format!("start it with `glossa new {} --article --lang {code}`", article.slug)),
            );
        }
    }
}

/// A thumbnail names a file under `static/`, or the page would show a broken
/// picture.
fn thumbnail(entry: &ArticleEntry, has_static: &dyn Fn(&str) -> bool, diags: &mut Vec<Diagnostic>) {
    let Some(path) = &entry.thumbnail else { return };
    if !has_static(&path.value) {
        diags.push(
            Diagnostic::new(
                Code::UnknownReference,
                Some(path.span),
                format!("thumbnail `{}` is not a file under static/", path.value),
            )
            .with_help(format!("add static/{}, or correct the path (it is relative to static/)", path.value)),
        );
    }
}

/// An article's tags are slugs, declared in site.yaml when it declares any.
fn tags(glossary: &Glossary, source: &ArticleEntry, diags: &mut Vec<Diagnostic>) {
    let labels = &glossary.config.tag_labels;
    for tag in source.tags.iter().flatten() {
        if !slug::is_valid(&tag.value) {
            diags.push(
                Diagnostic::new(Code::InvalidSlug, Some(tag.span), format!("tag `{}` is not a valid slug", tag.value))
                    .with_help(format!("write `{}`", slug::slugify(&tag.value))),
            );
        } else if !labels.is_empty() && !labels.contains_key(&tag.value) {
            diags.push(
                Diagnostic::new(
                    Code::UnknownTag,
                    Some(tag.span),
                    format!("tag `{}` is not declared in site.yaml", tag.value),
                )
                .with_optional_help(suggest::did_you_mean(&tag.value, labels.keys().map(String::as_str))),
            );
        }
    }
}
