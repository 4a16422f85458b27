//! `glossa new`: the skeleton of a new term, or a translation started from
//! the default-language file with its `source:` hash. Never overwrites.

use std::path::{Path, PathBuf};

use crate::config::{LangId, SiteConfig};
use crate::error::Error;
use crate::util::slug::{self, Slug};

/// What to create.
#[derive(Debug, Clone)]
pub struct Request {
    /// The term's slug.
    pub slug: String,
    /// The language; `None` for the default language (a new term).
    pub lang: Option<String>,
    /// An article rather than a term.
    pub article: bool,
}

/// The file that was written, relative to the root.
pub fn create(root: &Path, config: &SiteConfig, request: &Request) -> Result<PathBuf, Error> {
    let slug = Slug::parse(&request.slug).ok_or_else(|| {
        let suggestion = slug::slugify(&request.slug);
        Error::Usage(format!(
            "`{}` is not a valid slug: use lowercase letters a–z and digits in groups joined by single hyphens{}",
            request.slug,
            if suggestion.is_empty() { String::new() } else { format!(", e.g. `{suggestion}`") }
        ))
    })?;
    let default = config.default_language;
    let lang = match &request.lang {
        None => default,
        Some(code) => config.lang_id(code).ok_or_else(|| {
            let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            Error::Usage(format!("`{code}` is not a language of this site (declared: {})", codes.join(", ")))
        })?,
    };
    let folder = if request.article { "articles" } else { "terms" };
    let path_of = |lang: LangId| PathBuf::from(format!("content/{}/{folder}/{slug}.md", config.language(lang).code));
    let rel = path_of(lang);
    let path = root.join(&rel);
    if path.exists() {
        return Err(Error::Usage(format!("{} already exists: glossa new never overwrites a file", rel.display())));
    }
    let text = if lang == default {
        if request.article {
            new_article(&slug)
        } else {
            new_term(&slug)
        }
    } else {
        let source_rel = path_of(default);
        let source_path = root.join(&source_rel);
        let source = std::fs::read_to_string(&source_path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Usage(format!(
                    "{} does not exist: a translation starts from the {} file (create it with `glossa new {slug}`)",
                    source_rel.display(),
                    config.language(default).code
                ))
            } else {
                Error::io(&source_path, e)
            }
        })?;
        let kind = if request.article { crate::source::ContentKind::Article } else { crate::source::ContentKind::Term };
        let hash = hash_of(&source, &source_rel, config, kind)?;
        translation(&source, &hash, config.language(default).code.as_str())
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    // create_new: a file that appeared meanwhile is still never overwritten.
    let mut file =
        std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| Error::io(&path, e))?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| Error::io(&path, e))?;
    Ok(rel)
}

/// Today's date, `YYYY-MM-DD` (UTC), for a new article.
fn today() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The skeleton of a new article in the default language.
fn new_article(slug: &Slug) -> String {
    let title = slug.as_str().replace('-', " ");
    format!(
        r#"---
title: {title}
date: {date}
description: One or two sentences for lists and feeds.
# tags: [a-tag]
# categories: [guides]
toc: true
---
## A first section

Write the article in Markdown. Every glossary term it mentions is linked
automatically; link others with `[[their-slug]]`.

### A subsection

Headings make the table of contents.
"#,
        date = today()
    )
}

/// The source hash of the default-language file's text (a term's, or an
/// article's), read as `check` reads it.
fn hash_of(text: &str, rel: &Path, config: &SiteConfig, kind: crate::source::ContentKind) -> Result<String, Error> {
    let mut sources = crate::source::SourceMap::default();
    let file = sources.add(rel.to_path_buf(), text.to_owned());
    let slug = rel
        .file_stem()
        .and_then(|s| Slug::parse(&s.to_string_lossy()))
        .ok_or_else(|| Error::Usage("bad slug".into()))?;
    let file_ref = crate::source::FileRef { file, lang: config.default_language, kind, slug, readable: true };
    let mut diags = Vec::new();
    let (broken, hash) = match kind {
        crate::source::ContentKind::Article => {
            let parsed = crate::frontmatter::article::parse_article(text, &file_ref, &mut diags);
            let front = &parsed.front;
            let description = front.description.as_ref().map(|d| d.value.as_str());
            (parsed.broken, crate::model::articles::article_hash(&front.title.value, description, &text[parsed.body]))
        }
        crate::source::ContentKind::Term => {
            let parsed = crate::frontmatter::parse_file(text, &file_ref, &mut diags);
            let front = &parsed.front;
            let parts = crate::model::status::HashedParts {
                title: &front.title.value,
                summary: &front.summary.value,
                facts: &front.facts,
                quiz: front.quiz.as_deref(),
            };
            (parsed.broken, crate::model::status::hash_parts(&parts, &text[parsed.body]))
        }
    };
    if broken || diags.iter().any(|d| d.severity == crate::diag::Severity::Error) {
        return Err(Error::Usage(format!(
            "{} has errors: fix them first (`glossa check` shows them), then start the translation",
            rel.display()
        )));
    }
    Ok(hash)
}

