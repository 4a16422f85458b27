//! An [`Entry`] as the text of a term file: front matter in the layout
//! contributors write (short lists in brackets, facts and the quiz as block
//! lists), every value quoted when it would not read back as the same text.

use std::fmt::Write as _;

use super::Entry;

/// The whole file: `---`, the front matter, `---`, the body verbatim.
pub fn render(entry: &Entry) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(out, "title: {}", scalar(&entry.title));
    let _ = writeln!(out, "summary: {}", scalar(&entry.summary));
    flow_list(&mut out, "aliases", &entry.aliases);
    if let Some(sort_as) = &entry.sort_as {
        let _ = writeln!(out, "sort_as: {}", scalar(sort_as));
    }
    if let Some(sense) = entry.sense.as_ref() {
        let _ = writeln!(out, "sense: {}", scalar(sense));
    }
    if let Some(term) = &entry.term {
        flow_list(&mut out, "tags", &term.tags);
        flow_list(&mut out, "prerequisites", &term.prerequisites);
        flow_list(&mut out, "related", &term.related);
        if let Some(status) = term.status {
            let _ = writeln!(out, "status: {}", status.as_str());
        }
        if let Some(use_instead) = term.use_instead.as_ref() {
            let _ = writeln!(out, "use: {}", scalar(use_instead));
        }
    }
    if !entry.facts.is_empty() {
        out.push_str("facts:\n");
        for fact in &entry.facts {
            let _ = writeln!(out, "  - {}", scalar(fact));
        }
    }
    if !entry.sources.is_empty() {
        out.push_str("sources:\n");
        for source in &entry.sources {
            let _ = writeln!(out, "  - {{ title: {}, url: {} }}", scalar(&source.title), scalar(&source.url));
        }
    }
    if !entry.quiz.is_empty() {
        out.push_str("quiz:\n");
        for question in &entry.quiz {
            let _ = writeln!(out, "  - question: {}", scalar(&question.question));
            let choices: Vec<String> = question.choices.iter().map(|c| scalar(c)).collect();
            let _ = writeln!(out, "    choices: [{}]", choices.join(", "));
            let _ = writeln!(out, "    answer: {}", question.answer);
            if let Some(explanation) = &question.explanation {
                let _ = writeln!(out, "    explanation: {}", scalar(explanation));
            }
        }
    }
    if let Some(updated) = &entry.updated {
        let _ = writeln!(out, "updated: {}", scalar_date(updated));
    }
    if let Some(source) = &entry.source {
        let _ = writeln!(out, "source: {}", scalar(source));
    }
    if let Some(term) = &entry.term {
        if !term.autolink {
            out.push_str("autolink: false\n");
        }
        if term.draft {
            out.push_str("draft: true\n");
        }
        flow_list(&mut out, "redirect_from", &term.redirect_from);
    }
    out.push_str("---\n");
    out.push_str(&entry.body);
    out
}

fn flow_list(out: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let items: Vec<String> = items.iter().map(|i| scalar(i)).collect();
    let _ = writeln!(out, "{key}: [{}]", items.join(", "));
}

/// A date as contributors write it (`2026-11-20`, plain) when it is one.
fn scalar_date(text: &str) -> String {
    if crate::frontmatter::is_date(text) {
        text.to_owned()
    } else {
        scalar(text)
    }
}

