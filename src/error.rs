//! Errors that stop a run before the content can even be judged: I/O, usage,
//! templates. Content problems are diagnostics, never these. Exit code 2.

use std::path::PathBuf;

/// A failure of the tool or its environment, not of the content.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// A template failed to parse or render.
    #[error("template `{name}`: {message}")]
    Template {
        /// The template's name.
        name: String,
        /// Tera's message with its causes.
        message: String,
    },
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// The dev server could not start or listen.
    #[error("{what}: {source}{hint}")]
    Server {
        /// What it was doing.
        what: String,
        /// What the OS said.
        source: std::io::Error,
        /// What to try, in parentheses, or nothing.
        hint: &'static str,
    },
    /// Watching the site's files for changes failed.
    #[error("cannot watch {}: {source}", path.display())]
    Watch {
        /// The folder.
        path: PathBuf,
        /// What the watcher said.
        source: notify_debouncer_full::notify::Error,
    },
    /// A data file could not be written as JSON.
    #[error("cannot write {what} as JSON: {source}")]
    Json {
        /// Which file.
        what: &'static str,
        /// What serde_json said.
        source: serde_json::Error,
    },
    /// An export could not be encoded (CSV, XML).
    #[error("cannot write {what}: {source}")]
    Encode {
        /// Which file.
        what: &'static str,
        /// What the encoder said.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// Building the search index failed.
    #[error("building the search index failed: {source}")]
    Search {
        /// What Pagefind said.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }

    /// A JSON serialisation error while writing `what`.
    pub fn json(what: &'static str) -> impl FnOnce(serde_json::Error) -> Error {
        move |source| Error::Json { what, source }
    }

    /// An encoder's error while writing `what`.
    pub fn encode(what: &'static str, source: impl std::error::Error + Send + Sync + 'static) -> Error {
        Error::Encode { what, source: Box::new(source) }
    }

    /// A Tera error with its whole cause chain.
    pub fn template(name: &str, error: &tera::Error) -> Error {
        let mut message = error.to_string();
        let mut cause = std::error::Error::source(error);
        while let Some(c) = cause {
            message.push_str(": ");
            message.push_str(&c.to_string());
            cause = c.source();
        }
        Error::Template { name: name.to_owned(), message }
    }
}
