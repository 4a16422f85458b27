//! `duplicate-body`: two different terms in one language whose bodies are
//! near-identical (Jaccard similarity of 5-word shingles ≥ 0.8, at least 40
//! words each). Candidates come from MinHash signatures bucketed by LSH
//! bands, so the work grows with the number of terms, not its square; every
//! candidate is then confirmed with the exact similarity. Only signatures are
//! kept: shingles are recomputed for the few candidates, which keeps memory
//! at 512 bytes a body.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::LangId;
use crate::diag::{Code, Diagnostic};
use crate::model::{Entry, EntryId, Glossary};
use crate::pipeline::memo::Memo;
use crate::source::Span;
use crate::util::text::is_word_char;

const SHINGLE: usize = 5;
const MIN_WORDS: usize = 40;
const THRESHOLD: f64 = 0.8;
const BANDS: usize = 16;
const ROWS: usize = 4;
const MIN_SHARED_BANDS: usize = 2;
const MAX_CANDIDATES: usize = 16;

/// Signatures of entries, kept between runs by the dev server (the costly
/// part); entries edited since are forgotten by the caller.
#[derive(Debug, Default)]
pub struct Fingerprints {
    by_entry: HashMap<EntryId, Option<Arc<Signature>>>,
}

impl Fingerprints {
    /// Forgets `entry`, whose body changed.
    pub fn forget(&mut self, entry: EntryId) {
        self.by_entry.remove(&entry);
    }

    /// Works out the signature of every entry not known yet, in parallel,
    /// or recalls it from `memo`.
    pub fn fill(&mut self, glossary: &Glossary, memo: Option<&Memo<'_>>) {
        let missing: Vec<(EntryId, Option<Arc<Signature>>)> = glossary
            .entries
            .par_iter()
            .filter(|e| !self.by_entry.contains_key(&e.id))
            .map(|entry| {
                let path = glossary.sources.path(entry.file);
                let slots = Memo::recall_or(
                    memo,
                    |memo| memo.signature_key(path, &entry.body, entry.broken),
                    || {
                        let shingles = (!entry.broken).then(|| shingle_hashes(glossary.body(entry))).flatten();
                        shingles.map(|s| signature(&s).to_vec())
                    },
                );
                let fingerprint = slots.and_then(|slots| Signature::try_from(slots).ok());
                (entry.id, fingerprint.map(Arc::new))
            })
            .collect();
        self.by_entry.extend(missing);
    }
}

/// Reports each body that nearly repeats an earlier one of the same language.
pub(super) fn lint(glossary: &Glossary, fingerprints: &mut Fingerprints, diags: &mut Vec<Diagnostic>) {
    fingerprints.fill(glossary, None);
    for lang in glossary.config.lang_ids() {
        lint_language(glossary, fingerprints, lang, diags);
    }
}

