//! The UTC calendar day of a Unix timestamp, for the TC3 credential scope.
//!
//! Computed with Howard Hinnant's `civil_from_days` (proleptic Gregorian calendar), which
//! is exact for every `i64`: the day count of `i64::MAX` seconds is about 1.07e14, far
//! inside what the arithmetic below can hold. So unlike a calendar library with a
//! bounded year range, this never fails and never panics.

use std::fmt::Write as _;

const SECONDS_PER_DAY: i64 = 86_400;

/// `YYYY-MM-DD` of the UTC day containing `timestamp` (Unix seconds).
///
/// Years 0 to 9999 are written with four digits, as the service expects. Outside that
/// range (never a valid request time) the ISO 8601 expanded form is used: a `-` sign
/// for years before 0 (`-0001-12-31`) and a `+` sign after 9999 (`+10000-01-01`), so the
/// function is total rather than failing.
pub fn utc_date(timestamp: i64) -> String {
    let mut out = String::with_capacity(10);
    push_utc_date(&mut out, timestamp);
    out
}

/// Appends [`utc_date`] of `timestamp` to `out` without an intermediate string.
pub(super) fn push_utc_date(out: &mut String, timestamp: i64) {
    let (year, month, day) = civil_from_days(timestamp.div_euclid(SECONDS_PER_DAY));
    match u16::try_from(year) {
        // The one case that matters, written without the formatting machinery (this runs
        // once per signature).
        Ok(year @ 0..=9999) => {
            let digit = |value: u16| b'0' + (value % 10) as u8;
            let (month, day) = (u16::from(month), u16::from(day));
            let text = [
                digit(year / 1000),
                digit(year / 100),
                digit(year / 10),
                digit(year),
                b'-',
                digit(month / 10),
                digit(month),
                b'-',
                digit(day / 10),
                digit(day),
            ];
            // Only ASCII was written, so this is always `Ok`; one append instead of ten.
            if let Ok(text) = std::str::from_utf8(&text) {
                out.push_str(text);
            }
        }
        // Writing into a String cannot fail.
        _ if year < 0 => {
            let _ = write!(out, "-{:04}-{month:02}-{day:02}", year.unsigned_abs());
        }
        _ => {
            let _ = write!(out, "+{year}-{month:02}-{day:02}");
        }
    }
}

/// (year, month 1-12, day 1-31) of the day `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    // Shift the epoch to 0000-03-01 so leap days fall at the end of each year, then split
    // into 400-year eras of 146097 days. Only that split needs signed 64-bit arithmetic;
    // the day within the era is below 146097, and the rest runs on u32 (this runs twice
    // per signature).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    // In [0, 146096], so the narrowing is lossless.
    let day_of_era = z.rem_euclid(146_097) as u32;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365; // [0, 399]
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100); // [0, 365]
    let month_from_march = (5 * day_of_year + 2) / 153; // [0, 11]
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1; // [1, 31]
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    }; // [1, 12]
    let year = i64::from(year_of_era) + era * 400 + i64::from(month <= 2);
    // Both are bounded above (day <= 31, month <= 12), so the narrowing is lossless.
    (year, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_example_date() {
        assert_eq!(utc_date(1_551_113_065), "2019-02-25");
    }

    #[test]
    fn day_boundaries_are_utc() {
        assert_eq!(utc_date(0), "1970-01-01");
        assert_eq!(utc_date(86_399), "1970-01-01");
        assert_eq!(utc_date(86_400), "1970-01-02");
        assert_eq!(utc_date(-1), "1969-12-31");
        assert_eq!(utc_date(-86_400), "1969-12-31");
        assert_eq!(utc_date(-86_401), "1969-12-30");
        // 2024-02-29 23:59:59 and the next second.
        assert_eq!(utc_date(1_709_251_199), "2024-02-29");
        assert_eq!(utc_date(1_709_251_200), "2024-03-01");
        // 1999-12-31 23:59:59 and the next second.
        assert_eq!(utc_date(946_684_799), "1999-12-31");
        assert_eq!(utc_date(946_684_800), "2000-01-01");
    }

    #[test]
    fn far_dates_do_not_panic_and_use_the_expanded_form() {
        assert_eq!(utc_date(253_402_300_799), "9999-12-31");
        assert_eq!(utc_date(253_402_300_800), "+10000-01-01");
        assert_eq!(utc_date(-62_167_219_200), "0000-01-01");
        assert_eq!(utc_date(-62_167_219_201), "-0001-12-31");
        assert_eq!(utc_date(i64::MAX), "+292277026596-12-04");
        assert_eq!(utc_date(i64::MIN), "-292277022657-01-27");
    }

    #[test]
    fn agrees_with_the_time_crate_across_its_range() {
        let mut ts = -377_705_116_800_i64; // -10000-01-01, below time's range
        while ts < 253_402_300_800 + 10 * 86_400 {
            if let Ok(dt) = time::OffsetDateTime::from_unix_timestamp(ts) {
                let expected = format!(
                    "{}-{:02}-{:02}",
                    if dt.year() < 0 {
                        format!("-{:04}", -dt.year())
                    } else {
                        format!("{:04}", dt.year())
                    },
                    u8::from(dt.month()),
                    dt.day()
                );
                assert_eq!(utc_date(ts), expected, "timestamp {ts}");
            }
            ts += 86_400 * 37 + 3_613; // walks across every month and time of day
        }
    }
}
