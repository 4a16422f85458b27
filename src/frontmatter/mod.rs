//! Splits a content file into its YAML front matter and Markdown body, and
//! reads the front matter into a [`FrontMatter`], reporting every problem with
//! the position of the key or value at fault.

pub mod article;

use std::ops::Range;

use rayon::prelude::*;

use crate::diag::{Code, Diagnostic};
use crate::model::{Declared, Question, SourceLink, TermStatus};
use crate::pipeline::memo::Memo;
use crate::schema::{Fields, Reader};
use crate::source::{FileRef, SourceMap, Span, Spanned};
use crate::yaml::{self, Node};

/// Every key a term's front matter may have (spec §2).
pub const TERM_KEYS: &[&str] = &[
    "title",
    "summary",
    "aliases",
    "sort_as",
    "sense",
    "tags",
    "prerequisites",
    "related",
    "facts",
    "sources",
    "quiz",
    "draft",
    "updated",
    "source",
    "autolink",
    "redirect_from",
    "status",
    "use",
];
const SOURCE_KEYS: &[&str] = &["title", "url"];

/// The longest title or alias, in characters. Names are matched in every
/// body and drawn in graphs; no real term needs more.
pub const MAX_NAME_CHARS: usize = 200;

/// The most aliases, tags, prerequisites or related terms one term may list.
/// Each reaches other pages (links, tag lists, graphs), so an unbounded list
/// makes the site grow with its square.
pub const MAX_LIST_ITEMS: usize = 100;
const QUESTION_KEYS: &[&str] = &["question", "choices", "answer", "explanation"];

/// The front matter of one term file.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct FrontMatter {
    /// The title (the slug when missing; the file then has an error).
    pub title: Spanned<String>,
    /// The one-line summary.
    pub summary: Spanned<String>,
    /// Other names of the term.
    pub aliases: Vec<Spanned<String>>,
    /// How the A–Z index sorts and groups the title (a reading in kana).
    pub sort_as: Option<Spanned<String>>,
    /// Which sense of a shared name this term is ("AI" for "Token (AI)").
    pub sense: Option<Spanned<String>>,
    /// Key facts.
    pub facts: Vec<Spanned<String>>,
    /// Numbered sources.
    pub sources: Vec<SourceLink>,
    /// The quiz, if the key is present.
    pub quiz: Option<Vec<Question>>,
    /// Date of the last meaningful change, `YYYY-MM-DD`.
    pub updated: Option<Spanned<String>>,
    /// The source hash a translation was made from.
    pub source: Option<Spanned<String>>,
    /// What the file says about its term as a whole.
    pub declared: Declared,
    /// Where the front matter block's keys start (for file-level problems).
    pub span: Span,
}

/// A parsed content file.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// Where it came from.
    pub file_ref: FileRef,
    /// Its front matter.
    pub front: FrontMatter,
    /// Byte range of the Markdown body in the file.
    pub body: Range<usize>,
    /// The title as printed in mid-sentence when it differs
    /// ([`crate::model::casing`]).
    pub mid_sentence_title: Option<String>,
    /// The file could not be read as a term (an error says why). Its term
    /// exists with a placeholder so that references to it do not cascade.
    pub broken: bool,
}

/// Every parsed file: terms and articles.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Term files.
    pub terms: Vec<ParsedFile>,
    /// Article files.
    pub articles: Vec<article::ParsedArticle>,
}

/// Parses every file, in parallel, keeping input order. A term file whose
/// parse `memo` holds is recalled instead.
pub fn parse_all(sources: &SourceMap, refs: &[FileRef], memo: Option<&Memo<'_>>) -> (Parsed, Vec<Diagnostic>) {
    // Boxed: the parallel results are moved around, and both are large.
    enum One {
        Term(Box<ParsedFile>),
        Article(Box<article::ParsedArticle>),
    }
    let results: Vec<_> = refs
        .par_iter()
        .map(|file_ref| {
            let mut diags = Vec::new();
            let text = &sources.get(file_ref.file).text;
            let parsed = match file_ref.kind {
                crate::source::ContentKind::Term => {
                    One::Term(Box::new(parse_term(text, file_ref, sources.path(file_ref.file), memo, &mut diags)))
                }
                crate::source::ContentKind::Article => {
                    One::Article(Box::new(article::parse_article(text, file_ref, &mut diags)))
                }
            };
            (parsed, diags)
        })
        .collect();
    let mut parsed = Parsed::default();
    let mut diags = Vec::new();
    for (one, file_diags) in results {
        match one {
            One::Term(file) => parsed.terms.push(*file),
            One::Article(file) => parsed.articles.push(*file),
        }
        diags.extend(file_diags);
    }
    (parsed, diags)
}

