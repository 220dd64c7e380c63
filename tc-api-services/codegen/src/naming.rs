//! Rust names for wire names: fields, types and modules, with the renames the language
//! forces (keywords, collisions, prelude names) and the check of whether the macro can
//! derive the wire name itself or needs `#[tc(rename)]`.

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words a field or module cannot be called.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Type names a model must not take: prelude names the generated code (and the macro's
/// expansion) use unqualified, and `Error`, which would shadow the user's own in a glob
/// import.
const RESERVED_TYPES: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "Box",
    "Vec",
    "String",
    "ToString",
    "Default",
    "Clone",
    "Copy",
    "Send",
    "Sync",
    "Sized",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "Iterator",
    "IntoIterator",
    "Extend",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "AsRef",
    "AsMut",
    "Eq",
    "PartialEq",
    "Ord",
    "PartialOrd",
    "Debug",
    "Hash",
    "Self",
    "Error",
];

/// The module (and cargo feature) of a service: its wire name, except `as` (a keyword),
/// which becomes `autoscaling`, the official SDKs' name for it.
pub fn service_module(service: &str) -> String {
    if service == "as" {
        "autoscaling".to_owned()
    } else {
        service.to_owned()
    }
}

/// Whether `#[tc_action]` / `#[tc_model]` derive `wire` from `field` on their own (the
/// macro's rule: a snake_case name becomes PascalCase).
pub fn derives_wire_name(field: &str, wire: &str) -> bool {
    field.to_upper_camel_case() == wire
}

/// Hands out field names within one struct.
#[derive(Default)]
pub struct FieldNames {
    taken: BTreeSet<String>,
}

impl FieldNames {
    /// The snake_case name for `wire`: keywords get a trailing `_`, and a name already
    /// taken (`DnsFormat` beside `DNSFormat`) gets `_2`, `_3`, ...
    pub fn name(&mut self, wire: &str) -> String {
        let mut base = wire.to_snake_case();
        if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
            base = format!("field_{base}");
        }
        if KEYWORDS.contains(&base.as_str()) {
            base.push('_');
        }
        let mut name = base.clone();
        let mut counter = 2;
        while !self.taken.insert(name.clone()) {
            name = format!("{base}_{counter}");
            counter += 1;
        }
        name
    }
}

/// Hands out type names within one module.
pub struct TypeNames {
    taken: BTreeSet<String>,
}

impl TypeNames {
    /// Starts with the names already used (action structs, hand-written types).
    pub fn new(taken: impl IntoIterator<Item = String>) -> Self {
        Self {
            taken: taken.into_iter().collect(),
        }
    }

    /// The type name for model `name`: itself when it is already a type name, else its
    /// UpperCamelCase; a reserved or taken name gets the suffix `Model` (then a number).
    pub fn name(&mut self, name: &str) -> String {
        // Keep the metadata's spelling when it is already a type name (`ACTemplate`).
        let is_type_name = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric());
        let camel = if is_type_name {
            name.to_owned()
        } else {
            name.to_upper_camel_case()
        };
        let mut candidate = camel.clone();
        if RESERVED_TYPES.contains(&candidate.as_str()) || self.taken.contains(&candidate) {
            candidate = format!("{camel}Model");
            let mut counter = 2;
            while self.taken.contains(&candidate) {
                candidate = format!("{camel}Model{counter}");
                counter += 1;
            }
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_avoid_keywords_and_collisions() {
        let mut names = FieldNames::default();
        assert_eq!(names.name("Type"), "type_");
        assert_eq!(names.name("DNSFormat"), "dns_format");
        assert_eq!(names.name("DnsFormat"), "dns_format_2");
        assert_eq!(names.name("InstanceIds"), "instance_ids");
        assert!(derives_wire_name("instance_ids", "InstanceIds"));
        assert!(!derives_wire_name("dns_format", "DNSFormat"));
        assert!(derives_wire_name("type_", "Type"));
    }

    #[test]
    fn types_avoid_the_prelude_and_taken_names() {
        let mut names = TypeNames::new(["DescribeGroup".to_owned()]);
        assert_eq!(names.name("Option"), "OptionModel");
        assert_eq!(names.name("DescribeGroup"), "DescribeGroupModel");
        assert_eq!(names.name("Filter"), "Filter");
        assert_eq!(names.name("ACTemplate"), "ACTemplate");
        assert_eq!(names.name("task_info"), "TaskInfo");
        assert_eq!(service_module("as"), "autoscaling");
    }
}
