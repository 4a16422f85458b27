//! The three ways diagnostics are printed: human (with a source snippet and a
//! caret), JSON lines and GitHub workflow annotations.

use std::fmt::Write as _;

use super::{Diagnostic, Diagnostics, Location};
use crate::source::SourceMap;
use crate::util::text::printable;

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
    for (diag, location) in diags.located() {
        match format {
            Format::Human => human(&mut out, diag, location, sources, colour),
            Format::Json => json(&mut out, diag, location),
            Format::Github => github(&mut out, diag, location),
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

/// How many characters of a long source line are shown on each side of the caret.
const SNIPPET_REACH: usize = 60;

fn human(out: &mut String, diag: &Diagnostic, location: Option<&Location>, sources: &SourceMap, colour: bool) {
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
        printable(&diag.message)
    );
    if let (Some(loc), Some(span)) = (location, diag.span) {
        let file = sources.get(span.file);
        let gutter = " ".repeat(loc.line.to_string().len());
        let _ = writeln!(out, "{gutter}{blue}-->{reset} {}:{}:{}", printable(&loc.path), loc.line, loc.column);
        let line = file.lines.line_range(&file.text, loc.line);
        let (shown, caret_at, carets) = snippet(&file.text, line, span.start as usize, span.end as usize);
        let _ = writeln!(out, "{gutter} {blue}|{reset}");
        let _ = writeln!(out, "{blue}{}{reset} {blue}|{reset} {shown}", loc.line);
        let _ = writeln!(
            out,
            "{gutter} {blue}|{reset} {}{severity_colour}{}{reset}",
            " ".repeat(caret_at),
            "^".repeat(carets)
        );
    }
    if let Some(help) = &diag.help {
        let _ = writeln!(out, "  = {bold}help{reset}: {}", printable(help));
    }
    out.push('\n');
}

/// The part of the source line `line` shown under a diagnostic at bytes
/// `start..end`: the whole line, or for a long one the characters around
/// the span with `…` where it was cut, made printable. Returns it with the
/// caret's column in it and the number of carets. Works on bytes near the
/// span only, so many diagnostics on one long line stay cheap.
fn snippet(text: &str, line: std::ops::Range<usize>, start: usize, end: usize) -> (String, usize, usize) {
    let floor = |mut at: usize| {
        while at > line.start && !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = floor(start.clamp(line.start, line.end));
    let end = floor(end.clamp(start, line.end));
    // At most SNIPPET_REACH characters before the span, looked for in the
    // bytes just before it (a character is at most 4 bytes).
    let look_back = floor(start.saturating_sub(SNIPPET_REACH * 4).max(line.start));
    let before = &text[look_back..start];
    let skip = before.chars().count().saturating_sub(SNIPPET_REACH);
    let shown_from = before.char_indices().nth(skip).map_or(start, |(i, _)| look_back + i);
    let shown_before = &text[shown_from..start];
    let cut_before = shown_from > line.start;
    let span_chars = text[start..end].chars().take(SNIPPET_REACH).count().max(1);
    let after_end = text[start..line.end].char_indices().nth(SNIPPET_REACH * 2).map_or(line.end, |(i, _)| start + i);
    let mut shown = String::new();
    if cut_before {
        shown.push('…');
    }
    shown.push_str(&text[shown_from..after_end]);
    if after_end < line.end {
        shown.push('…');
    }
    let caret_at = shown_before.chars().count() + usize::from(cut_before);
    (printable(&shown).replace('\u{2409}', " "), caret_at, span_chars)
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

fn json(out: &mut String, diag: &Diagnostic, location: Option<&Location>) {
    let record = JsonDiagnostic {
        severity: diag.severity.as_str(),
        code: diag.code.as_str(),
        line: location.map(|l| l.line),
        column: location.map(|l| l.column),
        file: location.map(|l| l.path.clone()),
        message: &diag.message,
        help: diag.help.as_deref(),
    };
    if let Ok(line) = serde_json::to_string(&record) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// GitHub workflow commands: `%`, CR and LF escaped in the message, and also
/// `:` and `,` in properties. Other control characters are made visible, so
/// a value from content can neither end the command nor colour the log.
fn github(out: &mut String, diag: &Diagnostic, location: Option<&Location>) {
    let escape_data = |s: &str| {
        let escaped = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
        printable(&escaped).into_owned()
    };
    let escape_property = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut message = format!("[{}] {}", diag.code.as_str(), diag.message);
    if let Some(help) = &diag.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let mut properties = vec![format!("title={}", escape_property(diag.code.as_str()))];
    if let Some(loc) = location {
        properties.insert(0, format!("file={},line={},col={}", escape_property(&loc.path), loc.line, loc.column));
    }
    let _ = writeln!(out, "::{} {}::{}", diag.severity.as_str(), properties.join(","), escape_data(&message));
}