fn lint_language(glossary: &Glossary, fingerprints: &Fingerprints, lang: LangId, diags: &mut Vec<Diagnostic>) {
    let (docs, signatures): (Vec<&Entry>, Vec<&Signature>) = glossary
        .entries
        .iter()
        .filter(|e| e.lang == lang)
        .filter_map(|entry| Some((entry, fingerprints.by_entry.get(&entry.id)?.as_deref()?)))
        .unzip();
    // Shingles of the bodies that had candidates, computed when first needed.
    let mut cache: HashMap<usize, Vec<u64>> = HashMap::new();
    let mut similarity = |a: usize, b: usize| -> f64 {
        for i in [a, b] {
            cache.entry(i).or_insert_with(|| shingles(glossary.body(docs[i])).unwrap_or_default());
        }
        jaccard(&cache[&a], &cache[&b])
    };
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for (index, (doc, signature)) in docs.iter().zip(&signatures).enumerate() {
        shared.clear();
        for band in 0..BANDS {
            let key = (band, band_hash(&signature[band * ROWS..(band + 1) * ROWS]));
            let bucket = buckets.entry(key).or_default();
            for &candidate in bucket.iter() {
                *shared.entry(candidate).or_default() += 1;
            }
            bucket.push(index);
        }
        // Near-duplicates share several bands (6.5 of 16 expected at J = 0.8);
        // chance collisions of unrelated texts rarely share two. Check the
        // strongest few candidates only, so common phrasing cannot make this
        // quadratic.
        let mut candidates: Vec<(usize, usize)> =
            shared.iter().filter(|(_, &bands)| bands >= MIN_SHARED_BANDS).map(|(&c, &bands)| (bands, c)).collect();
        candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let original = candidates
            .into_iter()
            .take(MAX_CANDIDATES)
            .map(|(_, c)| (c, similarity(c, index)))
            .find(|(_, score)| *score >= THRESHOLD);
        if let Some((original, similarity)) = original {
            let other = docs[original];
            let other_path = crate::util::text::slash_path(glossary.sources.path(other.file));
            let other_slug = glossary.term(other.term).slug.as_str();
            diags.push(
                Diagnostic::new(
                    Code::DuplicateBody,
                    Some(Span::new(doc.file, doc.body.start..doc.body.start)),
                    format!("the body is {:.0}% the same as `{other_slug}`'s ({other_path})", similarity * 100.0),
                )
                .with_help("a body pasted onto the wrong term? Each term needs its own explanation"),
            );
        }
    }
}

/// Sorted, distinct hashes of the body's 5-word shingles (words: runs of
/// letters and digits, lowercased); `None` below 40 words.
fn shingles(body: &str) -> Option<Vec<u64>> {
    let mut hashes = shingle_hashes(body)?;
    hashes.sort_unstable();
    hashes.dedup();
    Some(hashes)
}

/// The hashes of the body's 5-word shingles in body order, repeats and
/// all: what a signature is made from (a minimum does not mind repeats).
fn shingle_hashes(body: &str) -> Option<Vec<u64>> {
    let words = word_hashes(body);
    if words.len() < MIN_WORDS {
        return None;
    }
    Some(words.windows(SHINGLE).map(|w| w.iter().fold(0u64, |h, &word| mix(h ^ word))).collect())
}

/// The FNV hash of each word of `body`, lowercased, in one pass (ASCII,
/// most of most bodies, a byte at a time).
fn word_hashes(body: &str) -> Vec<u64> {
    let bytes = body.as_bytes();
    let mut words = Vec::with_capacity(body.len() / 6);
    let mut word: Option<u64> = None;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let is_word = if byte.is_ascii() {
            at += 1;
            let is_word = byte.is_ascii_alphanumeric();
            if is_word {
                word = Some(fnv(word.unwrap_or(FNV_OFFSET), u64::from(byte.to_ascii_lowercase())));
            }
            is_word
        } else {
            // `at` is always at a character's start: ASCII bytes are
            // characters, and others are stepped over whole.
            let Some(c) = body.get(at..).and_then(|rest| rest.chars().next()) else { break };
            at += c.len_utf8();
            let is_word = is_word_char(c);
            if is_word {
                word = Some(c.to_lowercase().fold(word.unwrap_or(FNV_OFFSET), |h, lower| fnv(h, u64::from(lower))));
            }
            is_word
        };
        if !is_word {
            words.extend(word.take());
        }
    }
    words.extend(word);
    words
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(hash: u64, value: u64) -> u64 {
    (hash ^ value).wrapping_mul(0x0100_0000_01b3)
}

/// splitmix64's finaliser: a cheap, well-mixed bijection on u64.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Slots of a signature: `BANDS` bands of `ROWS` rows.
const SLOTS: usize = BANDS * ROWS;
/// The top bits of a shingle that choose its slot.
const SLOT_BITS: u32 = SLOTS.trailing_zeros();
const _: () = assert!(SLOTS.is_power_of_two());

