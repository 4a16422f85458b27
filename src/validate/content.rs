//! Lints on what each entry says: missing sections, mis-decoded text,
//! repeated sources, and terms connected to nothing.

use crate::diag::{Code, Diagnostic};
use crate::markdown::Rendered;
use crate::model::{Entry, Glossary};
use crate::source::Span;

/// An entry without its `{#eli5}` or `{#expert}` section.
pub(super) fn missing_sections(entry: &Entry, rendered: &Rendered, diags: &mut Vec<Diagnostic>) {
    {
        let Some(body) = rendered.get(entry, entry.lang).map(|r| &r.body) else { return };
        let end = entry.body.end;
        let at = Span::new(entry.file, end..end);
        let sections = [(!body.parts.eli5, "eli5", "\"Explain like I'm 5\""), (!body.parts.expert, "expert", "expert")];
        for (missing, id, name) in sections {
            if missing {
                diags.push(
                    Diagnostic::new(Code::MissingSection, Some(at), format!("no {name} section ({{#{id}}})"))
                        .with_help(format!("add a level-2 heading ending in {{#{id}}}, e.g. `## … {{#{id}}}`")),
                );
            }
        }
    }
}

/// Character pairs that UTF-8 text turns into when read as Windows-1252 or
/// Latin-1: `â€`, `Ã©`, `Â `…, and the replacement character.
pub(super) fn mojibake(glossary: &Glossary, file: crate::source::FileId, diags: &mut Vec<Diagnostic>) {
    const MAX_PER_FILE: usize = 5;
    {
        let text = &glossary.sources.get(file).text;
        let mut found = 0;
        let mut last_line_start = None;
        for (offset, found_text) in find_mojibake(text) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            if last_line_start == Some(line_start) {
                continue;
            }
            last_line_start = Some(line_start);
            diags.push(
                Diagnostic::new(
                    Code::Mojibake,
                    Some(Span::new(file, offset..offset + found_text.len())),
                    format!("`{found_text}` looks like mis-decoded text"),
                )
                .with_optional_help(
                    repair(found_text).map(|fixed| format!("did you mean `{fixed}`? Re-save the source as UTF-8")),
                ),
            );
            found += 1;
            if found == MAX_PER_FILE {
                break;
            }
        }
    }
}

/// Offsets and text of every suspicious sequence.
fn find_mojibake(text: &str) -> Vec<(usize, &str)> {
    let mut hits = Vec::new();
    // Every character looked for is encoded from 0xC3 (the lead characters)
    // or 0xEF (U+FFFD): text before the first of those bytes holds none.
    let Some(first) = text.bytes().position(|b| b == 0xC3 || b == 0xEF) else { return hits };
    let mut chars = text[first..].char_indices().map(|(i, c)| (first + i, c)).peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\u{FFFD}' {
            hits.push((i, &text[i..i + c.len_utf8()]));
            continue;
        }
        if !matches!(c, 'Ã' | 'Â' | 'â' | 'ì' | 'í' | 'ë' | 'ê' | 'ð') {
            continue;
        }
        // A lead character followed by one or two characters from the
        // Windows-1252 / Latin-1 upper half: the shape of a mis-read UTF-8 sequence.
        let mut end = i + c.len_utf8();
        let mut continuation = 0;
        let max = if c == 'ð' { 3 } else { 2 };
        while let Some(&(j, next)) = chars.peek() {
            if continuation < max && is_cp1252_high(next) {
                end = j + next.len_utf8();
                continuation += 1;
                chars.next();
            } else {
                break;
            }
        }
        let needed = match c {
            'Ã' | 'Â' => 1,
            'ð' => 3,
            _ => 2,
        };
        if continuation >= needed && repair(&text[i..end]).is_some() {
            hits.push((i, &text[i..end]));
        }
    }
    hits
}

