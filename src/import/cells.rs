//! The values inside CSV cells: lists joined with ` | ` (a `|` in an item
//! written `\|`, a backslash `\\`), sources as `title <url>`, the quiz as
//! JSON, and booleans. The inverse of what the CSV export writes.

use super::{Question, Source};

/// The items of a list cell; an empty cell is an empty list. The separator
/// is `|` with one space on each side taken off, so items keep any other
/// spacing exactly as exported.
pub(crate) fn list(cell: &str) -> Result<Vec<String>, String> {
    if cell.is_empty() {
        return Ok(Vec::new());
    }
    let mut items = vec![String::new()];
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('|' | '\\')) => {
                if let (Some(item), Some(escaped)) = (items.last_mut(), chars.next()) {
                    item.push(escaped);
                }
            }
            '|' => items.push(String::new()),
            c => {
                if let Some(item) = items.last_mut() {
                    item.push(c);
                }
            }
        }
    }
    let last = items.len() - 1;
    let mut trimmed = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let item = if i < last { item.strip_suffix(' ').map(str::to_owned).unwrap_or(item) } else { item };
        let item = if i > 0 { item.strip_prefix(' ').map(str::to_owned).unwrap_or(item) } else { item };
        if item.trim().is_empty() {
            return Err(format!("item {} of the list is empty", i + 1));
        }
        trimmed.push(item);
    }
    Ok(trimmed)
}

/// The sources of a `sources` cell: items `title <url>`.
pub(crate) fn sources(cell: &str) -> Result<Vec<Source>, String> {
    let mut sources = Vec::new();
    for (i, item) in list(cell)?.into_iter().enumerate() {
        let parsed = item
            .strip_suffix('>')
            .and_then(|rest| rest.rfind('<').map(|at| (&rest[..at], &rest[at + 1..])))
            .filter(|(_, url)| !url.is_empty() && !url.contains(char::is_whitespace));
        let Some((title, url)) = parsed else {
            return Err(format!("source {} is not written `title <url>`", i + 1));
        };
        let title = title.strip_suffix(' ').unwrap_or(title);
        if title.trim().is_empty() {
            return Err(format!("source {} has no title before its <url>", i + 1));
        }
        sources.push(Source { title: title.to_owned(), url: url.to_owned() });
    }
    Ok(sources)
}

/// The questions of a `quiz` cell: a JSON array, or nothing.
pub(crate) fn quiz(cell: &str) -> Result<Vec<Question>, String> {
    if cell.trim().is_empty() {
        return Ok(Vec::new());
    }
    let quiz: Vec<Question> = serde_json::from_str(cell).map_err(|e| format!("the quiz is not valid: {e}"))?;
    for (i, question) in quiz.iter().enumerate() {
        if question.question.trim().is_empty() {
            return Err(format!("question {} has no text", i + 1));
        }
        if question.answer >= question.choices.len() {
            return Err(format!(
                "question {}: answer {} is not a choice (there are {})",
                i + 1,
                question.answer,
                question.choices.len()
            ));
        }
    }
    Ok(quiz)
}

/// A `true`/`false` cell; an empty cell is `default`.
pub(crate) fn boolean(cell: &str, default: bool) -> Result<bool, String> {
    match cell {
        "" => Ok(default),
        "true" | "True" | "TRUE" => Ok(true),
        "false" | "False" | "FALSE" => Ok(false),
        other => Err(format!("`{other}` is neither `true` nor `false`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_bars_and_keep_escapes() {
        assert_eq!(list("").unwrap(), Vec::<String>::new());
        assert_eq!(list("a | b").unwrap(), ["a", "b"]);
        assert_eq!(list("a|b").unwrap(), ["a", "b"]);
        assert_eq!(list(r"x \| y | back\\slash").unwrap(), ["x | y", r"back\slash"]);
        assert_eq!(list(r"a\b").unwrap(), [r"a\b"]);
        assert_eq!(list(" lead |  two  ").unwrap(), [" lead", " two  "]);
        assert!(list("a |  | b").is_err());
    }

    #[test]
    fn sources_end_with_a_url_in_brackets() {
        let parsed = sources("Docs <https://a.example/> | A <b> title <https://b.example/x?y=1>").unwrap();
        assert_eq!(parsed[0], Source { title: "Docs".into(), url: "https://a.example/".into() });
        assert_eq!(parsed[1].title, "A <b> title");
        assert!(sources("Docs https://a.example/").is_err());
        assert!(sources("<https://a.example/>").is_err());
    }

    #[test]
    fn quiz_is_json() {
        let parsed = quiz(r#"[{"question":"Q?","choices":["a","b"],"answer":1}]"#).unwrap();
        assert_eq!(parsed[0].answer, 1);
        assert_eq!(parsed[0].explanation, None);
        assert!(quiz(r#"[{"question":"Q?","choices":["a"],"answer":1}]"#).is_err());
        assert!(quiz(r#"[{"question":"Q?","choices":["a","b"],"answer":0,"hint":"x"}]"#).is_err());
        assert!(quiz("[").is_err());
    }
}
