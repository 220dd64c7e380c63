//! Syntax: reads the attribute's options and the annotated item into plain data, keeping
//! the tokens for error spans. Only shape is checked here (which option, which kind of
//! literal); what the values mean is checked in `validate`.

pub(crate) mod args;
pub(crate) mod item;

/// Which of the two attributes is being expanded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MacroKind {
    /// `#[tc_action]`: a request with metadata.
    Action,
    /// `#[tc_model]`: a response or nested type.
    Model,
}

impl MacroKind {
    /// The attribute's name as the user writes it.
    pub(crate) fn attribute(self) -> &'static str {
        match self {
            MacroKind::Action => "#[tc_action]",
            MacroKind::Model => "#[tc_model]",
        }
    }
}

/// Edit distance, for "did you mean" hints on misspelt names.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The closest of `candidates` to `name`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_only() {
        let options = ["service", "rate_limit", "region", "regions"];
        assert_eq!(closest("ratelimit", options), Some("rate_limit"));
        assert_eq!(closest("regoin", options), Some("region"));
        assert_eq!(closest("timeout", options), None);
    }
}
