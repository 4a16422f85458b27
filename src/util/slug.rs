//! Slugs: the file-stem identifiers of terms and tags (`^[a-z0-9]+(-[a-z0-9]+)*$`).

use std::fmt;

/// A validated slug. Later stages never see an unchecked string.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Validates `text` against the slug rule.
    pub fn parse(text: &str) -> Option<Slug> {
        is_valid(text).then(|| Slug(text.to_owned()))
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for Slug {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// Whether `text` is lowercase ASCII letters and digits in groups joined by single hyphens.
pub fn is_valid(text: &str) -> bool {
    !text.is_empty()
        && text
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Turns free text (a file stem a user typed) into the closest valid slug, for suggestions.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_rejects_by_the_rule() {
        let cases = [
            ("staking", true),
            ("erc-20", true),
            ("a1-b2-c3", true),
            ("", false),
            ("-staking", false),
            ("staking-", false),
            ("liquid--staking", false),
            ("Liquid-Staking", false),
            ("스테이킹", false),
            ("51%-attack", false),
            ("a_b", false),
        ];
        for (text, valid) in cases {
            assert_eq!(is_valid(text), valid, "{text:?}");
            assert_eq!(Slug::parse(text).is_some(), valid, "{text:?}");
        }
    }

    #[test]
    fn slugify_suggests_a_valid_slug() {
        assert_eq!(slugify("Liquid Staking"), "liquid-staking");
        assert_eq!(slugify("51%-attack"), "51-attack");
        assert_eq!(slugify("__x__"), "x");
        assert!(is_valid(&slugify("Proof of Stake (PoS)")));
    }
}
