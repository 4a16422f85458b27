//! Text helpers: BOM and line-ending normalisation, HTML escaping, heading ids.

/// Strips a UTF-8 byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_html_into(text, &mut out);
    out
}

/// Appends `text` to `out`, escaped for HTML text and quoted attributes.
pub fn escape_html_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
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
    let mut rest = markdown;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("[[") {
            if let Some(end) = after.find("]]") {
                let inner = &after[..end];
                match inner.split_once('|') {
                    Some((_, text)) => out.push_str(text),
                    None => {
                        let slug = inner.split('#').next().unwrap_or(inner).trim();
                        out.push_str(&title(slug).unwrap_or_else(|| slug.to_owned()));
                    }
                }
                rest = &after[end + 2..];
                continue;
            }
        }
        if c == '[' {
            if let Some(close) = rest.find("](") {
                if let Some(paren) = rest[close..].find(')') {
                    out.push_str(&rest[1..close]);
                    rest = &rest[close + paren + 1..];
                    continue;
                }
            }
        }
        if !matches!(c, '*' | '`' | '\\') {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(escape_html(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
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
    }

    #[test]
    fn counts_words_in_both_scripts() {
        assert_eq!(word_count("Staking locks coins."), 3);
        assert_eq!(word_count("스테이킹은 코인을 잠근다"), 3);
    }
}
