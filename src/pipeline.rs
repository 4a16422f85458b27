//! The one place where the stages run in order: config → sources → front
//! matter → model → Markdown → (gate) → render. Values flow forward only.

use std::path::Path;

use crate::config::{self, SiteConfig};
use crate::diag::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::markdown::{self, Rendered};
use crate::model::{self, Glossary};
use crate::source::{self, SourceMap};
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

/// Runs every stage up to the gate.
pub fn analyse(root: &Path, options: &Options) -> Result<Analysis, Error> {
    let mut sources = SourceMap::default();
    let (config, mut diags) = config::load(root, &mut sources)?;
    let Some(mut config) = config else {
        let diagnostics = Diagnostics::new(diags, &sources);
        return Ok(Analysis { site: None, diagnostics, sources_without_site: sources });
    };
    if let Some(base) = &options.base_url {
        config = config.with_base_url(base)?;
    }
    let (glossary, rendered, theme) = analyse_content(root, config, sources, options, &mut diags)?;
    let diagnostics = Diagnostics::new(diags, &glossary.sources);
    Ok(Analysis {
        site: Some(AnalysedSite { glossary, rendered, theme }),
        diagnostics,
        sources_without_site: SourceMap::default(),
    })
}

fn analyse_content(
    root: &Path,
    config: SiteConfig,
    mut sources: SourceMap,
    options: &Options,
    diags: &mut Vec<Diagnostic>,
) -> Result<(Glossary, Rendered, Theme), Error> {
    let (theme, theme_diags) = theme::load(root, &config, &mut sources)?;
    diags.extend(theme_diags);
    let (refs, discover_diags) = source::discover(root, &config, &mut sources)?;
    diags.extend(discover_diags);
    let (files, parse_diags) = frontmatter::parse_all(&sources, &refs);
    diags.extend(parse_diags);
    let (glossary, model_diags) = model::assemble(config, sources, files);
    diags.extend(model_diags);
    let (rendered, markdown_diags) = markdown::render_all(&glossary, options.include_drafts);
    diags.extend(markdown_diags);
    diags.extend(validate::lint(&glossary, &rendered));
    Ok((glossary, rendered, theme))
}
