//! URL safety: which link targets written by contributors may reach a page.

/// Schemes a contributor may link to. Anything else (`javascript:`, `data:`,
/// `vbscript:`, `file:` …) is rejected as `unsafe-url`.
const SAFE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Whether `url` is a relative reference or uses a safe scheme.
///
/// Browsers ignore ASCII tab and newline inside a scheme and leading control
/// characters or spaces, so those are stripped before the scheme is read, as a
/// browser would.
pub fn is_safe(url: &str) -> bool {
    let cleaned: String =
        url.trim_start_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    match scheme(&cleaned) {
        None => true,
        Some(s) => SAFE_SCHEMES.iter().any(|safe| s.eq_ignore_ascii_case(safe)),
    }
}

/// The scheme of `url`, if it has one: the text before a `:` that comes
/// before any `/`, `?` or `#`.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    url[end..].starts_with(':').then(|| &url[..end])
}

/// `url` with the characters a URL may not contain as they are (space,
/// `"`, `<`, `>`, backtick, `{`, `}`, `|`, `\`, `^`, controls)
/// percent-encoded, so that an attribute holds a valid URL.
pub fn encode_unsafe(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_control() || matches!(c, ' ' | '"' | '<' | '>' | '`' | '{' | '}' | '|' | '\\' | '^') {
            let mut buffer = [0u8; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `url` is absolute with an http(s) scheme (required for `base_url`).
pub fn is_absolute_http(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.split("://").nth(1).is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_urls() {
        let cases = [
            ("https://ethereum.org/", true),
            ("HTTP://example.org", true),
            ("mailto:a@b.c", true),
            ("../staking/", true),
            ("/en/terms/x/", true),
            ("#expert", true),
            ("page?x=a:b", true),
            ("javascript:alert(1)", false),
            ("JaVaScRiPt:alert(1)", false),
            (" javascript:alert(1)", false),
            ("java\tscript:alert(1)", false),
            ("\u{1}javascript:alert(1)", false),
            ("data:text/html,<script>", false),
            ("vbscript:x", false),
            ("file:///etc/passwd", false),
            ("ftp://x", false),
        ];
        for (url, safe) in cases {
            assert_eq!(is_safe(url), safe, "{url:?}");
        }
    }

    #[test]
    fn encodes_what_may_not_stand_in_a_url() {
        assert_eq!(encode_unsafe("https://e.org/?a=1&b=\"2\" x"), "https://e.org/?a=1&b=%222%22%20x");
        assert_eq!(encode_unsafe("https://e.org/한국어#ok"), "https://e.org/한국어#ok");
    }

    #[test]
    fn base_url_must_be_absolute_http() {
        assert!(is_absolute_http("https://example.org/glossary/"));
        assert!(is_absolute_http("http://127.0.0.1:1111/"));
        assert!(!is_absolute_http("/glossary/"));
        assert!(!is_absolute_http("https:///x"));
        assert!(!is_absolute_http("ftp://example.org/"));
    }
}
