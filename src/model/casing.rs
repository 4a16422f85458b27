//! How a title reads in the middle of a sentence. Titles are written in
//! title case ("Liquid Staking"), but most terms are common nouns that prose
//! writes in lower case ("… pools deposits for liquid staking"). A title is
//! taken for a common noun when its own page writes it in lower case; then
//! `[[slug]]` in mid-sentence prints it so. Names with capitals inside a
//! word or in every letter ("EigenLayer", "DeFi", "Token (AI)") never change.

/// The title as printed in mid-sentence, when it differs from the title:
/// the lower-case form, if every capital starts a word and `body` uses that
/// form as a whole word (case-sensitive).
pub fn mid_sentence_form(title: &str, body: &str) -> Option<String> {
    if !is_plain_title_case(title) {
        return None;
    }
    let lower = title.to_lowercase();
    body.match_indices(&lower)
        .any(|(at, found)| {
            let before = body[..at].chars().next_back();
            let after = body[at + found.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .then_some(lower)
}

/// True when the title has a capital and each capital begins a word and is
/// followed by a lower-case letter ("Proof of Stake", "Zero-Knowledge Proof";
/// not "ERC-20", "EigenLayer", "AI").
fn is_plain_title_case(title: &str) -> bool {
    let chars: Vec<char> = title.chars().collect();
    let mut capitals = 0;
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_uppercase() {
            continue;
        }
        capitals += 1;
        let starts_word = i == 0 || matches!(chars[i - 1], ' ' | '-');
        let then_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
        if !starts_word || !then_lower {
            return false;
        }
    }
    capitals > 0
}

#[cfg(test)]
mod tests {
    use super::mid_sentence_form;

    #[test]
    fn common_nouns_are_lowered_when_their_page_writes_them_so() {
        assert_eq!(
            mid_sentence_form("Restaking", "Restaking reuses stake. Native restaking works…"),
            Some("restaking".into())
        );
        assert_eq!(
            mid_sentence_form("Proof of Stake", "Under proof of stake, validators…"),
            Some("proof of stake".into())
        );
        assert_eq!(
            mid_sentence_form("Zero-Knowledge Proof", "a zero-knowledge proof."),
            Some("zero-knowledge proof".into())
        );
    }

    #[test]
    fn names_and_unconfirmed_titles_stay() {
        // Never written in lower case on its page: a name.
        assert_eq!(mid_sentence_form("Ethereum", "Ethereum is a blockchain."), None);
        // Only inside a longer word.
        assert_eq!(mid_sentence_form("Stake", "the staked amount"), None);
        // Capitals inside a word or all capitals.
        assert_eq!(mid_sentence_form("EigenLayer", "eigenlayer"), None);
        assert_eq!(mid_sentence_form("DeFi", "defi"), None);
        assert_eq!(mid_sentence_form("Token (AI)", "token (ai)"), None);
        assert_eq!(mid_sentence_form("ERC-20", "erc-20"), None);
        // No capitals at all (Hangul): nothing to lower.
        assert_eq!(mid_sentence_form("리스테이킹", "리스테이킹"), None);
    }
}
