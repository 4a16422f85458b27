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
    /// Highlight code blocks (needed to render, not to check).
    pub highlight: bool,
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

/// Prints how long each stage took when `GLOSSA_TIMINGS` is set (for profiling).
struct Stopwatch {
    enabled: bool,
    last: std::time::Instant,
}

impl Stopwatch {
    fn new() -> Stopwatch {
        Stopwatch { enabled: std::env::var_os("GLOSSA_TIMINGS").is_some(), last: std::time::Instant::now() }
    }

    fn lap(&mut self, stage: &str) {
        if self.enabled {
            eprintln!("{stage:>12}: {:>8.1} ms", self.last.elapsed().as_secs_f64() * 1000.0);
        }
        self.last = std::time::Instant::now();
    }
}

/// Runs every stage up to the gate.
pub fn analyse_inputs(inputs: Inputs, options: &Options) -> Result<Analysis, Error> {
    let mut watch = Stopwatch::new();
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
    watch.lap("theme");
    let (refs, load_diags) = source::load(inputs.content, &config, &mut sources);
    diags.extend(load_diags);
    watch.lap("load");
    let (files, parse_diags) = frontmatter::parse_all(&sources, &refs);
    diags.extend(parse_diags);
    watch.lap("front matter");
    let (glossary, model_diags) = model::assemble(config, sources, files);
    diags.extend(model_diags);
    watch.lap("model");
    let render_options =
        markdown::RenderOptions { include_drafts: options.include_drafts, highlight: options.highlight };
    let (rendered, markdown_diags) = markdown::render_all(&glossary, render_options);
    diags.extend(markdown_diags);
    watch.lap("markdown");
    diags.extend(validate::lint(&glossary, &rendered));
    watch.lap("lints");
    let diagnostics = Diagnostics::new(diags, &glossary.sources);
    watch.lap("sort");
    Ok(Analysis {
        site: Some(AnalysedSite { glossary, rendered, theme }),
        diagnostics,
        sources_without_site: SourceMap::default(),
    })
}
