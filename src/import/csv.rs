//! The CSV reader: a header row naming the columns (any order; `slug`,
//! `language`, `title` and `summary` required), then one row per term and
//! language. Each row is read whole or rejected with a diagnostic at the
//! cell at fault.

use std::collections::BTreeMap;
use std::ops::Range;

use super::{cells, Entry, Read, TermWide};
use crate::config::{LangId, SiteConfig};
use crate::diag::{Code, Diagnostic};
use crate::model::TermStatus;
use crate::source::{FileId, Span};
use crate::util::slug::{self, Slug};

/// Every column, in the order the CSV export writes them.
pub const COLUMNS: &[&str] = &crate::render::data::csv::HEADER;

const REQUIRED: &[&str] = &["slug", "language", "title", "summary"];

/// Columns that belong to the term: read from default-language rows only.
const TERM_COLUMNS: &[&str] =
    &["tags", "prerequisites", "related", "status", "use", "autolink", "draft", "redirect_from"];

/// Reads every row of `text`.
pub fn read(text: &str, file: FileId, config: &SiteConfig) -> Read {
    let mut read = Read::default();
    // A BOM (as spreadsheets write) is skipped; offsets stay the file's own.
    let base = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let input = &text[base..];
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(input.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            read.diags.push(csv_error(&e, file, base));
            return read;
        }
        None => {
            read.diags.push(
                Diagnostic::new(Code::MalformedInput, Some(Span::file_start(file)), "the CSV file is empty")
                    .with_help(format!("start it with a header row: {}", COLUMNS.join(","))),
            );
            return read;
        }
    };
    let header_at = header.position().map_or(0, |p| p.byte() as usize);
    let header_cells = cell_ranges(input, header_at, header.len());
    let Some(columns) = columns(&header, &header_cells, file, base, &mut read.diags) else { return read };
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                read.diags.push(csv_error(&e, file, base));
                continue;
            }
        };
        let at = record.position().map_or(0, |p| p.byte() as usize);
        let ranges = cell_ranges(input, at, record.len());
        let row_span = Span::new(file, base + at..base + ranges.first().map_or(at, |r| r.end));
        if record.len() != header.len() {
            read.diags.push(
                Diagnostic::new(
                    Code::MalformedInput,
                    Some(row_span),
                    format!("this row has {} fields, the header has {}", record.len(), header.len()),
                )
                .with_help("quote a value that holds a comma, a quote or a line break with double quotes (\"a, b\"), doubling the quotes inside it"),
            );
            continue;
        }
        let row = Row { record: &record, ranges: &ranges, columns: &columns, file, base, row_span };
        let mut diags = Vec::new();
        if let Some(entry) = row.entry(config, &mut diags) {
            if diags.iter().all(|d| d.severity != crate::diag::Severity::Error) {
                read.entries.push(entry);
            }
        }
        read.diags.extend(diags);
    }
    read
}

/// Column name → index, or `None` (with diagnostics) when the header cannot be used.
fn columns(
    header: &::csv::StringRecord,
    ranges: &[Range<usize>],
    file: FileId,
    base: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<BTreeMap<&'static str, usize>> {
    let mut found = BTreeMap::new();
    let mut usable = true;
    for (i, name) in header.iter().enumerate() {
        let span = ranges.get(i).map(|r| Span::new(file, base + r.start..base + r.end));
        match COLUMNS.iter().find(|c| **c == name) {
            Some(column) if found.contains_key(column) => {
                diags.push(Diagnostic::new(Code::MalformedInput, span, format!("the column `{name}` is given twice")));
                usable = false;
            }
            Some(column) => {
                found.insert(*column, i);
            }
            None => {
                let help = crate::diag::suggest::closest(name, COLUMNS.iter().copied()).map_or_else(
                    || format!("the columns are {}", COLUMNS.join(", ")),
                    |near| format!("did you mean `{near}`?"),
                );
                diags.push(
                    Diagnostic::new(Code::MalformedInput, span, format!("`{name}` is not a column glossa imports"))
                        .with_help(help),
                );
                usable = false;
            }
        }
    }
    for required in REQUIRED {
        if !found.contains_key(required) {
            diags.push(
                Diagnostic::new(
                    Code::MalformedInput,
                    Some(Span::new(file, base..base)),
                    format!("the header row has no `{required}` column"),
                )
                .with_help(format!("the header row names the columns; {} are required", REQUIRED.join(", "))),
            );
            usable = false;
        }
    }
    usable.then_some(found)
}

