//! The front matter of an article (`content/<lang>/articles/<slug>.md`):
//! title, date (required), description, tags, categories, thumbnail, toc,
//! draft, and `source:` for translations. Jekyll's own keys get a clear
//! diagnostic; its space-separated `tags: a b c` and `date: 2024-07-17
//! 11:46:00` are read as what they mean.

use super::{is_date, split, FileRef};
use crate::diag::{suggest, Code, Diagnostic};
use crate::model::articles::TocSide;
use crate::schema::Reader;
use crate::source::Span;
use crate::source::Spanned;
use crate::yaml::{self, Node};

/// Every key an article's front matter may have.
pub const ARTICLE_KEYS: &[&str] =
    &["title", "date", "description", "tags", "categories", "thumbnail", "toc", "draft", "source", "updated"];

/// Keys other generators use that glossa does not, and why.
const FOREIGN_KEYS: &[(&str, &str)] = &[
    ("layout", "glossa has one article layout: remove `layout`"),
    (
        "related_posts",
        "glossa lists the terms an article links and the articles that link a term: remove `related_posts`",
    ),
    ("permalink", "an article's address is /<lang>/articles/<slug>/, from its file name: remove `permalink`"),
    ("author", "glossa does not show authors yet: remove `author`"),
];

/// The front matter of one article file.
#[derive(Debug, Clone)]
pub struct ArticleFront {
    /// The title.
    pub title: Spanned<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Spanned<String>,
    /// One or two sentences for lists and feeds.
    pub description: Option<Spanned<String>>,
    /// Tags (slugs).
    pub tags: Option<Vec<Spanned<String>>>,
    /// Categories (free text).
    pub categories: Vec<Spanned<String>>,
    /// A picture under `static/`.
    pub thumbnail: Option<Spanned<String>>,
    /// Whether and where to show a table of contents.
    pub toc: Option<TocSide>,
    /// Left out of builds unless `--drafts`.
    pub draft: bool,
    /// The source hash a translation was made from.
    pub source: Option<Spanned<String>>,
    /// Date of the last meaningful change.
    pub updated: Option<Spanned<String>>,
    /// Where the front matter starts.
    pub span: Span,
}

/// A parsed article file.
#[derive(Debug, Clone)]
pub struct ParsedArticle {
    /// Where it came from.
    pub file_ref: FileRef,
    /// Its front matter.
    pub front: ArticleFront,
    /// Byte range of the Markdown body in the file.
    pub body: std::ops::Range<usize>,
    /// The file could not be read as an article (an error says why).
    pub broken: bool,
}

/// Parses one article file.
pub fn parse_article(text: &str, file_ref: &FileRef, diags: &mut Vec<Diagnostic>) -> ParsedArticle {
    let file = file_ref.file;
    let start = Span::file_start(file);
    let placeholder = || ArticleFront {
        title: Spanned { value: file_ref.slug.to_string(), span: start },
        date: Spanned { value: "1970-01-01".to_owned(), span: start },
        description: None,
        tags: None,
        categories: Vec::new(),
        thumbnail: None,
        toc: None,
        draft: false,
        source: None,
        updated: None,
        span: start,
    };
    let broken = |front| ParsedArticle { file_ref: file_ref.clone(), front, body: 0..0, broken: true };
    if !file_ref.readable {
        return broken(placeholder());
    }
    let parts = match split(text) {
        Ok(parts) => parts,
        Err((offset, message)) => {
            diags.push(
                Diagnostic::new(Code::Yaml, Some(Span::new(file, offset..offset)), message)
                    .with_help("an article starts with `---`, then `title:` and `date:`, then `---` and the Markdown"),
            );
            return broken(placeholder());
        }
    };
    let root = match yaml::parse(&text[parts.yaml.clone()]) {
        Ok(root) => root,
        Err(e) => {
            let at = parts.yaml.start + e.offset;
            diags.push(Diagnostic::new(
                Code::Yaml,
                Some(Span::new(file, at..at)),
                format!("front matter does not parse: {}", e.message),
            ));
            return broken(placeholder());
        }
    };
    let block = Span::new(file, parts.yaml.start..parts.yaml.start);
    let mut r = Reader::new(file, parts.yaml.start, &text[parts.yaml.clone()], diags);
    let front = read(&mut r, &root, placeholder(), block);
    super::check_body_controls(text, parts.body.clone(), file, diags);
    ParsedArticle { file_ref: file_ref.clone(), front, body: parts.body, broken: false }
}