/// The parse of a term file and its diagnostics, as the memo keeps them.
type Remembered = (FrontMatter, Range<usize>, Option<String>, bool, Vec<Diagnostic>);

/// [`parse_file`], or its result recalled from `memo`.
fn parse_term(
    text: &str,
    file_ref: &FileRef,
    path: &std::path::Path,
    memo: Option<&Memo<'_>>,
    diags: &mut Vec<Diagnostic>,
) -> ParsedFile {
    let (front, body, mid_sentence_title, broken, found): Remembered = Memo::recall_or(
        memo,
        |memo| memo.front_key(file_ref, path),
        || {
            let mut found = Vec::new();
            let parsed = parse_file(text, file_ref, &mut found);
            (parsed.front, parsed.body, parsed.mid_sentence_title, parsed.broken, found)
        },
    );
    diags.extend(found);
    ParsedFile { file_ref: file_ref.clone(), front, body, mid_sentence_title, broken }
}

/// Where the front matter and the body lie in a file's text.
#[derive(Debug, PartialEq, Eq)]
pub struct Split {
    /// The YAML between the fences.
    pub yaml: Range<usize>,
    /// The Markdown after the closing fence.
    pub body: Range<usize>,
}

/// Finds the `---` fenced front matter at the start of `text` (after a BOM).
/// `Err` carries the offset and message of what is wrong.
pub fn split(text: &str) -> Result<Split, (usize, &'static str)> {
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut lines = LineIter { text, pos: start };
    match lines.next() {
        Some((line, _)) if line.trim_end() == "---" => {}
        _ => return Err((start, "the file does not start with a `---` line opening its front matter")),
    }
    let yaml_start = lines.pos;
    while let Some((line, line_start)) = lines.next() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(Split { yaml: yaml_start..line_start, body: lines.pos..text.len() });
        }
    }
    Err((start, "the front matter opened here is never closed by a `---` line"))
}

struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<(&'a str, usize)> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let (line, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((line.strip_suffix('\r').unwrap_or(line), start))
    }
}

/// How many control characters of one body are reported one by one.
const CONTROLS_REPORTED: usize = 5;

/// Reports control characters in a body: they have no meaning in Markdown
/// and HTML cannot carry them. NUL is the exception CommonMark makes: it
/// stands for U+FFFD, and rendering writes that.
pub(crate) fn check_body_controls(
    text: &str,
    body: Range<usize>,
    file: crate::source::FileId,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(markdown) = text.get(body.clone()) else { return };
    let stray = |c: char| c != '\0' && crate::util::text::is_stray_control(c);
    let found: Vec<(usize, char)> = markdown.char_indices().filter(|&(_, c)| stray(c)).collect();
    for (i, &(at, c)) in found.iter().enumerate().take(CONTROLS_REPORTED) {
        let more = found.len().saturating_sub(CONTROLS_REPORTED);
        let message = if i + 1 == CONTROLS_REPORTED && more > 0 {
            format!("the text contains the control character {} (and {more} more)", crate::schema::describe_control(c))
        } else {
            format!("the text contains the control character {}", crate::schema::describe_control(c))
        };
        let start = body.start + at;
        diags.push(
            Diagnostic::new(Code::ControlCharacter, Some(Span::new(file, start..start + c.len_utf8())), message)
                .with_help("delete it: it is invisible in most editors, and HTML cannot carry it"),
        );
    }
}

