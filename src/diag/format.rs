//! The three ways diagnostics are printed: human (with a source snippet and a
//! caret), JSON lines and GitHub workflow annotations.

use std::fmt::Write as _;

use super::{Diagnostic, Diagnostics};
use crate::source::SourceMap;

/// Output format of `glossa check` and `glossa build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Readable text with a source snippet.
    #[default]
    Human,
    /// One JSON object a line.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// Renders every diagnostic in `format`, ending (for `human`) with the summary line.
pub fn render(diags: &Diagnostics, sources: &SourceMap, format: Format, colour: bool) -> String {
    let mut out = String::new();
    for diag in diags.iter() {
        match format {
            Format::Human => human(&mut out, diag, sources, colour),
            Format::Json => json(&mut out, diag, sources),
            Format::Github => github(&mut out, diag, sources),
        }
    }
    if format == Format::Human && !diags.is_empty() {
        let _ = writeln!(out, "{}", summary(diags));
    }
    out
}

/// `N errors, M warnings in K files`.
pub fn summary(diags: &Diagnostics) -> String {
    format!(
        "{} {}, {} {} in {} {}",
        diags.errors(),
        plural(diags.errors(), "error"),
        diags.warnings(),
        plural(diags.warnings(), "warning"),
        diags.files(),
        plural(diags.files(), "file"),
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

struct Location {
    path: String,
    line: usize,
    column: usize,
}

fn location(diag: &Diagnostic, sources: &SourceMap) -> Option<Location> {
    let span = diag.span?;
    let (line, column) = sources.locate(span);
    let path = sources.path(span.file).to_string_lossy().replace('\\', "/");
    Some(Location { path, line, column })
}

fn human(out: &mut String, diag: &Diagnostic, sources: &SourceMap, colour: bool) {
    let (bold, red, yellow, blue, reset) =
        if colour { ("\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;34m", "\x1b[0m") } else { ("", "", "", "", "") };
    let severity_colour = match diag.severity {
        super::Severity::Error => red,
        super::Severity::Warning => yellow,
    };
    let _ = writeln!(
        out,
        "{severity_colour}{}[{}]{reset}{bold}: {}{reset}",
        diag.severity.as_str(),
        diag.code.as_str(),
        diag.message
    );
    if let (Some(loc), Some(span)) = (location(diag, sources), diag.span) {
        let file = sources.get(span.file);
        let gutter = " ".repeat(loc.line.to_string().len());
        let _ = writeln!(out, "{gutter}{blue}-->{reset} {}:{}:{}", loc.path, loc.line, loc.column);
        let range = file.lines.line_range(&file.text, loc.line);
        let line_text = file.text[range.clone()].replace('\t', " ");
        let caret_start = loc.column.saturating_sub(1);
        let span_end = (span.end as usize).clamp(span.start as usize, range.end);
        let span_chars = file.text.get(span.start as usize..span_end).map_or(0, |s| s.chars().count());
        let carets = "^".repeat(span_chars.max(1));
        let _ = writeln!(out, "{gutter} {blue}|{reset}");
        let _ = writeln!(out, "{blue}{}{reset} {blue}|{reset} {line_text}", loc.line);
        let _ = writeln!(out, "{gutter} {blue}|{reset} {}{severity_colour}{carets}{reset}", " ".repeat(caret_start));
    }
    if let Some(help) = &diag.help {
        let _ = writeln!(out, "  = {bold}help{reset}: {help}");
    }
    out.push('\n');
}

#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    code: &'static str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    help: Option<&'a str>,
}

fn json(out: &mut String, diag: &Diagnostic, sources: &SourceMap) {
    let loc = location(diag, sources);
    let record = JsonDiagnostic {
        severity: diag.severity.as_str(),
        code: diag.code.as_str(),
        line: loc.as_ref().map(|l| l.line),
        column: loc.as_ref().map(|l| l.column),
        file: loc.map(|l| l.path),
        message: &diag.message,
        help: diag.help.as_deref(),
    };
    if let Ok(line) = serde_json::to_string(&record) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// GitHub workflow commands: `%`, CR and LF escaped in the message, and also
/// `:` and `,` in properties.
fn github(out: &mut String, diag: &Diagnostic, sources: &SourceMap) {
    let escape_data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let escape_property = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut message = format!("[{}] {}", diag.code.as_str(), diag.message);
    if let Some(help) = &diag.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let mut properties = vec![format!("title={}", escape_property(diag.code.as_str()))];
    if let Some(loc) = location(diag, sources) {
        properties.insert(0, format!("file={},line={},col={}", escape_property(&loc.path), loc.line, loc.column));
    }
    let _ = writeln!(out, "::{} {}::{}", diag.severity.as_str(), properties.join(","), escape_data(&message));
}
