//! The one place where the stages run in order: config → sources → front
//! matter → model → Markdown → (gate) → render. Values flow forward only.

pub mod live;
pub mod memo;

use std::path::{Path, PathBuf};

use crate::config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::markdown::{self, Rendered};
use crate::model::{self, Glossary};
use crate::source::{self, RawFile, SourceMap};
use crate::theme::{self, Theme};
use crate::{frontmatter, validate};
use memo::Memo;

/// How to analyse.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publish drafts (`--drafts`).
    pub include_drafts: bool,
    /// Replace site.yaml's `base_url` (`--base-url`).
    pub base_url: Option<String>,
    /// Keep every body's highlighted HTML after the Markdown stage (the dev
    /// server re-renders one term in place). A build renders each body again
    /// as its page is written instead, so it never holds the whole site.
    pub keep_bodies: bool,
}

impl Options {
    /// The Markdown stage's options.
    pub fn render_options(&self) -> markdown::RenderOptions {
        markdown::RenderOptions { include_drafts: self.include_drafts, keep_bodies: self.keep_bodies }
    }
}

/// The result of analysing a site: the model when site.yaml could be read,
/// and every diagnostic, sorted.
pub struct Analysis {
    /// The glossary, rendered Markdown and theme; `None` when site.yaml is unusable.
    pub site: Option<AnalysedSite>,
    /// Every diagnostic.
    pub diagnostics: Diagnostics,
    sources_without_site: SourceMap,
}

/// A site whose configuration could be read.
pub struct AnalysedSite {
    /// The model.
    pub glossary: Glossary,
    /// Every entry's rendered Markdown.
    pub rendered: Rendered,
    /// The theme.
    pub theme: Theme,
    /// Translation status, `[term][lang]`.
    pub statuses: Vec<Vec<crate::model::status::Status>>,
}

impl AnalysedSite {
    /// A renderer of this site.
    pub fn renderer(&self, include_drafts: bool) -> crate::render::Renderer<'_> {
        crate::render::Renderer::new(&self.glossary, &self.rendered, &self.theme, &self.statuses, include_drafts)
    }
}

impl Analysis {
    /// The files read, for printing diagnostics.
    pub fn sources(&self) -> &SourceMap {
        self.site.as_ref().map_or(&self.sources_without_site, |s| &s.glossary.sources)
    }
}

/// What [`Inputs::digest`] finds.
#[derive(Debug, Clone)]
pub struct InputDigest {
    /// Of everything read and the settings: equal stamps build equal sites.
    pub stamp: String,
    /// Of the settings, site.yaml and the site's theme files: what every
    /// page is made with besides the content.
    pub frame: [u8; 32],
    /// Of each content file (its path and bytes), by its path from the root.
    pub files: std::collections::HashMap<PathBuf, [u8; 32]>,
}

/// What a site is made of, read from disk or given in memory (tests, fuzzing).
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The bytes of site.yaml.
    pub config: Vec<u8>,
    /// The content files.
    pub content: Vec<RawFile>,
    /// The site folder whose `templates/` and `static/` override the built-in
    /// theme; `None` for the built-in theme alone.
    pub theme_root: Option<PathBuf>,
}

impl Inputs {
    /// Reads site.yaml and every content file under `root`. A root without a
    /// `content/` folder is not a site: building it would publish an empty
    /// site over the last one.
    pub fn read(root: &Path) -> Result<Inputs, Error> {
        let config = config::read(root)?;
        Inputs::check_content(root)?;
        Ok(Inputs { config, content: source::walk(root), theme_root: Some(root.to_path_buf()) })
    }

