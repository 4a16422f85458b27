//! The only code that touches the output folder. Pages go to an
//! [`OutputSink`] as they are rendered; a build writes them into a staging
//! folder beside the output and swaps it in only when everything succeeded,
//! so a failed or interrupted build leaves the previous site intact.

mod cache;
mod minify;
mod staging;
mod target;

pub use cache::{BuildCache, PageRecorder, Partial, PreviousPages, Record, ReusablePage};
pub use minify::MinifySink;
pub use staging::Staging;
pub use target::Target;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::Error;

/// The file that marks a folder as glossa's output (safe to replace).
pub const MARKER_FILE: &str = ".glossa-output";

/// Where rendered files go. Implementations must accept writes from many threads.
pub trait OutputSink: Sync {
    /// Writes one file at `path` (relative, `/`-separated).
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error>;

    /// Opens one file at `path` to be written piece by piece: a large data
    /// file is made in parts, and a sink that streams them never holds it
    /// whole. The file is complete once [`FileStream::finish`] returns.
    fn open<'s>(&'s self, path: &str) -> Result<Box<dyn FileStream + 's>, Error>;

    /// Places the file `from` (the previous build's, unchanged) at `path`
    /// without copying it, when this sink can: true when it did, false when
    /// the caller must write the file.
    fn link(&self, path: &str, from: &Path) -> Result<bool, Error> {
        let _ = (path, from);
        Ok(false)
    }

    /// Takes back a file placed by [`OutputSink::link`] (the caller writes
    /// it after all), leaving `from` as it was.
    fn unlink(&self, path: &str) -> Result<(), Error> {
        let _ = path;
        Ok(())
    }
}

/// A file being written piece by piece.
pub trait FileStream: Send {
    /// Appends `bytes`.
    fn write(&mut self, bytes: &[u8]) -> Result<(), Error>;

    /// Completes the file.
    fn finish(self: Box<Self>) -> Result<(), Error>;
}

/// A file gathered in memory and written whole when finished, for sinks
/// that need the whole file.
struct Buffered<'s> {
    sink: &'s dyn OutputSink,
    path: String,
    bytes: Vec<u8>,
}

impl FileStream for Buffered<'_> {
    fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.bytes.extend_from_slice(bytes);
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), Error> {
        self.sink.write(&self.path, &self.bytes)
    }
}

/// Passes every file on to another sink and lists the paths it was given.
pub struct ListingSink<'s> {
    inner: &'s dyn OutputSink,
    paths: Mutex<Vec<String>>,
}

impl<'s> ListingSink<'s> {
    /// A sink that passes files on to `inner`.
    pub fn new(inner: &'s dyn OutputSink) -> ListingSink<'s> {
        ListingSink { inner, paths: Mutex::new(Vec::new()) }
    }

    /// The paths of the files written or placed, sorted.
    pub fn into_paths(self) -> Vec<String> {
        let mut paths = self.paths.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        paths.sort_unstable();
        paths
    }

    fn list(&self, path: &str) {
        self.paths.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(path.to_owned());
    }
}

impl OutputSink for ListingSink<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        self.inner.write(path, bytes)?;
        self.list(path);
        Ok(())
    }

    fn open<'s>(&'s self, path: &str) -> Result<Box<dyn FileStream + 's>, Error> {
        let file = self.inner.open(path)?;
        self.list(path);
        Ok(file)
    }

    fn link(&self, path: &str, from: &Path) -> Result<bool, Error> {
        let linked = self.inner.link(path, from)?;
        if linked {
            self.list(path);
        }
        Ok(linked)
    }

    fn unlink(&self, path: &str) -> Result<(), Error> {
        self.inner.unlink(path)?;
        self.paths.lock().unwrap_or_else(std::sync::PoisonError::into_inner).retain(|listed| listed != path);
        Ok(())
    }
}

/// Keeps the site in memory (tests, the dev server).
#[derive(Debug, Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    /// The files written, by path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl OutputSink for MemorySink {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        check_path(path)?;
        let mut files = self.files.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        files.insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }

    fn open<'s>(&'s self, path: &str) -> Result<Box<dyn FileStream + 's>, Error> {
        check_path(path)?;
        Ok(Box::new(Buffered { sink: self, path: path.to_owned(), bytes: Vec::new() }))
    }
}

/// Writes files under a folder.
#[derive(Debug)]
pub struct DirSink {
    dir: PathBuf,
}

impl OutputSink for DirSink {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        check_path(path)?;
        let target = self.dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&target, bytes).map_err(|e| Error::io(&target, e))
    }

    fn open<'s>(&'s self, path: &str) -> Result<Box<dyn FileStream + 's>, Error> {
        check_path(path)?;
        let target = self.dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        let file = std::fs::File::create(&target).map_err(|e| Error::io(&target, e))?;
        Ok(Box::new(FileOnDisk { file: std::io::BufWriter::new(file), path: target }))
    }

    /// A hard link: the staging folder sits beside the output, on the same
    /// file system, and the output's file is removed (not rewritten) when
    /// the new site is swapped in. Where links are not possible, the caller
    /// writes the file.
    fn link(&self, path: &str, from: &Path) -> Result<bool, Error> {
        check_path(path)?;
        let target = self.dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        Ok(std::fs::hard_link(from, &target).is_ok())
    }

    fn unlink(&self, path: &str) -> Result<(), Error> {
        check_path(path)?;
        let target = self.dir.join(path);
        std::fs::remove_file(&target).map_err(|e| Error::io(&target, e))
    }
}

/// A file written to disk as it comes.
struct FileOnDisk {
    file: std::io::BufWriter<std::fs::File>,
    path: PathBuf,
}

impl FileStream for FileOnDisk {
    fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        use std::io::Write;
        self.file.write_all(bytes).map_err(|e| Error::io(&self.path, e))
    }

    fn finish(mut self: Box<Self>) -> Result<(), Error> {
        use std::io::Write;
        self.file.flush().map_err(|e| Error::io(&self.path, e))
    }
}

/// Output paths are relative and never climb out of the output folder.
fn check_path(path: &str) -> Result<(), Error> {
    let bad = path.is_empty()
        || path.starts_with('/')
        || path.contains('\\')
        || path.split('/').any(|part| part.is_empty() || part == "." || part == "..");
    if bad {
        return Err(Error::Usage(format!("refusing to write outside the output folder: `{path}`")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gets_a_streamed_file_whole_and_nothing_outside_it() {
        let dir = tempfile::tempdir().unwrap();
        let sink = DirSink { dir: dir.path().to_path_buf() };
        let mut file = sink.open("en/glossary.csv").unwrap();
        for piece in [&b"slug\n"[..], b"", b"api\n"] {
            file.write(piece).unwrap();
        }
        file.finish().unwrap();
        assert_eq!(std::fs::read(dir.path().join("en/glossary.csv")).unwrap(), b"slug\napi\n");
        assert!(sink.open("../escape.csv").is_err());
        assert!(!dir.path().parent().unwrap().join("escape.csv").exists());
    }

    #[test]
    fn a_memory_sink_keeps_a_streamed_file_once_it_is_finished() {
        let sink = MemorySink::default();
        let mut file = sink.open("a.txt").unwrap();
        file.write(b"a").unwrap();
        file.write(b"b").unwrap();
        file.finish().unwrap();
        assert_eq!(sink.into_files()["a.txt"], b"ab");
    }
}
