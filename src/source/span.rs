//! Byte spans into source files and their conversion to 1-based line:column,
//! done in this one place for every diagnostic.

use std::path::{Path, PathBuf};

/// Index of a file in the [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span covering `range` in `file`.
    pub fn new(file: FileId, range: std::ops::Range<usize>) -> Span {
        Span { file, start: clamp(range.start), end: clamp(range.end.max(range.start)) }
    }

    /// An empty span at the start of `file`: for problems with the file as a whole.
    pub fn file_start(file: FileId) -> Span {
        Span { file, start: 0, end: 0 }
    }
}

/// A value with the span it was read from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

fn clamp(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// Line starts of one text, for offset → (line, column) lookups.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`. A `\r\n` counts as one line break.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of byte `offset` in `text`.
    pub fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let start = self.starts[line - 1];
        let column = text[start..offset].chars().count() + 1;
        (line, column)
    }

    /// [`LineIndex::locate`] for many offsets at once, in any order. Offsets
    /// on one line are counted from each other, not each from the line's
    /// start, so a thousand problems on one long line cost one pass over it.
    pub fn locate_all(&self, text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut found = vec![(1, 1); offsets.len()];
        let mut previous: Option<(usize, usize, usize)> = None; // (offset, line, column)
        for i in order {
            let offset = floor_char_boundary(text, offsets[i].min(text.len()));
            let line = self.starts.partition_point(|&start| start <= offset).max(1);
            let column = match previous {
                Some((at, same_line, column)) if same_line == line => column + text[at..offset].chars().count(),
                _ => text[self.starts[line - 1]..offset].chars().count() + 1,
            };
            previous = Some((offset, line, column));
            found[i] = (line, column);
        }
        found
    }

    /// Byte range of 1-based `line`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(text.len());
        let end = self.starts.get(line).map_or(text.len(), |next| next - 1);
        let end = if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') { end - 1 } else { end };
        start..end.max(start)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One file read from the site.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the site root, with `/` separators.
    pub rel_path: PathBuf,
    /// The text (BOM kept, so offsets are the file's own).
    pub text: String,
    /// Line index of `text`.
    pub lines: LineIndex,
}

/// Every file read from the site, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// Adds a file and returns its id.
    pub fn add(&mut self, rel_path: PathBuf, text: String) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        let lines = LineIndex::new(&text);
        self.files.push(SourceFile { rel_path, text, lines });
        id
    }

    /// Replaces the text of file `id` (the dev server, after an edit).
    pub fn replace(&mut self, id: FileId, text: String) {
        if let Some(file) = self.files.get_mut(id.0 as usize) {
            file.lines = LineIndex::new(&text);
            file.text = text;
        }
    }

    /// The file with id `id`.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Path of `id` relative to the root.
    pub fn path(&self, id: FileId) -> &Path {
        &self.get(id).rel_path
    }

    /// 1-based line and column of the start of `span`.
    pub fn locate(&self, span: Span) -> (usize, usize) {
        let file = self.get(span.file);
        file.lines.locate(&file.text, span.start as usize)
    }

    /// 1-based line and column of the start of each span, located file by
    /// file in one pass (see [`LineIndex::locate_all`]).
    pub fn locate_all(&self, spans: &[Span]) -> Vec<(usize, usize)> {
        let mut found = vec![(1, 1); spans.len()];
        let mut by_file: std::collections::BTreeMap<FileId, Vec<usize>> = std::collections::BTreeMap::new();
        for (i, span) in spans.iter().enumerate() {
            by_file.entry(span.file).or_default().push(i);
        }
        for (file, indices) in by_file {
            let source = self.get(file);
            let offsets: Vec<usize> = indices.iter().map(|&i| spans[i].start as usize).collect();
            for (&i, location) in indices.iter().zip(source.lines.locate_all(&source.text, &offsets)) {
                found[i] = location;
            }
        }
        found
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file was read.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_offsets_in_lines_and_characters() {
        let text = "ab\r\n한국어 x\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.locate(text, 0), (1, 1));
        assert_eq!(index.locate(text, 1), (1, 2));
        let x = text.find('x').unwrap();
        assert_eq!(index.locate(text, x), (2, 5));
        assert_eq!(index.locate(text, text.len()), (3, 5));
        assert_eq!(index.locate(text, x - 1), (2, 4));
        // An offset inside a multi-byte character rounds down to its start.
        assert_eq!(index.locate(text, 5), (2, 1));
    }

    #[test]
    fn locating_many_offsets_at_once_agrees_with_one_at_a_time() {
        let text = "ab\r\n한국어 x\nlast 한 줄\n";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len()).rev().collect();
        let one_by_one: Vec<(usize, usize)> = offsets.iter().map(|&o| index.locate(text, o)).collect();
        assert_eq!(index.locate_all(text, &offsets), one_by_one);
    }

    #[test]
    fn line_ranges_exclude_line_breaks() {
        let text = "ab\r\ncd\nef";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.line_range(text, 1)], "ab");
        assert_eq!(&text[index.line_range(text, 2)], "cd");
        assert_eq!(&text[index.line_range(text, 3)], "ef");
    }
}
