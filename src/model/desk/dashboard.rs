//! 总体情况 — the county at a glance, from a group's counted reports: the
//! grade distribution, each section's average score rate, the ten duties
//! least often 已落实, the units with overdue rectifications, completion,
//! last year's rectifications a report marks 未启动 and, with last year's
//! reports added, each unit's score change.

use std::cmp::Ordering;

use super::views::{matrix, ItemRate};
use super::{Desk, Group, Row};
use crate::model::assessment::FollowUpStatus;
use crate::model::calendar::is_overdue;
use crate::model::text::Text;

/// How many duties [`Dashboard::weakest`] lists.
pub const WEAKEST: usize = 10;

/// One grade band and how many units reached it.
#[derive(Clone, Debug, PartialEq)]
pub struct GradeCount {
    pub grade: Text,
    pub units: usize,
}

/// A section's average score rate over the units.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionRate {
    pub title: Text,
    /// The mean of each unit's rate on the section (score ÷ points of its
    /// applicable items), in [0, 1]; `None` when it applies to no unit.
    pub mean: Option<f64>,
    /// Units for which some item of the section applies (the mean's count).
    pub units: usize,
}

/// A unit with rectifications past their deadline.
#[derive(Clone, Debug, PartialEq)]
pub struct OverdueUnit {
    pub unit: String,
    pub year: i32,
    /// The report's index in [`Group::reports`].
    pub report: usize,
    pub overdue: usize,
    /// All its rectifications (部分落实 and 未落实 items).
    pub open: usize,
}

/// A rectification promised last year that this year's report marks 未启动.
#[derive(Clone, Debug, PartialEq)]
pub struct NotStarted {
    pub unit: String,
    pub year: i32,
    pub report: usize,
    pub duty: String,
    pub measure: String,
    pub owner: String,
    pub due: String,
    pub note: String,
}

/// Completion bands: 100 %, 80–99 %, 60–79 %, under 60 %.
pub const COMPLETION_BANDS: [f64; 3] = [1.0, 0.8, 0.6];

/// The county's figures for one group.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    /// Counted reports in the figures (one per unit and year; [`Group::figures`]).
    pub units: usize,
    /// Counted reports left out of the figures ([`Group::left_out`]).
    pub left_out: usize,
    /// The years the reports are for, ascending.
    pub years: Vec<i32>,
    /// Each grade band of the checklist, in its order, with its units.
    pub grades: Vec<GradeCount>,
    pub sections: Vec<SectionRate>,
    /// The [`WEAKEST`] duties with the lowest 已落实率 (those applying to
    /// some unit), lowest first, equal rates by number.
    pub weakest: Vec<ItemRate>,
    /// Units with overdue rectifications, the most first, equal ones in
    /// natural order of the unit.
    pub overdue: Vec<OverdueUnit>,
    /// Units per completion band ([`COMPLETION_BANDS`], then the rest).
    pub completion: [usize; 4],
    /// The mean completion, in [0, 1].
    pub mean_completion: f64,
    /// The mean total score (normalised to 100), two decimals.
    pub mean_score: f64,
    pub not_started: Vec<NotStarted>,
}

