//! The rules option values and wire names must follow, as pure string functions so they
//! can be unit-tested without a compiler. Each check returns the message to show.

use heck::{ToLowerCamelCase, ToUpperCamelCase};

/// The parameters the client sends itself; a field must not take one of their names.
pub(crate) const COMMON_PARAMETERS: &[&str] = &[
    "Action",
    "Version",
    "Region",
    "Timestamp",
    "Nonce",
    "SecretId",
    "Signature",
    "SignatureMethod",
    "Token",
    "Language",
    "RequestClient",
];

/// Action-name prefixes of read-only actions, idempotent by default.
pub(crate) const READ_ONLY_PREFIXES: &[&str] = &[
    "Describe", "Get", "List", "Query", "Check", "Inquire", "Inquiry",
];

/// Which naming convention the wire uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Casing {
    /// API 3.0: `PlatformId`.
    Pascal,
    /// API 2.0: `platformId`.
    Camel,
}

/// The wire name of a field without `rename`: snake_case names are converted with heck;
/// names that already contain capitals (`MNPVersionId`, `documentURL`) are kept verbatim,
/// since converting them would lose their capitals.
pub(crate) fn wire_name(field: &str, casing: Casing) -> String {
    if field.chars().any(|c| c.is_ascii_uppercase()) {
        return field.to_owned();
    }
    match casing {
        Casing::Pascal => field.to_upper_camel_case(),
        Casing::Camel => field.to_lower_camel_case(),
    }
}

/// The common parameter `name` collides with: case-insensitively for API 3.0, whose
/// server matches parameter names that way; exactly for API 2.0, whose own parameters
/// are camelCase and may be `secretId` or `language` beside the common `SecretId`.
pub(crate) fn common_parameter(name: &str, casing: Casing) -> Option<&'static str> {
    COMMON_PARAMETERS
        .iter()
        .copied()
        .find(|common| match casing {
            Casing::Pascal => common.eq_ignore_ascii_case(name),
            Casing::Camel => *common == name,
        })
}

/// A parameter name: ASCII letters, digits and `_`, starting with a letter of the case the
/// style uses.
pub(crate) fn check_parameter_name(name: &str, casing: Casing) -> Result<(), String> {
    let Some(first) = name.chars().next() else {
        return Err("a wire name cannot be empty".to_owned());
    };
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
    {
        return Err(format!(
            "wire name `{name}` contains `{bad}`; use ASCII letters, digits and `_` \
             (nest a struct for dotted names such as `Filters.0.Name`)"
        ));
    }
    match casing {
        Casing::Pascal if !first.is_ascii_uppercase() => Err(format!(
            "API 3.0 parameter names start with an upper-case letter; `{name}` does not"
        )),
        Casing::Camel if !first.is_ascii_lowercase() => Err(format!(
            "API 2.0 parameter names start with a lower-case letter; `{name}` does not"
        )),
        _ => Ok(()),
    }
}

/// A field name of a response or nested type: anything non-empty without whitespace (the
/// documents decide these, and they are not always tidy).
pub(crate) fn check_model_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        Err("a wire name cannot be empty".to_owned())
    } else if name.chars().any(char::is_whitespace) {
        Err(format!("wire name `{name}` contains whitespace"))
    } else {
        Ok(())
    }
}

/// `service`: the host's first label and the TC3 scope's service, e.g. `cvm`.
pub(crate) fn check_service(service: &str) -> Result<(), String> {
    let valid = service.len() <= 63
        && service.starts_with(|c: char| c.is_ascii_lowercase())
        && service
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if valid {
        Ok(())
    } else {
        Err(format!(
            "service must be a lower-case name of letters and digits such as \"cvm\" \
             (the host's first label); found {service:?}"
        ))
    }
}

