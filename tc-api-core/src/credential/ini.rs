//! A strict reader for the INI dialect of `~/.tencentcloud/credentials`.
//!
//! Accepted: `[section]` headers (a trailing comment allowed), `key = value` or
//! `key: value` with any whitespace around the separator, whole-line comments starting
//! with `#` or `;`, blank lines, a UTF-8 byte-order mark, CRLF line ends, and values
//! wrapped in matching `"` or `'` quotes (the Go SDK's INI reader strips them). Everything
//! else is an error with its line number rather than a guess: duplicate sections or keys,
//! keys outside a section, and text after a value that other readers would take as a
//! comment. Values are borrowed from the text, so the caller controls their zeroizing.

use super::IniProblem;

/// A parsed file: its sections in order.
#[derive(Debug)]
pub(crate) struct IniFile<'a> {
    sections: Vec<Section<'a>>,
}

/// One `[name]` section.
#[derive(Debug)]
pub(crate) struct Section<'a> {
    name: &'a str,
    line: usize,
    entries: Vec<Entry<'a>>,
}

#[derive(Debug)]
struct Entry<'a> {
    key: &'a str,
    value: &'a str,
    line: usize,
}

/// A malformed line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct IniError {
    /// 1-based line number.
    pub line: usize,
    pub problem: IniProblem,
}

impl<'a> IniFile<'a> {
    /// Parses `text`; the first malformed line is the error.
    pub(crate) fn parse(text: &'a str) -> Result<Self, IniError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut sections: Vec<Section<'a>> = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let fail = |problem| Err(IniError { line, problem });
            let content = raw.trim();
            if content.is_empty() || is_comment(content) {
                continue;
            }
            if let Some(header) = content.strip_prefix('[') {
                let Some(close) = header.find(']') else {
                    return fail(IniProblem::UnclosedSectionHeader);
                };
                let name = header[..close].trim();
                let rest = header[close + 1..].trim_start();
                if name.is_empty() {
                    return fail(IniProblem::EmptySectionName);
                }
                if !rest.is_empty() && !is_comment(rest) {
                    return fail(IniProblem::TextAfterSectionHeader);
                }
                if let Some(first) = sections.iter().find(|s| s.name == name) {
                    return fail(IniProblem::DuplicateSection {
                        name: name.to_owned(),
                        first_line: first.line,
                    });
                }
                sections.push(Section {
                    name,
                    line,
                    entries: Vec::new(),
                });
                continue;
            }
            let Some(separator) = content.find(['=', ':']) else {
                return fail(IniProblem::MissingSeparator);
            };
            let Some(section) = sections.last_mut() else {
                return fail(IniProblem::KeyOutsideSection);
            };
            let key = content[..separator].trim_end();
            if key.is_empty() {
                return fail(IniProblem::EmptyKey);
            }
            let value = match parse_value(content[separator + 1..].trim_start()) {
                Ok(value) => value,
                Err(problem) => return fail(problem),
            };
            if let Some(first) = section.entries.iter().find(|e| e.key == key) {
                return fail(IniProblem::DuplicateKey {
                    key: key.to_owned(),
                    first_line: first.line,
                });
            }
            section.entries.push(Entry { key, value, line });
        }
        Ok(Self { sections })
    }

    /// The section called `name`.
    pub(crate) fn section(&self, name: &str) -> Option<&Section<'a>> {
        self.sections.iter().find(|s| s.name == name)
    }
}

impl<'a> Section<'a> {
    /// The value of `key` in this section.
    pub(crate) fn get(&self, key: &str) -> Option<&'a str> {
        self.entries.iter().find(|e| e.key == key).map(|e| e.value)
    }
}

fn is_comment(text: &str) -> bool {
    text.starts_with(['#', ';'])
}

