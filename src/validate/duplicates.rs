//! `duplicate-body`: two different terms in one language whose bodies are
//! near-identical (Jaccard similarity of 5-word shingles ≥ 0.8, at least 40
//! words each). Candidates come from MinHash signatures bucketed by LSH
//! bands, so the work grows with the number of terms, not its square; every
//! candidate is then confirmed with the exact similarity.

use std::collections::HashMap;

use crate::config::LangId;
use crate::diag::{Code, Diagnostic};
use crate::model::{Entry, Glossary};
use crate::source::Span;

const SHINGLE: usize = 5;
const MIN_WORDS: usize = 40;
const THRESHOLD: f64 = 0.8;
const BANDS: usize = 16;
const ROWS: usize = 4;

/// Reports each body that nearly repeats an earlier one of the same language.
pub(super) fn lint(glossary: &Glossary, diags: &mut Vec<Diagnostic>) {
    for lang in glossary.config.lang_ids() {
        lint_language(glossary, lang, diags);
    }
}

struct Doc<'g> {
    entry: &'g Entry,
    shingles: Vec<u64>,
}

fn lint_language(glossary: &Glossary, lang: LangId, diags: &mut Vec<Diagnostic>) {
    let docs: Vec<Doc<'_>> = glossary
        .entries
        .iter()
        .filter(|e| e.lang == lang)
        .filter_map(|entry| {
            let shingles = shingles(glossary.body(entry))?;
            Some(Doc { entry, shingles })
        })
        .collect();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (index, doc) in docs.iter().enumerate() {
        let signature = signature(&doc.shingles);
        let mut candidates: Vec<usize> = Vec::new();
        for band in 0..BANDS {
            let key = (band, band_hash(&signature[band * ROWS..(band + 1) * ROWS]));
            let bucket = buckets.entry(key).or_default();
            candidates.extend(bucket.iter().copied());
            bucket.push(index);
        }
        candidates.sort_unstable();
        candidates.dedup();
        let original = candidates.into_iter().find(|&c| jaccard(&docs[c].shingles, &doc.shingles) >= THRESHOLD);
        if let Some(original) = original {
            let other = docs[original].entry;
            let other_path = glossary.sources.path(other.file).to_string_lossy().replace('\\', "/");
            let similarity = jaccard(&docs[original].shingles, &doc.shingles);
            let other_slug = glossary.term(other.term).slug.as_str();
            diags.push(
                Diagnostic::new(
                    Code::DuplicateBody,
                    Some(Span::new(doc.entry.file, doc.entry.body.start..doc.entry.body.start)),
                    format!("the body is {:.0}% the same as `{other_slug}`'s ({other_path})", similarity * 100.0),
                )
                .with_help("a body pasted onto the wrong term? Each term needs its own explanation"),
            );
        }
    }
}

/// Sorted, distinct hashes of the body's 5-word shingles; `None` below 40 words.
fn shingles(body: &str) -> Option<Vec<u64>> {
    let words: Vec<String> =
        body.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut hashes: Vec<u64> = words
        .windows(SHINGLE)
        .map(|window| {
            let mut h = FNV_OFFSET;
            for word in window {
                h = fnv(h, word.as_bytes());
                h = fnv(h, b" ");
            }
            h
        })
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    Some(hashes)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// splitmix64: a cheap, well-mixed permutation for the MinHash functions.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn signature(shingles: &[u64]) -> [u64; BANDS * ROWS] {
    let mut signature = [u64::MAX; BANDS * ROWS];
    for &shingle in shingles {
        for (i, slot) in signature.iter_mut().enumerate() {
            let value = mix(shingle ^ mix(i as u64 + 1));
            if value < *slot {
                *slot = value;
            }
        }
    }
    signature
}

fn band_hash(rows: &[u64]) -> u64 {
    rows.iter().fold(FNV_OFFSET, |h, r| fnv(h, &r.to_le_bytes()))
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
    fn similar_documents_share_an_lsh_band() {
        let a = signature(&shingles(&text(300, 0)).unwrap());
        let b = signature(&shingles(&text(300, 0).replacen("w14 ", "x ", 1)).unwrap());
        let shared = (0..BANDS).any(|band| a[band * ROWS..(band + 1) * ROWS] == b[band * ROWS..(band + 1) * ROWS]);
        assert!(shared);
    }
}
