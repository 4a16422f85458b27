//! The one place where the stages run in order: config → sources → front
//! matter → model → Markdown → (gate) → render. Values flow forward only.

use std::path::{Path, PathBuf};

use crate::config;
use crate::diag::Diagnostics;
use crate::error::Error;
use crate::markdown::{self, Rendered};
use crate::model::{self, Glossary};
use crate::source::{self, RawFile, SourceMap};
use crate::theme::{self, Theme};
use crate::{frontmatter, validate};

/// How to analyse.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publish drafts (`--drafts`).
    pub include_drafts: bool,
    /// Replace site.yaml's `base_url` (`--base-url`).
    pub base_url: Option<String>,
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
}

impl Analysis {
    /// The files read, for printing diagnostics.
    pub fn sources(&self) -> &SourceMap {
        self.site.as_ref().map_or(&self.sources_without_site, |s| &s.glossary.sources)
    }
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
    /// Reads site.yaml and every content file under `root`.
    pub fn read(root: &Path) -> Result<Inputs, Error> {
        Ok(Inputs { config: config::read(root)?, content: source::walk(root), theme_root: Some(root.to_path_buf()) })
    }
}

/// Runs every stage up to the gate on the site at `root`.
pub fn analyse(root: &Path, options: &Options) -> Result<Analysis, Error> {
    analyse_inputs(Inputs::read(root)?, options)
}

/// Runs every stage up to the gate.
pub fn analyse_inputs(inputs: Inputs, options: &Options) -> Result<Analysis, Error> {
    let mut sources = SourceMap::default();
    let (config, mut diags) = config::load(inputs.config, &mut sources);
    let Some(mut config) = config else {
        let diagnostics = Diagnostics::new(diags, &sources);
        return Ok(Analysis { site: None, diagnostics, sources_without_site: sources });
    };
    if let Some(base) = &options.base_url {
        config = config.with_base_url(base)?;
    }
    let (theme, theme_diags) = theme::load(inputs.theme_root.as_deref(), &config, &mut sources)?;
    diags.extend(theme_diags);
    let (refs, load_diags) = source::load(inputs.content, &config, &mut sources);
    diags.extend(load_diags);
    let (files, parse_diags) = frontmatter::parse_all(&sources, &refs);
    diags.extend(parse_diags);
    let (glossary, model_diags) = model::assemble(config, sources, files);
    diags.extend(model_diags);
    let (rendered, markdown_diags) = markdown::render_all(&glossary, options.include_drafts);
    diags.extend(markdown_diags);
    diags.extend(validate::lint(&glossary, &rendered));
    let diagnostics = Diagnostics::new(diags, &glossary.sources);
    Ok(Analysis {
        site: Some(AnalysedSite { glossary, rendered, theme }),
        diagnostics,
        sources_without_site: SourceMap::default(),
    })
}
