//! Finds the content files under `content/`, in sorted order, reads them and
//! classifies each as `content/<lang>/terms/<slug>.md`.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{LangId, SiteConfig};
use crate::diag::{suggest, Code, Diagnostic};
use crate::source::{FileId, SourceMap, Span};
use crate::util::slug::{self, Slug};

/// The folder of content files under the root.
pub const CONTENT_DIR: &str = "content";

/// What a content file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// `content/<lang>/terms/<slug>.md`.
    Term,
    /// `content/<lang>/articles/<slug>.md`.
    Article,
}

/// A content file that was read and classified.
#[derive(Debug, Clone)]
pub struct FileRef {
    /// The file in the source map.
    pub file: FileId,
    /// Its language.
    pub lang: LangId,
    /// Term or article.
    pub kind: ContentKind,
    /// The slug from its file stem.
    pub slug: Slug,
    /// False when the file is not valid UTF-8: its term still exists (so
    /// links to it do not cascade into more errors) but its text is not read.
    pub readable: bool,
}

/// A content file as read from disk (or given in memory).
#[derive(Debug, Clone)]
pub struct RawFile {
    /// Path relative to the site root, e.g. `content/en/terms/x.md`.
    pub rel: PathBuf,
    /// Its bytes, or why it could not be read.
    pub bytes: Result<Vec<u8>, String>,
}

/// Walks `content/` sorted by file name and reads every Markdown file, in
/// parallel. Entries that cannot be read are kept with their error.
pub fn walk(root: &Path) -> Vec<RawFile> {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Vec::new();
    }
    let mut found: Vec<(PathBuf, Result<PathBuf, String>)> = Vec::new();
    for entry in walkdir::WalkDir::new(&content).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let rel = relative(root, entry.path());
                let hidden = rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
                if !hidden && entry.path().extension().is_some_and(|e| e == "md") {
                    found.push((rel, Ok(entry.into_path())));
                }
            }
            Ok(_) => {}
            Err(error) => {
                let path = error.path().map_or_else(|| content.clone(), Path::to_path_buf);
                let what = if error.loop_ancestor().is_some() { "is a symbolic link loop" } else { "cannot be read" };
                found.push((relative(root, &path), Err(format!("{what}: {error}"))));
            }
        }
    }
    found
        .into_par_iter()
        .map(|(rel, path)| {
            let bytes = path.and_then(|p| std::fs::read(&p).map_err(|e| format!("cannot be read: {e}")));
            RawFile { rel, bytes }
        })
        .collect()
}

/// Decodes and classifies every raw file into `sources`. Files that cannot be
/// read or classified become diagnostics.
pub fn load(raw: Vec<RawFile>, config: &SiteConfig, sources: &mut SourceMap) -> (Vec<FileRef>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut refs = Vec::new();
    for RawFile { rel, bytes } in raw {
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(error) => {
                let file = sources.add(rel.clone(), String::new());
                diags.push(Diagnostic::new(
                    Code::ReadError,
                    Some(Span::file_start(file)),
                    format!("{} {error}", display(&rel)),
                ));
                continue;
            }
        };
        let (text, bad_utf8) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
            }
        };
        let file = sources.add(rel.clone(), text);
        if let Some(at) = bad_utf8 {
            diags.push(
                Diagnostic::new(
                    Code::InvalidUtf8,
                    Some(Span::new(file, at..at)),
                    format!("{} is not valid UTF-8", display(&rel)),
                )
                .with_help("save the file as UTF-8"),
            );
        }
        if let Some(mut file_ref) = classify(&rel, file, config, &mut diags) {
            file_ref.readable = bad_utf8.is_none();
            refs.push(file_ref);
        }
    }
    (refs, diags)
}

fn classify(rel: &Path, file: FileId, config: &SiteConfig, diags: &mut Vec<Diagnostic>) -> Option<FileRef> {
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let here = Some(Span::file_start(file));
    let [_, lang, kind, name] = parts.as_slice() else {
        diags.push(
            Diagnostic::new(Code::StrayFile, here, format!("{} is not where glossa reads content", display(rel)))
                .with_help("term files live at content/<lang>/terms/<slug>.md"),
        );
        return None;
    };
    let Some(lang_id) = config.lang_id(lang) else {
        let codes = config.languages.iter().map(|l| l.code.as_str());
        let help = suggest::did_you_mean(lang, codes.clone()).unwrap_or_else(|| {
            format!(
                "declare it in site.yaml under `languages`, or move the file (declared: {})",
                codes.collect::<Vec<_>>().join(", ")
            )
        });
        diags.push(
            Diagnostic::new(
                Code::UnknownLanguage,
                here,
                format!("content/{lang} is not a language declared in site.yaml"),
            )
            .with_help(help),
        );
        return None;
    };
    let kind = match kind.as_str() {
        "terms" => ContentKind::Term,
        "articles" => ContentKind::Article,
        _ => {
            diags.push(
                Diagnostic::new(Code::StrayFile, here, format!("{} is not where glossa reads content", display(rel)))
                    .with_help(format!(
                        "terms live at content/{lang}/terms/<slug>.md, articles at content/{lang}/articles/<slug>.md"
                    )),
            );
            return None;
        }
    };
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let Some(slug) = Slug::parse(stem) else {
        let suggestion = slug::slugify(stem);
        let help = if suggestion.is_empty() {
            "a slug is lowercase letters a–z and digits, in groups joined by single hyphens".to_owned()
        } else {
            format!("rename the file to {suggestion}.md (lowercase a–z, digits, single hyphens)")
        };
        diags.push(Diagnostic::new(Code::InvalidSlug, here, format!("`{stem}` is not a valid slug")).with_help(help));
        return None;
    };
    Some(FileRef { file, lang: lang_id, kind, slug, readable: true })
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
