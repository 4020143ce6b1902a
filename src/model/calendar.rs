//! Dates as the unit writes them: a rectification's deadline (完成时限) — a
//! date, 长期坚持 or 立行立改 — and whether it is overdue; dates shown in
//! each language; and the year a new self-assessment is for by default.

use super::messages::Msg;
use super::text::Lang;
use super::validation::is_valid_date;

/// 完成时限 as stored for 长期坚持: a measure kept up with no end date.
pub const ONGOING: &str = "长期坚持";
/// 完成时限 as stored for 立行立改: rectified at once, as soon as found.
pub const IMMEDIATE: &str = "立行立改";

/// A rectification's deadline, read from the `due` string of the report
/// format: `YYYY-MM-DD`, `长期坚持` or `立行立改` (a draft may hold anything).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deadline<'a> {
    /// Nothing written yet.
    Empty,
    /// A calendar date, `YYYY-MM-DD`.
    Date(&'a str),
    /// 长期坚持
    Ongoing,
    /// 立行立改
    Immediate,
    /// Anything else (only an unfinished draft or a foreign file holds it).
    Invalid(&'a str),
}

/// The kinds a user chooses between, in the order offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineKind {
    Date,
    Ongoing,
    Immediate,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 3] = [
        DeadlineKind::Date,
        DeadlineKind::Ongoing,
        DeadlineKind::Immediate,
    ];

    /// The label of the choice.
    pub fn label(self) -> Msg {
        match self {
            DeadlineKind::Date => Msg::DueByDate,
            DeadlineKind::Ongoing => Msg::DueOngoing,
            DeadlineKind::Immediate => Msg::DueImmediate,
        }
    }

    /// A short key for element ids.
    pub fn key(self) -> &'static str {
        match self {
            DeadlineKind::Date => "date",
            DeadlineKind::Ongoing => "ongoing",
            DeadlineKind::Immediate => "immediate",
        }
    }

    /// The `due` value choosing this kind stores: a date is typed next.
    pub fn stored(self) -> &'static str {
        match self {
            DeadlineKind::Date => "",
            DeadlineKind::Ongoing => ONGOING,
            DeadlineKind::Immediate => IMMEDIATE,
        }
    }
}

impl<'a> Deadline<'a> {
    /// Reads a stored `due` (surrounding spaces ignored).
    pub fn parse(due: &'a str) -> Deadline<'a> {
        match due.trim() {
            "" => Deadline::Empty,
            ONGOING => Deadline::Ongoing,
            IMMEDIATE => Deadline::Immediate,
            d if is_valid_date(d) => Deadline::Date(d),
            other => Deadline::Invalid(other),
        }
    }

    /// The kind the form shows chosen: a date (also while empty or invalid), or a fixed term.
    pub fn kind(self) -> DeadlineKind {
        match self {
            Deadline::Ongoing => DeadlineKind::Ongoing,
            Deadline::Immediate => DeadlineKind::Immediate,
            _ => DeadlineKind::Date,
        }
    }

    /// True for a deadline a finished report may carry.
    pub fn is_valid(self) -> bool {
        !matches!(self, Deadline::Empty | Deadline::Invalid(_))
    }

    /// As a reader sees it: 2027年6月30日 / 30 June 2027, 长期坚持 / Ongoing,
    /// 立行立改 / Immediately; an invalid text as written; empty as "".
    pub fn show(self, lang: Lang) -> String {
        match self {
            Deadline::Empty => String::new(),
            Deadline::Date(d) => long_date(d, lang),
            Deadline::Ongoing => Msg::DueOngoing.tr(lang).to_string(),
            Deadline::Immediate => Msg::DueImmediate.tr(lang).to_string(),
            Deadline::Invalid(s) => s.to_string(),
        }
    }

    /// Order of next year's plan: 立行立改 first, then dates in order, then
    /// 长期坚持, then anything else.
    pub fn sort_key(self) -> (u8, &'a str) {
        match self {
            Deadline::Immediate => (0, ""),
            Deadline::Date(d) => (1, d),
            Deadline::Ongoing => (2, ""),
            Deadline::Invalid(s) => (3, s),
            Deadline::Empty => (4, ""),
        }
    }
}

/// **The overdue rule**, the one place it lives: a rectification whose
/// deadline `due` is a date before `today` is overdue. 长期坚持 and 立行立改
/// have no date to pass, so they never are; nor is an empty or invalid
/// deadline, nor anything when `today` is not a date. `today` is
/// `YYYY-MM-DD`; a longer timestamp is cut to its date.
pub fn is_overdue(due: &str, today: &str) -> bool {
    let today = today.get(..10).unwrap_or(today);
    match Deadline::parse(due) {
        Deadline::Date(d) => is_valid_date(today) && d < today,
        _ => false,
    }
}

/// The year a new self-assessment is for by default, given today
/// (`YYYY-MM-DD`, or a longer timestamp): reports on a year are written
/// before 1 March of the next, so from January to March it is last year,
/// from April on this year. `None` when `today` is not a date.
pub fn default_year(today: &str) -> Option<i32> {
    let today = today.get(..10).unwrap_or(today);
    if !is_valid_date(today) {
        return None;
    }
    let year: i32 = today[..4].parse().ok()?;
    let month: u32 = today[5..7].parse().ok()?;
    Some(if month <= 3 { year - 1 } else { year })
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

/// A `YYYY-MM-DD` date as written in prose: 2027年6月30日 in Chinese (Arabic
/// numerals, no leading zeros), 30 June 2027 in English. Anything that is not
/// such a date is returned as it is.
pub fn long_date(iso: &str, lang: Lang) -> String {
    let date = iso.get(..10).unwrap_or(iso);
    if !is_valid_date(date) {
        return iso.to_string();
    }
    let (y, m, d) = (
        &date[..4],
        date[5..7].parse::<usize>(),
        date[8..10].parse::<u32>(),
    );
    let (Ok(m), Ok(d)) = (m, d) else {
        return iso.to_string();
    };
    match lang {
        Lang::Zh => format!("{y}年{m}月{d}日"),
        Lang::En => format!("{d} {} {y}", MONTHS[m - 1]),
    }
}