/// The figures of a group's counted reports; `today` (YYYY-MM-DD) decides
/// what is overdue.
pub fn dashboard(group: &Group, today: &str) -> Dashboard {
    let rows: Vec<(usize, &Row)> = group.figures().collect();
    let mut years: Vec<i32> = rows.iter().map(|(_, r)| r.year).collect();
    years.sort_unstable();
    years.dedup();
    let grades = group
        .checklist
        .grade_bands
        .iter()
        .map(|b| GradeCount {
            grade: b.label.clone(),
            units: rows
                .iter()
                .filter(|(_, r)| r.tally.grade == b.label)
                .count(),
        })
        .collect();
    let sections = group
        .checklist
        .sections()
        .enumerate()
        .map(|(i, s)| {
            let rates: Vec<f64> = rows
                .iter()
                .filter_map(|(_, r)| r.sections.get(i).copied())
                .filter(|&(_, max)| max > 0.0)
                .map(|(score, max)| score / max)
                .collect();
            SectionRate {
                title: s.title.clone(),
                mean: (!rates.is_empty()).then(|| rates.iter().sum::<f64>() / rates.len() as f64),
                units: rates.len(),
            }
        })
        .collect();
    let mut weakest: Vec<ItemRate> = matrix(group)
        .into_iter()
        .filter(|r| r.done_rate.is_some())
        .collect();
    weakest.sort_by(|a, b| {
        a.done_rate
            .partial_cmp(&b.done_rate)
            .unwrap_or(Ordering::Equal)
            .then(a.number.cmp(&b.number))
    });
    weakest.truncate(WEAKEST);
    // What the rectification tracker lists, counted without building its rows.
    let ids: Vec<&str> = group.checklist.items().map(|i| i.id.as_str()).collect();
    let mut overdue: Vec<OverdueUnit> = Vec::new();
    for &(report, r) in &rows {
        let (mut open, mut late) = (0, 0);
        for (i, s) in r.statuses.iter().enumerate() {
            if s.is_some_and(|s| s.needs_rectification()) {
                open += 1;
                let due = r
                    .assessment
                    .answer(ids[i])
                    .map_or("", |a| a.rectification.due.as_str());
                late += usize::from(is_overdue(due, today));
            }
        }
        if late > 0 {
            overdue.push(OverdueUnit {
                unit: r.unit.name.trim().to_string(),
                year: r.year,
                report,
                overdue: late,
                open,
            });
        }
    }
    // Stable: equal counts keep the natural order of the units.
    overdue.sort_by_key(|o| std::cmp::Reverse(o.overdue));
    let mut completion = [0; 4];
    let mut sum = 0.0;
    let mut scores = 0.0;
    for (_, r) in &rows {
        scores += r.tally.normalized;
        let p = r.tally.progress();
        sum += p;
        let band = COMPLETION_BANDS
            .iter()
            .position(|&b| p + 1e-9 >= b)
            .unwrap_or(COMPLETION_BANDS.len());
        completion[band] += 1;
    }
    let not_started = rows
        .iter()
        .flat_map(|&(report, r)| {
            r.assessment
                .follow_ups
                .iter()
                .filter(|f| f.status == Some(FollowUpStatus::NotStarted))
                .map(move |f| NotStarted {
                    unit: r.unit.name.trim().to_string(),
                    year: f.year,
                    report,
                    duty: f.duty.clone(),
                    measure: f.rectification.measure.clone(),
                    owner: f.rectification.owner.clone(),
                    due: f.rectification.due.clone(),
                    note: f.note.clone(),
                })
        })
        .collect();
    Dashboard {
        units: rows.len(),
        left_out: group.left_out().count(),
        years,
        grades,
        sections,
        weakest,
        overdue,
        completion,
        mean_completion: if rows.is_empty() {
            0.0
        } else {
            sum / rows.len() as f64
        },
        mean_score: if rows.is_empty() {
            0.0
        } else {
            crate::model::scoring::round2(scores / rows.len() as f64)
        },
        not_started,
    }
}

/// A unit's score this year beside last year's.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub unit: String,
    pub year: i32,
    pub report: usize,
    /// Last year's total (normalised), `None` when last year's set has no report of the unit.
    pub last: Option<f64>,
    pub this: f64,
}

impl Change {
    /// This year's score minus last year's, two decimals.
    pub fn delta(&self) -> Option<f64> {
        self.last
            .map(|l| crate::model::scoring::round2(self.this - l))
    }
}

/// Each counted report of `group` beside the counted report of the same
/// unit (trimmed name) for the year before in `last` (last year's reports,
/// read on their own desk; the largest group first when several checklists
/// have it). Units with a change, the largest fall first; then those
/// without last year's report; equal ones in natural order of the unit.
pub fn compare(group: &Group, last: &Desk) -> Vec<Change> {
    let order = last.groups_by_size();
    let mut out: Vec<Change> = group
        .figures()
        .map(|(report, r)| {
            let key = crate::model::assessment::UnitYear {
                unit: r.unit.name.trim().to_string(),
                year: r.year - 1,
            };
            let last = order.iter().find_map(|&g| {
                let lg = &last.groups()[g];
                lg.slots()
                    .find(|s| s.unit_year == key && lg.in_figures(s))
                    .map(|s| lg.report(s.counted).tally.normalized)
            });
            Change {
                unit: key.unit,
                year: r.year,
                report,
                last,
                this: r.tally.normalized,
            }
        })
        .collect();
    out.sort_by(|a, b| match (a.delta(), b.delta()) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    // Stable: rows come in natural order of the unit.
    out
}

/// The county (县, 区, 市 or 旗) the counted units' names share, e.g. X县 for
/// X县青山镇人民政府 and X县司法局; `None` when they do not share one.
pub fn county(group: &Group) -> Option<String> {
    let mut shared: Option<String> = None;
    for (_, r) in group.counted() {
        let name = r.unit.name.trim();
        let end = name
            .char_indices()
            .find(|&(i, c)| i > 0 && matches!(c, '县' | '区' | '市' | '旗'))
            .map(|(i, c)| i + c.len_utf8())?;
        let place = &name[..end];
        match &shared {
            None => shared = Some(place.to_string()),
            Some(s) if s == place => {}
            Some(_) => return None,
        }
    }
    shared
}
