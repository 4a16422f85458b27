//! Fenced-code highlighting with syntect: CSS classes only (a light and a dark
//! stylesheet chosen by `prefers-color-scheme`), never inline colours. The
//! syntax set is loaded once per process and shared by every thread.

use std::sync::OnceLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::util::text::escape_html;

/// Prefix of every highlighting class (`hl-keyword` …), so themes cannot collide with the site's.
pub const CLASS_PREFIX: &str = "hl-";
const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: CLASS_PREFIX };

/// The shared syntax set: syntect's defaults plus two-face's extra syntaxes
/// (Solidity, TOML, TypeScript …).
pub fn syntaxes() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(two_face::syntax::extra_newlines)
}

/// A code block as HTML: `<pre><code class="language-x">` with classed spans
/// when the language is known, plain escaped text otherwise.
pub fn code_block(code: &str, info: &str) -> String {
    let lang = language(info);
    let set = syntaxes();
    let syntax = (!lang.is_empty()).then(|| set.find_syntax_by_token(lang)).flatten();
    let body = syntax
        .and_then(|syntax| {
            let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
            for line in LinesWithEndings::from(code) {
                generator.parse_html_for_line_which_includes_newline(line).ok()?;
            }
            Some(generator.finalize())
        })
        .unwrap_or_else(|| escape_html(code));
    wrap(lang, &body)
}

/// A code block without highlighting (the same markup, escaped text).
pub fn plain_block(code: &str, info: &str) -> String {
    wrap(language(info), &escape_html(code))
}

/// The language token of a fence's info string (`rust,ignore` → `rust`).
fn language(info: &str) -> &str {
    info.split([' ', ',', '{']).next().unwrap_or_default().trim()
}

fn wrap(lang: &str, body: &str) -> String {
    let class = if lang.is_empty() { String::new() } else { format!(" class=\"language-{}\"", escape_html(lang)) };
    format!("<pre class=\"code\"><code{class}>{body}</code></pre>\n")
}

/// Highlighted blocks by language and code, so a block that appears in
/// several entries (translations keep their code) is highlighted once.
#[derive(Default)]
pub struct HighlightCache {
    blocks: std::sync::Mutex<std::collections::HashMap<(String, String), std::sync::Arc<str>>>,
}

impl HighlightCache {
    /// The highlighted HTML of `code` in the language of `info`.
    pub fn code_block(&self, code: &str, info: &str) -> std::sync::Arc<str> {
        let key = (language(info).to_owned(), code.to_owned());
        if let Some(html) = self.lock().get(&key) {
            return std::sync::Arc::clone(html);
        }
        // Highlight outside the lock: blocks are highlighted in parallel.
        let html: std::sync::Arc<str> = code_block(code, info).into();
        self.lock().entry(key).or_insert(html).clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<(String, String), std::sync::Arc<str>>> {
        self.blocks.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The highlighting stylesheet: a light theme, and a dark one inside
/// `@media (prefers-color-scheme: dark)`. Built once per process.
pub fn stylesheet() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(build_stylesheet)
}

fn build_stylesheet() -> String {
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|theme| syntect::html::css_for_theme_with_class_style(theme, CLASS_STYLE).ok())
            .unwrap_or_default()
    };
    let dark = css("base16-ocean.dark");
    let indented: String = dark.lines().map(|l| format!("  {l}\n")).collect();
    format!(
        "/* Code highlighting: light theme (InspiredGitHub), dark theme (base16-ocean.dark). */\n{}\n@media (prefers-color-scheme: dark) {{\n{indented}}}\n",
        css("InspiredGitHub")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_get_classes_and_no_inline_style() {
        let html = code_block("contract Token { uint256 x; }\n", "solidity");
        assert!(html.contains("class=\"language-solidity\""));
        assert!(html.contains("hl-"), "{html}");
        assert!(!html.contains("style="));
    }

    #[test]
    fn unknown_languages_are_escaped_text() {
        let html = code_block("<script>alert(1)</script>\n", "nosuchlang");
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn stylesheet_has_both_schemes() {
        let css = stylesheet();
        assert!(css.contains(".hl-"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
