//! Sizes and ages the way docker prints them ("4.26MB", "2 weeks ago").

use std::time::{Duration, SystemTime};

/// Decimal units with three significant digits, as docker's `units.HumanSize`.
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["B", "kB", "MB", "GB", "TB", "PB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let digits = if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    let text = format!("{value:.digits$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    format!("{text}{}", UNITS[unit])
}

/// "About an hour", "3 weeks"... as docker's `units.HumanDuration`.
pub fn duration(d: Duration) -> String {
    let s = d.as_secs();
    // Hours round to the nearest, as docker's do.
    let (m, h) = (s / 60, (s + 1800) / 3600);
    match () {
        _ if s < 1 => "Less than a second".into(),
        _ if s == 1 => "1 second".into(),
        _ if s < 60 => format!("{s} seconds"),
        _ if m == 1 => "About a minute".into(),
        _ if m < 60 => format!("{m} minutes"),
        _ if h == 1 => "About an hour".into(),
        _ if h < 48 => format!("{h} hours"),
        _ if h < 24 * 7 * 2 => format!("{} days", h / 24),
        _ if h < 24 * 30 * 2 => format!("{} weeks", h / 24 / 7),
        _ if h < 24 * 365 * 2 => format!("{} months", h / 24 / 30),
        _ => format!("{} years", s / 3600 / 24 / 365),
    }
}

/// "2 weeks ago" for an RFC 3339 time, or "N/A" if it cannot be read.
pub fn since(rfc3339: Option<&str>) -> String {
    match rfc3339.and_then(parse_time) {
        Some(t) => match SystemTime::now().duration_since(t) {
            Ok(d) => format!("{} ago", duration(d)),
            Err(_) => "Less than a second ago".into(),
        },
        None => "N/A".into(),
    }
}

/// Parse an RFC 3339 time with any offset (humantime alone takes only `Z`).
pub fn parse_time(s: &str) -> Option<SystemTime> {
    if let Ok(t) = humantime::parse_rfc3339_weak(s.trim_end_matches('Z')) {
        return Some(t);
    }
    // "2024-01-02T03:04:05.123+02:00": apply the offset by hand.
    let (main, sign, off) = match s.rfind(['+', '-']) {
        Some(i) if i > 10 => (&s[..i], &s[i..i + 1], &s[i + 1..]),
        _ => return None,
    };
    let base = humantime::parse_rfc3339_weak(main).ok()?;
    let (oh, om) = off.split_once(':')?;
    let secs = oh.parse::<u64>().ok()? * 3600 + om.parse::<u64>().ok()? * 60;
    let off = Duration::from_secs(secs);
    if sign == "+" {
        base.checked_sub(off)
    } else {
        base.checked_add(off)
    }
}

/// A --since/--until time: RFC 3339, Unix seconds (with a fraction), or a
/// duration before now ("10m", "1h30m", "45s").
pub fn parse_when(s: &str) -> anyhow::Result<SystemTime> {
    if let Some(t) = parse_time(s) {
        return Ok(t);
    }
    let invalid =
        || format!("invalid time {s:?}: use RFC 3339, Unix seconds, or a duration such as 10m");
    if let Ok(secs) = s.parse::<f64>() {
        return Duration::try_from_secs_f64(secs.max(0.0))
            .ok()
            .and_then(|d| SystemTime::UNIX_EPOCH.checked_add(d))
            .ok_or_else(|| anyhow::anyhow!(invalid()));
    }
    let ago = anyhow::Context::with_context(humantime::parse_duration(s), invalid)?;
    SystemTime::now()
        .checked_sub(ago)
        .ok_or_else(|| anyhow::anyhow!(invalid()))
}

/// A Go-style duration: "30s", "1m30s", "500ms", "0".
pub fn parse_duration(s: &str) -> anyhow::Result<Duration> {
    if s == "0" {
        return Ok(Duration::ZERO);
    }
    anyhow::Context::with_context(humantime::parse_duration(s), || {
        format!("{s:?} is not a duration such as 30s or 1m30s")
    })
}

/// Seconds since the epoch of an RFC 3339 time (0 if unreadable).
pub fn unix_seconds(rfc3339: Option<&str>) -> u64 {
    rfc3339
        .and_then(parse_time)
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_like_docker() {
        assert_eq!(size(0), "0B");
        assert_eq!(size(999), "999B");
        assert_eq!(size(4_264_000), "4.26MB");
        assert_eq!(size(42_600_000), "42.6MB");
        assert_eq!(size(1_000_000), "1MB");
    }

    #[test]
    fn durations_like_docker() {
        assert_eq!(duration(Duration::from_secs(90)), "About a minute");
        assert_eq!(duration(Duration::from_secs(3 * 86400)), "3 days");
        assert_eq!(duration(Duration::from_secs(20 * 86400)), "2 weeks");
    }

    #[test]
    fn parses_offsets() {
        let a = parse_time("2024-01-02T03:04:05Z").unwrap();
        let b = parse_time("2024-01-02T05:04:05+02:00").unwrap();
        let c = parse_time("2024-01-02T03:04:05.123456789Z").unwrap();
        assert_eq!(a, b);
        assert!(c > a);
    }
}
