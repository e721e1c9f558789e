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

/// Custom format (interim).
pub fn format_custom(ticks: i64, _fmt: &str) -> String {
    format_default(ticks)
}
