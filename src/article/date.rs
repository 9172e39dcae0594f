//! Publication dates in the shapes news sources write them, to ISO 8601.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// Normalises a date to ISO 8601: a timestamp becomes UTC `YYYY-MM-DDTHH:MM:SSZ`, a day
/// `YYYY-MM-DD`. Returns `None` when the string is not a date we know.
///
/// # Example
/// ```
/// use newsgraph::article::normalize_date;
/// assert_eq!(normalize_date("Wed, 08 Dec 2021 01:56:33 GMT").as_deref(), Some("2021-12-08T01:56:33Z"));
/// assert_eq!(normalize_date("2021年12月8日").as_deref(), Some("2021-12-08"));
/// ```
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    let utc = |dt: DateTime<chrono::FixedOffset>| {
        dt.with_timezone(&Utc)
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(utc(dt));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(utc(dt));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    let day = s
        .replace(['年', '月', '/', '.'], "-")
        .trim_end_matches('日')
        .to_string();
    if let Ok(d) = NaiveDate::parse_from_str(&day, "%Y-%m-%d") {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::normalize_date;

    #[test]
    fn dates() {
        for (input, want) in [
            (
                "Wed, 08 Dec 2021 01:56:33 GMT",
                Some("2021-12-08T01:56:33Z"),
            ),
            ("2021-12-08T09:56:33+08:00", Some("2021-12-08T01:56:33Z")),
            ("2021-12-08", Some("2021-12-08")),
            ("2021/12/8", Some("2021-12-08")),
            ("2021.12.08", Some("2021-12-08")),
            ("2021年12月8日", Some("2021-12-08")),
            ("2021-12-08 09:56:33", Some("2021-12-08T09:56:33")),
            ("yesterday", None),
            ("", None),
        ] {
            assert_eq!(normalize_date(input).as_deref(), want, "{input:?}");
        }
    }
}
