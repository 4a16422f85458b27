//! Text helpers: BOM and line-ending normalisation, HTML escaping, heading
//! ids, and making text safe to print.

use std::borrow::Cow;
use std::path::Path;

/// Strips a UTF-8 byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// A path relative to the root as glossa prints it: `/`-separated on every platform.
pub fn slash_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Whether `c` is a control character that has no place in text: C0 controls
/// other than tab, line feed and carriage return, DEL, and C1 controls.
pub fn is_stray_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
}

/// Characters that reorder the text around them (bidirectional overrides
/// and isolates): printed as they are, they make a line read as something else.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` made safe for a terminal or a CI log, one character for one: C0
/// controls (newlines and tabs included) become their Unicode control
/// pictures (`␛`, `␊`), C1 controls and bidirectional overrides become `�`.
/// A value from content can then neither move the cursor, colour the
/// output, start a new annotation line, nor reorder what is printed.
pub fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() || is_bidi_control(c);
    if !text.contains(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
                '\u{7F}' => '\u{2421}',
                c if unsafe_char(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// A name as a reader tells names apart: NFC-normalised, without invisible
/// characters (zero-width spaces and joiners, word joiners, soft hyphens,
/// byte-order marks), spaces collapsed, lowercase. `Sta\u{200B}king` and
/// `staking`, or a title in NFD and in NFC Hangul, compare equal.
pub fn comparable_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let visible: String =
        name.chars().filter(|c| !matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')).collect();
    let spaced = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    spaced.nfc().collect::<String>().to_lowercase()
}

/// The name of a control character for messages: `U+001B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_html_into(text, &mut out);
    out
}

/// Appends `text` to `out`, escaped for HTML text and quoted attributes.
pub fn escape_html_into(text: &str, out: &mut String) {
    let mut rest = text;
    // Runs without a special character are copied whole.
    while let Some(at) = rest.bytes().position(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// An id for a heading from its text: letters and digits of any script kept
/// (lowercased), runs of anything else turned into one hyphen.
pub fn heading_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() {
        id.push_str("section");
    }
    id
}

/// Whether `c` is a letter or digit, with fast paths for ASCII and Hangul
/// syllables (the Unicode table lookup is slow and these are most text).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_hangul_syllable(c) || c.is_alphanumeric()
    }
}

/// Whether `c` is a precomposed Hangul syllable (가–힣).
pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Number of words: runs of letters or digits, so Hangul words count like Latin ones.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).count()
}

