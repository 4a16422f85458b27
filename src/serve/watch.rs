//! Watching the site's sources: content/, templates/, static/ and
//! site.yaml, debounced, each batch of changes handed to the builder. Reads
//! by the server are ignored, and the output folder is never watched, so
//! serving cannot trigger rebuilds.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

use super::rebuild::{publish, publish_problems, Builder};
use super::Shared;
use crate::error::Error;

/// How long to wait for more changes before rebuilding.
pub(super) const DEBOUNCE: Duration = Duration::from_millis(50);

/// How long the sources must stay unchanged before the slower lints run.
const IDLE_BEFORE_REFRESH: Duration = Duration::from_millis(400);

/// Keeps the watch alive; dropping it stops watching.
pub(super) struct Watch {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

/// Starts watching the site at `root`, then builds it on the watcher's own
/// thread (where every rebuild runs). The receiver reports the first build.
pub(super) fn start(
    root: &Path,
    mut builder: Builder,
    shared: Arc<Shared>,
) -> Result<(Watch, std::sync::mpsc::Receiver<Result<(), Error>>), Error> {
    // Events carry absolute paths: compare them with the absolute root.
    let root = std::fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
    let root = root.as_path();
    let (tx, rx) = std::sync::mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(DEBOUNCE, None, tx).map_err(|e| Error::Usage(format!("cannot watch files: {e}")))?;
    // The root itself (not recursively) for site.yaml and new folders, and
    // each source folder recursively.
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", root.display())))?;
    for folder in ["content", "templates", "static"] {
        let path = root.join(folder);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", path.display())))?;
        }
    }
    let root = root.to_path_buf();
    let (first_tx, first_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        match builder.build(&[]) {
            Ok(result) => {
                publish(&shared, result, true);
                let _ = first_tx.send(Ok(()));
            }
            Err(error) => {
                let _ = first_tx.send(Err(error));
                return;
            }
        }
        // After an in-place rebuild the lints that compare terms are stale;
        // they run once no further change arrives for a moment.
        let mut refresh_pending = false;
        loop {
            let batch = if refresh_pending {
                match rx.recv_timeout(IDLE_BEFORE_REFRESH) {
                    Ok(batch) => batch,
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                        refresh_pending = false;
                        let previous = shared.snapshot().1;
                        if let Some(problems) = builder.refresh(&previous) {
                            publish_problems(&shared, &problems);
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
            match builder.build(&changed) {
                Ok(result) => {
                    refresh_pending = result.in_place;
                    publish(&shared, result, false);
                }
                Err(error) => eprintln!("rebuild failed: {error}"),
            }
        }
    });
    Ok((Watch { _debouncer: debouncer }, first_rx))
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