/// Parses one term file. A file whose front matter cannot be read (an error
/// says why) comes back `broken`, with a placeholder front matter.
pub fn parse_file(text: &str, file_ref: &FileRef, diags: &mut Vec<Diagnostic>) -> ParsedFile {
    let file = file_ref.file;
    let broken = || ParsedFile {
        file_ref: file_ref.clone(),
        front: FrontMatter::placeholder(file_ref.slug.as_str(), Span::file_start(file)),
        body: 0..0,
        mid_sentence_title: None,
        broken: true,
    };
    if !file_ref.readable {
        return broken();
    }
    let split = match split(text) {
        Ok(split) => split,
        Err((offset, message)) => {
            diags.push(Diagnostic::new(Code::Yaml, Some(Span::new(file, offset..offset)), message).with_help(
                "a term file starts with `---`, then `title:` and `summary:`, then `---` and the Markdown body",
            ));
            return broken();
        }
    };
    let yaml_text = &text[split.yaml.clone()];
    let root = match yaml::parse(yaml_text) {
        Ok(root) => root,
        Err(e) => {
            let at = split.yaml.start + e.offset;
            let help = unclosed_bracket(&yaml_text[..e.offset.min(yaml_text.len())]).map(|open| {
                let (line, column) = crate::source::LineIndex::new(text).locate(text, split.yaml.start + open);
                format!("the `{}` opened at line {line}, column {column} is never closed", &yaml_text[open..=open])
            });
            diags.push(
                Diagnostic::new(
                    Code::Yaml,
                    Some(Span::new(file, at..at)),
                    format!("front matter does not parse: {}", e.message),
                )
                .with_optional_help(help),
            );
            return broken();
        }
    };
    let mut r = Reader::new(file, split.yaml.start, yaml_text, diags);
    let front = read_front(&mut r, &root, file_ref.slug.as_str(), Span::new(file, split.yaml.start..split.yaml.start));
    check_body_controls(text, split.body.clone(), file, diags);
    let mid_sentence_title = crate::model::casing::mid_sentence_form(&front.title.value, &text[split.body.clone()]);
    ParsedFile { file_ref: file_ref.clone(), front, body: split.body, mid_sentence_title, broken: false }
}

impl FrontMatter {
    /// The front matter of a file that could not be read: its slug as title.
    pub fn placeholder(slug: &str, span: Span) -> FrontMatter {
        let text = |value: &str| Spanned { value: value.to_owned(), span };
        FrontMatter {
            title: text(slug),
            summary: text(""),
            aliases: Vec::new(),
            sort_as: None,
            sense: None,
            facts: Vec::new(),
            sources: Vec::new(),
            quiz: None,
            updated: None,
            source: None,
            declared: Declared::default(),
            span,
        }
    }
}

fn read_front(r: &mut Reader<'_>, root: &Node, slug: &str, block: Span) -> FrontMatter {
    let fields = r.fields(root, "the front matter", TERM_KEYS);
    let spanned_text = |r: &mut Reader<'_>, key: &str| -> Option<Spanned<String>> {
        let node = fields.get(key)?;
        let text = r.required_text(&fields, key, Code::MissingField, "the term")?;
        Some(Spanned { value: text, span: r.span(node) })
    };
    let title = spanned_text(r, "title").unwrap_or_else(|| {
        if fields.get("title").is_none() {
            r.required_text(&fields, "title", Code::MissingField, "the term");
        }
        Spanned { value: slug.to_owned(), span: block }
    });
    let summary = spanned_text(r, "summary").unwrap_or_else(|| {
        if fields.get("summary").is_none() {
            r.required_text(&fields, "summary", Code::MissingField, "the term");
        }
        Spanned { value: String::new(), span: block }
    });
    let list = |r: &mut Reader<'_>, key: &str| -> Option<Vec<Spanned<String>>> {
        let node = fields.get(key)?;
        Some(r.text_list(node, key).into_iter().map(|(value, span)| Spanned { value, span }).collect())
    };
    let mut aliases = list(r, "aliases").unwrap_or_default();
    let mut tags = list(r, "tags");
    let mut prerequisites = list(r, "prerequisites");
    let mut related = list(r, "related");
    limit_list(r, "aliases", Some(&mut aliases), "names readers look the term up by; the rest belong in the body");
    limit_list(r, "tags", tags.as_mut(), "a few broad topics");
    limit_list(r, "prerequisites", prerequisites.as_mut(), "the terms to learn first; the rest follow from theirs");
    limit_list(r, "related", related.as_mut(), "the closest neighbours; a link in the body says the rest");
    // A missing title stands in as the slug, at the block: not a name to judge.
    let written_title = (title.span != block).then_some(&title);
    for name in written_title.into_iter().chain(&aliases) {
        limit_name(r, name);
    }
    let sort_as = spanned_text(r, "sort_as");
    let sense = spanned_text(r, "sense");
    let status = fields.get("status").and_then(|node| read_status(r, node));
    let use_instead = spanned_text(r, "use");
    let facts = list(r, "facts").unwrap_or_default();
    let redirect_from = list(r, "redirect_from").unwrap_or_default();
    let sources = fields.get("sources").map(|node| read_sources(r, node)).unwrap_or_default();
    let quiz = fields.get("quiz").map(|node| read_quiz(r, node));
    let draft = fields.get("draft").and_then(|n| r.bool(n, "draft")).unwrap_or(false);
    let autolink = fields.get("autolink").and_then(|n| r.bool(n, "autolink")).unwrap_or(true);
    let updated = read_checked(r, &fields, "updated", is_date, "`updated` must be a date written YYYY-MM-DD");
    let source = read_checked(
        r,
        &fields,
        "source",
        is_source_hash,
        "`source` must be the 12 hex digits that `glossa new` writes",
    );
    FrontMatter {
        title,
        summary,
        aliases,
        sort_as,
        sense,
        facts,
        sources,
        quiz,
        updated,
        source,
        declared: Declared { tags, prerequisites, related, redirect_from, draft, autolink, status, use_instead },
        span: block,
    }
}

