//! What one build's analysis leaves the next: each term file's front
//! matter, each entry's Markdown results and each body's duplicate-body
//! signature, with the diagnostics they gave, recorded under a key that
//! digests everything the result is made from. A build recalls the records
//! of what did not change instead of working them out again.
//!
//! Every key starts from the frame (the options, site.yaml, the theme and
//! the glossa executable, see [`InputDigest::frame`]) and adds:
//! - for front matter: the file's digest (its path and bytes) and where
//!   the file stands (its id in the source map, language, kind and slug);
//! - for Markdown: the file's digest, the site's [`Face`], the entry and
//!   the language of the page it is rendered for;
//! - for a body's duplicate-body signature: the file's digest and where
//!   the body lies in it.
//!
//! A record is a function of its key alone, so it can be unused but never
//! stale. Each build keeps exactly the records it recalled or made.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use bincode::Options as _;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::InputDigest;
use crate::config::LangId;
use crate::frontmatter::Parsed;
use crate::model::EntryId;
use crate::source::{ContentKind, FileRef, SourceMap};

/// A record's key.
pub type Key = [u8; 32];

const HEADER: &[u8] = b"glossa analysis 1\n";

/// The records of the last build, and where the ones this build keeps go.
pub struct Memo<'d> {
    digest: &'d InputDigest,
    stored: Vec<u8>,
    index: HashMap<Key, Range<usize>>,
    /// `None` once a write failed: the file is then not kept.
    out: Mutex<Option<Box<dyn Write + Send>>>,
    recalled: AtomicUsize,
    kept: AtomicUsize,
}

/// A digest of everything in the content that the Markdown of every entry
/// may depend on besides its own file: each content file's path, and its
/// text without the body for a term file (front matter decides titles,
/// links, senses and summaries; bodies decide nothing of other entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Face(Key);

