//! The output folder a build replaces: found through symbolic links, and
//! checked so that replacing it can never delete the user's files.

use std::path::{Path, PathBuf};

use super::MARKER_FILE;
use crate::config::CONFIG_FILE;
use crate::error::Error;
use crate::source::discover::CONTENT_DIR;

/// How many symbolic links in a row an output path may go through.
const MAX_LINKS: usize = 40;

/// The site's folders a build reads: an output inside one would be read
/// back into the next build, or copied into itself.
const SOURCE_FOLDERS: [&str; 3] = [CONTENT_DIR, "templates", "static"];

/// A checked output folder.
#[derive(Debug, Clone)]
pub struct Target {
    /// The folder to replace: `--out` with symbolic links at its end
    /// resolved, so a link (`public -> /srv/www/site`) stays in place and the
    /// folder it names is what gets replaced.
    pub dir: PathBuf,
    /// Whether the folder is a mount point: it cannot be renamed or swapped,
    /// so the new site is staged inside it instead of beside it.
    pub mount_point: bool,
}

impl Target {
    /// Resolves `out` and refuses an output folder whose replacement could
    /// delete the user's files: the root itself or any folder above it, a
    /// folder holding site.yaml or content/, a folder inside content/,
    /// templates/ or static/, and a non-empty folder glossa did not make.
    pub fn new(root: &Path, out: &Path) -> Result<Target, Error> {
        let dir = follow_links(out)?;
        let refuse = |why: &str| {
            let shown = if dir == out {
                format!("`{}`", out.display())
            } else {
                format!("`{}` (a link to `{}`)", out.display(), dir.display())
            };
            Err(Error::Usage(format!("refusing to use {shown} as the output folder: {why}")))
        };
        if dir.join(CONFIG_FILE).exists() || dir.join(CONTENT_DIR).exists() {
            return refuse("it holds a site (site.yaml or content/)");
        }
        let root_abs = std::fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
        let dir_abs = absolute(&dir)?;
        if root_abs.starts_with(&dir_abs) {
            return refuse("it is the site root or contains it");
        }
        for folder in SOURCE_FOLDERS {
            let source = std::fs::canonicalize(root.join(folder)).unwrap_or_else(|_| root_abs.join(folder));
            if dir_abs.starts_with(&source) {
                return refuse(&format!(
                    "it is inside the site's {folder}/ folder, which every build reads; choose a folder outside it"
                ));
            }
        }
        let mut mount_point = false;
        if let Ok(metadata) = std::fs::metadata(&dir) {
            if !metadata.is_dir() {
                return refuse("it is not a folder");
            }
            let mut entries = std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))?;
            let empty = entries.next().is_none();
            if !empty && !dir.join(MARKER_FILE).is_file() {
                return refuse(
                    "it is not empty and was not made by glossa (no .glossa-output file); remove it or choose another --out",
                );
            }
            mount_point = is_mount_point(&dir_abs);
        }
        Ok(Target { dir, mount_point })
    }

    /// The folder the output lives in.
    pub fn parent(&self) -> &Path {
        self.dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
    }

    /// The output folder's own name.
    pub fn name(&self) -> String {
        self.dir.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned())
    }
}

/// `path` with every symbolic link at its end replaced by what it names
/// (relative targets read from the link's folder). A path that is no link
/// comes back as it is.
fn follow_links(path: &Path) -> Result<PathBuf, Error> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = std::fs::read_link(&current).map_err(|e| Error::io(&current, e))?;
                current = match current.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(Error::Usage(format!("`{}` goes through more than {MAX_LINKS} symbolic links", path.display())))
}

/// Whether `dir` (absolute) is a mount point: on another device than its parent.
#[cfg(unix)]
fn is_mount_point(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let device = |p: &Path| std::fs::metadata(p).map(|m| m.dev()).ok();
    match (device(dir), dir.parent().and_then(device)) {
        (Some(own), Some(parent)) => own != parent,
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_: &Path) -> bool {
    false
}

/// `path` made absolute, resolving symlinks in the part that exists.
fn absolute(path: &Path) -> Result<PathBuf, Error> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_err(|e| Error::io(".", e))?.join(path)
    };
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut resolved = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    for part in rest.iter().rev() {
        if part == ".." {
            resolved.pop();
        } else if part != "." {
            resolved.push(part);
        }
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join(CONFIG_FILE), "title: x\n").unwrap();
        for folder in SOURCE_FOLDERS {
            std::fs::create_dir(root.path().join(folder)).unwrap();
        }
        root
    }

    #[test]
    fn refuses_outputs_that_would_delete_or_nest_the_site() {
        let root = site();
        let r = root.path();
        for bad in [r.to_path_buf(), r.join(".."), r.join("static/out"), r.join("templates"), r.join("content/x/y")] {
            assert!(Target::new(r, &bad).is_err(), "{}", bad.display());
        }
        std::fs::create_dir(r.join("mine")).unwrap();
        std::fs::write(r.join("mine/notes.txt"), "mine").unwrap();
        assert!(Target::new(r, &r.join("mine")).is_err());
        assert!(Target::new(r, &r.join("public")).is_ok());
        assert!(Target::new(r, &r.join("deep/new/public")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_names_the_folder_it_points_to_and_is_checked_as_that_folder() {
        let root = site();
        let r = root.path();
        let served = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(served.path(), r.join("public")).unwrap();
        std::os::unix::fs::symlink("public", r.join("again")).unwrap();
        let target = Target::new(r, &r.join("again")).unwrap();
        assert_eq!(target.dir, served.path());
        std::os::unix::fs::symlink(r.join("static"), r.join("sneaky")).unwrap();
        let refused = Target::new(r, &r.join("sneaky")).unwrap_err().to_string();
        assert!(refused.contains("a link to") && refused.contains("static/"), "{refused}");
        std::os::unix::fs::symlink("loop", r.join("loop")).unwrap();
        assert!(Target::new(r, &r.join("loop")).unwrap_err().to_string().contains("symbolic links"));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn mount_points_are_recognised() {
        assert!(is_mount_point(Path::new("/proc")));
        let dir = tempfile::tempdir().unwrap();
        assert!(!is_mount_point(dir.path()));
    }
}