/// The byte ranges (in `input`) of the `count` cells of the record starting
/// at `at`, quotes included, found with the same parser the csv crate uses.
fn cell_ranges(input: &str, at: usize, count: usize) -> Vec<Range<usize>> {
    let bytes = input.as_bytes();
    let mut reader = csv_core::Reader::new();
    let mut output = [0u8; 1024];
    let mut ranges = Vec::with_capacity(count);
    let mut start = at;
    let mut pos = at;
    while ranges.len() < count {
        let (result, consumed, _) = reader.read_field(&bytes[pos.min(bytes.len())..], &mut output);
        pos += consumed;
        match result {
            csv_core::ReadFieldResult::OutputFull => {}
            csv_core::ReadFieldResult::Field { record_end } => {
                let end = if record_end { trim_terminator(bytes, start, pos) } else { pos.saturating_sub(1) };
                ranges.push(start..end.max(start));
                start = pos;
                if record_end {
                    break;
                }
            }
            csv_core::ReadFieldResult::InputEmpty if pos < bytes.len() => {}
            csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::End => {
                ranges.push(start..bytes.len().max(start));
                break;
            }
        }
    }
    ranges
}

fn trim_terminator(bytes: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
        end -= 1;
    }
    end
}

fn csv_error(error: &::csv::Error, file: FileId, base: usize) -> Diagnostic {
    let at = error.position().map_or(0, |p| p.byte() as usize);
    Diagnostic::new(
        Code::MalformedInput,
        Some(Span::new(file, base + at..base + at)),
        format!("the CSV does not parse: {error}"),
    )
}

/// One data row, with where each of its cells lies.
struct Row<'a> {
    record: &'a ::csv::StringRecord,
    ranges: &'a [Range<usize>],
    columns: &'a BTreeMap<&'static str, usize>,
    file: FileId,
    base: usize,
    row_span: Span,
}

