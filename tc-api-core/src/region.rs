//! The region rules of an action, checked before anything is sent.

use crate::action::{ActionMeta, RegionPolicy};
use crate::error::InvalidRequest;

/// Returns the region to send for `meta`, given the client's region, or why the call
/// cannot be made: a required region is missing, the region is not in the action's
/// list, or the action takes no region and one is set.
pub fn region_for<'r>(
    meta: &ActionMeta,
    region: Option<&'r str>,
) -> Result<Option<&'r str>, InvalidRequest> {
    let allowed = match (meta.region, region) {
        (RegionPolicy::None, None) | (RegionPolicy::Optional { .. }, None) => return Ok(None),
        (RegionPolicy::None, Some(region)) => {
            return Err(InvalidRequest::RegionNotAccepted {
                service: meta.service,
                action: meta.action,
                region: region.to_owned(),
            });
        }
        (RegionPolicy::Required { .. }, None) => {
            return Err(InvalidRequest::RegionRequired {
                service: meta.service,
                action: meta.action,
            });
        }
        (RegionPolicy::Required { allowed } | RegionPolicy::Optional { allowed }, Some(_)) => {
            allowed
        }
    };
    let region = region.unwrap_or_default();
    if allowed.is_empty() || allowed.contains(&region) {
        Ok(Some(region))
    } else {
        Err(InvalidRequest::RegionNotAllowed {
            service: meta.service,
            action: meta.action,
            region: region.to_owned(),
            allowed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::ApiStyle;

    fn meta(region: RegionPolicy) -> ActionMeta {
        ActionMeta {
            service: "iotexplorer",
            action: "DescribeBatchProduction",
            style: ApiStyle::V3 {
                version: "2019-04-23",
            },
            host: None,
            region,
            rate_limit: None,
            idempotent: true,
        }
    }

    const ALLOWED: &[&str] = &["ap-guangzhou", "ap-shanghai"];

    #[test]
    fn required_region() {
        let m = meta(RegionPolicy::Required { allowed: &[] });
        assert_eq!(region_for(&m, Some("ap-x")).unwrap(), Some("ap-x"));
        assert!(matches!(
            region_for(&m, None),
            Err(InvalidRequest::RegionRequired { .. })
        ));
        let m = meta(RegionPolicy::Required { allowed: ALLOWED });
        assert_eq!(
            region_for(&m, Some("ap-shanghai")).unwrap(),
            Some("ap-shanghai")
        );
        let err = region_for(&m, Some("ap-beijing")).unwrap_err();
        assert!(matches!(err, InvalidRequest::RegionNotAllowed { .. }));
        assert!(err.to_string().contains("ap-beijing"), "{err}");
    }

    #[test]
    fn optional_region() {
        let m = meta(RegionPolicy::Optional { allowed: ALLOWED });
        assert_eq!(region_for(&m, None).unwrap(), None);
        assert_eq!(
            region_for(&m, Some("ap-guangzhou")).unwrap(),
            Some("ap-guangzhou")
        );
        assert!(region_for(&m, Some("eu-frankfurt")).is_err());
    }

    #[test]
    fn no_region() {
        let m = meta(RegionPolicy::None);
        assert_eq!(region_for(&m, None).unwrap(), None);
        assert!(matches!(
            region_for(&m, Some("ap-guangzhou")),
            Err(InvalidRequest::RegionNotAccepted { .. })
        ));
    }
}
