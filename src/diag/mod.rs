//! Diagnostics: what is wrong with the content, where, and how to fix it.
//! Content problems are never `Error`s; they are collected here, sorted and
//! printed by one of the formatters.

mod format;
pub mod suggest;

pub use format::{render, summary, Format};

use crate::source::{SourceMap, Span};

/// How bad a diagnostic is. `--strict` changes the exit code, never this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    /// The site cannot be published.
    Error,
    /// The site can be published, but something is off.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident => $name:literal, $severity:ident;)*) => {
        /// Every diagnostic code of the contract (spec §3).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub enum Code { $(
            #[doc = concat!("`", $name, "`")]
            $variant,
        )* }

        impl Code {
            /// The code as written in diagnostics.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity the contract gives this code.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];
        }
    };
}

codes! {
    Yaml => "yaml", Error;
    UnknownField => "unknown-field", Error;
    MissingField => "missing-field", Error;
    InvalidValue => "invalid-value", Error;
    InvalidSlug => "invalid-slug", Error;
    UnknownLanguage => "unknown-language", Error;
    OrphanTranslation => "orphan-translation", Error;
    UnknownReference => "unknown-reference", Error;
    PrerequisiteCycle => "prerequisite-cycle", Error;
    TranslationMismatch => "translation-mismatch", Error;
    InvalidQuiz => "invalid-quiz", Error;
    UnsafeUrl => "unsafe-url", Error;
    InvalidUtf8 => "invalid-utf8", Error;
    DuplicateAlias => "duplicate-alias", Error;
    ControlCharacter => "control-character", Error;
    MissingTranslation => "missing-translation", Warning;
    StaleTranslation => "stale-translation", Warning;
    Untranslated => "untranslated", Warning;
    DuplicateBody => "duplicate-body", Warning;
    Mojibake => "mojibake", Warning;
    MissingSection => "missing-section", Warning;
    IsolatedTerm => "isolated-term", Warning;
    LinkToDraft => "link-to-draft", Warning;
    DuplicateSource => "duplicate-source", Warning;
    UnknownTag => "unknown-tag", Warning;
    UnclosedLink => "unclosed-link", Warning;
    UnknownCitation => "unknown-citation", Error;
    ReadError => "read-error", Error;
    LinkOutsideSite => "link-outside-site", Error;
    EmptySite => "empty-site", Error;
    StrayFile => "stray-file", Warning;
    UnknownString => "unknown-string", Warning;
    MissingStrings => "missing-strings", Warning;
    AmbiguousLink => "ambiguous-link", Error;
    AmbiguousMention => "ambiguous-mention", Warning;
    DeprecatedTerm => "deprecated-term", Warning;
    MalformedInput => "malformed-input", Error;
    DuplicateEntry => "duplicate-entry", Error;
    FileExists => "file-exists", Warning;
    DroppedValue => "dropped-value", Warning;
}

/// One problem in the content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Error or warning (from the code).
    pub severity: Severity,
    /// What kind of problem.
    pub code: Code,
    /// Where; `None` for problems of the site as a whole.
    pub span: Option<Span>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic of `code` at `span`, with the code's severity.
    pub fn new(code: Code, span: Option<Span>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: code.severity(), code, span, message: message.into(), help: None }
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Adds a `help:` line if there is one.
    pub fn with_optional_help(mut self, help: Option<String>) -> Diagnostic {
        self.help = help;
        self
    }
}

/// Where a diagnostic points: the file (relative to the root, `/`-separated)
/// and the 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, relative to the root.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Every diagnostic of a run, sorted by file, line, column and code, each
/// located once.
#[derive(Debug, Default)]
pub struct Diagnostics {
    list: Vec<(Diagnostic, Option<Location>)>,
}

impl Diagnostics {
    /// Locates, sorts (by path, position, code, message) and deduplicates `list`.
    pub fn new(list: Vec<Diagnostic>, sources: &SourceMap) -> Diagnostics {
        let spans: Vec<Span> = list.iter().filter_map(|d| d.span).collect();
        let mut positions = sources.locate_all(&spans).into_iter();
        let mut located: Vec<(Diagnostic, Option<Location>)> = list
            .into_iter()
            .map(|diag| {
                let location = diag.span.map(|span| {
                    let (line, column) = positions.next().unwrap_or((1, 1));
                    Location { path: crate::util::text::slash_path(sources.path(span.file)), line, column }
                });
                (diag, location)
            })
            .collect();
        located.sort_by(|(a, a_at), (b, b_at)| {
            let key = |d: &Diagnostic, at: &Option<Location>| {
                (d.span.map(|s| sources.path(s.file)), at.as_ref().map(|l| (l.line, l.column)), d.code)
            };
            key(a, a_at).cmp(&key(b, b_at)).then_with(|| a.message.cmp(&b.message))
        });
        located.dedup_by(|a, b| a.0 == b.0);
        Diagnostics { list: located }
    }

    /// All diagnostics, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter().map(|(d, _)| d)
    }

    /// All diagnostics, sorted, with where each points.
    pub fn located(&self) -> impl Iterator<Item = (&Diagnostic, Option<&Location>)> {
        self.list.iter().map(|(d, at)| (d, at.as_ref()))
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// Number of distinct files with at least one diagnostic.
    pub fn files(&self) -> usize {
        let mut files: Vec<_> = self.iter().filter_map(|d| d.span.map(|s| s.file)).collect();
        files.sort_unstable();
        files.dedup();
        files.len()
    }

    /// Whether the run fails: errors, or warnings under `--strict`.
    pub fn fails(&self, strict: bool) -> bool {
        self.errors() > 0 || (strict && self.warnings() > 0)
    }

    /// Whether there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}
