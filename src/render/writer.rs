//! Hands pages and files to the output sink: each page's links resolved for
//! where it lands ([`relativize`]), and a record of what was written, which
//! the build summary counts.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::path::{relativize, FilePath, PagePath};
use crate::error::Error;
use crate::output::{FileStream, OutputSink};

/// A file being written piece by piece ([`Writer::stream`]).
pub struct Stream<'w> {
    file: Box<dyn FileStream + 'w>,
    files: &'w AtomicUsize,
}

impl Stream<'_> {
    /// Appends `bytes`.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.file.write(bytes)
    }

    /// Completes the file.
    pub fn finish(self) -> Result<(), Error> {
        self.file.finish()?;
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// What a render wrote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    /// HTML pages per language code, in declaration order (redirect pages,
    /// the chooser and 404 are files, not pages of a language).
    pub pages_per_language: Vec<(String, usize)>,
    /// Every file written, pages included.
    pub files: usize,
}

/// Writes into a sink, counting.
pub struct Writer<'s> {
    sink: &'s dyn OutputSink,
    base_path: &'s str,
    languages: Vec<String>,
    pages: Vec<AtomicUsize>,
    files: AtomicUsize,
}

impl<'s> Writer<'s> {
    /// A writer into `sink` for a site under `base_path` in `languages` (codes).
    pub fn new(sink: &'s dyn OutputSink, base_path: &'s str, languages: Vec<String>) -> Writer<'s> {
        let pages = languages.iter().map(|_| AtomicUsize::new(0)).collect();
        Writer { sink, base_path, languages, pages, files: AtomicUsize::new(0) }
    }

    /// Writes the page at `path`, its links resolved for it.
    pub fn page(&self, path: PagePath<'_>, html: &str) -> Result<(), Error> {
        let html = super::fallback::resolve(html);
        self.write(&path.file(), relativize(&html, &path.to_root(self.base_path)).as_bytes())?;
        self.count_page(path);
        Ok(())
    }

    fn count_page(&self, path: PagePath<'_>) {
        if let Some(i) = path.lang().and_then(|code| self.languages.iter().position(|l| l == code)) {
            self.pages[i].fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Places the previous build's files of the page at `page` (the page
    /// and those beside it: `(path, where it is now)`) again, unchanged,
    /// when the sink can link them: all of them, or none and false.
    pub fn reuse(&self, page: PagePath<'_>, files: &[(&str, PathBuf)]) -> Result<bool, Error> {
        let linked = self.link(files)?;
        if linked {
            self.count_page(page);
        }
        Ok(linked)
    }

    /// Places `files` (each a path in the output and the previous build's
    /// file) without copying them, all or none: false when the caller must
    /// write them.
    pub fn link(&self, files: &[(&str, PathBuf)]) -> Result<bool, Error> {
        for (linked, (path, from)) in files.iter().enumerate() {
            if !self.sink.link(path, from)? {
                for (path, _) in &files[..linked] {
                    self.sink.unlink(path)?;
                }
                return Ok(false);
            }
        }
        self.files.fetch_add(files.len(), Ordering::Relaxed);
        Ok(true)
    }

    /// A writer with the same site into another sink, counting on its own.
    pub fn same_site_into<'t>(&self, sink: &'t dyn OutputSink) -> Writer<'t>
    where
        's: 't,
    {
        Writer::new(sink, self.base_path, self.languages.clone())
    }

    /// The sink.
    pub fn sink(&self) -> &'s dyn OutputSink {
        self.sink
    }

    /// How many languages the site has.
    pub fn language_count(&self) -> usize {
        self.languages.len()
    }

    /// Counts what another writer wrote (`pages` per language, in order,
    /// and `files`) as written by this one.
    pub fn count(&self, pages: &[usize], files: usize) {
        for (counter, n) in self.pages.iter().zip(pages) {
            counter.fetch_add(*n, Ordering::Relaxed);
        }
        self.files.fetch_add(files, Ordering::Relaxed);
    }

    /// Writes a page that only sends readers elsewhere (not counted as a page).
    pub fn redirect(&self, path: PagePath<'_>, html: &str) -> Result<(), Error> {
        self.write(&path.file(), relativize(html, &path.to_root(self.base_path)).as_bytes())
    }

    /// Writes a file as it is.
    pub fn file(&self, path: FilePath<'_>, bytes: &[u8]) -> Result<(), Error> {
        self.write(&path.path(), bytes)
    }

    /// Opens a file to be written piece by piece, as it is (a large data
    /// file, never held whole); it counts once finished.
    pub fn stream(&self, path: FilePath<'_>) -> Result<Stream<'_>, Error> {
        Ok(Stream { file: self.sink.open(&path.path())?, files: &self.files })
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        self.sink.write(path, bytes)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// What was written.
    pub fn written(&self) -> Written {
        Written {
            pages_per_language: self
                .languages
                .iter()
                .zip(&self.pages)
                .map(|(code, n)| (code.clone(), n.load(Ordering::Relaxed)))
                .collect(),
            files: self.files.load(Ordering::Relaxed),
        }
    }
}