/// The skeleton of a new term in the default language.
fn new_term(slug: &Slug) -> String {
    let title: String = slug
        .as_str()
        .split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        r#"---
title: {title}
summary: One sentence that says what {title} is.
# aliases: [another name, an abbreviation]
# tags: [a-tag]
# prerequisites: [a-term-to-read-first]
# related: [a-related-term]
facts:
  - A short fact that a reader can check in the sources below.
sources:
  - {{ title: The primary source, url: "https://example.org/" }}
# quiz:
#   - question: What is {title}?
#     choices: [A wrong answer, The right answer, Another wrong answer]
#     answer: 1    # 0-based index of the right choice
#     explanation: Why the right answer is right.
---
The main explanation: what {title} is, how it works and why it matters.
Link the terms it relies on with `[[their-slug]]` or `[[their-slug|your own words]]`.

## Explain like I'm 5 {{#eli5}}

The same idea, for a curious five-year-old.

## Expert deep dive {{#expert}}

Mechanisms, trade-offs and risks, for readers who know the field.
"#
    )
}

/// A translation started from the default-language file: the same text (to
/// be translated), the term-wide keys left out (they come from the source),
/// and `source:` recording which version it follows.
fn translation(source: &str, hash: &str, default_code: &str) -> String {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source).replace("\r\n", "\n");
    let Ok(split) = crate::frontmatter::split(&text) else { return text };
    let yaml = &text[split.yaml.clone()];
    let mut kept = String::new();
    let mut skipping = false;
    for line in yaml.split_inclusive('\n') {
        let top_level_key = !line.starts_with([' ', '\t', '-', '#']) && line.contains(':');
        if top_level_key {
            let key = line.split(':').next().unwrap_or_default().trim();
            skipping =
                matches!(key, "prerequisites" | "related" | "tags" | "source" | "draft" | "redirect_from" | "autolink");
        } else if !line.starts_with([' ', '\t', '-']) {
            skipping = false;
        }
        if !skipping {
            kept.push_str(line);
        }
    }
    format!(
        "---\n{kept}# Translated from the {default_code} file; prerequisites, related terms and tags come from it.\n# `glossa translations` reports this translation as stale when that file changes.\nsource: {hash}\n---\n{}",
        &text[split.body]
    )
}

/// Re-stamps a reviewed translation: sets its `source:` to the current hash
/// of the default-language entry. Only that value changes in the file; the
/// file is replaced atomically.
pub fn mark_current(
    root: &Path,
    glossary: &crate::model::Glossary,
    slug: &str,
    lang: &str,
) -> Result<(PathBuf, String), Error> {
    let config = &glossary.config;
    let lang_id = translation_language(config, lang)?;
    let term = glossary.lookup(slug).ok_or_else(|| Error::Usage(format!("`{slug}` is not a term")))?;
    let term = glossary.term(term);
    let entry = term.entry(lang_id).map(|id| glossary.entry(id)).ok_or_else(|| {
        Error::Usage(format!("`{slug}` has no {lang} translation: start one with `glossa new {slug} --lang {lang}`"))
    })?;
    let source = term.entry(config.default_language).map(|id| glossary.entry(id)).ok_or_else(|| {
        Error::Usage(format!("`{slug}` has no {} file", config.language(config.default_language).code))
    })?;
    if entry.broken || source.broken {
        return Err(Error::Usage("the files have errors: fix them first (`glossa check` shows them)".into()));
    }
    let hash = crate::model::status::entry_hash(glossary, source);
    restamp(root, glossary, entry.file, entry.source_hash.as_ref(), hash)
}

