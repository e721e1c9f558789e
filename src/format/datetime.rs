//! DateTime and TimeSpan as .NET represents them (100 ns ticks since 0001-01-01), civil
//! date conversion, and their default string forms in the invariant culture.

pub const TICKS_PER_SECOND: i64 = 10_000_000;
pub const TICKS_PER_DAY: i64 = 86_400 * TICKS_PER_SECOND;
/// Ticks at 1970-01-01T00:00:00.
pub const UNIX_EPOCH_TICKS: i64 = 621_355_968_000_000_000;

/// A broken-down date and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Ticks within the second (0..10_000_000).
    pub frac: u32,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn to_civil(ticks: i64) -> Civil {
    let since_epoch = ticks - UNIX_EPOCH_TICKS;
    let days = since_epoch.div_euclid(TICKS_PER_DAY);
    let rem = since_epoch.rem_euclid(TICKS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    let secs = rem / TICKS_PER_SECOND;
    Civil {
        year,
        month,
        day,
        hour: (secs / 3600) as u32,
        minute: (secs / 60 % 60) as u32,
        second: (secs % 60) as u32,
        frac: (rem % TICKS_PER_SECOND) as u32,
    }
}

pub fn from_civil(c: Civil) -> i64 {
    let days = days_from_civil(c.year, c.month, c.day);
    UNIX_EPOCH_TICKS
        + days * TICKS_PER_DAY
        + (c.hour as i64 * 3600 + c.minute as i64 * 60 + c.second as i64) * TICKS_PER_SECOND
        + c.frac as i64
}

/// 0 = Sunday.
pub fn day_of_week(ticks: i64) -> u32 {
    let days = (ticks - UNIX_EPOCH_TICKS).div_euclid(TICKS_PER_DAY);
    // 1970-01-01 was a Thursday.
    ((days + 4).rem_euclid(7)) as u32
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
                29
            } else {
                28
            }
        }
    }
}

/// `[datetime]` to string in the invariant culture: `MM/dd/yyyy HH:mm:ss`.
pub fn format_default(ticks: i64) -> String {
    let c = to_civil(ticks);
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}:{:02}",
        c.month, c.day, c.year, c.hour, c.minute, c.second
    )
}

