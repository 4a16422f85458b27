//! The translation source hash: which version of the default-language entry a
//! translation was made from.

use sha2::{Digest, Sha256};

/// Number of hex digits kept from the SHA-256 digest.
pub const SOURCE_HASH_LEN: usize = 12;

/// The parts of a default-language entry that make a translation stale when
/// they change. Tags, sources, `updated` and line endings do not.
pub struct HashInput<'a> {
    /// The title.
    pub title: &'a str,
    /// The one-line summary.
    pub summary: &'a str,
    /// Key facts, in order.
    pub facts: &'a [String],
    /// Quiz questions: question, choices, answer index, explanation.
    pub quiz: Vec<(&'a str, &'a [String], usize, &'a str)>,
    /// The Markdown body after the front matter.
    pub body: &'a str,
}

/// First [`SOURCE_HASH_LEN`] hex digits of SHA-256 over the entry's title,
/// summary, facts, quiz and body, each serialised with LF line endings and
/// separated by a NUL byte so that no two different entries serialise alike.
pub fn source_hash(input: &HashInput<'_>) -> String {
    let mut hasher = Sha256::new();
    let mut field = |text: &str| {
        hasher.update(normalise_newlines(text).as_bytes());
        hasher.update([0u8]);
    };
    field(input.title);
    field(input.summary);
    for fact in input.facts {
        field(fact);
    }
    field("\u{1}quiz");
    for (question, choices, answer, explanation) in &input.quiz {
        field(question);
        for choice in *choices {
            field(choice);
        }
        field(&answer.to_string());
        field(explanation);
    }
    field("\u{1}body");
    field(input.body.trim_end());
    let digest = hasher.finalize();
    digest
        .iter()
        .flat_map(|b| [b >> 4, b & 0xf])
        .take(SOURCE_HASH_LEN)
        .map(|nibble| char::from_digit(u32::from(nibble), 16).unwrap_or('0'))
        .collect()
}

fn normalise_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(body: &'a str, facts: &'a [String]) -> HashInput<'a> {
        HashInput { title: "Staking", summary: "Locking coins.", facts, quiz: Vec::new(), body }
    }

    #[test]
    fn line_endings_do_not_change_the_hash() {
        let facts = vec!["One.".to_owned()];
        let lf = source_hash(&input("a\nb\n", &facts));
        let crlf = source_hash(&input("a\r\nb\r\n", &facts));
        assert_eq!(lf, crlf);
        assert_eq!(lf.len(), SOURCE_HASH_LEN);
        assert!(lf.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn content_changes_change_the_hash() {
        let facts = vec!["One.".to_owned()];
        let other = vec!["Two.".to_owned()];
        let base = source_hash(&input("a\n", &facts));
        assert_ne!(base, source_hash(&input("b\n", &facts)));
        assert_ne!(base, source_hash(&input("a\n", &other)));
    }
}
