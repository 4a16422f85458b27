//! The A–Z index: Latin titles grouped by first letter, Hangul titles by
//! initial consonant (ㄱ ㄴ ㄷ … ㅎ, doubled consonants with their single
//! form), kana by gojūon row (あ か さ … わ, katakana with hiragana) on
//! Japanese pages, Han characters by the initial of their pinyin on Chinese
//! pages, digits and everything else last.

use std::cmp::Ordering;

/// The group a title falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Group {
    /// An uppercase Latin letter.
    Latin(char),
    /// A Hangul initial consonant (compatibility jamo).
    Hangul(char),
    /// A row of the kana table, named by its first hiragana (あ か さ …).
    Kana(char),
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

/// How one language orders and groups its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Collation {
    /// Korean: Hangul groups first.
    Korean,
    /// Japanese: kana rows first; Han characters only through `sort_as`.
    Japanese,
    /// Chinese: Han characters under the Latin letter of their pinyin.
    Chinese,
    /// Everything else: Latin letters first.
    Latin,
}

impl Collation {
    /// The collation of language `code` (`ja`, `zh-Hant`, `ko-KR`).
    pub(super) fn of(code: &str) -> Collation {
        match code.split('-').next().unwrap_or_default().to_ascii_lowercase().as_str() {
            "ko" => Collation::Korean,
            "ja" => Collation::Japanese,
            "zh" => Collation::Chinese,
            _ => Collation::Latin,
        }
    }
}

/// The hiragana of a katakana letter; other characters as they are.
fn hiragana(c: char) -> char {
    match u32::from(c) {
        code @ 0x30A1..=0x30F6 => char::from_u32(code - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// The gojūon row of a kana (small, voiced and semi-voiced forms with their
/// base), named by the row's first hiragana.
fn kana_row(c: char) -> Option<char> {
    let row = match u32::from(hiragana(c)) {
        0x3041..=0x304A | 0x3094 => 'あ',
        0x304B..=0x3054 | 0x3095 | 0x3096 => 'か',
        0x3055..=0x305E => 'さ',
        0x305F..=0x3069 => 'た',
        0x306A..=0x306E => 'な',
        0x306F..=0x307D => 'は',
        0x307E..=0x3082 => 'ま',
        0x3083..=0x3088 => 'や',
        0x3089..=0x308D => 'ら',
        0x308E..=0x3093 => 'わ',
        _ => match c {
            'ヷ'..='ヺ' => 'わ',
            _ => return None,
        },
    };
    Some(row)
}

/// The pinyin of a Han character, without tones (`zhong` for 中).
fn pinyin(c: char) -> Option<&'static str> {
    use pinyin::ToPinyin;
    c.to_pinyin().map(|p| p.plain())
}

impl Group {
    /// The group of `title` under `collation`, from its first letter or digit.
    pub(super) fn of(title: &str, collation: Collation) -> Group {
        let Some(c) = title.chars().find(|c| c.is_alphanumeric()) else { return Group::Other };
        if let Some(latin) = latin_base(c) {
            return Group::Latin(latin);
        }
        if collation == Collation::Japanese {
            if let Some(row) = kana_row(c) {
                return Group::Kana(row);
            }
        }
        if collation == Collation::Chinese {
            if let Some(initial) = pinyin(c).and_then(|p| p.chars().next()).and_then(latin_base) {
                return Group::Latin(initial);
            }
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
            Group::Latin(c) | Group::Hangul(c) | Group::Kana(c) => c.to_string(),
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
            Group::Hangul(c) | Group::Kana(c) => format!("az-{c}"),
            Group::Other => "az-other".to_owned(),
        }
    }

    /// The name of the folder of the group's own pages: `a`, `ㄱ`, `other`.
    pub(super) fn folder(self) -> String {
        match self {
            Group::Latin(c) => c.to_ascii_lowercase().to_string(),
            Group::Hangul(c) | Group::Kana(c) => c.to_string(),
            Group::Other => "other".to_owned(),
        }
    }

    /// Order of groups on a page: the page's own script first (Hangul on
    /// Korean pages, kana on Japanese ones), then Latin, then the others,
    /// then everything else.
    pub(super) fn cmp_for(self, other: Group, collation: Collation) -> Ordering {
        let rank = |g: Group| match (g, collation) {
            (Group::Hangul(_), Collation::Korean) | (Group::Kana(_), Collation::Japanese) => 0,
            (Group::Latin(_), _) => 1,
            (Group::Hangul(_) | Group::Kana(_), _) => 2,
            (Group::Other, _) => 3,
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

/// Sort key of a title within its group: case-insensitive, katakana as
/// hiragana on Japanese pages, Han characters as pinyin on Chinese pages,
/// then as written.
pub(super) fn sort_key(title: &str, collation: Collation) -> (String, String) {
    let key = match collation {
        // The prolonged sound mark only lengthens the vowel before it.
        Collation::Japanese => title.chars().filter(|&c| c != 'ー').map(hiragana).collect::<String>().to_lowercase(),
        Collation::Chinese => {
            let mut key = String::with_capacity(title.len() * 2);
            for c in title.chars() {
                match pinyin(c) {
                    Some(p) => key.push_str(p),
                    None => key.extend(c.to_lowercase()),
                }
            }
            key
        }
        Collation::Korean | Collation::Latin => title.to_lowercase(),
    };
    (key, title.to_owned())
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
            assert_eq!(Group::of(title, Collation::Korean), group, "{title}");
        }
    }

    #[test]
    fn groups_kana_by_row_and_han_by_pinyin() {
        let japanese = [
            ("ステーキング", 'さ'),
            ("バリデーター", 'は'),
            ("トークン", 'た'),
            ("ぱすわーど", 'は'),
            ("ヴォールト", 'あ'),
            ("ンゴマ", 'わ'),
            ("ゃ", 'や'),
        ];
        for (title, row) in japanese {
            assert_eq!(Group::of(title, Collation::Japanese), Group::Kana(row), "{title}");
        }
        assert_eq!(Group::of("検証者", Collation::Japanese), Group::Other);
        assert_eq!(Group::of("ERC-20", Collation::Japanese), Group::Latin('E'));
        assert_eq!(Group::of("ステーキング", Collation::Latin), Group::Other);
        assert_eq!(Group::of("智能合约", Collation::Chinese), Group::Latin('Z'));
        assert_eq!(Group::of("验证者", Collation::Chinese), Group::Latin('Y'));
        assert_eq!(Group::of("质押", Collation::Chinese), Group::Latin('Z'));
        assert!(sort_key("代币", Collation::Chinese) < sort_key("质押", Collation::Chinese));
        assert!(sort_key("トークン", Collation::Japanese) < sort_key("とまと", Collation::Japanese));
        assert!(sort_key("ハッシュ関数", Collation::Japanese) < sort_key("バリデーター", Collation::Japanese));
    }

    #[test]
    fn orders_groups_per_page_language() {
        let mut groups =
            vec![Group::Other, Group::Hangul('ㄱ'), Group::Latin('B'), Group::Latin('A'), Group::Hangul('ㄴ')];
        groups.sort_by(|a, b| a.cmp_for(*b, Collation::Korean));
        assert_eq!(
            groups,
            [Group::Hangul('ㄱ'), Group::Hangul('ㄴ'), Group::Latin('A'), Group::Latin('B'), Group::Other]
        );
        groups.sort_by(|a, b| a.cmp_for(*b, Collation::Latin));
        assert_eq!(
            groups,
            [Group::Latin('A'), Group::Latin('B'), Group::Hangul('ㄱ'), Group::Hangul('ㄴ'), Group::Other]
        );
    }
}
