//! Finds the content files under `content/`, in sorted order, reads them and
//! classifies each as `content/<lang>/terms/<slug>.md`.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{LangId, SiteConfig};
use crate::diag::{suggest, Code, Diagnostic};
use crate::source::{FileId, SourceMap, Span};
use crate::util::slug::{self, Slug};

use super::walk::Found;

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
    /// Its bytes, or why they were not read.
    pub bytes: Result<Vec<u8>, Unread>,
}

/// Why an entry under `content/` was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unread {
    /// It cannot be read (the reason, as the OS gave it).
    Error(String),
    /// A symbolic link to somewhere outside the site folder.
    OutsideSite(PathBuf),
    /// Named like content but not read: what to do about it.
    Misnamed(String),
}

/// Walks `content/` sorted by file name and reads every Markdown file, in
/// parallel. Entries that cannot be read, links that leave the site folder
/// and names that look like content but are not (`x.MD`, a folder `x.md`)
/// are kept with the reason.
pub fn walk(root: &Path) -> Vec<RawFile> {
    let mut found: Vec<(PathBuf, Result<PathBuf, Unread>)> = Vec::new();
    for entry in super::walk::walk(root, CONTENT_DIR) {
        match entry {
            Found::File { rel, path } => {
                let extension = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
                if extension == "md" {
                    found.push((rel, Ok(path)));
                } else if extension.eq_ignore_ascii_case("md") || extension.eq_ignore_ascii_case("markdown") {
                    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    let hint = format!("glossa reads only files ending in `.md`: rename it to {stem}.md");
                    found.push((rel, Err(Unread::Misnamed(hint))));
                }
            }
            Found::Folder { rel } => {
                let name = rel.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
                if name.ends_with(".md") {
                    let hint = "it is a folder, and a term is a file: remove the folder or rename it".to_owned();
                    found.push((rel, Err(Unread::Misnamed(hint))));
                }
            }
            Found::Outside { rel, target } => found.push((rel, Err(Unread::OutsideSite(target)))),
            Found::Unreadable { rel, reason } => found.push((rel, Err(Unread::Error(reason)))),
        }
    }
    found
        .into_par_iter()
        .map(|(rel, path)| {
            let bytes = path.and_then(|p| std::fs::read(&p).map_err(|e| Unread::Error(format!("cannot be read: {e}"))));
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
            Err(unread) => {
                let file = sources.add(rel.clone(), String::new());
                diags.push(unread_diagnostic(&rel, unread, Span::file_start(file)));
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

/// The diagnostic for an entry that was not read.
fn unread_diagnostic(rel: &Path, unread: Unread, at: Span) -> Diagnostic {
    match unread {
        Unread::Error(reason) => Diagnostic::new(Code::ReadError, Some(at), format!("{} {reason}", display(rel))),
        Unread::OutsideSite(target) => outside_site(rel, &target, at),
        Unread::Misnamed(hint) => {
            Diagnostic::new(Code::StrayFile, Some(at), format!("{} is not read as content", display(rel)))
                .with_help(hint)
        }
    }
}

/// The diagnostic for a symbolic link at `rel` whose target leaves the site.
pub fn outside_site(rel: &Path, target: &Path, at: Span) -> Diagnostic {
    Diagnostic::new(
        Code::LinkOutsideSite,
        Some(at),
        format!("{} is a symbolic link to {}, outside the site folder", display(rel), target.display()),
    )
    .with_help("glossa reads nothing from outside the site: copy the file in, or point the link inside the site folder")
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

fn display(path: &Path) -> String {
    crate::util::text::slash_path(path)
}
