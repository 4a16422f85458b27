//! Translation coverage: missing, stale (the source changed since the
//! translation was made) and untranslated (the body is the source's own, or
//! not written in the translation's script).

use crate::diag::{Code, Diagnostic};
use crate::model::status::Status;
use crate::model::{Entry, Glossary, Term};
use crate::source::Span;

/// Missing, stale and untranslated translations of one term.
pub(super) fn lint_term(glossary: &Glossary, term: &Term, statuses: &[Status], diags: &mut Vec<Diagnostic>) {
    let config = &glossary.config;
    let Some(source) = term.entry(config.default_language).map(|id| glossary.entry(id)) else { return };
    let source_path = crate::util::text::slash_path(glossary.sources.path(source.file));
    for lang in config.lang_ids().filter(|l| *l != config.default_language) {
        let code = &config.language(lang).code;
        let entry = term.entry(lang).map(|id| glossary.entry(id));
        match (statuses[lang.0], entry) {
            (Status::Missing, _) | (_, None) if config.language(lang).partial => {}
            (Status::Missing, _) | (_, None) => diags.push(
                Diagnostic::new(
                    Code::MissingTranslation,
                    Some(source.title.span),
                    format!("`{}` has no {code} translation", term.slug),
                )
                .with_help(format!("start it with `glossa new {} --lang {code}`", term.slug)),
            ),
            (Status::Stale, Some(entry)) => {
                let at = entry.source_hash.as_ref().map_or(entry.span, |s| s.span);
                diags.push(
                    Diagnostic::new(Code::StaleTranslation, Some(at), format!("{source_path} changed since this translation was made"))
                        .with_help(format!(
                            "bring the translation up to date, then run `glossa translations --mark-current {} --lang {code}`",
                            term.slug
                        )),
                );
            }
            _ => {}
        }
        if let Some(entry) = entry {
            untranslated(glossary, source, entry, code.as_str(), diags);
        }
    }
}

/// A body copied from the source, or one with almost none of the language's script.
fn untranslated(glossary: &Glossary, source: &Entry, entry: &Entry, code: &str, diags: &mut Vec<Diagnostic>) {
    let body = glossary.body(entry);
    let at = Span::new(entry.file, entry.body.start..entry.body.start);
    if body.split_whitespace().next().is_none() {
        return;
    }
    // The same words in the same order, whatever the spacing.
    if body.split_whitespace().eq(glossary.body(source).split_whitespace()) {
        diags.push(
            Diagnostic::new(Code::Untranslated, Some(at), "the body is the same as the source's")
                .with_help(format!("translate it into {code}")),
        );
        return;
    }
    if let Some(share) = script_share(body, code) {
        if share < 0.2 {
            diags.push(
                Diagnostic::new(
                    Code::Untranslated,
                    Some(at),
                    format!(
                        "the body is barely written in {code}: {:.0}% of its letters are in its script",
                        share * 100.0
                    ),
                )
                .with_help(format!("translate it into {code}")),
            );
        }
    }
}

/// For languages with their own script, the share of letters in that script
/// (code blocks, inline code and link targets excluded as far as cheaply possible).
fn script_share(body: &str, code: &str) -> Option<f64> {
    let in_script: fn(char) -> bool = match code.split('-').next().unwrap_or(code) {
        "ko" => |c| matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}'),
        "ja" => |c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}'),
        "zh" => |c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}'),
        _ => return None,
    };
    let mut in_fence = false;
    let (mut letters, mut native) = (0usize, 0usize);
    for line in body.lines() {
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let mut in_code = false;
        for c in line.chars() {
            if c == '`' {
                in_code = !in_code;
            } else if !in_code {
                // Fast paths first: the Unicode letter table is slow.
                if in_script(c) {
                    letters += 1;
                    native += 1;
                } else if c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic()) {
                    letters += 1;
                }
            }
        }
    }
    (letters >= 40).then(|| native as f64 / letters as f64)
}

#[cfg(test)]
mod tests {
    use super::script_share;

    #[test]
    fn measures_the_share_of_hangul() {
        let korean = "스테이킹은 코인을 잠가 네트워크를 지키는 일입니다. 검증자는 블록을 제안하고 투표합니다. 보상은 ETH로 받고, 잘못하면 슬래싱으로 일부를 잃습니다.";
        assert!(script_share(korean, "ko").unwrap() > 0.8);
        let english = "Staking locks coins to secure a network. Validators propose blocks and vote on them.";
        assert!(script_share(english, "ko").unwrap() < 0.05);
        assert_eq!(script_share(english, "en"), None);
        let code_heavy = "```rust\nfn main() { let staking_rewards_and_more_latin_words = 1; }\n```\n스테이킹은 코인을 잠가 네트워크를 지키는 일입니다. 검증자는 블록을 제안하고 투표합니다. 보상은 이더로 받습니다.";
        assert!(script_share(code_heavy, "ko").unwrap() > 0.8);
    }
}
