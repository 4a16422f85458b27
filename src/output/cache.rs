//! The build cache: a folder beside the output (`.public.glossa-cache`
//! beside `public`) holding what the last successful build into that output
//! was made from, what it printed, the files it left there, its
//! highlighted code blocks, what its analysis worked out per file, and the
//! keys of its term pages, search shards and other files that show only
//! the site's face. A build whose inputs and options are the same and whose
//! output nobody touched since writes nothing; any other build recalls the
//! analysis of unchanged files ([`crate::pipeline::memo`]), takes its
//! highlighted blocks from the cache, and links each term page, search
//! shard and face-only group of files whose key is unchanged from the
//! output (see [`PreviousPages`]). An output that is a mount point has no
//! cache: its staging folder lives inside it, and so would the cache,
//! published with the site.

use std::collections::HashMap;
use std::io::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use super::target::Target;
use crate::error::Error;
use crate::markdown::highlight::BlockStore;

const RECORD_FILE: &str = "build.json";
const MANIFEST_FILE: &str = "manifest";
const BLOCKS_FILE: &str = "highlight.bin";
const PAGES_FILE: &str = "pages.bin";
const ANALYSIS_FILE: &str = "analysis.bin";

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
        let record = self.record()?;
        if record.stamp != stamp {
            return None;
        }
        let manifest = std::fs::read_to_string(self.dir.join(MANIFEST_FILE)).ok()?;
        (manifest == manifest_of(&self.out)?).then_some(record)
    }

    /// The previous build's record, written last, so a whole cache has one.
    fn record(&self) -> Option<Record> {
        serde_json::from_slice(&std::fs::read(self.dir.join(RECORD_FILE)).ok()?).ok()
    }

    /// The previous build's highlighted blocks (none when there are none).
    pub fn blocks(&self) -> BlockStore {
        std::fs::read(self.dir.join(BLOCKS_FILE)).map(|bytes| BlockStore::from_bytes(&bytes)).unwrap_or_default()
    }

    /// What the last analysis kept ([`crate::pipeline::memo`]), empty when
    /// there is none, and a file for what this one keeps. Its records are
    /// digests of their inputs, so the file is put in place as soon as the
    /// analysis is done, whether the build goes on or not.
    pub fn record_analysis(&self) -> Result<(Vec<u8>, Partial, std::io::BufWriter<std::fs::File>), Error> {
        let previous = std::fs::read(self.dir.join(ANALYSIS_FILE)).unwrap_or_default();
        let (path, file) = self.partial(ANALYSIS_FILE)?;
        Ok((previous, Partial { path, name: ANALYSIS_FILE }, file))
    }

    /// The previous build's term pages, when the cache is whole (its record
    /// is written last) and they were recorded by that build.
    pub fn previous_pages(&self) -> Option<PreviousPages> {
        let record = self.record()?;
        let bytes = std::fs::read(self.dir.join(PAGES_FILE)).ok()?;
        let pages = PreviousPages::parse(&bytes, &record.stamp)?;
        let listing = files_in(&std::fs::read_to_string(self.dir.join(MANIFEST_FILE)).ok()?);
        Some(PreviousPages { out: self.out.clone(), bytes, pages, listing })
    }

    /// Starts recording this build's term pages (the build with `stamp`):
    /// the file becomes the cache's at [`BuildCache::save`].
    pub fn record_pages(&self, stamp: &str) -> Result<PageRecorder, Error> {
        let (path, mut file) = self.partial(PAGES_FILE)?;
        file.write_all(PreviousPages::header(stamp).as_bytes()).map_err(|e| Error::io(&path, e))?;
        Ok(PageRecorder { path, file: Mutex::new(Some(file)), reused: std::sync::atomic::AtomicUsize::new(0) })
    }

    /// A new file under a temporary name of `name`'s, with the ones killed
    /// builds left removed (the staging lock keeps builds into one output
    /// apart).
    fn partial(&self, name: &str) -> Result<(PathBuf, std::io::BufWriter<std::fs::File>), Error> {
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        for entry in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            if entry.file_name().to_str().is_some_and(|n| n.starts_with(name) && n.ends_with(".partial")) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        let path = self.dir.join(format!("{name}.{}.partial", std::process::id()));
        let file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        // Records are written as they are made, some from many threads: a large buffer keeps the writes few.
        Ok((path, std::io::BufWriter::with_capacity(1 << 20, file)))
    }

    /// Records a build that has just been swapped in. The record goes last,
    /// so a cache left half-written by a killed build is never up to date
    /// (nor are its pages used). A build that took pages from the previous
    /// one keeps its unused highlighted blocks too: those pages' blocks.
    pub fn save(&self, record: &Record, blocks: &BlockStore, pages: Option<PageRecorder>) -> Result<(), Error> {
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        let _ = std::fs::remove_file(self.dir.join(RECORD_FILE));
        let pages_file = self.dir.join(PAGES_FILE);
        let reused = pages.as_ref().is_some_and(|p| p.reused.load(Ordering::Relaxed) > 0);
        self.replace(BLOCKS_FILE, &blocks.to_bytes(reused))?;
        match pages.map(PageRecorder::finish) {
            Some(Ok(partial)) => std::fs::rename(&partial, &pages_file).map_err(|e| Error::io(&pages_file, e))?,
            Some(Err(partial)) => {
                let _ = std::fs::remove_file(partial);
                let _ = std::fs::remove_file(&pages_file);
            }
            None => {
                let _ = std::fs::remove_file(&pages_file);
            }
        }
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

/// A file of the cache written under a temporary name.
#[derive(Debug)]
pub struct Partial {
    path: PathBuf,
    name: &'static str,
}

impl Partial {
    /// Puts the file in place when it is `whole`, or removes it.
    pub fn finish(self, whole: bool) {
        let done = whole && std::fs::rename(&self.path, self.path.with_file_name(self.name)).is_ok();
        if !done {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Every entry under `out` with its kind, size and modification time, one
/// per line in sorted order (a folder's line before its entries'); `None`
/// when the folder cannot be listed. Folders are listed in parallel: the
/// output holds a folder per page.
fn manifest_of(out: &Path) -> Option<String> {
    let mut manifest = String::new();
    list_into(out, Path::new(""), &mut manifest)?;
    Some(manifest)
}

/// The manifest lines of the entries of `dir` (at `rel` in the output),
/// appended to `lines`.
fn list_into(dir: &Path, rel: &Path, lines: &mut String) -> Option<()> {
    use rayon::prelude::*;
    use std::fmt::Write as _;
    let mut entries = std::fs::read_dir(dir).ok()?.collect::<Result<Vec<_>, _>>().ok()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    let listed: Vec<String> = entries
        .par_iter()
        .map(|entry| {
            let meta = entry.metadata().ok()?;
            let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
            let rel = rel.join(entry.file_name());
            let kind = if meta.is_dir() {
                'd'
            } else if meta.is_symlink() {
                'l'
            } else {
                'f'
            };
            let mut lines = String::new();
            let _ = writeln!(lines, "{kind} {} {} {}", meta.len(), modified.as_nanos(), rel.display());
            if meta.is_dir() {
                list_into(&entry.path(), &rel, &mut lines)?;
            }
            Some(lines)
        })
        .collect::<Option<_>>()?;
    lines.extend(listed);
    Some(())
}

/// The files a manifest ([`manifest_of`]) lists, with their size and
/// modification time.
fn files_in(manifest: &str) -> HashMap<String, (u64, u128)> {
    manifest
        .lines()
        .filter_map(|line| {
            let mut fields = line.splitn(4, ' ');
            let (kind, size, modified, rel) = (fields.next()?, fields.next()?, fields.next()?, fields.next()?);
            if kind != "f" {
                return None;
            }
            Some((rel.to_owned(), (size.parse().ok()?, modified.parse().ok()?)))
        })
        .collect()
}

/// The term pages the previous build wrote, by page file: the key each was
/// made from, the files it wrote and what the renderer kept of it, with
/// the output's listing at the end of that build, so that a file changed
/// since (in size or modification time) is never reused.
pub struct PreviousPages {
    out: PathBuf,
    bytes: Vec<u8>,
    pages: HashMap<String, StoredPage>,
    listing: HashMap<String, (u64, u128)>,
}

/// Where one page's record lies in [`PreviousPages::bytes`].
struct StoredPage {
    key: [u8; 32],
    files: Vec<Range<usize>>,
    kept: Range<usize>,
}

/// A page the previous build wrote from the same key, with its files still
/// as it left them.
pub struct ReusablePage<'a> {
    /// Each file: its path in the output, and where it is now.
    pub files: Vec<(&'a str, PathBuf)>,
    /// What the renderer kept of the page.
    pub kept: &'a [u8],
}

impl PreviousPages {
    fn header(stamp: &str) -> String {
        format!("glossa pages 1 {stamp}\n")
    }

    /// The records of a pages file written by the build with `stamp`.
    fn parse(bytes: &[u8], stamp: &str) -> Option<HashMap<String, StoredPage>> {
        let header = Self::header(stamp);
        if bytes.get(..header.len())? != header.as_bytes() {
            return None;
        }
        let mut cursor = Cursor { bytes, at: header.len() };
        let mut pages = HashMap::new();
        while cursor.at < bytes.len() {
            let key: [u8; 32] = bytes[cursor.take(32)?].try_into().ok()?;
            let page = cursor.field()?;
            let count = cursor.number()?;
            let files = (0..count).map(|_| cursor.field()).collect::<Option<Vec<_>>>()?;
            let kept = cursor.field()?;
            pages.insert(std::str::from_utf8(&bytes[page]).ok()?.to_owned(), StoredPage { key, files, kept });
        }
        Some(pages)
    }

    /// Whether the previous build recorded `page` at all.
    pub fn has(&self, page: &str) -> bool {
        self.pages.contains_key(page)
    }

    /// The page whose file is `page`, when the previous build made it from
    /// `key` and its files are in the output as that build left them.
    pub fn get(&self, page: &str, key: &[u8; 32]) -> Option<ReusablePage<'_>> {
        let stored = self.pages.get(page).filter(|p| &p.key == key)?;
        let files = stored
            .files
            .iter()
            .map(|range| {
                let rel = std::str::from_utf8(&self.bytes[range.clone()]).ok()?;
                let path = self.out.join(rel);
                let meta = std::fs::symlink_metadata(&path).ok()?;
                let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
                (meta.is_file() && self.listing.get(rel) == Some(&(meta.len(), modified))).then_some((rel, path))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(ReusablePage { files, kept: &self.bytes[stored.kept.clone()] })
    }
}

/// This build's term pages, recorded as they are written (from many
/// threads) into a file that [`BuildCache::save`] puts in place.
pub struct PageRecorder {
    path: PathBuf,
    file: Mutex<Option<std::io::BufWriter<std::fs::File>>>,
    /// How many pages were taken from the previous build.
    reused: std::sync::atomic::AtomicUsize,
}

impl PageRecorder {
    /// Records that the page file `page`, made from `key`, wrote `files`
    /// and that the renderer keeps `kept` of it. A record that cannot be
    /// written drops the whole file: the next build renders every page.
    pub fn record(&self, page: &str, key: &[u8; 32], files: &[&str], kept: &[u8]) {
        let mut entry = Vec::with_capacity(64 + page.len() + kept.len());
        entry.extend_from_slice(key);
        let whole = (|| {
            push_field(&mut entry, page.as_bytes())?;
            entry.extend_from_slice(&u32::try_from(files.len()).ok()?.to_le_bytes());
            for file in files {
                push_field(&mut entry, file.as_bytes())?;
            }
            push_field(&mut entry, kept)
        })();
        let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
        let written = whole.is_some() && file.as_mut().is_some_and(|f| f.write_all(&entry).is_ok());
        if !written {
            *file = None;
        }
    }

    /// Notes that a page was taken from the previous build (and recorded).
    pub fn note_reused(&self) {
        self.reused.fetch_add(1, Ordering::Relaxed);
    }

    /// The recorded file, or when a record failed, the file to remove.
    fn finish(self) -> Result<PathBuf, PathBuf> {
        let file = self.file.into_inner().unwrap_or_else(PoisonError::into_inner);
        match file.map(|mut f| f.flush()) {
            Some(Ok(())) => Ok(self.path),
            _ => Err(self.path),
        }
    }
}

/// Appends `bytes` with their length in front.
fn push_field(entry: &mut Vec<u8>, bytes: &[u8]) -> Option<()> {
    entry.extend_from_slice(&u32::try_from(bytes.len()).ok()?.to_le_bytes());
    entry.extend_from_slice(bytes);
    Some(())
}

/// Reads a pages file front to back.
struct Cursor<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Cursor<'_> {
    /// The next `len` bytes.
    fn take(&mut self, len: usize) -> Option<Range<usize>> {
        let range = self.at..self.at.checked_add(len)?;
        self.bytes.get(range.clone())?;
        self.at = range.end;
        Some(range)
    }

    /// A little-endian `u32`.
    fn number(&mut self) -> Option<usize> {
        let range = self.take(4)?;
        usize::try_from(u32::from_le_bytes(self.bytes[range].try_into().ok()?)).ok()
    }

    /// Bytes with their length in front ([`push_field`]).
    fn field(&mut self) -> Option<Range<usize>> {
        let len = self.number()?;
        self.take(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cache for an output folder `public` in a fresh temporary folder.
    fn cache_in(dir: &Path) -> BuildCache {
        let out = dir.join("public");
        std::fs::create_dir_all(out.join("en/terms/a")).unwrap();
        BuildCache { dir: dir.join(".public.glossa-cache"), out }
    }

    #[test]
    fn recorded_pages_are_reused_only_with_their_key_and_untouched_files() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path());
        let page = "en/terms/a/index.html";
        std::fs::write(cache.out.join(page), "<p>a</p>").unwrap();
        std::fs::write(cache.out.join("en/terms/a/graph.mmd"), "graph").unwrap();
        let recorder = cache.record_pages("stamp-1").unwrap();
        recorder.record(page, &[7; 32], &[page, "en/terms/a/graph.mmd"], b"kept");
        recorder.record("en/terms/b/index.html", &[8; 32], &["en/terms/b/index.html"], b"");
        let record =
            Record { stamp: "stamp-1".into(), pages_per_language: vec![], warnings: 0, diagnostics: String::new() };
        cache.save(&record, &BlockStore::default(), Some(recorder)).unwrap();

        let previous = cache.previous_pages().unwrap();
        let reusable = previous.get(page, &[7; 32]).unwrap();
        assert_eq!(reusable.kept, b"kept");
        let files: Vec<&str> = reusable.files.iter().map(|(rel, _)| *rel).collect();
        assert_eq!(files, [page, "en/terms/a/graph.mmd"]);
        assert_eq!(reusable.files[0].1, cache.out.join(page));
        // Another key, or a page whose file is gone: not reused.
        assert!(previous.get(page, &[9; 32]).is_none());
        assert!(previous.get("en/terms/b/index.html", &[8; 32]).is_none());

        // A file changed since the build: not reused.
        std::fs::write(cache.out.join(page), "<p>changed</p>").unwrap();
        assert!(cache.previous_pages().unwrap().get(page, &[7; 32]).is_none());
    }

    #[test]
    fn pages_of_another_build_or_a_damaged_file_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path());
        let recorder = cache.record_pages("stamp-1").unwrap();
        recorder.record("en/terms/a/index.html", &[7; 32], &["en/terms/a/index.html"], b"kept");
        let record = |stamp: &str| Record {
            stamp: stamp.into(),
            pages_per_language: vec![],
            warnings: 0,
            diagnostics: String::new(),
        };
        cache.save(&record("stamp-1"), &BlockStore::default(), Some(recorder)).unwrap();
        assert!(cache.previous_pages().is_some());
        let bytes = std::fs::read(cache.dir.join(PAGES_FILE)).unwrap();

        // The record of a later build that recorded no pages.
        cache.save(&record("stamp-2"), &BlockStore::default(), None).unwrap();
        assert!(cache.previous_pages().is_none());
        // Pages recorded by a build other than the one on record.
        std::fs::write(cache.dir.join(PAGES_FILE), &bytes).unwrap();
        assert!(cache.previous_pages().is_none());
        // Cut short.
        cache.save(&record("stamp-1"), &BlockStore::default(), None).unwrap();
        std::fs::write(cache.dir.join(PAGES_FILE), &bytes[..bytes.len() - 1]).unwrap();
        assert!(cache.previous_pages().is_none());
        std::fs::write(cache.dir.join(PAGES_FILE), &bytes).unwrap();
        assert!(cache.previous_pages().is_some());
    }
}
