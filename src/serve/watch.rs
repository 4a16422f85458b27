//! Watching the site's sources: content/, templates/, static/ and
//! site.yaml, debounced, each batch of changes handed to the builder. Reads
//! by the server are ignored, and the output folder is never watched, so
//! serving cannot trigger rebuilds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

use super::rebuild::{publish, publish_files, publish_problems, Builder};
use super::Shared;
use crate::error::Error;
use crate::util::text::printable;

/// How long to wait for more changes before rebuilding.
pub(super) const DEBOUNCE: Duration = Duration::from_millis(50);

/// How long the sources must stay unchanged before the slower lints run.
const IDLE_BEFORE_REFRESH: Duration = Duration::from_millis(400);

/// The folders watched recursively (the root itself is watched on its own).
const SOURCE_FOLDERS: [&str; 3] = ["content", "templates", "static"];

/// Keeps the watch alive; dropping it stops watching.
pub(super) struct Watch {
    _watcher: Arc<Mutex<Watcher>>,
}

/// The debouncer and which folder it watches, by identity: a folder deleted
/// and made again (a branch switch) is a new folder to watch.
struct Watcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    watched: BTreeMap<&'static str, FolderId>,
}

/// What tells two folders at one path apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FolderId(u64, u64);

impl Watcher {
    /// Watches every source folder that exists now and is not watched yet
    /// as itself; forgets those that are gone.
    fn reconcile(&mut self) {
        for folder in SOURCE_FOLDERS {
            let path = self.root.join(folder);
            let now = folder_id(&path);
            let before = self.watched.get(folder).copied();
            if now == before {
                continue;
            }
            if before.is_some() {
                let _ = self.debouncer.unwatch(&path);
                self.watched.remove(folder);
            }
            if let Some(id) = now {
                match self.debouncer.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(folder, id);
                    }
                    Err(e) => eprintln!("cannot watch {}: {e}", path.display()),
                }
            }
        }
    }
}

#[cfg(unix)]
fn folder_id(path: &Path) -> Option<FolderId> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().filter(std::fs::Metadata::is_dir).map(|m| FolderId(m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn folder_id(path: &Path) -> Option<FolderId> {
    // No inode to compare: a folder that exists is watched again after each
    // change at the root, which is harmless.
    path.is_dir().then_some(FolderId(0, 0))
}

/// Starts watching the site at `root`, then builds it on the watcher's own
/// thread (where every rebuild runs). The receiver reports the first build.
pub(super) fn start(
    root: &Path,
    mut builder: Builder,
    shared: Arc<Shared>,
) -> Result<(Watch, std::sync::mpsc::Receiver<()>), Error> {
    // Events carry absolute paths: compare them with the absolute root.
    let root = std::fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
    let (tx, rx) = std::sync::mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(DEBOUNCE, None, tx).map_err(|source| Error::Watch { path: root.clone(), source })?;
    // The root itself, not recursively: site.yaml, and source folders that
    // appear, disappear or are replaced.
    debouncer
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|source| Error::Watch { path: root.clone(), source })?;
    let watcher = Arc::new(Mutex::new(Watcher { debouncer, root: root.clone(), watched: BTreeMap::new() }));
    lock(&watcher).reconcile();
    let (first_tx, first_rx) = std::sync::mpsc::channel();
    let thread_watcher = Arc::clone(&watcher);
    std::thread::spawn(move || {
        publish_build(&shared, builder.build(&[]), true);
        let _ = first_tx.send(());
        // After an in-place rebuild the lints that compare terms and the data
        // files with every term's text are behind; they follow once no
        // further change arrives for a moment.
        let mut refresh_pending = false;
        loop {
            let batch = if refresh_pending {
                match rx.recv_timeout(IDLE_BEFORE_REFRESH) {
                    Ok(batch) => batch,
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                        refresh_pending = false;
                        let previous = shared.snapshot().1;
                        match builder.refresh(&previous) {
                            Ok(refreshed) => {
                                if let Some(files) = refreshed.files {
                                    publish_files(&shared, files);
                                }
                                if let Some(problems) = refreshed.problems {
                                    publish_problems(&shared, &problems);
                                }
                            }
                            Err(error) => {
                                publish_build(&shared, Err(error), false);
                            }
                        }
                        continue;
                    }
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
                }
            } else {
                match rx.recv() {
                    Ok(batch) => batch,
                    Err(_) => break,
                }
            };
            let mut changed = relevant(&root, batch);
            // Fold in whatever else arrived meanwhile: one rebuild per burst.
            while let Ok(more) = rx.try_recv() {
                changed.extend(relevant(&root, more));
            }
            if changed.is_empty() {
                continue;
            }
            changed.sort();
            changed.dedup();
            // A source folder replaced or created since: watch the new one
            // before reading it, so no later edit in it is missed.
            if changed.iter().any(|path| path.parent() == Some(root.as_path())) {
                lock(&thread_watcher).reconcile();
            }
            refresh_pending = publish_build(&shared, builder.build(&changed), false);
        }
    });
    Ok((Watch { _watcher: watcher }, first_rx))
}

fn lock(watcher: &Mutex<Watcher>) -> std::sync::MutexGuard<'_, Watcher> {
    watcher.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Publishes a rebuild, or the error that stopped it (a template that does
/// not parse, a file that cannot be read) as a problem in the overlay.
/// Returns whether the build was applied in place.
fn publish_build(shared: &Shared, result: Result<super::rebuild::BuildResult, Error>, first: bool) -> bool {
    match result {
        Ok(result) => {
            let in_place = result.in_place;
            publish(shared, result, first);
            in_place
        }
        Err(error) => {
            let problem = super::rebuild::Problem::from_error(&error);
            eprintln!("{} error[{}]: {}", printable(&problem.location), problem.code, printable(&problem.message));
            eprintln!("  still serving the last good build");
            publish_problems(shared, &[problem]);
            false
        }
    }
}

/// The changed paths that matter: sources only, never reads, never hidden
/// or editor temporary files.
fn relevant(root: &Path, batch: DebounceEventResult) -> Vec<PathBuf> {
    let Ok(events) = batch else { return Vec::new() };
    events
        .into_iter()
        .filter(|e| !matches!(e.event.kind, EventKind::Access(_)))
        .flat_map(|e| e.event.paths)
        .filter(|path| is_source(root, path))
        .collect()
}

/// Whether `path` is one of the site's sources.
pub(super) fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let Some(first) = parts.first() else { return false };
    let name = parts.last().map_or("", String::as_str);
    let temporary = name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".tmp");
    if temporary || parts.iter().any(|p| p.starts_with('.')) {
        return false;
    }
    match first.as_str() {
        "site.yaml" => parts.len() == 1,
        "content" | "templates" | "static" => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_source;
    use std::path::Path;

    #[test]
    fn only_sources_trigger_rebuilds() {
        let root = Path::new("/site");
        for (path, wanted) in [
            ("/site/site.yaml", true),
            ("/site/content/en/terms/x.md", true),
            ("/site/templates/term.html", true),
            ("/site/static/style.css", true),
            ("/site/public/en/index.html", false),
            ("/site/content/en/terms/.x.md.swp", false),
            ("/site/content/en/terms/x.md~", false),
            ("/site/README.md", false),
            ("/elsewhere/site.yaml", false),
        ] {
            assert_eq!(is_source(root, Path::new(path)), wanted, "{path}");
        }
    }
}