    /// Digests of everything a build reads: site.yaml, the content files,
    /// the site's `templates/` and `static/` files, and `settings` (the
    /// build's options and glossa's version). Equal stamps build equal sites.
    pub fn digest(&self, settings: &[&str]) -> InputDigest {
        use rayon::prelude::*;
        use sha2::{Digest, Sha256};
        let theme_files: Vec<RawFile> = self.theme_root.as_deref().map_or_else(Vec::new, |root| {
            ["templates", "static"]
                .into_iter()
                .flat_map(|folder| source::walk::walk(root, folder))
                .filter_map(read_found)
                .collect()
        });
        let digest_of = |file: &RawFile| -> [u8; 32] {
            let mut hasher = Sha256::new();
            hasher.update(file.rel.to_string_lossy().as_bytes());
            hasher.update([0u8]);
            match &file.bytes {
                Ok(bytes) => hasher.update(bytes),
                Err(unread) => hasher.update(format!("\u{1}{unread:?}").as_bytes()),
            }
            hasher.finalize().into()
        };
        let content: Vec<[u8; 32]> = self.content.par_iter().map(digest_of).collect();
        let theme: Vec<[u8; 32]> = theme_files.par_iter().map(digest_of).collect();
        let mut frame = Sha256::new();
        for setting in settings {
            frame.update(setting.as_bytes());
            frame.update([0u8]);
        }
        frame.update(&self.config);
        let mut stamp = frame.clone();
        for file in content.iter().chain(&theme) {
            stamp.update(file);
        }
        for file in &theme {
            frame.update(file);
        }
        InputDigest {
            stamp: stamp.finalize().iter().map(|b| format!("{b:02x}")).collect(),
            frame: frame.finalize().into(),
            files: self.content.iter().map(|f| f.rel.clone()).zip(content).collect(),
        }
    }

    /// Fails unless `root` holds a site: site.yaml and a `content/` folder.
    pub fn check_site(root: &Path) -> Result<(), Error> {
        config::read(root)?;
        Inputs::check_content(root)
    }

    fn check_content(root: &Path) -> Result<(), Error> {
        if root.join(source::discover::CONTENT_DIR).is_dir() {
            return Ok(());
        }
        Err(Error::Usage(format!(
            "`{}` has no content/ folder: terms live at content/<lang>/terms/<slug>.md (start one with `glossa new SLUG`)",
            root.display()
        )))
    }
}

/// A file of the theme folders as the digest sees it: entries that are not
/// read (links out of the site, unreadable files) count by name and reason.
fn read_found(found: source::walk::Found) -> Option<RawFile> {
    use source::discover::Unread;
    use source::walk::Found;
    let (rel, bytes) = match found {
        Found::File { rel, path } => {
            let bytes = std::fs::read(&path).map_err(|e| Unread::Error(e.to_string()));
            (rel, bytes)
        }
        Found::Folder { .. } => return None,
        Found::Outside { rel, target } => (rel, Err(Unread::OutsideSite(target))),
        Found::Unreadable { rel, reason } => (rel, Err(Unread::Error(reason))),
    };
    Some(RawFile { rel, bytes })
}

/// Runs every stage up to the gate on the site at `root`.
pub fn analyse(root: &Path, options: &Options) -> Result<Analysis, Error> {
    analyse_inputs(Inputs::read(root)?, options)
}

/// A site without a single term in its default language: an error, so that
/// `build` never replaces a site with an empty one.
fn empty_site(glossary: &Glossary) -> Option<Diagnostic> {
    if !glossary.terms.is_empty() {
        return None;
    }
    let code = &glossary.config.language(glossary.config.default_language).code;
    Some(
        Diagnostic::new(
            crate::diag::Code::EmptySite,
            Some(glossary.config.default_language_span),
            format!("the site has no terms: content/{code}/terms/ holds no term file"),
        )
        .with_help(format!("every term exists in the default language ({code}): start one with `glossa new SLUG`")),
    )
}

/// Diagnostics kept by stage, so the dev server can replace what one edit
/// changes and keep the rest.
#[derive(Debug, Default, Clone)]
pub struct StageDiagnostics {
    /// site.yaml, theme, file discovery and the model.
    pub site: Vec<Diagnostic>,
    /// Front matter, per file.
    pub parse: Vec<Diagnostic>,
    /// Links and URLs in Markdown.
    pub markdown: Vec<Diagnostic>,
    /// Lints of one term at a time.
    pub term_lints: Vec<Diagnostic>,
    /// Lints comparing terms.
    pub cross_lints: Vec<Diagnostic>,
    /// Lints of articles.
    pub article_lints: Vec<Diagnostic>,
}