/// Reports a list longer than [`MAX_LIST_ITEMS`] at its first item over the
/// limit, and keeps only the items up to it.
fn limit_list(r: &mut Reader<'_>, key: &str, list: Option<&mut Vec<Spanned<String>>>, keep: &str) {
    let Some(list) = list.filter(|l| l.len() > MAX_LIST_ITEMS) else { return };
    r.report_at(
        Code::InvalidValue,
        list[MAX_LIST_ITEMS].span,
        format!("`{key}` lists {} items; a term may list at most {MAX_LIST_ITEMS}", list.len()),
        Some(format!("keep {keep}")),
    );
    list.truncate(MAX_LIST_ITEMS);
    list.shrink_to_fit();
}

/// Reports a title or alias longer than [`MAX_NAME_CHARS`].
fn limit_name(r: &mut Reader<'_>, name: &Spanned<String>) {
    let length = name.value.chars().count();
    if length > MAX_NAME_CHARS {
        r.report_at(
            Code::InvalidValue,
            name.span,
            format!("this name is {length} characters long; a title or alias may have at most {MAX_NAME_CHARS}"),
            Some("a name is what readers look up; put the explanation in `summary` or the body".to_owned()),
        );
    }
}

/// `status:` is one of the three TBX administrative statuses.
fn read_status(r: &mut Reader<'_>, node: &Node) -> Option<Spanned<TermStatus>> {
    let text = r.text(node, "status")?;
    match TermStatus::parse(&text) {
        Some(status) => Some(Spanned { value: status, span: r.span(node) }),
        None => {
            let help = crate::diag::suggest::did_you_mean(&text, TermStatus::ALL.iter().map(|s| s.as_str()))
                .unwrap_or_else(|| "write preferred, admitted or deprecated".to_owned());
            r.report(
                Code::InvalidValue,
                node,
                format!("`status` must be preferred, admitted or deprecated, found `{text}`"),
                Some(help),
            );
            None
        }
    }
}

fn read_checked(
    r: &mut Reader<'_>,
    fields: &Fields<'_>,
    key: &str,
    valid: fn(&str) -> bool,
    message: &str,
) -> Option<Spanned<String>> {
    let node = fields.get(key)?;
    let text = r.text(node, key)?;
    if valid(&text) {
        Some(Spanned { value: text, span: r.span(node) })
    } else {
        r.report(Code::InvalidValue, node, format!("{message}, found `{text}`"), None);
        None
    }
}

