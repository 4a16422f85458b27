//! Automatic links (spec §4.3): the first mention in a body of another
//! term's title or alias becomes a link. One Aho–Corasick automaton per
//! language over every name, built once per site, so the pass is linear in
//! the text whatever the number of terms. Longest match first; a match must
//! start after a non-letter and end before a non-letter, or before Korean
//! particles (은 는 이 가 을 를 의 에 에서 으로 로 와 과 도 만 …) and then a
//! non-letter. Chinese and Japanese have no spaces: beside Han and kana
//! every edge counts, except katakana beside katakana.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::config::LangId;
use crate::model::{Glossary, TermId, TermStatus};

/// Particles (and endings that behave like them) that may follow a Korean
/// noun; longest first so `에서` wins over `에`.
pub const PARTICLES: &[&str] = &[
    "으로서",
    "으로써",
    "이라는",
    "에서는",
    "에서도",
    "에게서",
    "이지만",
    "에서",
    "으로",
    "에게",
    "한테",
    "께서",
    "까지",
    "부터",
    "보다",
    "처럼",
    "마다",
    "이나",
    "이란",
    "라는",
    "로서",
    "로써",
    "이며",
    "이고",
    "이다",
    "입니다",
    "의",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "에",
    "로",
    "와",
    "과",
    "도",
    "만",
    "나",
    "란",
    "며",
    "고",
    "께",
];

/// The names of every term in one language, ready to match.
pub struct Autolinker {
    automaton: Option<AhoCorasick>,
    targets: Vec<Target>,
}

/// What a name found in a text names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// One term. `link` is false for a deprecated term that is not linked
    /// automatically: its names are matched only to warn.
    Term {
        /// The term.
        term: TermId,
        /// Whether the mention becomes a link.
        link: bool,
    },
    /// A name several terms share: [`crate::model::senses::Senses::group`].
    Senses(usize),
}

/// A name found in a text: its byte range and what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character of the name (particles excluded).
    pub end: usize,
    /// What it names.
    pub target: Target,
}

impl Autolinker {
    /// One automaton per language, over the published terms that allow it.
    pub fn for_languages(glossary: &Glossary, include_drafts: bool) -> Vec<Autolinker> {
        glossary.config.lang_ids().map(|lang| Autolinker::new(glossary, lang, include_drafts)).collect()
    }

    /// Deprecated terms are matched even when they are not linked, so that
    /// `check` can name the term to use instead; a name several terms share
    /// matches as the shared name, never as one of them.
    fn new(glossary: &Glossary, lang: LangId, include_drafts: bool) -> Autolinker {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets = Vec::new();
        if glossary.config.autolink {
            for term in glossary.terms.iter().filter(|t| include_drafts || !t.draft) {
                let deprecated = term.status == Some(TermStatus::Deprecated);
                if !term.autolink && !deprecated {
                    continue;
                }
                let (entry, _) = glossary.entry_or_fallback(term.id, lang);
                if entry.broken {
                    continue;
                }
                let default_title = glossary.entry_or_fallback(term.id, glossary.config.default_language).0.title();
                for name in names(entry.title(), default_title, entry.aliases.iter().map(|a| a.value.as_str())) {
                    if name.chars().count() < 2 {
                        continue;
                    }
                    let target = match glossary.senses.named(entry.lang, &name) {
                        Some(group) => Target::Senses(group),
                        None => Target::Term { term: term.id, link: term.autolink },
                    };
                    patterns.push(name);
                    targets.push(target);
                }
            }
        }
        Autolinker { automaton: automaton(&patterns), targets }
    }

    /// Every mention in `text` that respects the boundary rule, without
    /// overlaps, longest first at each position, left to right.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let mut candidates: Vec<Mention> = automaton
            .find_overlapping_iter(text)
            .map(|m| Mention { start: m.start(), end: m.end(), target: self.targets[m.pattern().as_usize()] })
            .filter(|m| at_boundaries(text, m.start, m.end))
            .collect();
        // Leftmost first; at one position the longest name.
        candidates.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.target.cmp(&b.target)));
        let mut chosen: Vec<Mention> = Vec::new();
        for candidate in candidates {
            if chosen.last().is_none_or(|last| candidate.start >= last.end) {
                chosen.push(candidate);
            }
        }
        chosen
    }
}

/// The automaton over `patterns`, case-insensitive for ASCII. Always a
/// contiguous NFA: building a DFA follows failure links from every state for
/// every byte, which takes time quadratic in the length of a name made of
/// one repeated syllable (a 2,000-character title took seconds).
fn automaton<P: AsRef<[u8]>>(patterns: &[P]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()
}

/// The names a term is matched by: its title, its aliases, and for a title
/// glossed with the default-language title, `검증자 (Validator)`, each half.
fn names<'a>(title: &'a str, default_title: &str, aliases: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut names = vec![title.trim().to_owned()];
    if let Some((head, gloss)) = title.trim().strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        if gloss.eq_ignore_ascii_case(default_title) && !head.trim().is_empty() {
            names.push(head.trim().to_owned());
            names.push(gloss.trim().to_owned());
        }
    }
    names.extend(aliases.map(|a| a.trim().to_owned()));
    names.retain(|n| !n.is_empty());
    names.sort();
    names.dedup();
    names
}

