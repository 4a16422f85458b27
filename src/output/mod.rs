//! The only code that touches the output folder. Pages go to an
//! [`OutputSink`] as they are rendered; a build writes them into a staging
//! folder beside the output and swaps it in only when everything succeeded,
//! so a failed or interrupted build leaves the previous site intact.

mod cache;
mod minify;
mod staging;
mod target;

pub use cache::{BuildCache, Record};
pub use minify::MinifySink;
pub use staging::Staging;
pub use target::Target;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::error::Error;

/// The file that marks a folder as glossa's output (safe to replace).
pub const MARKER_FILE: &str = ".glossa-output";

/// Where rendered files go. Implementations must accept writes from many threads.
pub trait OutputSink: Sync {
    /// Writes one file at `path` (relative, `/`-separated).
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error>;

    /// Writes one file made of `chunks`, in order. Large data files are
    /// made of parts rendered in parallel; a sink that can stream them
    /// never holds the whole file.
    fn write_chunks(&self, path: &str, chunks: &[&[u8]]) -> Result<(), Error> {
        self.write(path, &chunks.concat())
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

    fn write_chunks(&self, path: &str, chunks: &[&[u8]]) -> Result<(), Error> {
        use std::io::Write;
        check_path(path)?;
        let target = self.dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        let file = std::fs::File::create(&target).map_err(|e| Error::io(&target, e))?;
        let mut file = std::io::BufWriter::new(file);
        for chunk in chunks {
            file.write_all(chunk).map_err(|e| Error::io(&target, e))?;
        }
        file.flush().map_err(|e| Error::io(&target, e))
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
    fn a_folder_gets_a_chunked_file_whole_and_nothing_outside_it() {
        let dir = tempfile::tempdir().unwrap();
        let sink = DirSink { dir: dir.path().to_path_buf() };
        sink.write_chunks("en/glossary.csv", &[b"slug\n", b"", b"api\n"]).unwrap();
        assert_eq!(std::fs::read(dir.path().join("en/glossary.csv")).unwrap(), b"slug\napi\n");
        assert!(sink.write_chunks("../escape.csv", &[b"x"]).is_err());
        assert!(!dir.path().parent().unwrap().join("escape.csv").exists());
    }
}
