//! The examples printed in the source documents, kept as data.
//!
//! Every action whose document shows an example has it here: the request as printed and
//! the answer as printed, plus the answer as valid JSON. Tests check the definitions
//! against them, and the emulator can answer a call with the documented response.
//!
//! The API 2.0 guide prints several examples that are not valid JSON (trailing commas,
//! unquoted values, a missing comma) and several requests whose parameter names differ
//! from the action's parameter table (`location` for `position`, `offet` for `offset`).
//! The data keeps the printed text untouched and states every repair explicitly:
//! [`DocExample::response`] differs from [`DocExample::response_as_printed`] only in
//! punctuation, quoting and white space (a test checks that both carry the same words),
//! and each renamed or dropped request parameter is a [`ParamFix`] with its reason.

/// One documented example of an action.
#[derive(Debug, Clone, Copy)]
pub struct DocExample {
    /// Wire name of the action, as sent in `Action` / `X-TC-Action`.
    pub action: &'static str,
    /// What the example shows.
    pub title: &'static str,
    /// The request as the document prints it.
    pub request: ExampleRequest,
    /// The answer exactly as printed; for API 2.0 this is not always valid JSON.
    pub response_as_printed: &'static str,
    /// The same answer as valid JSON: the whole object, including `Response`/`RequestId`
    /// (API 3.0) or `code`/`message`/`codeDesc` (API 2.0).
    pub response: &'static str,
}

/// A documented request, without the common parameters.
#[derive(Debug, Clone, Copy)]
pub enum ExampleRequest {
    /// An API 3.0 POST: the JSON body as printed.
    Json(&'static str),
    /// A query-string request (API 3.0 GET examples and all API 2.0 examples): the
    /// parameters in printed order, `Action` left out, and the fixes that map the printed
    /// names onto the action's documented parameters.
    Params {
        /// `(name, value)` pairs exactly as printed.
        printed: &'static [(&'static str, &'static str)],
        /// Corrections applied, in order, by [`ExampleRequest::documented_params`].
        fixes: &'static [ParamFix],
    },
}

/// A correction of a printed example parameter whose name disagrees with the parameter
/// table of its action. The table is taken as the contract; the example as illustration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamFix {
    /// The printed name is a variant of a documented parameter.
    Rename {
        /// Name as printed.
        printed: &'static str,
        /// Name in the parameter table.
        documented: &'static str,
        /// Why the two are the same parameter.
        reason: &'static str,
    },
    /// The printed parameter has no counterpart in the table, so a definition faithful to
    /// the table cannot send it.
    Drop {
        /// Name as printed.
        printed: &'static str,
        /// Why it is left out.
        reason: &'static str,
    },
    /// The table requires a parameter the example leaves out. A definition faithful to the
    /// table must send it, so a comparison with the example ignores it.
    Missing {
        /// Name in the parameter table.
        documented: &'static str,
        /// What the example omits.
        reason: &'static str,
    },
}

impl ParamFix {
    /// The printed name the fix applies to; `None` for [`ParamFix::Missing`].
    pub fn printed(&self) -> Option<&'static str> {
        match self {
            ParamFix::Rename { printed, .. } | ParamFix::Drop { printed, .. } => Some(printed),
            ParamFix::Missing { .. } => None,
        }
    }
}

impl ExampleRequest {
    /// The printed query parameters with every [`ParamFix`] applied, sorted by name (the
    /// order a v1 signature uses). `None` for a JSON body.
    pub fn documented_params(&self) -> Option<Vec<(String, String)>> {
        let ExampleRequest::Params { printed, fixes } = self else {
            return None;
        };
        let mut params: Vec<(String, String)> = printed
            .iter()
            .filter_map(|&(name, value)| {
                let fix = fixes.iter().find(|fix| fix.printed() == Some(name));
                match fix {
                    Some(ParamFix::Drop { .. }) => None,
                    Some(ParamFix::Rename { documented, .. }) => {
                        Some(((*documented).to_owned(), value.to_owned()))
                    }
                    Some(ParamFix::Missing { .. }) | None => {
                        Some((name.to_owned(), value.to_owned()))
                    }
                }
            })
            .collect();
        params.sort();
        Some(params)
    }

    /// Documented parameters the example leaves out ([`ParamFix::Missing`]).
    pub fn missing_params(&self) -> Vec<&'static str> {
        match self {
            ExampleRequest::Json(_) => Vec::new(),
            ExampleRequest::Params { fixes, .. } => fixes
                .iter()
                .filter_map(|fix| match fix {
                    ParamFix::Missing { documented, .. } => Some(*documented),
                    _ => None,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_params_apply_renames_and_drops_then_sort() {
        let request = ExampleRequest::Params {
            printed: &[("offet", "0"), ("limit", "2"), ("searchKey", "aa")],
            fixes: &[
                ParamFix::Rename {
                    printed: "offet",
                    documented: "offset",
                    reason: "typo",
                },
                ParamFix::Drop {
                    printed: "searchKey",
                    reason: "not documented",
                },
            ],
        };
        assert_eq!(
            request.documented_params().unwrap(),
            vec![
                ("limit".to_owned(), "2".to_owned()),
                ("offset".to_owned(), "0".to_owned())
            ]
        );
        assert_eq!(ExampleRequest::Json("{}").documented_params(), None);
    }
}
