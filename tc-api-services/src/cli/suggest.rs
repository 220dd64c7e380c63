//! "Did you mean": the known names closest to a misspelt one.

/// At most this many suggestions.
const MAX_SUGGESTIONS: usize = 3;
/// The least Jaro-Winkler similarity (case-folded) of a suggestion.
const MIN_SIMILARITY: f64 = 0.8;

/// The names among `known` that `given` is most likely a misspelling of, best first: a
/// name equal but for case always, then names whose case-folded Jaro-Winkler similarity
/// is at least 0.8 or whose edit distance is at most a third of their length.
pub fn closest<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let folded = given.to_ascii_lowercase();
    let mut scored: Vec<(f64, &'a str)> = known
        .into_iter()
        .filter(|name| *name != given)
        .filter_map(|name| {
            let candidate = name.to_ascii_lowercase();
            if candidate == folded {
                return Some((2.0, name));
            }
            let similarity = strsim::jaro_winkler(&folded, &candidate);
            let distance = strsim::damerau_levenshtein(&folded, &candidate);
            let close = similarity >= MIN_SIMILARITY || distance * 3 <= candidate.len();
            close.then_some((similarity, name))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, name)| name)
        .collect()
}

/// `; did you mean A, B or C?`, or nothing.
pub fn did_you_mean(suggestions: &[&str]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        [init @ .., last] => format!("; did you mean {} or {last}?", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_and_case_find_their_name() {
        let known = ["MNPVersionId", "PlatformId"];
        assert_eq!(closest("MNPVersionID", known), ["MNPVersionId"]);
        assert_eq!(closest("platformid", known), ["PlatformId"]);
        assert_eq!(closest("PlatfromId", known), ["PlatformId"]);
        assert_eq!(closest("Offset", known), Vec::<&str>::new());
    }

    #[test]
    fn best_first_and_at_most_three() {
        let known = [
            "DescribeService",
            "DescribeServices",
            "DescribeServiceUsagePlan",
            "DescribeServicesStatus",
            "DescribeApi",
            "DeleteService",
        ];
        let found = closest("DescribeServce", known);
        assert_eq!(found[0], "DescribeService");
        assert!(found.len() <= 3, "{found:?}");
        assert!(!found.contains(&"DescribeApi"), "{found:?}");
    }

    #[test]
    fn wording() {
        assert_eq!(did_you_mean(&[]), "");
        assert_eq!(did_you_mean(&["A"]), "; did you mean A?");
        assert_eq!(did_you_mean(&["A", "B", "C"]), "; did you mean A, B or C?");
    }
}
