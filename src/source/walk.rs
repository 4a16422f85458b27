//! Walking one folder of the site (`content/`, `templates/`, `static/`),
//! sorted by name. Symbolic links are followed while they stay inside the
//! site folder; a link that leaves it is reported and never read, so neither
//! `build` nor `serve` can publish a file from elsewhere on the machine
//! (`static/env -> /proc/self/environ`). Hidden entries are skipped.

use std::path::{Path, PathBuf};

/// One entry found under the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A regular file (or a link to one inside the site).
    File {
        /// Path relative to the site root.
        rel: PathBuf,
        /// Path to read it from.
        path: PathBuf,
    },
    /// A folder (its contents follow).
    Folder {
        /// Path relative to the site root.
        rel: PathBuf,
    },
    /// A symbolic link whose target is outside the site folder: not followed.
    Outside {
        /// The link, relative to the site root.
        rel: PathBuf,
        /// Where it points, resolved.
        target: PathBuf,
    },
    /// An entry that cannot be read: a dangling link, a loop, no permission.
    Unreadable {
        /// Path relative to the site root.
        rel: PathBuf,
        /// Why.
        reason: String,
    },
}

/// Every entry under `root/folder`, in sorted order; nothing when the folder
/// does not exist.
pub fn walk(root: &Path, folder: &str) -> Vec<Found> {
    let dir = root.join(folder);
    if std::fs::symlink_metadata(&dir).is_err() {
        return Vec::new();
    }
    let site = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let relative = |path: &Path| path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let mut found = Vec::new();
    let mut entries = walkdir::WalkDir::new(&dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let rel = relative(error.path().unwrap_or(&dir));
                let reason = if error.loop_ancestor().is_some() {
                    format!("is a symbolic link loop: {error}")
                } else {
                    format!("cannot be read: {error}")
                };
                found.push(Found::Unreadable { rel, reason });
                continue;
            }
        };
        let rel = relative(entry.path());
        if entry.path_is_symlink() {
            match std::fs::canonicalize(entry.path()) {
                Ok(target) if !target.starts_with(&site) => {
                    if entry.file_type().is_dir() {
                        entries.skip_current_dir();
                    }
                    found.push(Found::Outside { rel, target });
                    continue;
                }
                Ok(_) => {}
                Err(error) => {
                    found.push(Found::Unreadable { rel, reason: format!("cannot be read: {error}") });
                    continue;
                }
            }
        }
        if entry.file_type().is_dir() {
            found.push(Found::Folder { rel });
        } else if entry.file_type().is_file() {
            found.push(Found::File { rel, path: entry.into_path() });
        }
    }
    found
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn rels(found: &[Found]) -> Vec<String> {
        found
            .iter()
            .map(|f| match f {
                Found::File { rel, .. } => format!("file {}", rel.display()),
                Found::Folder { rel } => format!("folder {}", rel.display()),
                Found::Outside { rel, .. } => format!("outside {}", rel.display()),
                Found::Unreadable { rel, .. } => format!("unreadable {}", rel.display()),
            })
            .collect()
    }

    #[test]
    fn follows_links_inside_the_site_and_refuses_the_rest() {
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(elsewhere.path().join("secret.txt"), "secret").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::create_dir_all(root.join("static/img")).unwrap();
        std::fs::create_dir_all(root.join("assets")).unwrap();
        std::fs::write(root.join("assets/logo.svg"), "<svg/>").unwrap();
        std::fs::write(root.join("static/img/a.png"), "png").unwrap();
        std::fs::write(root.join("static/.hidden"), "no").unwrap();
        symlink(root.join("assets"), root.join("static/assets")).unwrap();
        symlink(elsewhere.path().join("secret.txt"), root.join("static/leak.txt")).unwrap();
        symlink(elsewhere.path(), root.join("static/elsewhere")).unwrap();
        symlink("/etc/passwd", root.join("static/passwd")).unwrap();
        symlink(root.join("nowhere"), root.join("static/dangling")).unwrap();
        let found = walk(root, "static");
        assert_eq!(
            rels(&found),
            [
                "folder static",
                "folder static/assets",
                "file static/assets/logo.svg",
                "unreadable static/dangling",
                "outside static/elsewhere",
                "folder static/img",
                "file static/img/a.png",
                "outside static/leak.txt",
                "outside static/passwd",
            ]
        );
    }

    #[test]
    fn a_folder_that_is_itself_a_link_outside_is_refused() {
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(elsewhere.path().join("x.html"), "x").unwrap();
        let site = tempfile::tempdir().unwrap();
        symlink(elsewhere.path(), site.path().join("templates")).unwrap();
        assert_eq!(rels(&walk(site.path(), "templates")), ["outside templates"]);
        assert!(walk(site.path(), "static").is_empty());
    }
}