fn read(r: &mut Reader<'_>, root: &Node, mut front: ArticleFront, block: Span) -> ArticleFront {
    front.span = block;
    // Other generators' keys get their own explanation instead of "unknown key".
    if let Some(entries) = root.as_map() {
        for (key, _) in entries {
            if let Some((name, why)) = key.as_str().and_then(|k| FOREIGN_KEYS.iter().find(|(f, _)| *f == k)) {
                r.report(
                    Code::UnknownField,
                    key,
                    format!("`{name}` is not an article key in glossa"),
                    Some((*why).to_owned()),
                );
            }
        }
    }
    let mut known: Vec<&'static str> = ARTICLE_KEYS.to_vec();
    known.extend(FOREIGN_KEYS.iter().map(|(k, _)| *k));
    let fields = r.fields(root, "the front matter", &known);
    let fields_of = |key: &str| fields.get(key);
    match fields_of("title") {
        Some(node) => {
            if let Some(title) = r.required_text(&fields, "title", Code::MissingField, "the article") {
                front.title = Spanned { value: title, span: r.span(node) };
            }
        }
        None => {
            r.required_text(&fields, "title", Code::MissingField, "the article");
        }
    }
    match fields_of("date") {
        Some(node) => match r.text(node, "date") {
            // Jekyll writes a time after the date; the day is what is shown.
            Some(text) if is_date(text.split_whitespace().next().unwrap_or_default()) => {
                let day = text.split_whitespace().next().unwrap_or_default().to_owned();
                front.date = Spanned { value: day, span: r.span(node) };
            }
            Some(text) => r.report(
                Code::InvalidValue,
                node,
                format!("`date` must be a date written YYYY-MM-DD, found `{text}`"),
                None,
            ),
            None => r.report(
                Code::MissingField,
                node,
                "the article has no `date`",
                Some("add `date: YYYY-MM-DD`".to_owned()),
            ),
        },
        None => {
            r.required_text(&fields, "date", Code::MissingField, "the article");
        }
    }
    front.description =
        fields_of("description").and_then(|n| Some(Spanned { value: r.text(n, "description")?, span: r.span(n) }));
    front.tags = fields_of("tags").map(|n| words(r, n, "tags"));
    front.categories = fields_of("categories").map(|n| words(r, n, "categories")).unwrap_or_default();
    front.thumbnail = fields_of("thumbnail").and_then(|n| {
        let path = r.text(n, "thumbnail")?;
        let safe = !path.starts_with('/') && !path.contains("..") && !path.contains("://") && !path.contains('\\');
        if !safe {
            r.report(Code::InvalidValue, n, format!("`thumbnail` must be a path under static/, found `{path}`"), None);
            return None;
        }
        Some(Spanned { value: path, span: r.span(n) })
    });
    front.toc = fields_of("toc").and_then(|n| toc(r, n));
    front.draft = fields_of("draft").and_then(|n| r.bool(n, "draft")).unwrap_or(false);
    for (key, slot) in [("source", &mut front.source), ("updated", &mut front.updated)] {
        *slot = fields_of(key).and_then(|n| Some(Spanned { value: r.text(n, key)?, span: r.span(n) }));
    }
    front
}

/// A list, or Jekyll's space-separated string, of words.
fn words(r: &mut Reader<'_>, node: &Node, key: &str) -> Vec<Spanned<String>> {
    match node.as_str() {
        Some(text) => {
            let base = r.span(node);
            let quoted = 0;
            text.split_whitespace()
                .map(|word| {
                    let offset = text.find(word).unwrap_or(0) + quoted;
                    let start = base.start as usize + offset;
                    Spanned { value: word.to_owned(), span: Span::new(base.file, start..start + word.len()) }
                })
                .collect()
        }
        None => r.text_list(node, key).into_iter().map(|(value, span)| Spanned { value, span }).collect(),
    }
}

/// `toc: true`, `toc: false` or `toc: { sidebar: left|right }`.
fn toc(r: &mut Reader<'_>, node: &Node) -> Option<TocSide> {
    if let Some(on) = node.as_bool() {
        return on.then_some(TocSide::Left);
    }
    let fields = r.fields(node, "`toc`", &["sidebar"]);
    let side = fields.get("sidebar")?;
    match side.as_str() {
        Some("left") => Some(TocSide::Left),
        Some("right") => Some(TocSide::Right),
        other => {
            let found = other.unwrap_or_default();
            let help = suggest::did_you_mean(found, ["left", "right"]);
            r.report(Code::InvalidValue, side, format!("`toc.sidebar` must be left or right, found `{found}`"), help);
            None
        }
    }
}
