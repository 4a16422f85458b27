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

/// Levenshtein distance over characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous_diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous_diagonal + usize::from(ca != *cb);
            previous_diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("스테이킹", "스테이크"), 1);
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