/// `text` as a YAML scalar that reads back as exactly `text`, in block and
/// flow context alike: plain when nothing in it could mean something else
/// to a YAML reader, double-quoted with escapes otherwise.
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters a YAML reader could take as a line break, a byte-order mark or
/// a control: escaped even inside quotes. All are in the BMP.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Whether `text` reads back as itself unquoted. Deliberately narrow: no
/// indicator or digit first, no flow indicators, `:` or ` #` anywhere, no
/// surrounding spaces, no word YAML reads as a boolean or null.
fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else { return false };
    let last = text.chars().next_back().unwrap_or(first);
    if first.is_whitespace() || last.is_whitespace() || first.is_ascii_digit() {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`+.~=<\\".contains(first) {
        return false;
    }
    if text.chars().any(|c| needs_escape(c) || c == '\t' || ":,[]{}".contains(c)) || text.contains(" #") {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    !matches!(lower.as_str(), "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LangId;
    use crate::source::{ContentKind, FileId, FileRef};
    use crate::util::slug::Slug;

    /// The front matter as glossa reads it back.
    fn read_back(text: &str) -> crate::frontmatter::ParsedFile {
        let file_ref = FileRef {
            file: FileId(0),
            lang: LangId(0),
            kind: ContentKind::Term,
            slug: Slug::parse("x").unwrap(),
            readable: true,
        };
        let mut diags = Vec::new();
        let parsed = crate::frontmatter::parse_file(text, &file_ref, &mut diags);
        let errors: Vec<_> = diags.iter().filter(|d| d.code != crate::diag::Code::ControlCharacter).collect();
        assert!(errors.is_empty() && !parsed.broken, "{text}\n{errors:?}");
        parsed
    }

    fn entry(title: &str) -> Entry {
        Entry {
            slug: Slug::parse("x").unwrap(),
            lang: LangId(0),
            at: crate::source::Span::file_start(FileId(0)),
            title: title.to_owned(),
            summary: "S.".to_owned(),
            aliases: Vec::new(),
            sort_as: None,
            sense: None,
            facts: Vec::new(),
            sources: Vec::new(),
            quiz: Vec::new(),
            updated: None,
            source: None,
            term: None,
            body: String::new(),
        }
    }

    const HOSTILE: &[&str] = &[
        "plain words",
        "스테이킹 (Staking)",
        "\"quoted\"",
        "it's",
        "'single'",
        "key: value",
        "ends with colon:",
        "a # comment?",
        "#hash",
        "C#",
        "- dash",
        "-1",
        "? question",
        "[bracket]",
        "{brace}",
        "a, b",
        "*star",
        "&anchor",
        "!tag",
        "|pipe",
        ">fold",
        "%percent",
        "@at",
        "`tick`",
        "true",
        "No",
        "null",
        "~",
        "2026-11-20",
        "0x1F",
        "1e5",
        ".inf",
        " leading",
        "trailing ",
        "two\nlines",
        "crlf\r\nend",
        "tab\there",
        "back\\slash \\n",
        "bell\u{7}",
        "line\u{2028}separator",
        "\u{feff}bom",
        "emoji 🦀",
        "<script>alert(1)</script>",
        "---",
        "...",
        "a: [b, {c}]",
    ];

    #[test]
    fn hostile_text_reads_back_as_itself() {
        for text in HOSTILE {
            let mut e = entry(text);
            e.summary = format!("{text} summary");
            e.aliases = vec![(*text).to_owned(), "plain".to_owned()];
            e.facts = vec![(*text).to_owned()];
            e.sources =
                vec![super::super::Source { title: (*text).to_owned(), url: "https://example.org/a?b=c#d".into() }];
            e.quiz = vec![super::super::Question {
                question: (*text).to_owned(),
                choices: vec![(*text).to_owned(), "other".to_owned()],
                answer: 1,
                explanation: Some((*text).to_owned()),
            }];
            e.body = "body\n".to_owned();
            let rendered = render(&e);
            let parsed = read_back(&rendered);
            let front = &parsed.front;
            assert_eq!(front.title.value, *text, "{rendered}");
            assert_eq!(front.summary.value, format!("{text} summary"));
            assert_eq!(front.aliases[0].value, *text);
            assert_eq!(front.facts[0].value, *text);
            assert_eq!(front.sources[0].title.value, *text);
            assert_eq!(front.sources[0].url.value, "https://example.org/a?b=c#d");
            let quiz = front.quiz.as_ref().unwrap();
            assert_eq!(quiz[0].question.value, *text);
            assert_eq!(quiz[0].choices[0].value, *text);
            assert_eq!(quiz[0].explanation.as_ref().unwrap().value, *text);
            assert_eq!(&rendered[parsed.body], "body\n");
        }
    }

    #[test]
    fn term_keys_are_written_only_when_set() {
        let mut e = entry("Staking");
        e.term = Some(super::super::TermWide {
            tags: vec!["on".into(), "defi".into()],
            prerequisites: vec!["2fa".into()],
            draft: true,
            autolink: false,
            redirect_from: vec!["old".into()],
            ..Default::default()
        });
        e.updated = Some("2026-11-20".into());
        let rendered = render(&e);
        assert!(rendered.contains("\nupdated: 2026-11-20\n"), "{rendered}");
        let front = read_back(&rendered).front;
        let declared = front.declared;
        let values = |list: Option<Vec<crate::source::Spanned<String>>>| -> Vec<String> {
            list.unwrap_or_default().into_iter().map(|s| s.value).collect()
        };
        assert_eq!(values(declared.tags), ["on", "defi"]);
        assert_eq!(values(declared.prerequisites), ["2fa"]);
        assert!(declared.draft && !declared.autolink);
        assert_eq!(declared.redirect_from[0].value, "old");
        assert_eq!(front.updated.unwrap().value, "2026-11-20");
        let minimal = render(&entry("Staking"));
        assert_eq!(minimal, "---\ntitle: Staking\nsummary: S.\n---\n");
    }
}