impl Row<'_> {
    /// The cell of `column`; empty when the file has no such column.
    fn cell(&self, column: &str) -> &str {
        self.columns.get(column).and_then(|&i| self.record.get(i)).unwrap_or("")
    }

    /// Where the cell of `column` is (the row when the column is absent).
    fn span(&self, column: &str) -> Span {
        self.columns
            .get(column)
            .and_then(|&i| self.ranges.get(i))
            .map_or(self.row_span, |r| Span::new(self.file, self.base + r.start..self.base + r.end))
    }

    fn report(&self, diags: &mut Vec<Diagnostic>, code: Code, column: &str, message: String, help: Option<String>) {
        diags.push(Diagnostic::new(code, Some(self.span(column)), message).with_optional_help(help));
    }

    /// The row as an entry; diagnostics for everything it cannot be.
    fn entry(&self, config: &SiteConfig, diags: &mut Vec<Diagnostic>) -> Option<Entry> {
        let slug = self.slug(diags);
        let lang = self.language(config, diags);
        let mut text = |column: &str| {
            let value = self.cell(column);
            if value.trim().is_empty() {
                self.report(
                    diags,
                    Code::MissingField,
                    column,
                    format!("the `{column}` of this row is empty"),
                    Some(format!("every term file needs a {column}")),
                );
            }
            value.to_owned()
        };
        let title = text("title");
        let summary = text("summary");
        let optional = |column: &str| Some(self.cell(column)).filter(|v| !v.is_empty()).map(str::to_owned);
        let aliases = self.list("aliases", diags);
        let facts = self.list("facts", diags);
        let sources = self.sources(diags);
        let quiz = cells::quiz(self.cell("quiz")).unwrap_or_else(|message| {
            self.report(diags, Code::InvalidQuiz, "quiz", message, Some(QUIZ_HELP.to_owned()));
            Vec::new()
        });
        let updated = optional("updated").filter(|date| {
            let valid = crate::frontmatter::is_date(date);
            if !valid {
                self.report(
                    diags,
                    Code::InvalidValue,
                    "updated",
                    format!("`{date}` is not a date written YYYY-MM-DD"),
                    None,
                );
            }
            valid
        });
        let source = optional("source").filter(|hash| {
            let valid = crate::frontmatter::is_source_hash(hash);
            if !valid {
                let message = format!("`{hash}` is not a source hash");
                self.report(diags, Code::InvalidValue, "source", message, Some(HASH_HELP.to_owned()));
            }
            valid
        });
        let term = match lang {
            Some(lang) if lang == config.default_language => Some(self.term_wide(diags)),
            Some(lang) => {
                self.no_term_columns(config.language(lang).code.as_str(), config, diags);
                None
            }
            None => None,
        };
        Some(Entry {
            slug: slug?,
            lang: lang?,
            at: self.row_span,
            title,
            summary,
            aliases,
            sort_as: optional("sort_as"),
            sense: optional("sense"),
            facts,
            sources,
            quiz,
            updated,
            source,
            term,
            body: self.cell("body").to_owned(),
        })
    }

    fn slug(&self, diags: &mut Vec<Diagnostic>) -> Option<Slug> {
        let text = self.cell("slug");
        let slug = Slug::parse(text);
        if slug.is_none() {
            self.report(diags, Code::InvalidSlug, "slug", format!("`{text}` is not a slug"), Some(slug_help(text)));
        }
        slug
    }

    fn language(&self, config: &SiteConfig, diags: &mut Vec<Diagnostic>) -> Option<LangId> {
        let code = self.cell("language");
        let lang = config.lang_id(code);
        if lang.is_none() {
            let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            self.report(
                diags,
                Code::UnknownLanguage,
                "language",
                format!("`{code}` is not a language of this site"),
                Some(format!("site.yaml declares {}", codes.join(", "))),
            );
        }
        lang
    }

    fn list(&self, column: &str, diags: &mut Vec<Diagnostic>) -> Vec<String> {
        cells::list(self.cell(column)).unwrap_or_else(|message| {
            self.report(
                diags,
                Code::InvalidValue,
                column,
                format!("`{column}`: {message}"),
                Some(LIST_HELP.to_owned()),
            );
            Vec::new()
        })
    }

    /// A list of slugs (tags, prerequisites, related terms, old slugs).
    fn slugs(&self, column: &str, diags: &mut Vec<Diagnostic>) -> Vec<String> {
        let items = self.list(column, diags);
        for item in &items {
            if !slug::is_valid(item) {
                self.report(
                    diags,
                    Code::InvalidSlug,
                    column,
                    format!("`{item}` in `{column}` is not a slug"),
                    Some(slug_help(item)),
                );
            }
        }
        items
    }

    fn sources(&self, diags: &mut Vec<Diagnostic>) -> Vec<super::Source> {
        let sources = cells::sources(self.cell("sources")).unwrap_or_else(|message| {
            self.report(
                diags,
                Code::InvalidValue,
                "sources",
                message,
                Some("write each source as `title <url>`, joined with ` | `".to_owned()),
            );
            Vec::new()
        });
        for source in &sources {
            if !crate::util::url::is_safe(&source.url) {
                self.report(
                    diags,
                    Code::UnsafeUrl,
                    "sources",
                    format!("source URL `{}` uses a scheme that is not allowed", source.url),
                    Some("use an http(s) URL".to_owned()),
                );
            }
        }
        sources
    }

    fn term_wide(&self, diags: &mut Vec<Diagnostic>) -> TermWide {
        let status = Some(self.cell("status")).filter(|s| !s.is_empty()).and_then(|text| {
            let status = TermStatus::parse(text);
            if status.is_none() {
                self.report(
                    diags,
                    Code::InvalidValue,
                    "status",
                    format!("`{text}` is not a status"),
                    Some("a status is `preferred`, `admitted` or `deprecated`, or empty".to_owned()),
                );
            }
            status
        });
        let use_instead = Some(self.cell("use")).filter(|s| !s.is_empty()).map(|text| {
            if !slug::is_valid(text) {
                self.report(
                    diags,
                    Code::InvalidSlug,
                    "use",
                    format!("`{text}` in `use` is not a slug"),
                    Some(slug_help(text)),
                );
            }
            text.to_owned()
        });
        let mut boolean = |column: &str, default: bool| {
            cells::boolean(self.cell(column), default).unwrap_or_else(|message| {
                self.report(diags, Code::InvalidValue, column, format!("`{column}`: {message}"), None);
                default
            })
        };
        let autolink = boolean("autolink", true);
        let draft = boolean("draft", false);
        TermWide {
            tags: self.slugs("tags", diags),
            prerequisites: self.slugs("prerequisites", diags),
            related: self.slugs("related", diags),
            status,
            use_instead,
            autolink,
            draft,
            redirect_from: self.slugs("redirect_from", diags),
        }
    }

    /// Reports a term-wide column filled on a translation's row: the term
    /// takes it from its default-language row, so it would be lost.
    fn no_term_columns(&self, code: &str, config: &SiteConfig, diags: &mut Vec<Diagnostic>) {
        let default = config.language(config.default_language).code.as_str();
        for column in TERM_COLUMNS {
            if !self.cell(column).is_empty() {
                self.report(
                    diags,
                    Code::InvalidValue,
                    column,
                    format!("`{column}` belongs to the term, and this is its {code} row"),
                    Some(format!("give it on the term's {default} row and leave it empty here")),
                );
            }
        }
    }
}