/// TimeSpan's default form: `[-][d.]hh:mm:ss[.fffffff]`.
pub fn format_timespan(ticks: i64) -> String {
    let neg = ticks < 0;
    let t = ticks.unsigned_abs();
    let tps = TICKS_PER_SECOND as u64;
    let days = t / (TICKS_PER_DAY as u64);
    let secs = t / tps;
    let frac = t % tps;
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    if days > 0 {
        s.push_str(&format!("{}.", days));
    }
    s.push_str(&format!(
        "{:02}:{:02}:{:02}",
        secs / 3600 % 24,
        secs / 60 % 60,
        secs % 60
    ));
    if frac > 0 {
        s.push_str(&format!(".{:07}", frac));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_civil() {
        let c = Civil {
            year: 2026,
            month: 11,
            day: 22,
            hour: 1,
            minute: 2,
            second: 3,
            frac: 0,
        };
        let t = from_civil(c);
        assert_eq!(to_civil(t), c);
        assert_eq!(format_default(t), "11/22/2026 01:02:03");
        assert_eq!(day_of_week(t), 0);
    }

    #[test]
    fn timespans() {
        assert_eq!(format_timespan(90 * TICKS_PER_SECOND), "00:01:30");
        assert_eq!(
            format_timespan(TICKS_PER_DAY + TICKS_PER_SECOND),
            "1.00:00:01"
        );
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The invariant culture's standard date/time patterns (`d`, `D`, `t`, `T`, `f`, `F`,
/// `g`, `G`, `M`, `Y`, `s`, `u`, `o`, `r`).
fn standard_pattern(c: char) -> Option<&'static str> {
    Some(match c {
        'd' => "MM/dd/yyyy",
        'D' => "dddd, dd MMMM yyyy",
        't' => "HH:mm",
        'T' => "HH:mm:ss",
        'f' => "dddd, dd MMMM yyyy HH:mm",
        'F' => "dddd, dd MMMM yyyy HH:mm:ss",
        'g' => "MM/dd/yyyy HH:mm",
        'G' => "MM/dd/yyyy HH:mm:ss",
        'M' | 'm' => "MMMM dd",
        'Y' | 'y' => "yyyy MMMM",
        's' => "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
        'u' => "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
        'o' | 'O' => "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff",
        'r' | 'R' => "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
        _ => return None,
    })
}

/// A DateTime with a .NET format string (standard or custom), invariant culture.
pub fn format_custom(ticks: i64, fmt: &str) -> String {
    if fmt.is_empty() {
        return format_default(ticks);
    }
    let mut chars = fmt.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if let Some(p) = standard_pattern(c) {
            return format_pattern(ticks, p);
        }
    }
    // `%d` is the single custom specifier d.
    let fmt = fmt
        .strip_prefix('%')
        .filter(|f| f.chars().count() == 1)
        .unwrap_or(fmt);
    format_pattern(ticks, fmt)
}

fn format_pattern(ticks: i64, fmt: &str) -> String {
    let c = to_civil(ticks);
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        let mut n = 1;
        while i + n < chars.len() && chars[i + n] == ch {
            n += 1;
        }
        let hour12 = if c.hour % 12 == 0 { 12 } else { c.hour % 12 };
        match ch {
            'd' => match n {
                1 => out.push_str(&c.day.to_string()),
                2 => out.push_str(&format!("{:02}", c.day)),
                3 => out.push_str(&DAYS[day_of_week(ticks) as usize][..3]),
                _ => out.push_str(DAYS[day_of_week(ticks) as usize]),
            },
            'M' => match n {
                1 => out.push_str(&c.month.to_string()),
                2 => out.push_str(&format!("{:02}", c.month)),
                3 => out.push_str(&MONTHS[(c.month as usize).saturating_sub(1) % 12][..3]),
                _ => out.push_str(MONTHS[(c.month as usize).saturating_sub(1) % 12]),
            },
            'y' => match n {
                1 => out.push_str(&(c.year % 100).to_string()),
                2 => out.push_str(&format!("{:02}", c.year % 100)),
                _ => out.push_str(&format!("{:0w$}", c.year, w = n)),
            },
            'h' => out.push_str(&if n == 1 {
                hour12.to_string()
            } else {
                format!("{:02}", hour12)
            }),
            'H' => out.push_str(&if n == 1 {
                c.hour.to_string()
            } else {
                format!("{:02}", c.hour)
            }),
            'm' => out.push_str(&if n == 1 {
                c.minute.to_string()
            } else {
                format!("{:02}", c.minute)
            }),
            's' => out.push_str(&if n == 1 {
                c.second.to_string()
            } else {
                format!("{:02}", c.second)
            }),
            'f' | 'F' => {
                let digits = format!("{:07}", c.frac);
                let take = n.min(7);
                let mut part = digits[..take].to_string();
                if ch == 'F' {
                    while part.ends_with('0') {
                        part.pop();
                    }
                    if part.is_empty() && out.ends_with('.') {
                        out.pop();
                    }
                }
                out.push_str(&part);
            }
            't' => {
                let ampm = if c.hour < 12 { "AM" } else { "PM" };
                out.push_str(if n == 1 { &ampm[..1] } else { ampm });
            }
            'z' => out.push_str(match n {
                1 => "+0",
                2 => "+00",
                _ => "+00:00",
            }),
            'K' => {}
            'g' => out.push_str("A.D."),
            ':' | '/' => {
                for _ in 0..n {
                    out.push(ch);
                }
            }
            '\'' | '"' => {
                // A quoted literal: copy to the closing quote.
                let mut j = i + 1;
                while j < chars.len() && chars[j] != ch {
                    out.push(chars[j]);
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            '\\' => {
                if let Some(next) = chars.get(i + 1) {
                    out.push(*next);
                }
                i += 2;
                continue;
            }
            '%' => {
                i += 1;
                continue;
            }
            other => {
                for _ in 0..n {
                    out.push(other);
                }
            }
        }
        i += n;
    }
    out
}

/// A TimeSpan with a .NET format string: `c`/`g`/`G` or a custom one (`hh\:mm`,
/// `d\.hh\:mm\:ss`).
pub fn format_timespan_with(ticks: i64, fmt: &str) -> String {
    match fmt {
        "" | "c" | "t" | "T" => return format_timespan(ticks),
        "g" | "G" => {
            let t = ticks.unsigned_abs();
            let secs = t / TICKS_PER_SECOND as u64;
            let days = t / TICKS_PER_DAY as u64;
            let frac = t % TICKS_PER_SECOND as u64;
            let sign = if ticks < 0 { "-" } else { "" };
            let base = if fmt == "G" || days > 0 {
                format!(
                    "{}{}:{:02}:{:02}:{:02}",
                    sign,
                    days,
                    secs / 3600 % 24,
                    secs / 60 % 60,
                    secs % 60
                )
            } else {
                format!(
                    "{}{}:{:02}:{:02}",
                    sign,
                    secs / 3600 % 24,
                    secs / 60 % 60,
                    secs % 60
                )
            };
            return if fmt == "G" || frac > 0 {
                format!("{}.{:07}", base, frac)
            } else {
                base
            };
        }
        _ => {}
    }
    let t = ticks.unsigned_abs();
    let secs = t / TICKS_PER_SECOND as u64;
    let days = t / TICKS_PER_DAY as u64;
    let frac = t % TICKS_PER_SECOND as u64;
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        let mut n = 1;
        while i + n < chars.len() && chars[i + n] == ch {
            n += 1;
        }
        let two = |v: u64| {
            if n >= 2 {
                format!("{:02}", v)
            } else {
                v.to_string()
            }
        };
        match ch {
            'd' => out.push_str(&format!("{:0w$}", days, w = n)),
            'h' => out.push_str(&two(secs / 3600 % 24)),
            'm' => out.push_str(&two(secs / 60 % 60)),
            's' => out.push_str(&two(secs % 60)),
            'f' | 'F' => out.push_str(&format!("{:07}", frac)[..n.min(7)]),
            '\\' => {
                if let Some(next) = chars.get(i + 1) {
                    out.push(*next);
                }
                i += 2;
                continue;
            }
            '\'' | '"' => {
                let mut j = i + 1;
                while j < chars.len() && chars[j] != ch {
                    out.push(chars[j]);
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            other => {
                for _ in 0..n {
                    out.push(other);
                }
            }
        }
        i += n;
    }
    out
}

#[cfg(test)]
mod format_tests {
    use super::*;

    fn t(y: i64, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> i64 {
        from_civil(Civil {
            year: y,
            month: mo,
            day: d,
            hour: h,
            minute: mi,
            second: s,
            frac: 0,
        })
    }

    #[test]
    fn custom_and_standard_formats() {
        let x = t(2024, 3, 5, 14, 30, 7);
        assert_eq!(format_custom(x, "yyyy-MM-dd HH:mm"), "2024-03-05 14:30");
        assert_eq!(format_custom(x, "dddd d MMM yy"), "Tuesday 5 Mar 24");
        assert_eq!(format_custom(x, "h:mm tt"), "2:30 PM");
        assert_eq!(format_custom(x, "yyyyMMddHHmmss"), "20240305143007");
        assert_eq!(format_custom(x, "s"), "2024-03-05T14:30:07");
        assert_eq!(format_custom(x, "u"), "2024-03-05 14:30:07Z");
        assert_eq!(format_custom(x, "d"), "03/05/2024");
        assert_eq!(format_custom(x, "D"), "Tuesday, 05 March 2024");
        assert_eq!(format_custom(x, "o"), "2024-03-05T14:30:07.0000000");
        assert_eq!(format_custom(x, "'at' HH\\h"), "at 14h");
    }

    #[test]
    fn timespan_formats() {
        let x = 3 * 3600 * TICKS_PER_SECOND + 5 * 60 * TICKS_PER_SECOND + 9 * TICKS_PER_SECOND;
        assert_eq!(format_timespan_with(x, "hh\\:mm\\:ss"), "03:05:09");
        assert_eq!(format_timespan_with(x, "g"), "3:05:09");
        assert_eq!(format_timespan_with(x, "c"), "03:05:09");
    }
}