/// `glossa translations --mark-current SLUG --article --lang CODE`: as
/// [`mark_current`], for an article.
pub fn mark_article_current(
    root: &Path,
    glossary: &crate::model::Glossary,
    slug: &str,
    lang: &str,
) -> Result<(PathBuf, String), Error> {
    let lang_id = translation_language(&glossary.config, lang)?;
    let index = glossary
        .articles
        .iter()
        .position(|a| a.slug.as_str() == slug)
        .ok_or_else(|| Error::Usage(format!("`{slug}` is not an article")))?;
    let entry = glossary.articles[index].entry(lang_id).map(|i| &glossary.article_entries[i]).ok_or_else(|| {
        Error::Usage(format!(
            "article `{slug}` has no {lang} translation: start one with `glossa new {slug} --article --lang {lang}`"
        ))
    })?;
    let hash = crate::model::status::article_source_hash(glossary, index)
        .filter(|_| !entry.broken)
        .ok_or_else(|| Error::Usage("the files have errors: fix them first (`glossa check` shows them)".into()))?;
    restamp(root, glossary, entry.file, entry.source_hash.as_ref(), hash)
}

/// `lang` as a language a translation can be in: any but the default.
fn translation_language(config: &SiteConfig, lang: &str) -> Result<crate::config::LangId, Error> {
    let lang_id =
        config.lang_id(lang).ok_or_else(|| Error::Usage(format!("`{lang}` is not a language of this site")))?;
    if lang_id == config.default_language {
        return Err(Error::Usage(format!("`{lang}` is the default language: only translations carry `source:`")));
    }
    Ok(lang_id)
}

/// Rewrites only the `source:` value of `file` (adding the key when it has
/// none), through a temporary file so a failed write loses nothing.
fn restamp(
    root: &Path,
    glossary: &crate::model::Glossary,
    file: crate::source::FileId,
    stamp: Option<&crate::source::Spanned<String>>,
    hash: String,
) -> Result<(PathBuf, String), Error> {
    let text = &glossary.sources.get(file).text;
    let updated = match stamp {
        Some(stamp) => {
            // Only the hex digits change: quotes and a comment after them stay.
            let written = stamp.span.start as usize..stamp.span.end as usize;
            let digits = text[written.clone()]
                .find(stamp.value.as_str())
                .map_or(written.clone(), |at| written.start + at..written.start + at + stamp.value.len());
            format!("{}{hash}{}", &text[..digits.start], &text[digits.end..])
        }
        None => {
            let split = crate::frontmatter::split(text).map_err(|(_, m)| Error::Usage(m.to_owned()))?;
            let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
            let at = split.yaml.end;
            let before = &text[..at];
            let separator = if before.ends_with('\n') { "" } else { newline };
            format!("{before}{separator}source: {hash}{newline}{}", &text[at..])
        }
    };
    let rel = glossary.sources.path(file).to_path_buf();
    let path = root.join(&rel);
    let temporary = path.with_extension("md.glossa-tmp");
    std::fs::write(&temporary, updated).map_err(|e| Error::io(&temporary, e))?;
    std::fs::rename(&temporary, &path).map_err(|e| Error::io(&path, e))?;
    Ok((rel, hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_drop_term_wide_keys_and_keep_the_text() {
        let source = "---\ntitle: Staking\nsummary: Locking coins.\ntags: [staking]\nprerequisites:\n  - proof-of-stake\n  - validator\nfacts:\n  - One.\n---\nBody.\n";
        let out = translation(source, "0123456789ab", "en");
        assert_eq!(
            out,
            "---\ntitle: Staking\nsummary: Locking coins.\nfacts:\n  - One.\n# Translated from the en file; prerequisites, related terms and tags come from it.\n# `glossa translations` reports this translation as stale when that file changes.\nsource: 0123456789ab\n---\nBody.\n"
        );
    }

    #[test]
    fn a_new_term_has_both_sections() {
        let text = new_term(&Slug::parse("liquid-staking").unwrap());
        assert!(text.starts_with("---\ntitle: Liquid Staking\n"));
        assert!(text.contains("{#eli5}") && text.contains("{#expert}") && text.contains("# quiz:"));
    }
}