const HASH_HELP: &str =
    "a source hash is the 12 lowercase hex digits `glossa new` writes; leave the cell empty if there is none";

const LIST_HELP: &str = "join the items with ` | `; write a `|` inside an item as `\\|` and a backslash as `\\\\`";

const QUIZ_HELP: &str = "write the quiz as a JSON array of {\"question\": …, \"choices\": […], \"answer\": 0-based index, \"explanation\": … (optional)}";

fn slug_help(text: &str) -> String {
    let suggestion = slug::slugify(text);
    if suggestion.is_empty() {
        "use lowercase letters a–z and digits in groups joined by single hyphens".to_owned()
    } else {
        format!("use lowercase letters a–z and digits in groups joined by single hyphens, e.g. `{suggestion}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteConfig {
        let yaml = "title: G\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ko, name: 한국어 }\n";
        crate::config::load(yaml.as_bytes().to_vec(), &mut crate::source::SourceMap::default()).0.unwrap()
    }

    #[test]
    fn a_bom_and_crlf_are_accepted_and_positions_stay_the_files() {
        let text = "\u{feff}summary,slug,title,language\r\nS.,ok,T,en\r\n\"Multi\r\nline\",Bad,T,en\r\n";
        let read = read(text, FileId(0), &site());
        assert_eq!(read.entries.len(), 1);
        assert_eq!(read.entries[0].summary, "S.");
        assert_eq!(read.diags.len(), 1, "{:?}", read.diags);
        let span = read.diags[0].span.unwrap();
        assert_eq!(&text[span.start as usize..span.end as usize], "Bad");
    }

    #[test]
    fn cells_are_found_quotes_and_all() {
        let input = "a,\"b,\"\"c\"\"\",d\r\nx,y,z\n";
        assert_eq!(cell_ranges(input, 0, 3), [0..1, 2..11, 12..13]);
        assert_eq!(&input[2..11], "\"b,\"\"c\"\"\"");
        assert_eq!(cell_ranges(input, 15, 3), [15..16, 17..18, 19..20]);
        assert_eq!(cell_ranges("p,q", 0, 2), [0..1, 2..3]);
    }
}
