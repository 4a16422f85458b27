//! "Did you mean" suggestions by edit distance.

/// The candidate closest to `input` by edit distance, if it is close enough
/// to be a plausible typo (at most a third of the longer word, at least 1).
pub fn closest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let input_lower = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (distance(&input_lower, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (input.chars().count().max(c.chars().count()) / 3).max(1))
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
    }
}