fn read_sources(r: &mut Reader<'_>, node: &Node) -> Vec<SourceLink> {
    let mut sources = Vec::new();
    for item in r.list(node, "sources") {
        let fields = r.fields(item, "a source", SOURCE_KEYS);
        let title = r.required_text(&fields, "title", Code::MissingField, "a source");
        let url = r.required_text(&fields, "url", Code::MissingField, "a source");
        let (Some(title), Some(url)) = (title, url) else { continue };
        let title_span = fields.get("title").map_or_else(|| r.span(item), |n| r.span(n));
        let url_span = fields.get("url").map_or_else(|| r.span(item), |n| r.span(n));
        if !crate::util::url::is_safe(&url) {
            r.report(
                Code::UnsafeUrl,
                fields.get("url").unwrap_or(item),
                format!("source URL `{url}` uses a scheme that is not allowed"),
                Some("use an http(s) URL".to_owned()),
            );
            continue;
        }
        sources.push(SourceLink {
            title: Spanned { value: title, span: title_span },
            url: Spanned { value: url, span: url_span },
        });
    }
    sources
}

fn read_quiz(r: &mut Reader<'_>, node: &Node) -> Vec<Question> {
    let mut quiz = Vec::new();
    for item in r.list(node, "quiz") {
        let fields = r.fields(item, "a quiz question", QUESTION_KEYS);
        let question = r.required_text(&fields, "question", Code::InvalidQuiz, "a quiz question");
        let choices: Vec<Spanned<String>> = match fields.get("choices") {
            Some(n) => r.text_list(n, "choices").into_iter().map(|(value, span)| Spanned { value, span }).collect(),
            None => {
                r.report(
                    Code::InvalidQuiz,
                    item,
                    "a quiz question has no `choices`",
                    Some("add `choices: [a, b, c]`".to_owned()),
                );
                continue;
            }
        };
        let choices_node = fields.get("choices").unwrap_or(item);
        if !(2..=6).contains(&choices.len()) {
            r.report(
                Code::InvalidQuiz,
                choices_node,
                format!("a quiz question needs 2 to 6 choices, found {}", choices.len()),
                None,
            );
        }
        let mut seen = std::collections::HashSet::new();
        for (i, choice) in choices.iter().enumerate() {
            if !seen.insert(choice.value.trim()) {
                let at = &choices_node.as_seq().unwrap_or_default()[i];
                r.report(
                    Code::InvalidQuiz,
                    at,
                    format!("choice `{}` is given twice", choice.value),
                    Some("each choice must be different".to_owned()),
                );
            }
        }
        let answer = match fields.get("answer") {
            Some(n) => match n.as_index() {
                Some(answer) if answer < choices.len() => Some(answer),
                Some(answer) => {
                    let last = choices.len().saturating_sub(1);
                    r.report(
                        Code::InvalidQuiz,
                        n,
                        format!("answer {answer} is not a choice: the choices are numbered 0 to {last}"),
                        Some("`answer` is the 0-based index of the right choice".to_owned()),
                    );
                    None
                }
                None => {
                    r.report(Code::InvalidQuiz, n, "`answer` must be the 0-based index of the right choice", None);
                    None
                }
            },
            None => {
                r.report(
                    Code::InvalidQuiz,
                    item,
                    "a quiz question has no `answer`",
                    Some("add `answer: 0` (the 0-based index of the right choice)".to_owned()),
                );
                None
            }
        };
        let explanation = fields.get("explanation").and_then(|n| {
            let text = r.text(n, "explanation")?;
            Some(Spanned { value: text, span: r.span(n) })
        });
        let question_span = fields.get("question").map_or_else(|| r.span(item), |n| r.span(n));
        if let (Some(question), Some(answer)) = (question, answer) {
            if (2..=6).contains(&choices.len()) {
                quiz.push(Question {
                    question: Spanned { value: question, span: question_span },
                    choices,
                    answer,
                    explanation,
                });
            }
        }
    }
    quiz
}

/// The offset of the last `[` or `{` in `yaml` left open (outside quotes and
/// comments), which is where a YAML error usually began.
fn unclosed_bracket(yaml: &str) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    for (line_start, line) in yaml.split_inclusive('\n').scan(0, |pos, line| {
        let start = *pos;
        *pos += line.len();
        Some((start, line))
    }) {
        let mut quote: Option<char> = None;
        let mut previous = ' ';
        for (i, c) in line.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if matches!(previous, ' ' | '[' | '{' | ',' | ':') => quote = Some(c),
                (None, '#') if previous.is_whitespace() => break,
                (None, '[' | '{') => open.push(line_start + i),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
            previous = c;
        }
    }
    open.last().copied()
}

