//! Fenced-code highlighting with syntect: CSS classes only (a light and a dark
//! stylesheet chosen by `prefers-color-scheme`), never inline colours. The
//! syntax set is loaded once per process and shared by every thread.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use sha2::{Digest, Sha256};

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

/// The regex engine syntect was built with; part of every stored block's key.
#[cfg(feature = "onig")]
pub const ENGINE: &str = "onig";
/// The regex engine syntect was built with; part of every stored block's key.
#[cfg(not(feature = "onig"))]
pub const ENGINE: &str = "fancy";

/// Highlighted blocks by language and code, so a block that appears in
/// several entries (translations keep their code) is highlighted once;
/// backed by the blocks of the previous build when there is a build cache.
#[derive(Default, Clone)]
pub struct HighlightCache {
    store: Arc<BlockStore>,
}

impl HighlightCache {
    /// A cache that looks in `store` before highlighting, and records there
    /// every block it hands out.
    pub fn backed_by(store: Arc<BlockStore>) -> HighlightCache {
        HighlightCache { store }
    }

    /// The highlighted HTML of `code` in the language of `info`.
    pub fn code_block(&self, code: &str, info: &str) -> Arc<str> {
        self.store.get_or_highlight(language(info), code, || code_block(code, info).into())
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A stored block's key: SHA-256 over the engine, glossa's version, the
/// language token and the code.
type BlockKey = [u8; 32];

/// Highlighted blocks kept from one build to the next in the build cache.
/// A build starts from the previous build's blocks and keeps those it used,
/// so the store holds the blocks of the current content only.
#[derive(Default)]
pub struct BlockStore {
    previous: HashMap<BlockKey, Arc<str>>,
    used: Mutex<BTreeMap<BlockKey, Arc<str>>>,
}

impl BlockStore {
    /// The first line of a stored file: the format, glossa's version and the engine.
    fn header() -> String {
        format!("glossa highlighted blocks 1 {} {ENGINE}\n", env!("CARGO_PKG_VERSION"))
    }

    /// Reads a store written by [`BlockStore::to_bytes`]. A file from another
    /// version or engine, or one that is damaged, gives an empty store: the
    /// blocks are then highlighted again.
    pub fn from_bytes(bytes: &[u8]) -> BlockStore {
        Self::parse(bytes).map(|previous| BlockStore { previous, used: Mutex::default() }).unwrap_or_default()
    }

    fn parse(bytes: &[u8]) -> Option<HashMap<BlockKey, Arc<str>>> {
        let mut rest = bytes.strip_prefix(Self::header().as_bytes())?;
        let mut blocks = HashMap::new();
        while !rest.is_empty() {
            let (key, after) = rest.split_first_chunk::<32>()?;
            let (len, after) = after.split_first_chunk::<4>()?;
            let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
            if after.len() < len {
                return None;
            }
            let (html, after) = after.split_at(len);
            blocks.insert(*key, Arc::from(std::str::from_utf8(html).ok()?));
            rest = after;
        }
        Some(blocks)
    }

    /// The blocks used since this store was read, and with `keep_unused`
    /// the previous build's others too (pages taken whole from the previous
    /// build use their blocks without asking for them), in key order.
    pub fn to_bytes(&self, keep_unused: bool) -> Vec<u8> {
        let used = lock(&self.used);
        let mut kept: BTreeMap<&BlockKey, &Arc<str>> = used.iter().collect();
        if keep_unused {
            for (key, html) in &self.previous {
                kept.entry(key).or_insert(html);
            }
        }
        let mut bytes = Self::header().into_bytes();
        for (key, html) in kept {
            let Ok(len) = u32::try_from(html.len()) else { continue };
            bytes.extend_from_slice(key);
            bytes.extend_from_slice(&len.to_le_bytes());
            bytes.extend_from_slice(html.as_bytes());
        }
        bytes
    }

    /// How many blocks the previous build left, and how many this one used.
    pub fn counts(&self) -> (usize, usize) {
        (self.previous.len(), lock(&self.used).len())
    }

    /// The block used before in this build, else the previous build's,
    /// else `highlight()` (outside the lock: blocks are highlighted in parallel).
    fn get_or_highlight(&self, lang: &str, code: &str, highlight: impl FnOnce() -> Arc<str>) -> Arc<str> {
        let key = Self::key(lang, code);
        if let Some(html) = lock(&self.used).get(&key) {
            return Arc::clone(html);
        }
        let html = self.previous.get(&key).cloned().unwrap_or_else(highlight);
        lock(&self.used).entry(key).or_insert(html).clone()
    }

    fn key(lang: &str, code: &str) -> BlockKey {
        let mut hasher = Sha256::new();
        for part in [ENGINE, env!("CARGO_PKG_VERSION"), lang, code] {
            hasher.update(part.as_bytes());
            hasher.update([0u8]);
        }
        hasher.finalize().into()
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
    fn stored_blocks_are_read_back_and_reused() {
        let first = Arc::new(BlockStore::default());
        let cache = HighlightCache::backed_by(Arc::clone(&first));
        let fresh = cache.code_block("fn main() {}\n", "rust");
        assert_eq!(first.counts(), (0, 1));
        let second = Arc::new(BlockStore::from_bytes(&first.to_bytes(false)));
        assert_eq!(second.counts(), (1, 0));
        let reused = HighlightCache::backed_by(Arc::clone(&second)).code_block("fn main() {}\n", "rust");
        assert_eq!(reused, fresh);
        assert_eq!(second.counts(), (1, 1));
        // Blocks no longer used are not kept, unless asked.
        let unused = BlockStore::from_bytes(&first.to_bytes(false));
        assert_eq!(BlockStore::from_bytes(&unused.to_bytes(false)).counts(), (0, 0));
        assert_eq!(BlockStore::from_bytes(&unused.to_bytes(true)).counts(), (1, 0));
    }

    #[test]
    fn a_block_is_highlighted_once_per_build() {
        let cache = HighlightCache::default();
        let first = cache.code_block("let x = 1;\n", "rust");
        let again = cache.clone().code_block("let x = 1;\n", "rust,ignore");
        assert!(Arc::ptr_eq(&first, &again), "the same block, not highlighted again");
    }

    #[test]
    fn damaged_or_foreign_stores_are_empty() {
        let store = Arc::new(BlockStore::default());
        HighlightCache::backed_by(Arc::clone(&store)).code_block("x = 1\n", "python");
        let bytes = store.to_bytes(false);
        assert_eq!(BlockStore::from_bytes(&bytes[..bytes.len() - 1]).counts(), (0, 0));
        assert_eq!(BlockStore::from_bytes(b"glossa highlighted blocks 0\n").counts(), (0, 0));
        assert_eq!(BlockStore::from_bytes(&[]).counts(), (0, 0));
    }

    #[test]
    fn stylesheet_has_both_schemes() {
        let css = stylesheet();
        assert!(css.contains(".hl-"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