/// `version`: an API 3.0 version is a real calendar date `YYYY-MM-DD`.
pub(crate) fn check_version(version: &str) -> Result<(), String> {
    let shape_error =
        || format!("version must be a date `YYYY-MM-DD` such as \"2017-03-12\"; found {version:?}");
    let parts: Vec<&str> = version.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(shape_error());
    };
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return Err(shape_error());
    }
    let (year, month, day): (u32, u32, u32) = (
        year.parse().map_err(|_| shape_error())?,
        month.parse().map_err(|_| shape_error())?,
        day.parse().map_err(|_| shape_error())?,
    );
    if !(1..=12).contains(&month) {
        return Err(format!(
            "version {version:?} is not a real date: there is no month {month}"
        ));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return Err(format!(
            "version {version:?} is not a real date: month {month} of {year} has {days} days"
        ));
    }
    Ok(())
}

/// `host`: a bare lower-case DNS name with at least two labels, as the documents give it
/// (`tcsas.intl.tencentcloudapi.com`).
pub(crate) fn check_host(host: &str) -> Result<(), String> {
    if let Some(scheme_end) = host.find("://") {
        return Err(format!(
            "host is a bare DNS name; drop the scheme `{}`",
            &host[..scheme_end + 3]
        ));
    }
    if host.contains('/') {
        return Err(format!(
            "host is a bare DNS name without a path; found {host:?}"
        ));
    }
    if host.contains(':') {
        return Err(format!(
            "host is a bare DNS name without a port; found {host:?}"
        ));
    }
    if host.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(format!("host must be lower-case; found {host:?}"));
    }
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let top_level_ok = labels
        .last()
        .is_some_and(|tld| tld.chars().any(|c| c.is_ascii_lowercase()));
    if host.len() > 253 || labels.len() < 2 || !labels.iter().all(label_ok) || !top_level_ok {
        return Err(format!(
            "host must be a DNS name such as \"cvm.tencentcloudapi.com\"; found {host:?}"
        ));
    }
    Ok(())
}

/// A region name such as `ap-guangzhou` or `ap-shanghai-fsi`: a two-letter area, a place,
/// and an optional suffix, lower-case.
pub(crate) fn check_region_name(region: &str) -> Result<(), String> {
    if region.is_empty() {
        return Err("empty region name; write one such as \"ap-guangzhou\"".to_owned());
    }
    let parts: Vec<&str> = region.split('-').collect();
    let area_ok = parts[0].len() == 2 && parts[0].chars().all(|c| c.is_ascii_lowercase());
    let place_ok = parts
        .get(1)
        .is_some_and(|place| !place.is_empty() && place.chars().all(|c| c.is_ascii_lowercase()));
    let suffix_ok = match parts.get(2) {
        None => true,
        Some(suffix) => {
            !suffix.is_empty()
                && suffix
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        }
    };
    if area_ok && place_ok && suffix_ok && parts.len() <= 3 {
        Ok(())
    } else {
        Err(format!(
            "{region:?} is not a region name; expected the shape \"ap-guangzhou\" or \"ap-shanghai-fsi\""
        ))
    }
}

/// An action name is PascalCase ASCII: `ReleaseMNPVersion`.
pub(crate) fn check_action_name(action: &str) -> Result<(), String> {
    let valid = action.starts_with(|c: char| c.is_ascii_uppercase())
        && action.chars().all(|c| c.is_ascii_alphanumeric());
    if valid {
        Ok(())
    } else {
        Err(format!(
            "action names are PascalCase letters and digits such as \"DescribeInstances\"; found {action:?}"
        ))
    }
}

