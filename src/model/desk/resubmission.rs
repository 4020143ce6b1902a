//! 同一单位、同一年度的多份报告 — the one rule for several reports of one unit
//! and year (a corrected resubmission, a second copy, a copy edited by hand).
//!
//! **The report exported last that verifies counts.** Reports are ordered
//! newest first by `exported_at`, then `updated_at` (as instants, whatever the
//! UTC offset written), then verified before not verified, then by the
//! fingerprint of their content and their file name (the shorter first) —
//! so the order never depends on the order the files were picked or read. When the newest one
//! does not verify (its content does not match its fingerprint, or it has
//! none), the newest one that does verify counts for now and the reviewer is
//! asked to choose; with no verified one, the newest counts for now. A
//! reviewer's choice, once made, counts.
//!
//! Why not a report id with a `supersedes` member, as ODK's `instanceID` and
//! `deprecatedID`: the fingerprint of a report's content already identifies
//! it, the export times already order the versions of one unit's report, and
//! every report of format v1 has both — a new member would be a new format
//! version while the rule has to hold for v1 reports anyway.

use std::cmp::Ordering;

/// What the rule looks at in one report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate<'a> {
    pub exported_at: &'a str,
    pub updated_at: &'a str,
    /// The content matches the fingerprint the report states.
    pub verified: bool,
    /// The SHA-256 of the report's canonical content (what its fingerprint covers).
    pub content_id: &'a str,
    pub file: &'a str,
}

/// A report the reviewer chose, by file name and content.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReportKey {
    pub file: String,
    pub content_id: String,
}

impl Candidate<'_> {
    pub fn key(&self) -> ReportKey {
        ReportKey {
            file: self.file.to_string(),
            content_id: self.content_id.to_string(),
        }
    }
}

/// Why the counted report counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The only report of its unit and year.
    Only,
    /// The newest of several, and it verifies.
    Newest,
    /// The newest does not verify: the newest verified one (or, with none, the
    /// newest) counts until the reviewer chooses.
    AwaitingChoice,
    /// The reviewer chose it.
    Chosen,
}

/// The rule's outcome for one unit and year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// Indices into the candidates, newest first.
    pub order: Vec<usize>,
    /// The index of the report that counts.
    pub counted: usize,
    pub basis: Basis,
}

/// Seconds and nanoseconds since 1970-01-01T00:00:00Z of an RFC 3339
/// timestamp (`2027-02-20T16:30:00+08:00`, `…Z`, a fraction allowed);
/// `None` for anything else, which orders before every valid time.
pub fn instant(s: &str) -> Option<(i64, u32)> {
    let b = s.trim().as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let d = b.get(from..from + len)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| d.iter().fold(0i64, |n, c| n * 10 + i64::from(c - b'0')))
    };
    let (y, mo, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (h, mi, se) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    let seps = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if seps.iter().any(|&(i, c)| b[i] != c) || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return None;
    }
    let mut i = 19;
    let mut nanos: u32 = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            if i - start < 9 {
                nanos = nanos * 10 + u32::from(b[i] - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        for _ in (i - start).min(9)..9 {
            nanos *= 10;
        }
    }
    let offset = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        &sign @ (b'+' | b'-') if i + 6 == b.len() && b[i + 3] == b':' => {
            let m = num(i + 1, 2)? * 60 + num(i + 4, 2)?;
            if sign == b'+' {
                m * 60
            } else {
                -m * 60
            }
        }
        _ => return None,
    };
    Some((
        days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + se - offset,
        nanos,
    ))
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar
/// (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Newest first: `exported_at`, then `updated_at`, then verified first, then
/// content fingerprint, then the shorter file name, then the file name (so
/// equal copies order the same way whichever was read first).
pub fn newest_first(a: &Candidate, b: &Candidate) -> Ordering {
    instant(b.exported_at)
        .cmp(&instant(a.exported_at))
        .then_with(|| instant(b.updated_at).cmp(&instant(a.updated_at)))
        .then_with(|| b.verified.cmp(&a.verified))
        .then_with(|| a.content_id.cmp(b.content_id))
        // Copies of one content: the shortest name first (a browser or the
        // file manager names a copy "… (1).json" or "… - 副本.json").
        .then_with(|| a.file.chars().count().cmp(&b.file.chars().count()))
        .then_with(|| a.file.cmp(b.file))
}

/// Which of several reports of one unit and year counts (see the module
/// documentation); `chosen` is the reviewer's choice, when one was made and
/// is among them. `reports` must not be empty.
pub fn decide(reports: &[Candidate], chosen: Option<&ReportKey>) -> Decision {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&a, &b| newest_first(&reports[a], &reports[b]));
    let picked = chosen.and_then(|k| {
        order
            .iter()
            .copied()
            .find(|&i| reports[i].file == k.file && reports[i].content_id == k.content_id)
    });
    let newest = order[0];
    let (counted, basis) = match picked {
        Some(i) => (i, Basis::Chosen),
        None if reports.len() == 1 => (newest, Basis::Only),
        None if reports[newest].verified => (newest, Basis::Newest),
        None => (
            order
                .iter()
                .copied()
                .find(|&i| reports[i].verified)
                .unwrap_or(newest),
            Basis::AwaitingChoice,
        ),
    };
    Decision {
        order,
        counted,
        basis,
    }
}
