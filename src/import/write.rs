//! Writes planned term files. Each is written whole into a temporary file
//! beside its place and then moved there without replacing anything, so a
//! file is never half-written and one that appeared meanwhile is kept.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::front;
use super::plan::Planned;
use crate::error::Error;

/// What was written.
#[derive(Debug, Default)]
pub struct Written {
    /// Files written, relative to the root.
    pub files: Vec<PathBuf>,
    /// Files that appeared between planning and writing: left as they are.
    pub appeared: Vec<PathBuf>,
}

/// Writes every planned file under `root`.
pub fn write_all(root: &Path, planned: &[Planned]) -> Result<Written, Error> {
    let mut written = Written::default();
    for file in planned {
        let path = root.join(&file.rel);
        let folder = path.parent().unwrap_or(root);
        std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        let mut temporary = temporary_builder().tempfile_in(folder).map_err(|e| Error::io(folder, e))?;
        temporary.write_all(front::render(&file.entry).as_bytes()).map_err(|e| Error::io(temporary.path(), e))?;
        match temporary.persist_noclobber(&path) {
            Ok(_) => written.files.push(file.rel.clone()),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => written.appeared.push(file.rel.clone()),
            Err(e) => return Err(Error::io(&path, e.error)),
        }
    }
    Ok(written)
}

/// Temporary files named so no content walk takes them for a term, with the
/// permissions of any file the user creates (tempfile's own are owner-only).
fn temporary_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".glossa-import-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}