/// Whether `text` is a calendar date `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else { return false };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Whether `text` is a source hash as `glossa new` writes it: 12 lowercase hex digits.
pub fn is_source_hash(text: &str) -> bool {
    text.len() == crate::util::hash::SOURCE_HASH_LEN
        && text.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LangId;
    use crate::source::ContentKind;
    use crate::source::FileId;
    use crate::util::slug::Slug;

    fn parse(text: &str) -> (ParsedFile, Vec<Diagnostic>) {
        let file_ref = FileRef {
            file: FileId(0),
            lang: LangId(0),
            kind: ContentKind::Term,
            slug: Slug::parse("x").unwrap(),
            readable: true,
        };
        let mut diags = Vec::new();
        let parsed = parse_file(text, &file_ref, &mut diags);
        (parsed, diags)
    }

    #[test]
    fn splits_with_bom_and_crlf() {
        let text = "\u{feff}---\r\ntitle: T\r\n---\r\nBody\r\n";
        let split = split(text).unwrap();
        assert_eq!(&text[split.yaml.clone()], "title: T\r\n");
        assert_eq!(&text[split.body], "Body\r\n");
    }

    #[test]
    fn reports_missing_and_unterminated_front_matter() {
        assert!(split("").is_err());
        assert!(split("# Title\n").is_err());
        assert_eq!(
            split("---\ntitle: x\n").unwrap_err().1,
            "the front matter opened here is never closed by a `---` line"
        );
        assert!(split("---\n---\n").is_ok());
    }

    #[test]
    fn reads_every_field() {
        let text = "---\ntitle: Staking\nsummary: Locking coins.\naliases: [stake]\ntags: [staking]\nprerequisites: [proof-of-stake]\nfacts:\n  - One.\nsources:\n  - { title: Docs, url: https://ethereum.org/ }\nquiz:\n  - question: Q?\n    choices: [a, b, c]\n    answer: 2\n    explanation: Because.\ndraft: true\nupdated: 2026-02-28\n---\nBody\n";
        let (parsed, diags) = parse(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(!parsed.broken);
        let front = parsed.front;
        assert_eq!(front.title.value, "Staking");
        assert_eq!(front.declared.prerequisites.unwrap()[0].value, "proof-of-stake");
        assert_eq!(front.quiz.unwrap()[0].answer, 2);
        assert!(front.declared.draft);
        assert_eq!(front.sources[0].url.value, "https://ethereum.org/");
    }

    #[test]
    fn reports_every_problem_of_a_file() {
        let text = "---\ntitel: Staking\nsumary: x\nquiz:\n  - question: Q?\n    choices: [a, a]\n    answer: 5\nsources:\n  - { title: X, url: \"javascript:alert(1)\" }\nupdated: 2026-02-30\n---\n";
        let (_, diags) = parse(text);
        let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
        for code in ["unknown-field", "missing-field", "invalid-quiz", "unsafe-url", "invalid-value"] {
            assert!(codes.contains(&code), "{code} missing in {codes:?}");
        }
        let titel = diags.iter().find(|d| d.message.contains("titel")).unwrap();
        assert_eq!(titel.help.as_deref(), Some("did you mean `title`?"));
        assert_eq!(titel.span.unwrap().start as usize, text.find("titel").unwrap());
        let answer = diags.iter().find(|d| d.message.starts_with("answer 5")).unwrap();
        assert_eq!(answer.span.unwrap().start as usize, text.find('5').unwrap());
    }

    #[test]
    fn points_at_the_bracket_left_open() {
        let text = "---\ntitle: T\naliases: [a, b\nsummary: s\n---\n";
        let (_, diags) = parse(text);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].help.as_deref(), Some("the `[` opened at line 3, column 10 is never closed"));
        assert_eq!(unclosed_bracket("a: \"[\" # {\nb: [x]\n"), None);
    }

    #[test]
    fn dates() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("26-01-01"));
        assert!(!is_date("2026-1-01"));
    }
}