/// The value after the separator (already left-trimmed, right-trimmed by the caller's
/// `trim`), without surrounding quotes.
fn parse_value(value: &str) -> Result<&str, IniProblem> {
    if let Some(quote) = value.chars().next().filter(|c| matches!(c, '"' | '\'')) {
        return value[1..]
            .strip_suffix(quote)
            .ok_or(IniProblem::UnclosedQuote);
    }
    let starts_comment = is_comment(value);
    let has_trailing_comment = value
        .as_bytes()
        .windows(2)
        .any(|pair| pair[0].is_ascii_whitespace() && matches!(pair[1], b'#' | b';'));
    if starts_comment || has_trailing_comment {
        return Err(IniProblem::InlineComment);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem_at(text: &str) -> (usize, IniProblem) {
        let err = IniFile::parse(text).unwrap_err();
        (err.line, err.problem)
    }

    #[test]
    fn reads_sections_keys_comments_and_separators() {
        let text = "\u{feff}# top comment\n; another\n\n[default]\nsecret_id=a\n  secret_key   =   b c  \r\n[prod] ; trailing comment\ntoken: t\n";
        let file = IniFile::parse(text).unwrap();
        let default = file.section("default").unwrap();
        assert_eq!(default.get("secret_id"), Some("a"));
        assert_eq!(default.get("secret_key"), Some("b c"));
        assert_eq!(default.get("token"), None);
        assert_eq!(file.section("prod").unwrap().get("token"), Some("t"));
        assert!(file.section("missing").is_none());
    }

    #[test]
    fn separator_is_the_first_equals_or_colon() {
        let file = IniFile::parse("[s]\ntoken = a=b:c==\n").unwrap();
        assert_eq!(file.section("s").unwrap().get("token"), Some("a=b:c=="));
    }

    #[test]
    fn section_names_are_trimmed_and_case_sensitive() {
        let file = IniFile::parse("[ Prod ]\nk = v\n").unwrap();
        assert!(file.section("Prod").is_some());
        assert!(file.section("prod").is_none());
    }

    #[test]
    fn quotes_are_stripped_and_empty_values_kept() {
        let file = IniFile::parse("[s]\na = \"x y\"\nb = 'z'\nc =\nd = \"\"\n").unwrap();
        let s = file.section("s").unwrap();
        assert_eq!(s.get("a"), Some("x y"));
        assert_eq!(s.get("b"), Some("z"));
        assert_eq!(s.get("c"), Some(""));
        assert_eq!(s.get("d"), Some(""));
    }

    #[test]
    fn key_outside_section() {
        assert_eq!(
            problem_at("# c\nk = v\n"),
            (2, IniProblem::KeyOutsideSection)
        );
    }

    #[test]
    fn unclosed_section_header() {
        assert_eq!(
            problem_at("[default\n"),
            (1, IniProblem::UnclosedSectionHeader)
        );
    }

    #[test]
    fn empty_section_name() {
        assert_eq!(problem_at("\n[  ]\n"), (2, IniProblem::EmptySectionName));
    }

    #[test]
    fn text_after_section_header() {
        assert_eq!(
            problem_at("[a] b\n"),
            (1, IniProblem::TextAfterSectionHeader)
        );
    }

    #[test]
    fn duplicate_section() {
        assert_eq!(
            problem_at("[a]\nk = v\n[a]\n"),
            (
                3,
                IniProblem::DuplicateSection {
                    name: "a".into(),
                    first_line: 1
                }
            )
        );
    }

    #[test]
    fn missing_separator() {
        assert_eq!(
            problem_at("[a]\nk = v\njust some text\n"),
            (3, IniProblem::MissingSeparator)
        );
    }

    #[test]
    fn empty_key() {
        assert_eq!(problem_at("[a]\n = v\n"), (2, IniProblem::EmptyKey));
    }

    #[test]
    fn duplicate_key() {
        assert_eq!(
            problem_at("[a]\nk = 1\n\nk = 2\n"),
            (
                4,
                IniProblem::DuplicateKey {
                    key: "k".into(),
                    first_line: 2
                }
            )
        );
    }

    #[test]
    fn same_key_in_two_sections_is_fine() {
        let file = IniFile::parse("[a]\nk = 1\n[b]\nk = 2\n").unwrap();
        assert_eq!(file.section("b").unwrap().get("k"), Some("2"));
    }

    #[test]
    fn unclosed_quote() {
        assert_eq!(problem_at("[a]\nk = \"v\n"), (2, IniProblem::UnclosedQuote));
        assert_eq!(
            problem_at("[a]\nk = 'v\"\n"),
            (2, IniProblem::UnclosedQuote)
        );
        assert_eq!(problem_at("[a]\nk = \"\n"), (2, IniProblem::UnclosedQuote));
    }

    #[test]
    fn inline_comment() {
        assert_eq!(
            problem_at("[a]\nk = v # note\n"),
            (2, IniProblem::InlineComment)
        );
        assert_eq!(
            problem_at("[a]\nk = v\t;note\n"),
            (2, IniProblem::InlineComment)
        );
        assert_eq!(problem_at("[a]\nk = #v\n"), (2, IniProblem::InlineComment));
    }

    #[test]
    fn hash_inside_a_value_is_kept() {
        let file = IniFile::parse("[a]\nk = v#1;2\n").unwrap();
        assert_eq!(file.section("a").unwrap().get("k"), Some("v#1;2"));
    }
}