/// Letters of any script (digits and punctuation are not), fast for ASCII and Hangul.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        crate::util::text::is_hangul_syllable(c) || c.is_alphabetic()
    }
}

/// How a character takes part in word boundaries.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    /// Katakana (and ー): a run of katakana is one word.
    Katakana,
    /// Han and hiragana: written without spaces, so every edge is a boundary.
    Ideographic,
    /// Any other letter: words end at a non-letter.
    Letter,
    /// Digits, punctuation, spaces.
    Other,
}

fn script(c: char) -> Script {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() { Script::Letter } else { Script::Other };
    }
    match u32::from(c) {
        0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Katakana,
        0x3040..=0x309F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => {
            Script::Ideographic
        }
        _ if is_letter(c) => Script::Letter,
        _ => Script::Other,
    }
}

/// Whether a word may end between `a` and `b`. Chinese and Japanese are
/// written without spaces: next to Han or hiragana every edge is one, next
/// to katakana every edge but more katakana.
fn is_break(a: char, b: char) -> bool {
    match (script(a), script(b)) {
        (Script::Katakana, Script::Katakana) => false,
        (Script::Ideographic | Script::Katakana, _) | (_, Script::Ideographic | Script::Katakana) => true,
        (Script::Letter, Script::Letter) => false,
        _ => true,
    }
}

/// The boundary rule of spec §4.3.
fn at_boundaries(text: &str, start: usize, end: usize) -> bool {
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return false;
    }
    let (Some(first), Some(last)) = (text[start..end].chars().next(), text[start..end].chars().next_back()) else {
        return false;
    };
    if text[..start].chars().next_back().is_some_and(|before| !is_break(before, first)) {
        return false;
    }
    let mut rest = &text[end..];
    let mut edge = last;
    for _ in 0..3 {
        match rest.chars().next() {
            None => return true,
            Some(c) if is_break(edge, c) => return true,
            Some(_) => match PARTICLES.iter().find(|p| rest.starts_with(**p)) {
                Some(particle) => {
                    rest = &rest[particle.len()..];
                    edge = particle.chars().next_back().unwrap_or(edge);
                }
                None => return false,
            },
        }
    }
    rest.chars().next().is_none_or(|c| is_break(edge, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linker(names: &[&str]) -> Autolinker {
        let targets = (0..names.len()).map(|i| Target::Term { term: TermId(i as u32), link: true }).collect();
        Autolinker { automaton: automaton(names), targets }
    }

    fn found(linker: &Autolinker, text: &str) -> Vec<String> {
        linker.mentions(text).into_iter().map(|m| text[m.start..m.end].to_owned()).collect()
    }

    #[test]
    fn longest_name_wins_and_falls_back_when_it_does_not_fit() {
        let l = linker(&["staking", "liquid staking", "liquid staking token"]);
        assert_eq!(found(&l, "Liquid staking is not staking."), ["Liquid staking", "staking"]);
        assert_eq!(found(&l, "a liquid staking token"), ["liquid staking token"]);
        // "tokens" continues with a letter: the longer name does not fit, the shorter does.
        assert_eq!(found(&l, "liquid staking tokens"), ["liquid staking"]);
    }

    #[test]
    fn latin_needs_word_boundaries_and_ignores_case() {
        let l = linker(&["LST", "stake"]);
        assert_eq!(found(&l, "An lst, LST's and LSTs."), ["lst", "LST"]);
        assert_eq!(found(&l, "mistake stakeholder stake."), ["stake"]);
    }

    #[test]
    fn japanese_and_chinese_match_inside_sentences() {
        let l = linker(&["バリデーター", "トークン", "ステーキング", "ERC-20", "智能合约", "検証者"]);
        assert_eq!(
            found(&l, "ステーキングでは、バリデーターがトークンを預けます。"),
            ["ステーキング", "バリデーター", "トークン"]
        );
        assert_eq!(found(&l, "ERC-20はトークンの規格で、検証者が"), ["ERC-20", "トークン", "検証者"]);
        assert_eq!(found(&l, "以太坊上的智能合约可以发行代币"), ["智能合约"]);
        // A katakana run is one word: no match inside a longer one.
        assert_eq!(found(&l, "リステーキングとトークンズ"), Vec::<String>::new());
    }

    #[test]
    fn hangul_takes_particles_but_not_longer_words() {
        let l = linker(&["스테이킹", "LST", "검증자"]);
        assert_eq!(found(&l, "스테이킹을 하면 LST를 받고 검증자가 됩니다."), ["스테이킹", "LST", "검증자"]);
        assert_eq!(found(&l, "리퀴드스테이킹과 스테이킹하다"), Vec::<String>::new());
        assert_eq!(found(&l, "스테이킹에서는 검증자의, 스테이킹."), ["스테이킹", "검증자", "스테이킹"]);
    }

    #[test]
    fn glossed_titles_match_by_each_half() {
        assert_eq!(
            names("검증자 (Validator)", "Validator", std::iter::empty()),
            ["Validator", "검증자", "검증자 (Validator)"]
        );
        assert_eq!(names("토큰 (AI)", "Token (AI)", std::iter::empty()), ["토큰 (AI)"]);
        assert_eq!(names("Token (AI)", "Token (AI)", ["x"].into_iter()), ["Token (AI)", "x"]);
    }
}