type Signature = [u64; SLOTS];

/// One-permutation MinHash: each shingle (already a well-mixed hash) goes to
/// the slot its top bits name and keeps the least value there, one pass in
/// all rather than one per slot. A slot no shingle reached borrows the value
/// of the next filled slot, mixed with how far it is (densification), so a
/// short body still fills every band and two near-copies fill them alike.
fn signature(shingles: &[u64]) -> Signature {
    let mut slots = [u64::MAX; SLOTS];
    for &shingle in shingles {
        let slot = (shingle >> (u64::BITS - SLOT_BITS)) as usize;
        let value = shingle << SLOT_BITS;
        if value < slots[slot] {
            slots[slot] = value;
        }
    }
    if slots.iter().all(|&v| v == u64::MAX) {
        return slots;
    }
    let mut signature = slots;
    for (slot, value) in signature.iter_mut().enumerate() {
        if *value == u64::MAX {
            let distance = (1..SLOTS).find(|d| slots[(slot + d) % SLOTS] != u64::MAX).unwrap_or(0);
            *value = mix(slots[(slot + distance) % SLOTS] ^ distance as u64);
        }
    }
    signature
}

fn band_hash(rows: &[u64]) -> u64 {
    rows.iter().fold(FNV_OFFSET, |h, &r| mix(h ^ r))
}

/// Exact Jaccard similarity of two sorted, distinct lists.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(words: usize, seed: usize) -> String {
        (0..words).map(|i| format!("w{}", (i * 7 + seed) % 997)).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn words_are_hashed_lowercase_in_every_script() {
        let same = |a: &str, b: &str| assert_eq!(word_hashes(a), word_hashes(b), "{a} / {b}");
        same("Staking, STAKING; staking!", "staking staking staking");
        same("Ünïcode ÄB", "ünïcode äb");
        same("스테이킹은 자산을", "  스테이킹은\n자산을  ");
        assert_eq!(word_hashes("a-b c_d 3.14").len(), 6);
        assert!(word_hashes(" ,.; ").is_empty());
    }

    #[test]
    fn short_bodies_are_ignored() {
        assert!(shingles(&text(39, 0)).is_none());
        assert!(shingles(&text(40, 0)).is_some());
    }

    #[test]
    fn near_copies_score_high_and_different_texts_low() {
        let original = text(200, 0);
        let edited = original.replacen("w7 ", "changed ", 1);
        let a = shingles(&original).unwrap();
        let b = shingles(&edited).unwrap();
        assert!(jaccard(&a, &b) > 0.9);
        let other = shingles(&text(200, 0).replace('w', "v")).unwrap();
        assert!(jaccard(&a, &other) < 0.1);
    }

    #[test]
    fn a_signature_is_the_same_from_shingles_in_body_order_with_repeats() {
        let body = format!("{} {}", text(120, 0), text(60, 0));
        let hashes = shingle_hashes(&body).unwrap();
        let distinct = shingles(&body).unwrap();
        assert!(hashes.len() > distinct.len(), "the body repeats shingles");
        assert_eq!(signature(&hashes), signature(&distinct));
    }

    #[test]
    fn signatures_fill_every_slot_even_for_short_bodies() {
        let short = signature(&shingles(&text(40, 0)).unwrap());
        assert!(short.iter().all(|&v| v != u64::MAX));
        assert_eq!(short, signature(&shingles(&text(40, 0)).unwrap()), "the same body, the same signature");
    }

    #[test]
    fn similar_documents_share_an_lsh_band() {
        let a = signature(&shingles(&text(300, 0)).unwrap());
        let b = signature(&shingles(&text(300, 0).replacen("w14 ", "x ", 1)).unwrap());
        let shared = (0..BANDS).any(|band| a[band * ROWS..(band + 1) * ROWS] == b[band * ROWS..(band + 1) * ROWS]);
        assert!(shared);
    }
}
