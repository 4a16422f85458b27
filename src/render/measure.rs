//! How wide text is, estimated without fonts: one model for every SVG glossa
//! draws (the concept graph, concept maps), so labels are cut and wrapped
//! alike everywhere. Widths are in em; CJK, Hangul and emoji count about one
//! em, narrow Latin letters less.

/// What a cut label ends with.
pub(crate) const ELLIPSIS: char = '…';

/// Estimated advance of `c` in em.
pub(crate) fn char_em(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '!' | '\'' | '|' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '{' | '}' | '-' | '/' => 0.4,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.9,
        'A'..='Z' => 0.7,
        '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200D}' => 0.0,
        ELLIPSIS => 1.0,
        c if is_wide(c) => 1.0,
        _ => 0.6,
    }
}

/// CJK, Hangul, kana, fullwidth forms and emoji: about one em wide.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{1F300}'..='\u{1FAFF}'
        | '\u{20000}'..='\u{3FFFD}')
}

/// Estimated width of `text` in px at `font_size`.
pub(crate) fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_size
}

/// `text` if it fits `max_width` px at `font_size`, else its longest fitting
/// prefix followed by `…`.
pub(crate) fn ellipsize(text: &str, max_width: f64, font_size: f64) -> String {
    if text_width(text, font_size) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - char_em(ELLIPSIS) * font_size;
    let mut width = 0.0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        width += char_em(c) * font_size;
        if width > budget {
            break;
        }
        end = i + c.len_utf8();
    }
    format!("{}{ELLIPSIS}", text[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_scripts_count_double_narrow_letters_less() {
        assert!(text_width("스테이킹", 14.0) > text_width("stak", 14.0));
        assert!(text_width("iiii", 14.0) < text_width("mmmm", 14.0));
    }

    #[test]
    fn long_labels_are_cut_to_fit() {
        assert_eq!(ellipsize("Staking", 160.0, 13.0), "Staking");
        let cut = ellipsize("유동성 리스테이킹 토큰 (Liquid Restaking Token)", 160.0, 13.0);
        assert!(cut.ends_with(ELLIPSIS) && text_width(&cut, 13.0) <= 160.0, "{cut}");
    }
}