/// Inline Markdown as plain text, cheaply: emphasis and code marks dropped,
/// `[text](url)` and `[[slug|text]]` reduced to their text, `[[slug]]` to
/// what `title` says for the slug. For tooltips and descriptions.
pub fn markdown_plain(markdown: &str, title: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut wiki_close = NextMatch::new(markdown, "]]");
    let mut link_close = NextMatch::new(markdown, "](");
    let mut paren_close = NextMatch::new(markdown, ")");
    let mut at = 0;
    while let Some(c) = markdown[at..].chars().next() {
        let rest = &markdown[at..];
        if rest.starts_with("[[") {
            if let Some(end) = wiki_close.from(at + 2) {
                let inner = &markdown[at + 2..end];
                match inner.split_once('|') {
                    Some((_, text)) => out.push_str(text),
                    None => {
                        let slug = inner.split('#').next().unwrap_or(inner).trim();
                        out.push_str(&title(slug).unwrap_or_else(|| slug.to_owned()));
                    }
                }
                at = end + 2;
                continue;
            }
        }
        if c == '[' {
            if let Some(close) = link_close.from(at) {
                if let Some(paren) = paren_close.from(close) {
                    out.push_str(&markdown[at + 1..close]);
                    at = paren + 1;
                    continue;
                }
            }
        }
        if !matches!(c, '*' | '`' | '\\') {
            out.push(c);
        }
        at += c.len_utf8();
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The next occurrence of a needle at or after a position that only moves
/// forward: each search starts where the last one ended, so text full of
/// openers without closers (`[[[[…`) is scanned once, not once per opener.
struct NextMatch<'a> {
    haystack: &'a str,
    needle: &'static str,
    /// The last answer and the position it was asked from.
    found: Option<(usize, Option<usize>)>,
}

impl<'a> NextMatch<'a> {
    fn new(haystack: &'a str, needle: &'static str) -> NextMatch<'a> {
        NextMatch { haystack, needle, found: None }
    }

    fn from(&mut self, position: usize) -> Option<usize> {
        if let Some((asked, answer)) = self.found {
            match answer {
                Some(at) if at >= position => return Some(at),
                None if position >= asked => return None,
                _ => {}
            }
        }
        let answer = self.haystack.get(position..).and_then(|rest| rest.find(self.needle)).map(|i| position + i);
        self.found = Some((position, answer));
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(escape_html(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(escape_html("스테이킹 & 담보 <x>"), "스테이킹 &amp; 담보 &lt;x&gt;");
        assert_eq!(escape_html("plain"), "plain");
    }

    #[test]
    fn printable_text_keeps_one_character_for_each() {
        assert_eq!(printable("plain 한국어"), "plain 한국어");
        assert_eq!(printable("a\u{1b}[31mred\nnext\u{7f}\u{85}\u{202e}"), "a␛[31mred␊next␡��");
        let hostile = "x\r\n::error::y\t\u{0}";
        assert_eq!(printable(hostile).chars().count(), hostile.chars().count());
        assert!(!printable(hostile).contains(['\r', '\n', '\t', '\0']));
    }

    #[test]
    fn names_that_look_the_same_compare_equal() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "스테이킹".nfd().collect();
        assert_ne!(nfd, "스테이킹");
        assert_eq!(comparable_name(&nfd), comparable_name("스테이킹"));
        assert_eq!(comparable_name("Sta\u{200B}king"), comparable_name("staking"));
        assert_eq!(comparable_name(" Liquid \u{A0} Staking "), "liquid staking");
        assert_ne!(comparable_name("staking"), comparable_name("restaking"));
    }

    #[test]
    fn stray_controls_are_those_text_never_needs() {
        for c in ['\u{0}', '\u{1}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{9f}'] {
            assert!(is_stray_control(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', 'a', '\u{a0}', '\u{200b}'] {
            assert!(!is_stray_control(c), "{c:?}");
        }
    }

    #[test]
    fn heading_ids_keep_hangul() {
        assert_eq!(heading_id("How it works"), "how-it-works");
        assert_eq!(heading_id("작동 원리"), "작동-원리");
        assert_eq!(heading_id("  ERC-20: tokens!  "), "erc-20-tokens");
        assert_eq!(heading_id("!!!"), "section");
    }

    #[test]
    fn strips_only_a_leading_bom() {
        assert_eq!(strip_bom("\u{feff}---"), "---");
        assert_eq!(strip_bom("a\u{feff}"), "a\u{feff}");
    }

    #[test]
    fn inline_markdown_to_plain_text() {
        let title = |slug: &str| (slug == "staking").then(|| "Staking".to_owned());
        assert_eq!(
            markdown_plain("*Locking* `coins` for [[staking]], [[x|the x]] and [a](https://e.org) snake_case", &title),
            "Locking coins for Staking, the x and a snake_case"
        );
        assert_eq!(markdown_plain("[[a]] [[b", &title), "a [[b");
        assert_eq!(markdown_plain("[x [y](u) z", &title), "x [y z");
    }

    #[test]
    fn openers_without_closers_are_read_once() {
        let text = "[[".repeat(200_000) + &"[".repeat(200_000);
        assert_eq!(markdown_plain(&text, &|_| None).len(), text.len());
    }

    #[test]
    fn counts_words_in_both_scripts() {
        assert_eq!(word_count("Staking locks coins."), 3);
        assert_eq!(word_count("스테이킹은 코인을 잠근다"), 3);
    }
}
