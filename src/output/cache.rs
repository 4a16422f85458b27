//! The build cache: a folder beside the output (`.public.glossa-cache`
//! beside `public`) holding what the last successful build into that output
//! was made from, what it printed, the files it left there, and its
//! highlighted code blocks. A build whose inputs and options are the same
//! and whose output nobody touched since writes nothing; any other build
//! takes its highlighted blocks from the cache. An output that is a mount
//! point has no cache: its staging folder lives inside it, and so would the
//! cache, published with the site.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::target::Target;
use crate::error::Error;
use crate::markdown::highlight::BlockStore;

const RECORD_FILE: &str = "build.json";
const MANIFEST_FILE: &str = "manifest";
const BLOCKS_FILE: &str = "highlight.bin";

/// The cache folder of one output folder.
#[derive(Debug)]
pub struct BuildCache {
    dir: PathBuf,
    out: PathBuf,
}

/// What a successful build leaves in the cache besides its blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The digest of its inputs and options.
    pub stamp: String,
    /// Pages written per language code.
    pub pages_per_language: Vec<(String, usize)>,
    /// How many warnings it printed.
    pub warnings: usize,
    /// What it printed about the content (without colour).
    pub diagnostics: String,
}

impl BuildCache {
    /// The cache beside `target`, or `None` when the output is a mount point.
    pub fn beside(target: &Target) -> Option<BuildCache> {
        (!target.mount_point).then(|| BuildCache {
            dir: target.parent().join(format!(".{}.glossa-cache", target.name())),
            out: target.dir.clone(),
        })
    }

    /// The folder itself.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The previous build's record when it had the same `stamp` and the
    /// output still holds exactly the files it wrote, unchanged in size and
    /// modification time.
    pub fn up_to_date(&self, stamp: &str) -> Option<Record> {
        let record: Record = serde_json::from_slice(&std::fs::read(self.dir.join(RECORD_FILE)).ok()?).ok()?;
        if record.stamp != stamp {
            return None;
        }
        let manifest = std::fs::read_to_string(self.dir.join(MANIFEST_FILE)).ok()?;
        (manifest == manifest_of(&self.out)?).then_some(record)
    }

    /// The previous build's highlighted blocks (none when there are none).
    pub fn blocks(&self) -> BlockStore {
        std::fs::read(self.dir.join(BLOCKS_FILE)).map(|bytes| BlockStore::from_bytes(&bytes)).unwrap_or_default()
    }

    /// Records a build that has just been swapped in. The record goes last,
    /// so a cache left half-written by a killed build is never up to date.
    pub fn save(&self, record: &Record, blocks: &BlockStore) -> Result<(), Error> {
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        let _ = std::fs::remove_file(self.dir.join(RECORD_FILE));
        self.replace(BLOCKS_FILE, &blocks.to_bytes())?;
        let manifest = manifest_of(&self.out)
            .ok_or_else(|| Error::Usage(format!("could not list `{}` after the build", self.out.display())))?;
        self.replace(MANIFEST_FILE, manifest.as_bytes())?;
        let json = serde_json::to_vec(record).map_err(|e| Error::Usage(format!("could not record the build: {e}")))?;
        self.replace(RECORD_FILE, &json)
    }

    /// Writes `name` under a temporary name and renames it into place.
    fn replace(&self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        let path = self.dir.join(name);
        let partial = self.dir.join(format!("{name}.{}.partial", std::process::id()));
        std::fs::write(&partial, bytes).map_err(|e| Error::io(&partial, e))?;
        std::fs::rename(&partial, &path).map_err(|e| Error::io(&path, e))
    }
}

/// Every entry under `out` with its kind, size and modification time, one
/// per line in sorted order; `None` when the folder cannot be listed.
fn manifest_of(out: &Path) -> Option<String> {
    use std::fmt::Write as _;
    let mut manifest = String::new();
    for entry in walkdir::WalkDir::new(out).min_depth(1).sort_by_file_name() {
        let entry = entry.ok()?;
        let meta = entry.metadata().ok()?;
        let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        let rel = entry.path().strip_prefix(out).ok()?;
        let kind = if meta.is_dir() {
            'd'
        } else if meta.is_symlink() {
            'l'
        } else {
            'f'
        };
        let _ = writeln!(manifest, "{kind} {} {} {}", meta.len(), modified.as_nanos(), rel.display());
    }
    Some(manifest)
}
