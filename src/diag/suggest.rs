//! "Did you mean" suggestions by edit distance.

/// Inputs longer than this (in bytes) get no suggestion.
const MAX_SUGGESTED_LEN: usize = 100;

/// The candidate closest to `input` by edit distance, if it is close enough
/// to be a plausible typo (at most a third of the longer word, at least 1).
pub fn closest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    // Nothing that long is a typo of a name; comparing it would cost its length squared.
    if input.len() > MAX_SUGGESTED_LEN {
        return None;
    }
    let input_lower = input.to_lowercase();
    let input_chars = input_lower.chars().count();
    candidates
        .into_iter()
        .filter_map(|c| {
            let candidate_chars = c.chars().count();
            let allowed = (input_chars.max(candidate_chars) / 3).max(1);
            // The distance is at least the difference in length: most candidates stop here.
            if input_chars.abs_diff(candidate_chars) > allowed {
                return None;
            }
            let d = distance(&input_lower, &c.to_lowercase());
            (d <= allowed).then_some((d, c))
        })
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

/// `help` text for a suggestion: "did you mean `x`?".
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(input, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// Edit distance over characters, counting a swap of two neighbours as one
/// edit (optimal string alignment), so `titel` is one step from `title`.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best =
                (d[(i - 1) * width + j] + 1).min(d[i * width + j - 1] + 1).min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("스테이킹", "스테이크"), 1);
        assert_eq!(distance("titel", "title"), 1);
    }

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["title", "summary", "prerequisites", "related"];
        assert_eq!(closest("sumary", keys), Some("summary"));
        assert_eq!(closest("prerequisite", keys), Some("prerequisites"));
        assert_eq!(closest("Title", keys), Some("title"));
        assert_eq!(closest("colour", keys), None);
        assert_eq!(closest(&"title".repeat(1000), keys), None);
    }
}
