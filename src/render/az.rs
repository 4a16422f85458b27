//! The A–Z index: Latin titles grouped by first letter, Hangul titles by
//! initial consonant (ㄱ ㄴ ㄷ … ㅎ, doubled consonants with their single
//! form), digits and everything else last.

use std::cmp::Ordering;

/// The group a title falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Group {
    /// An uppercase Latin letter.
    Latin(char),
    /// A Hangul initial consonant (compatibility jamo).
    Hangul(char),
    /// Digits, other scripts and symbols.
    Other,
}

/// The 19 initial consonants of Hangul syllables, in syllable order.
const INITIALS: [char; 19] =
    ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

fn fold_double(c: char) -> char {
    match c {
        'ㄲ' => 'ㄱ',
        'ㄸ' => 'ㄷ',
        'ㅃ' => 'ㅂ',
        'ㅆ' => 'ㅅ',
        'ㅉ' => 'ㅈ',
        other => other,
    }
}

impl Group {
    /// The group of `title`, from its first letter or digit.
    pub(super) fn of(title: &str) -> Group {
        let Some(c) = title.chars().find(|c| c.is_alphanumeric()) else { return Group::Other };
        if let Some(latin) = latin_base(c) {
            return Group::Latin(latin);
        }
        let code = u32::from(c);
        if (0xAC00..=0xD7A3).contains(&code) {
            let index = ((code - 0xAC00) / 588) as usize;
            return Group::Hangul(fold_double(INITIALS[index]));
        }
        if INITIALS.contains(&c) {
            return Group::Hangul(fold_double(c));
        }
        Group::Other
    }

    /// The group's heading (`A`, `ㄱ`, `#`).
    pub(super) fn label(self) -> String {
        match self {
            Group::Latin(c) | Group::Hangul(c) => c.to_string(),
            Group::Other => "#".to_owned(),
        }
    }

    /// Whether the label is a Hangul consonant, whose glyph fills about
    /// half the em box a Latin capital does and is drawn larger to match.
    pub(super) fn small_glyph(self) -> bool {
        matches!(self, Group::Hangul(_))
    }

    /// An id for the group's anchor.
    pub(super) fn id(self) -> String {
        match self {
            Group::Latin(c) => format!("az-{}", c.to_ascii_lowercase()),
            Group::Hangul(c) => format!("az-{c}"),
            Group::Other => "az-other".to_owned(),
        }
    }

    /// The name of the folder of the group's own pages: `a`, `ㄱ`, `other`.
    pub(super) fn folder(self) -> String {
        match self {
            Group::Latin(c) => c.to_ascii_lowercase().to_string(),
            Group::Hangul(c) => c.to_string(),
            Group::Other => "other".to_owned(),
        }
    }

    /// Order of groups on a page: the page's own script first (Hangul on
    /// Korean pages), then the other, then everything else.
    pub(super) fn cmp_for(self, other: Group, hangul_first: bool) -> Ordering {
        let rank = |g: Group| match g {
            Group::Latin(_) => u8::from(hangul_first),
            Group::Hangul(_) => u8::from(!hangul_first),
            Group::Other => 2,
        };
        rank(self).cmp(&rank(other)).then(self.cmp(&other))
    }
}

/// The uppercase ASCII base letter of a Latin letter, diacritics removed for
/// the common Latin-1 and Latin Extended-A letters.
fn latin_base(c: char) -> Option<char> {
    if c.is_ascii_alphabetic() {
        return Some(c.to_ascii_uppercase());
    }
    let base = match c.to_lowercase().next()? {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'A',
        'ç' | 'ć' | 'č' => 'C',
        'ď' | 'đ' => 'D',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'E',
        'ì'..='ï' | 'ī' | 'į' => 'I',
        'ñ' | 'ń' | 'ň' => 'N',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'O',
        'ś' | 'š' | 'ş' => 'S',
        'ť' | 'ţ' => 'T',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'U',
        'ý' | 'ÿ' => 'Y',
        'ź' | 'ż' | 'ž' => 'Z',
        'ß' => 'S',
        _ => return None,
    };
    Some(base)
}

/// Sort key of a title within its group: case-insensitive, then as written.
pub(super) fn sort_key(title: &str) -> (String, String) {
    (title.to_lowercase(), title.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_titles_by_script() {
        let cases = [
            ("Staking", Group::Latin('S')),
            ("ether", Group::Latin('E')),
            ("Éther", Group::Latin('E')),
            ("스테이킹", Group::Hangul('ㅅ')),
            ("슬래싱", Group::Hangul('ㅅ')),
            ("깃허브", Group::Hangul('ㄱ')),
            ("따라하기", Group::Hangul('ㄷ')),
            ("검증자", Group::Hangul('ㄱ')),
            ("하드포크", Group::Hangul('ㅎ')),
            ("유동성", Group::Hangul('ㅇ')),
            ("ㅋ", Group::Hangul('ㅋ')),
            ("51% attack", Group::Other),
            ("\"Quoted\"", Group::Latin('Q')),
            ("Ωmega", Group::Other),
            ("", Group::Other),
        ];
        for (title, group) in cases {
            assert_eq!(Group::of(title), group, "{title}");
        }
    }

    #[test]
    fn orders_groups_per_page_language() {
        let mut groups =
            vec![Group::Other, Group::Hangul('ㄱ'), Group::Latin('B'), Group::Latin('A'), Group::Hangul('ㄴ')];
        groups.sort_by(|a, b| a.cmp_for(*b, true));
        assert_eq!(
            groups,
            [Group::Hangul('ㄱ'), Group::Hangul('ㄴ'), Group::Latin('A'), Group::Latin('B'), Group::Other]
        );
        groups.sort_by(|a, b| a.cmp_for(*b, false));
        assert_eq!(
            groups,
            [Group::Latin('A'), Group::Latin('B'), Group::Hangul('ㄱ'), Group::Hangul('ㄴ'), Group::Other]
        );
    }
}