/// Whether an action is idempotent unless told otherwise: its name starts with a read-only
/// verb followed by a new word (`DescribeX`, not `Getaway`).
pub(crate) fn default_idempotent(action: &str) -> bool {
    READ_ONLY_PREFIXES.iter().any(|prefix| {
        action
            .strip_prefix(prefix)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_lowercase()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_follow_the_style() {
        assert_eq!(wire_name("platform_id", Casing::Pascal), "PlatformId");
        assert_eq!(wire_name("platform_id", Casing::Camel), "platformId");
        assert_eq!(wire_name("data", Casing::Pascal), "Data");
        assert_eq!(wire_name("ipv6_address", Casing::Pascal), "Ipv6Address");
        assert_eq!(wire_name("MNPVersionId", Casing::Pascal), "MNPVersionId");
        assert_eq!(wire_name("documentURL", Casing::Camel), "documentURL");
    }

    #[test]
    fn common_parameters_match_by_style() {
        assert_eq!(common_parameter("region", Casing::Pascal), Some("Region"));
        assert_eq!(
            common_parameter("SECRETID", Casing::Pascal),
            Some("SecretId")
        );
        assert_eq!(common_parameter("secretId", Casing::Camel), None);
        assert_eq!(common_parameter("Token", Casing::Camel), Some("Token"));
        assert_eq!(common_parameter("RegionId", Casing::Pascal), None);
    }

    #[test]
    fn parameter_names() {
        assert!(check_parameter_name("MNPVersionId", Casing::Pascal).is_ok());
        assert!(check_parameter_name("serviceId", Casing::Camel).is_ok());
        assert!(check_parameter_name("serviceId", Casing::Pascal).is_err());
        assert!(check_parameter_name("ServiceId", Casing::Camel).is_err());
        assert!(check_parameter_name("Filters.0.Name", Casing::Pascal).is_err());
        assert!(check_parameter_name("", Casing::Pascal).is_err());
        assert!(check_model_name("in").is_ok());
        assert!(check_model_name("a b").is_err());
    }

    #[test]
    fn services() {
        assert!(check_service("tcmpp").is_ok());
        assert!(check_service("cvm2").is_ok());
        for bad in [
            "",
            "TCMPP",
            "tc-mpp",
            "2cvm",
            "tc_mpp",
            "cvm.tencentcloudapi.com",
        ] {
            assert!(check_service(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn versions_are_real_dates() {
        for good in ["2024-08-01", "2017-03-12", "2024-02-29", "2000-02-29"] {
            assert!(check_version(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "2024-8-1",
            "20240801",
            "2024/08/01",
            "2024-13-01",
            "2024-00-10",
            "2023-02-29",
            "1900-02-29",
            "2024-04-31",
            "2024-08-00",
            "v2024-08-01",
            "2024-08-01 ",
            "+024-08-01",
        ] {
            assert!(check_version(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn hosts() {
        for good in [
            "tcsas.intl.tencentcloudapi.com",
            "cvm.tencentcloudapi.com",
            "a-b.example.com",
        ] {
            assert!(check_host(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "localhost",
            "https://cvm.tencentcloudapi.com",
            "cvm.tencentcloudapi.com/",
            "cvm.tencentcloudapi.com:443",
            "CVM.tencentcloudapi.com",
            "cvm..com",
            "-a.com",
            "a-.com",
            "127.0.0.1",
            "a b.com",
            "cvm_x.com",
        ] {
            assert!(check_host(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn regions() {
        for good in [
            "ap-guangzhou",
            "ap-shanghai-fsi",
            "na-ashburn",
            "eu-frankfurt",
            "ap-guangzhou-open",
        ] {
            assert!(check_region_name(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "guangzhou",
            "AP-guangzhou",
            "ap_guangzhou",
            "apx-guangzhou",
            "ap-",
            "ap-guangzhou-",
            "ap-guang zhou",
            "ap-1",
            "ap-a-b-c",
        ] {
            assert!(check_region_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn idempotent_defaults() {
        for read in [
            "DescribeBatchProduction",
            "GetX",
            "ListUsers",
            "QueryY",
            "CheckZ",
            "InquirePrice",
            "InquiryPriceRenew",
            "Describe",
        ] {
            assert!(default_idempotent(read), "{read}");
        }
        for write in [
            "ReleaseMNPVersion",
            "CreatePostpayPackage",
            "Getaway",
            "Listen",
            "Checkout",
            "DeleteX",
        ] {
            assert!(!default_idempotent(write), "{write}");
        }
    }

    #[test]
    fn action_names() {
        assert!(check_action_name("ReleaseMNPVersion").is_ok());
        assert!(check_action_name("releaseVersion").is_err());
        assert!(check_action_name("Release_Version").is_err());
        assert!(check_action_name("").is_err());
    }
}