impl<'d> Memo<'d> {
    /// The records in `stored` (a file an earlier memo wrote), for a build
    /// with inputs `digest`; the records this build recalls or makes are
    /// written to `out` as they come. Bytes that are not such a file give
    /// no records.
    pub fn new(digest: &'d InputDigest, stored: Vec<u8>, mut out: Box<dyn Write + Send>) -> Memo<'d> {
        let index = parse(&stored).unwrap_or_default();
        let out = out.write_all(HEADER).is_ok().then_some(out);
        Memo { digest, stored, index, out: Mutex::new(out), recalled: AtomicUsize::new(0), kept: AtomicUsize::new(0) }
    }

    /// The key of the front matter of the file `file_ref`, read from `path`.
    pub fn front_key(&self, file_ref: &FileRef, path: &Path) -> Option<Key> {
        let file = self.digest.files.get(path)?;
        let kind: &[u8] = match file_ref.kind {
            ContentKind::Term => b"term",
            ContentKind::Article => b"article",
        };
        Some(self.key(&[
            b"front",
            file,
            &file_ref.file.0.to_le_bytes(),
            &(file_ref.lang.0 as u64).to_le_bytes(),
            kind,
            file_ref.slug.as_str().as_bytes(),
            &[u8::from(file_ref.readable)],
        ]))
    }

    /// The key of the Markdown of `entry`, read from `path`, rendered for
    /// pages in `page_lang` of a site with `face`.
    pub fn markdown_key(&self, face: Face, path: &Path, entry: EntryId, page_lang: LangId) -> Option<Key> {
        let file = self.digest.files.get(path)?;
        Some(self.key(&[b"markdown", &face.0, file, &entry.0.to_le_bytes(), &(page_lang.0 as u64).to_le_bytes()]))
    }

    /// The key of the duplicate-body signature of the body at `body` in the
    /// file read from `path` (none when the file is `broken`).
    pub fn signature_key(&self, path: &Path, body: &Range<usize>, broken: bool) -> Option<Key> {
        let file = self.digest.files.get(path)?;
        let (start, end) = (body.start as u64, body.end as u64);
        Some(self.key(&[b"signature", file, &start.to_le_bytes(), &end.to_le_bytes(), &[u8::from(broken)]]))
    }

    /// The face of the site whose files are `sources`, read as `parsed`.
    pub fn face(sources: &SourceMap, refs: &[FileRef], parsed: &Parsed) -> Face {
        let bodies: HashMap<_, _> = parsed
            .terms
            .iter()
            .filter(|file| !file.broken)
            .map(|file| (file.file_ref.file, file.body.clone()))
            .collect();
        let mut face = Sha256::new();
        for file_ref in refs {
            let source = sources.get(file_ref.file);
            let path = source.rel_path.to_string_lossy();
            let text = source.text.as_bytes();
            let (before, after) = match bodies.get(&file_ref.file) {
                Some(body) if file_ref.kind == ContentKind::Term => {
                    (text.get(..body.start).unwrap_or(text), text.get(body.end..).unwrap_or_default())
                }
                _ => (text, &[][..]),
            };
            for part in [path.as_bytes(), before, after] {
                face.update((part.len() as u64).to_le_bytes());
                face.update(part);
            }
        }
        Face(face.finalize().into())
    }

    /// What `work()` gives, recalled from the last build when `memo` holds
    /// the record `key` names, and kept for the next build; without a memo
    /// or a key, `work()` alone.
    pub fn recall_or<T: Serialize + DeserializeOwned>(
        memo: Option<&Memo<'_>>,
        key: impl FnOnce(&Memo<'_>) -> Option<Key>,
        work: impl FnOnce() -> T,
    ) -> T {
        let Some((memo, key)) = memo.and_then(|memo| Some((memo, key(memo)?))) else { return work() };
        if let Some(recalled) = memo.recall(&key) {
            return recalled;
        }
        let value = work();
        memo.remember(key, &value);
        value
    }

    /// The record under `key` from the last build, which this build keeps.
    fn recall<T: DeserializeOwned>(&self, key: &Key) -> Option<T> {
        let record = &self.stored[self.index.get(key)?.clone()];
        let value = decoder(record.len()).deserialize(record).ok()?;
        self.keep(key, record);
        self.recalled.fetch_add(1, Ordering::Relaxed);
        Some(value)
    }

    /// Keeps `value` under `key` for the next build.
    fn remember<T: Serialize + ?Sized>(&self, key: Key, value: &T) {
        // A value that cannot be encoded is not kept: the next build works it out again.
        if let Ok(record) = decoder(usize::MAX).serialize(value) {
            self.keep(&key, &record);
        }
    }

    /// How many records were taken from the last build.
    pub fn recalled(&self) -> usize {
        self.recalled.load(Ordering::Relaxed)
    }

    /// How many records this build keeps (recalled or made).
    pub fn kept(&self) -> usize {
        self.kept.load(Ordering::Relaxed)
    }

    /// Ends the file of kept records: whether it is whole.
    pub fn finish(self) -> bool {
        let out = self.out.into_inner().unwrap_or_else(PoisonError::into_inner);
        out.is_some_and(|mut out| out.flush().is_ok())
    }

    fn keep(&self, key: &Key, record: &[u8]) {
        let mut out = self.out.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(file) = out.as_mut() else { return };
        let written = u32::try_from(record.len()).ok().is_some_and(|len| {
            file.write_all(key).is_ok() && file.write_all(&len.to_le_bytes()).is_ok() && file.write_all(record).is_ok()
        });
        if written {
            self.kept.fetch_add(1, Ordering::Relaxed);
        } else {
            *out = None;
        }
    }

    /// A digest of the frame and `parts`, each with its length in front.
    fn key(&self, parts: &[&[u8]]) -> Key {
        let mut key = Sha256::new();
        key.update(self.digest.frame);
        for part in parts {
            key.update((part.len() as u64).to_le_bytes());
            key.update(part);
        }
        key.finalize().into()
    }
}

/// Records are read with a limit of their own length, so a damaged length
/// inside one fails instead of allocating.
fn decoder(limit: usize) -> impl bincode::Options {
    bincode::DefaultOptions::new().with_fixint_encoding().with_limit(limit as u64)
}

/// Where each record lies in a file a memo wrote; `None` for
/// anything else.
fn parse(bytes: &[u8]) -> Option<HashMap<Key, Range<usize>>> {
    let mut at = HEADER.len();
    if bytes.get(..at)? != HEADER {
        return None;
    }
    let mut index = HashMap::new();
    while at < bytes.len() {
        let key: Key = bytes.get(at..at + 32)?.try_into().ok()?;
        let len = u32::from_le_bytes(bytes.get(at + 32..at + 36)?.try_into().ok()?) as usize;
        let start = at + 36;
        bytes.get(start..start + len)?;
        index.insert(key, start..start + len);
        at = start + len;
    }
    Some(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest() -> InputDigest {
        InputDigest {
            stamp: String::new(),
            frame: [1; 32],
            files: [("content/en/terms/a.md".into(), [2; 32])].into_iter().collect(),
        }
    }

    /// A memo of `stored` writing to a buffer the test reads back.
    fn memo(digest: &InputDigest, stored: Vec<u8>) -> (Memo<'_>, Shared) {
        let out = Shared::default();
        (Memo::new(digest, stored, Box::new(out.clone())), out)
    }

    #[derive(Clone, Default)]
    struct Shared(std::sync::Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn bytes(&self) -> Vec<u8> {
            self.0.lock().unwrap().clone()
        }
    }

    #[test]
    fn records_kept_by_one_build_are_recalled_by_the_next() {
        let digest = digest();
        let (first, out) = memo(&digest, Vec::new());
        first.remember([7; 32], &("front", vec![1u32, 2, 3]));
        first.remember([8; 32], &Some(String::from("unused next time")));
        assert!(first.finish());

        let (second, out) = memo(&digest, out.bytes());
        assert_eq!(second.recall::<(String, Vec<u32>)>(&[7; 32]), Some(("front".into(), vec![1, 2, 3])));
        assert_eq!(second.recall::<(String, Vec<u32>)>(&[9; 32]), None);
        second.remember([10; 32], &42u8);
        assert_eq!((second.recalled(), second.kept()), (1, 2));
        assert!(second.finish());

        // Only what the second build recalled or made is kept.
        let (third, _) = memo(&digest, out.bytes());
        assert!(third.recall::<(String, Vec<u32>)>(&[7; 32]).is_some());
        assert_eq!(third.recall::<u8>(&[10; 32]), Some(42));
        assert_eq!(third.recall::<Option<String>>(&[8; 32]), None);
    }

    #[test]
    fn work_is_done_only_without_a_record() {
        let digest = digest();
        let (first, out) = memo(&digest, Vec::new());
        assert_eq!(Memo::recall_or(None, |_| Some([7; 32]), || 1u8), 1);
        assert_eq!(Memo::recall_or(Some(&first), |_| None, || 2u8), 2);
        assert_eq!(Memo::recall_or(Some(&first), |_| Some([7; 32]), || 3u8), 3);
        assert_eq!(first.kept(), 1, "only a value with a key is kept");
        assert!(first.finish());

        let (second, _) = memo(&digest, out.bytes());
        let recalled = Memo::recall_or(Some(&second), |_| Some([7; 32]), || -> u8 { panic!("worked out again") });
        assert_eq!((recalled, second.recalled()), (3, 1));
    }

    #[test]
    fn a_damaged_file_or_record_recalls_nothing() {
        let digest = digest();
        let (first, out) = memo(&digest, Vec::new());
        first.remember([7; 32], &vec![String::from("a"); 3]);
        let bytes = out.bytes();
        for damaged in [b"glossa analysis 0\n".to_vec(), bytes[..bytes.len() - 1].to_vec()] {
            assert_eq!(memo(&digest, damaged).0.recall::<Vec<String>>(&[7; 32]), None);
        }
        // A record that does not decode as the type asked for.
        let (second, _) = memo(&digest, bytes);
        assert_eq!(second.recall::<Vec<(u64, u64, u64, u64)>>(&[7; 32]), None);
        assert_eq!(second.recalled(), 0);
    }

    #[test]
    fn a_failed_write_leaves_the_file_unkept() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let digest = digest();
        let memo = Memo::new(&digest, Vec::new(), Box::new(Full));
        memo.remember([7; 32], &1u8);
        assert!(!memo.finish());
    }

    #[test]
    fn keys_differ_with_every_input() {
        use crate::util::slug::Slug;
        let digest = digest();
        let (keys_of, _) = memo(&digest, Vec::new());
        let path = Path::new("content/en/terms/a.md");
        let file_ref = |file: u32, lang: usize, kind: ContentKind| FileRef {
            file: crate::source::FileId(file),
            lang: LangId(lang),
            kind,
            slug: Slug::parse("a").unwrap(),
            readable: true,
        };
        let term = file_ref(0, 0, ContentKind::Term);
        let keys = [
            keys_of.front_key(&term, path),
            keys_of.front_key(&file_ref(1, 0, ContentKind::Term), path),
            keys_of.front_key(&file_ref(0, 1, ContentKind::Term), path),
            keys_of.front_key(&file_ref(0, 0, ContentKind::Article), path),
            keys_of.markdown_key(Face([0; 32]), path, EntryId(0), LangId(0)),
            keys_of.markdown_key(Face([1; 32]), path, EntryId(0), LangId(0)),
            keys_of.markdown_key(Face([0; 32]), path, EntryId(1), LangId(0)),
            keys_of.markdown_key(Face([0; 32]), path, EntryId(0), LangId(1)),
            keys_of.signature_key(path, &(0..10), false),
            keys_of.signature_key(path, &(1..10), false),
            keys_of.signature_key(path, &(0..10), true),
        ];
        let distinct: std::collections::HashSet<_> = keys.iter().map(|k| k.unwrap()).collect();
        assert_eq!(distinct.len(), keys.len());
        // A file the digest does not know has no key.
        assert_eq!(keys_of.front_key(&term, Path::new("content/en/terms/b.md")), None);
        // Another frame: other keys.
        let other = InputDigest { frame: [3; 32], ..digest.clone() };
        assert_ne!(memo(&other, Vec::new()).0.front_key(&term, path), keys[0]);
    }
}
