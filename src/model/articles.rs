//! Articles: long-form posts per language, grouped by slug like terms. The
//! default-language file is the article; other files are its translations.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::config::{LangId, SiteConfig};
use crate::diag::{Code, Diagnostic};
use crate::frontmatter::article::ParsedArticle;
use crate::source::{FileId, Span, Spanned};
use crate::util::slug::Slug;

/// An article and its language versions.
#[derive(Debug, Clone)]
pub struct Article {
    /// Its slug (file name).
    pub slug: Slug,
    /// Index into [`super::Glossary::article_entries`] per language.
    pub entries: Vec<Option<usize>>,
    /// Date from the default-language file.
    pub date: String,
    /// Left out unless `--drafts`.
    pub draft: bool,
}

impl Article {
    /// The entry in `lang`, if translated.
    pub fn entry(&self, lang: LangId) -> Option<usize> {
        self.entries.get(lang.0).copied().flatten()
    }
}

/// Where the table of contents goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TocSide {
    /// Beside the article on the left (wide screens).
    Left,
    /// Beside the article on the right (wide screens).
    Right,
}

/// One article in one language: one file.
#[derive(Debug, Clone)]
pub struct ArticleEntry {
    /// Index of its article.
    pub article: usize,
    /// Its language.
    pub lang: LangId,
    /// Its file.
    pub file: FileId,
    /// The title.
    pub title: Spanned<String>,
    /// Its date as this file gives it, `YYYY-MM-DD` (the article's is the
    /// default-language file's).
    pub date: Spanned<String>,
    /// One or two sentences for lists and feeds.
    pub description: Option<Spanned<String>>,
    /// Tags (slugs), if the key is present.
    pub tags: Option<Vec<Spanned<String>>>,
    /// Categories (free text).
    pub categories: Vec<Spanned<String>>,
    /// A picture under `static/`.
    pub thumbnail: Option<Spanned<String>>,
    /// Whether and where to show a table of contents.
    pub toc: Option<TocSide>,
    /// The source hash a translation was made from (`source:`).
    pub source_hash: Option<Spanned<String>>,
    /// Date of the last meaningful change.
    pub updated: Option<Spanned<String>>,
    /// Where its front matter starts.
    pub span: Span,
    /// Byte range of its Markdown.
    pub body: Range<usize>,
    /// The file could not be read; a placeholder.
    pub broken: bool,
}

/// Groups article files by slug, sorted; translations without a
/// default-language file are reported.
pub fn assemble_articles(
    config: &SiteConfig,
    mut files: Vec<ParsedArticle>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Article>, Vec<ArticleEntry>) {
    files.sort_by(|a, b| (&a.file_ref.slug, a.file_ref.lang).cmp(&(&b.file_ref.slug, b.file_ref.lang)));
    let default = config.default_language;
    let mut by_slug: BTreeMap<Slug, usize> = BTreeMap::new();
    let mut articles: Vec<Article> = Vec::new();
    for file in files.iter().filter(|f| f.file_ref.lang == default) {
        by_slug.insert(file.file_ref.slug.clone(), articles.len());
        articles.push(Article {
            slug: file.file_ref.slug.clone(),
            entries: vec![None; config.languages.len()],
            date: file.front.date.value.clone(),
            draft: file.front.draft,
        });
    }
    let mut entries = Vec::new();
    for file in files {
        let Some(&article) = by_slug.get(&file.file_ref.slug) else {
            let code = &config.language(default).code;
            diags.push(
                Diagnostic::new(
                    Code::OrphanTranslation,
                    Some(file.front.span),
                    format!(
                        "article `{}` has no {code} file, so this translation belongs to no article",
                        file.file_ref.slug
                    ),
                )
                .with_help(format!("add content/{code}/articles/{}.md, or remove this file", file.file_ref.slug)),
            );
            continue;
        };
        articles[article].entries[file.file_ref.lang.0] = Some(entries.len());
        let front = file.front;
        entries.push(ArticleEntry {
            article,
            lang: file.file_ref.lang,
            file: file.file_ref.file,
            title: front.title,
            date: front.date,
            description: front.description,
            tags: front.tags,
            categories: front.categories,
            thumbnail: front.thumbnail,
            toc: front.toc,
            source_hash: front.source,
            updated: front.updated,
            span: front.span,
            body: file.body,
            broken: file.broken,
        });
    }
    (articles, entries)
}

/// The source hash of an article file: its title, description and text.
pub fn article_hash(title: &str, description: Option<&str>, body: &str) -> String {
    crate::util::hash::source_hash(&crate::util::hash::HashInput {
        title,
        summary: description.unwrap_or_default(),
        facts: &[],
        quiz: Vec::new(),
        body,
    })
}
