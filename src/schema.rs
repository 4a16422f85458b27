//! Typed reading of a positioned YAML tree against a fixed set of keys: every
//! unknown key, missing value and wrong type becomes a diagnostic pointing at
//! the node itself, and reading goes on so a file reports all its problems.

use crate::diag::{suggest, Code, Diagnostic};
use crate::source::{FileId, Span};
use crate::util::text::is_stray_control;
use crate::yaml::Node;

/// A control character as messages name it: `U+001B (escape)`.
pub fn describe_control(c: char) -> String {
    let name = match c {
        '\u{0}' => " (null)",
        '\u{7}' => " (bell)",
        '\u{8}' => " (backspace)",
        '\u{B}' => " (vertical tab)",
        '\u{C}' => " (form feed)",
        '\u{1B}' => " (escape)",
        '\u{7F}' => " (delete)",
        _ => "",
    };
    format!("{}{name}", crate::util::text::code_point(c))
}

/// Reads nodes of one YAML document found at byte `base` of `file`.
pub struct Reader<'d> {
    file: FileId,
    base: usize,
    /// The document's text (the node spans index it).
    text: &'d str,
    diags: &'d mut Vec<Diagnostic>,
}

impl<'d> Reader<'d> {
    /// A reader for the document `text`, found at byte `base` of `file`.
    pub fn new(file: FileId, base: usize, text: &'d str, diags: &'d mut Vec<Diagnostic>) -> Reader<'d> {
        Reader { file, base, text, diags }
    }

    /// The file span of `node`.
    pub fn span(&self, node: &Node) -> Span {
        Span::new(self.file, self.base + node.span.start..self.base + node.span.end)
    }

    /// Records a diagnostic at `node`.
    pub fn report(&mut self, code: Code, node: &Node, message: impl Into<String>, help: Option<String>) {
        let span = self.span(node);
        self.report_at(code, span, message, help);
    }

    /// Records a diagnostic at `span` (of this reader's file).
    pub fn report_at(&mut self, code: Code, span: Span, message: impl Into<String>, help: Option<String>) {
        self.diags.push(Diagnostic::new(code, Some(span), message).with_optional_help(help));
    }

    /// The entries of a mapping whose keys are all in `known`. Unknown and
    /// repeated keys are reported (with the nearest known key) and skipped.
    pub fn fields<'n>(&mut self, node: &'n Node, what: &str, known: &[&'static str]) -> Fields<'n> {
        let mut fields = Fields { entries: Vec::new(), span_node: node };
        let Some(entries) = node.as_map() else {
            if !node.is_null() {
                self.report(
                    Code::InvalidValue,
                    node,
                    format!("{what} must be a mapping of keys to values, found {}", node.kind()),
                    None,
                );
            }
            return fields;
        };
        for (key, value) in entries {
            let Some(name) = key.as_str() else {
                self.report(Code::UnknownField, key, format!("{what} has a key that is not text"), None);
                continue;
            };
            if !known.contains(&name) {
                let help = suggest::did_you_mean(name, known.iter().copied())
                    .or_else(|| Some(format!("the known keys are: {}", known.join(", "))));
                self.report(Code::UnknownField, key, format!("unknown key `{name}` in {what}"), help);
            } else if fields.entries.iter().any(|(k, _, _)| *k == name) {
                self.report(
                    Code::InvalidValue,
                    key,
                    format!("key `{name}` is given twice in {what}"),
                    Some("remove one of them".to_owned()),
                );
            } else {
                let known_name = known.iter().copied().find(|k| *k == name).unwrap_or_default();
                fields.entries.push((known_name, key, value));
            }
        }
        fields
    }

    /// A non-empty text value; reports `code` when it is absent or empty.
    pub fn required_text(&mut self, fields: &Fields<'_>, key: &str, code: Code, what: &str) -> Option<String> {
        match fields.get(key) {
            Some(node) => {
                let text = self.text(node, key)?;
                if text.trim().is_empty() {
                    self.report(code, node, format!("`{key}` of {what} is empty"), Some(format!("write the {key}")));
                    None
                } else {
                    Some(text)
                }
            }
            None => {
                let span = Span::new(
                    self.file,
                    self.base + fields.span_node.span.start..self.base + fields.span_node.span.start,
                );
                self.diags.push(
                    Diagnostic::new(code, Some(span), format!("{what} has no `{key}`"))
                        .with_help(format!("add `{key}: ...`")),
                );
                None
            }
        }
    }

    /// A text value (null counts as absent). A control character in it is
    /// reported where it was written (or at the value, when it came from an
    /// escape such as `"\e"`); the text is still returned, so nothing else
    /// cascades from the error.
    pub fn text(&mut self, node: &Node, key: &str) -> Option<String> {
        if node.is_null() {
            return None;
        }
        match node.as_str() {
            Some(text) => {
                if let Some(control) = text.chars().find(|&c| is_stray_control(c)) {
                    let written = self.text.get(node.span.clone()).unwrap_or_default();
                    let at = written.find(control).map_or(node.span.start, |i| node.span.start + i);
                    let span = Span::new(self.file, self.base + at..self.base + at + control.len_utf8());
                    self.report_at(
                        Code::ControlCharacter,
                        span,
                        format!("`{key}` contains the control character {}", describe_control(control)),
                        Some(
                            "delete it: it is invisible in most editors, and feeds and HTML cannot carry it".to_owned(),
                        ),
                    );
                }
                Some(text.to_owned())
            }
            None => {
                self.report(Code::InvalidValue, node, format!("`{key}` must be text, found {}", node.kind()), None);
                None
            }
        }
    }

    /// An optional boolean.
    pub fn bool(&mut self, node: &Node, key: &str) -> Option<bool> {
        let value = node.as_bool();
        if value.is_none() && !node.is_null() {
            self.report(Code::InvalidValue, node, format!("`{key}` must be true or false"), None);
        }
        value
    }

    /// A list of nodes; a single scalar is not a list.
    pub fn list<'n>(&mut self, node: &'n Node, key: &str) -> &'n [Node] {
        if node.is_null() {
            return &[];
        }
        match node.as_seq() {
            Some(items) => items,
            None => {
                self.report(
                    Code::InvalidValue,
                    node,
                    format!("`{key}` must be a list, found {}", node.kind()),
                    Some(format!("write `{key}: [a, b]` or one `- item` a line")),
                );
                &[]
            }
        }
    }

    /// A list of text items, each with its position.
    pub fn text_list(&mut self, node: &Node, key: &str) -> Vec<(String, Span)> {
        let items = self.list(node, key);
        items
            .iter()
            .filter_map(|item| {
                let text = self.text(item, key)?;
                Some((text, self.span(item)))
            })
            .collect()
    }
}

/// Known keys of one mapping, with their key and value nodes.
pub struct Fields<'n> {
    entries: Vec<(&'static str, &'n Node, &'n Node)>,
    span_node: &'n Node,
}

impl<'n> Fields<'n> {
    /// The value of `key`, if given.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries.iter().find(|(k, _, _)| *k == key).map(|(_, _, v)| *v)
    }

    /// The key node of `key`, if given.
    pub fn key(&self, key: &str) -> Option<&'n Node> {
        self.entries.iter().find(|(k, _, _)| *k == key).map(|(_, k, _)| *k)
    }
}