/// Characters that the bytes 0x80–0xBF become in Windows-1252 or Latin-1.
fn is_cp1252_high(c: char) -> bool {
    matches!(u32::from(c), 0x80..=0xBF)
        || matches!(
            c,
            '€' | '‚'
                | 'ƒ'
                | '„'
                | '…'
                | '†'
                | '‡'
                | 'ˆ'
                | '‰'
                | 'Š'
                | '‹'
                | 'Œ'
                | 'Ž'
                | '‘'
                | '’'
                | '“'
                | '”'
                | '•'
                | '–'
                | '—'
                | '˜'
                | '™'
                | 'š'
                | '›'
                | 'œ'
                | 'ž'
                | 'Ÿ'
        )
}

/// Re-encodes `text` as Windows-1252 and decodes it as UTF-8: the text the
/// author meant, if that round trip works.
fn repair(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    for c in text.chars() {
        let byte = match c {
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            other => u8::try_from(u32::from(other)).ok()?,
        };
        bytes.push(byte);
    }
    let fixed = String::from_utf8(bytes).ok()?;
    (fixed != text && !fixed.chars().any(|c| c.is_control())).then_some(fixed)
}

/// The same source URL twice in one entry (numbering that repeats itself).
pub(super) fn duplicate_sources(entry: &Entry, diags: &mut Vec<Diagnostic>) {
    {
        let sources = &entry.sources;
        for (i, source) in sources.iter().enumerate() {
            let normalise = |url: &str| url.trim_end_matches('/').to_lowercase();
            if let Some(first) =
                sources[..i].iter().position(|s| normalise(&s.url.value) == normalise(&source.url.value))
            {
                diags.push(
                    Diagnostic::new(
                        Code::DuplicateSource,
                        Some(source.url.span),
                        format!("source {} repeats source {} ({})", i + 1, first + 1, source.url.value),
                    )
                    .with_help("list each source once"),
                );
            }
        }
    }
}

/// A term with no prerequisites, related terms, dependents, or wiki links in or out.
pub(super) fn isolated_terms(glossary: &Glossary, rendered: &Rendered, diags: &mut Vec<Diagnostic>) {
    let mut linked = vec![false; glossary.terms.len()];
    for entry in &glossary.entries {
        let Some(r) = rendered.get(entry, entry.lang) else { continue };
        for &target in &r.body.links {
            if target != entry.term {
                linked[target.index()] = true;
                linked[entry.term.index()] = true;
            }
        }
    }
    let graph = &glossary.graph;
    for term in &glossary.terms {
        let i = term.id.index();
        let connected = linked[i]
            || !graph.prerequisites[i].is_empty()
            || !graph.dependents[i].is_empty()
            || !graph.related[i].is_empty();
        if connected || glossary.terms.len() < 2 {
            continue;
        }
        let Some(entry) = term.entry(glossary.config.default_language).map(|e| glossary.entry(e)) else { continue };
        if entry.broken {
            continue;
        }
        diags.push(
            Diagnostic::new(
                Code::IsolatedTerm,
                Some(entry.title.span),
                format!("`{}` is connected to no other term", term.slug),
            )
            .with_help("add prerequisites or related terms, or link other terms with [[slug]] in its text"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typical_mojibake() {
        let cases = [
            ("an em dash â€” here", Some("â€”"), "—"),
            ("cafÃ© au lait", Some("Ã©"), "é"),
            ("smart â€œquotesâ€\u{9d}", Some("â€œ"), "“"),
            ("Â nbsp", None, ""),
            ("a � b", Some("\u{FFFD}"), ""),
            ("Korean ìŠ¤í…Œì\u{9d}´í‚¹", Some("ìŠ¤"), "스"),
        ];
        for (text, first, fixed) in cases {
            let hits = find_mojibake(text);
            assert_eq!(hits.first().map(|h| h.1), first, "{text}");
            if !fixed.is_empty() {
                assert_eq!(repair(first.unwrap()).as_deref(), Some(fixed));
            }
        }
    }

    #[test]
    fn leaves_real_text_alone() {
        for text in ["Éther, naïve café — “quoted”", "스테이킹 — 검증자", "Ångström, São Paulo, Dürer", "â is a letter"]
        {
            assert!(find_mojibake(text).is_empty(), "{text}: {:?}", find_mojibake(text));
        }
    }
}
