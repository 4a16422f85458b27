//! `--minify`: a conservative, deterministic size reduction of HTML, CSS and
//! JavaScript on their way to the output. Only whitespace at the start of
//! lines and empty lines go (and CSS comments); `<pre>`, `<textarea>` and
//! inline `<script>`/`<style>` contents are kept byte for byte.

use super::{Buffered, FileStream, OutputSink};
use crate::error::Error;

/// Wraps a sink, minifying what it writes.
pub struct MinifySink<'a> {
    inner: &'a dyn OutputSink,
}

impl<'a> MinifySink<'a> {
    /// Minifies what goes into `inner`.
    pub fn new(inner: &'a dyn OutputSink) -> MinifySink<'a> {
        MinifySink { inner }
    }
}

impl OutputSink for MinifySink<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        let Ok(text) = std::str::from_utf8(bytes) else { return self.inner.write(path, bytes) };
        let minified = match minifier(path) {
            Some(minify) => minify(text),
            None => return self.inner.write(path, bytes),
        };
        self.inner.write(path, minified.as_bytes())
    }

    /// Files that are minified are gathered and minified whole; others stream through.
    fn open<'s>(&'s self, path: &str) -> Result<Box<dyn FileStream + 's>, Error> {
        match minifier(path) {
            Some(_) => Ok(Box::new(Buffered { sink: self, path: path.to_owned(), bytes: Vec::new() })),
            None => self.inner.open(path),
        }
    }

    /// The previous build's file was minified as this one would be.
    fn link(&self, path: &str, from: &std::path::Path) -> Result<bool, Error> {
        self.inner.link(path, from)
    }

    fn unlink(&self, path: &str) -> Result<(), Error> {
        self.inner.unlink(path)
    }
}

/// How a file at `path` is minified, if it is.
fn minifier(path: &str) -> Option<fn(&str) -> String> {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => Some(html),
        Some("css") => Some(css),
        Some("js") if !path.starts_with("pagefind/") => Some(lines),
        _ => None,
    }
}

/// Drops leading whitespace and empty lines.
fn lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let trimmed = line.trim_start();
        if !trimmed.is_empty() {
            out.push_str(trimmed);
            out.push('\n');
        }
    }
    out
}

/// HTML: indentation and empty lines go, except inside elements whose
/// whitespace matters.
fn html(text: &str) -> String {
    const KEEP: [(&str, &str); 4] =
        [("<pre", "</pre>"), ("<textarea", "</textarea>"), ("<script", "</script>"), ("<style", "</style>")];
    let mut out = String::with_capacity(text.len());
    let mut inside: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let lower = line.to_ascii_lowercase();
        match inside {
            Some(close) => {
                out.push_str(line);
                if lower.contains(close) {
                    inside = None;
                }
                continue;
            }
            None => {
                let trimmed = line.trim_start();
                if !trimmed.trim().is_empty() {
                    out.push_str(trimmed);
                }
            }
        }
        // An element opened on this line and not closed after it keeps the following lines.
        inside = KEEP
            .iter()
            .filter_map(|(open, close)| lower.rfind(open).map(|at| (at, *close)))
            .max_by_key(|(at, _)| *at)
            .filter(|(at, close)| !lower[*at..].contains(close))
            .map(|(_, close)| close);
    }
    out
}

/// CSS: comments, indentation and empty lines go.
fn css(text: &str) -> String {
    let mut without_comments = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        match rest[start..].find("*/") {
            Some(end) => rest = &rest[start + end + 2..],
            None => {
                rest = "";
                break;
            }
        }
    }
    without_comments.push_str(rest);
    lines(&without_comments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_preformatted_text() {
        let page = "<div>\n    <p>a</p>\n\n<pre><code>  x\n    y\n</code></pre>\n    <p>b</p>\n</div>\n";
        assert_eq!(html(page), "<div>\n<p>a</p>\n<pre><code>  x\n    y\n</code></pre>\n<p>b</p>\n</div>\n");
    }

    #[test]
    fn chunked_files_are_minified_like_whole_ones_and_others_pass_untouched() {
        let memory = crate::output::MemorySink::default();
        let sink = MinifySink::new(&memory);
        for (path, pieces) in [
            ("a/index.html", [&b"<div>\n    <p>a</p>"[..], b"\n\n</div>\n"]),
            ("glossary.csv", [&b"slug,title\n"[..], b"  a,  A\n"]),
        ] {
            let mut file = sink.open(path).unwrap();
            for piece in pieces {
                file.write(piece).unwrap();
            }
            file.finish().unwrap();
        }
        let files = memory.into_files();
        assert_eq!(files["a/index.html"], b"<div>\n<p>a</p>\n</div>\n");
        assert_eq!(files["glossary.csv"], b"slug,title\n  a,  A\n");
    }

    #[test]
    fn strips_css_comments() {
        assert_eq!(css("/* a */\n  body {\n    color: red; /* b */\n  }\n"), "body {\ncolor: red; \n}\n");
    }
}