impl StageDiagnostics {
    /// All of them, in no particular order.
    pub fn all(&self) -> Vec<Diagnostic> {
        [&self.site, &self.parse, &self.markdown, &self.term_lints, &self.cross_lints, &self.article_lints]
            .into_iter()
            .flat_map(|list| list.iter().cloned())
            .collect()
    }
}

/// The stages' results before the diagnostics are merged.
pub enum Staged {
    /// site.yaml is unusable: its diagnostics and the files read.
    NoSite(Vec<Diagnostic>, SourceMap),
    /// The analysed site, its diagnostics by stage, and the per-body work
    /// of the cross-term lints (kept by the dev server).
    Site(Box<AnalysedSite>, StageDiagnostics, validate::Fingerprints),
}

/// Runs every stage up to the gate.
pub fn analyse_inputs(inputs: Inputs, options: &Options) -> Result<Analysis, Error> {
    analyse_recalling(inputs, options, None)
}

/// Runs every stage up to the gate, recalling from `memo` what the last
/// build worked out from the same inputs, and keeping there what this one
/// works out.
pub fn analyse_recalling(inputs: Inputs, options: &Options, memo: Option<&Memo<'_>>) -> Result<Analysis, Error> {
    Ok(match run_stages(inputs, options, memo)? {
        Staged::NoSite(diags, sources) => {
            let diagnostics = Diagnostics::new(diags, &sources);
            Analysis { site: None, diagnostics, sources_without_site: sources }
        }
        Staged::Site(site, diags, _) => {
            let diagnostics = Diagnostics::new(diags.all(), &site.glossary.sources);
            Analysis { site: Some(*site), diagnostics, sources_without_site: SourceMap::default() }
        }
    })
}

/// Runs every stage, keeping diagnostics by stage (and records in `memo`).
pub fn run_stages(inputs: Inputs, options: &Options, memo: Option<&Memo<'_>>) -> Result<Staged, Error> {
    let mut watch = crate::util::timing::Stopwatch::new();
    let mut sources = SourceMap::default();
    let (config, config_diags) = config::load(inputs.config, &mut sources);
    let Some(mut config) = config else {
        return Ok(Staged::NoSite(config_diags, sources));
    };
    if let Some(base) = &options.base_url {
        config = config.with_base_url(base)?;
    }
    let mut diags = StageDiagnostics { site: config_diags, ..StageDiagnostics::default() };
    let (theme, theme_diags) = theme::load(inputs.theme_root.as_deref(), &config, &mut sources)?;
    diags.site.extend(theme_diags);
    watch.lap("theme");
    let (refs, load_diags) = source::load(inputs.content, &config, &mut sources);
    diags.site.extend(load_diags);
    watch.lap("load");
    let (files, parse_diags) = frontmatter::parse_all(&sources, &refs, memo);
    diags.parse = parse_diags;
    let recall = memo.map(|memo| (memo, Memo::face(&sources, &refs, &files)));
    watch.lap("front matter");
    let (glossary, model_diags) = model::assemble(config, sources, files.terms, files.articles);
    diags.site.extend(model_diags);
    diags.site.extend(empty_site(&glossary));
    watch.lap("model");
    let (rendered, markdown_diags) = markdown::render_all(&glossary, options.render_options(), recall);
    diags.markdown = markdown_diags;
    watch.lap("markdown");
    let statuses = crate::model::status::statuses(&glossary);
    let all: Vec<crate::model::TermId> = glossary.terms.iter().map(|t| t.id).collect();
    diags.term_lints = validate::lint_terms(&glossary, &rendered, &statuses, &all);
    let mut fingerprints = validate::Fingerprints::default();
    fingerprints.fill(&glossary, memo);
    diags.cross_lints = validate::lint_across_terms(&glossary, &rendered, &mut fingerprints);
    diags.article_lints = validate::lint_articles(&glossary, &|path| theme.statics.contains_key(path));
    watch.lap("lints");
    Ok(Staged::Site(Box::new(AnalysedSite { glossary, rendered, theme, statuses }), diags, fingerprints))
}
