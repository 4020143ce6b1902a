//! The reviewer desk's views of a [`Group`]'s counted reports: the duty
//! matrix, the rectification tracker, the units' column labels, and the
//! search and sort rules of the units table and the tracker. Rows come in
//! natural order of the unit, then the year; every sort keeps that order
//! for ties.

use crate::model::messages::bureau as b;
use std::collections::HashMap;

use super::natural::natural_cmp;
use super::{Group, Row};
use crate::model::assessment::{Answer, Status};
use crate::model::calendar::is_overdue;
use crate::model::messages::Msg;
use crate::model::scoring::Counts;
use crate::model::text::{Lang, Text};

impl Row {
    /// 查找 in the units table: the unit's name, its first responsible person
    /// or the file name contains `query` (trimmed; empty matches every row).
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim();
        q.is_empty()
            || self.unit.name.contains(q)
            || self.unit.head_name.contains(q)
            || self.file.contains(q)
    }

    /// The units table's order by one column, ascending.
    pub fn cmp_by(&self, other: &Row, column: UnitColumn) -> std::cmp::Ordering {
        let (a, b) = (self, other);
        match column {
            UnitColumn::Unit => natural_cmp(a.unit.name.trim(), b.unit.name.trim()),
            UnitColumn::Type => a.unit.unit_type.key().cmp(b.unit.unit_type.key()),
            UnitColumn::Year => a.year.cmp(&b.year),
            UnitColumn::Progress => a.tally.progress().total_cmp(&b.tally.progress()),
            UnitColumn::Score => a.tally.normalized.total_cmp(&b.tally.normalized),
            UnitColumn::NotDone => a.tally.counts.not_done.cmp(&b.tally.counts.not_done),
            UnitColumn::Partial => a.tally.counts.partial.cmp(&b.tally.counts.partial),
            UnitColumn::Evidence => a.evidence.cmp(&b.evidence),
        }
    }
}

/// A column the units table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitColumn {
    Unit,
    Type,
    Year,
    Progress,
    Score,
    NotDone,
    Partial,
    Evidence,
}

/// One row of the duty matrix: an item and how the units answered it.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemRate {
    pub item_id: String,
    /// 序号: 1-based position in the checklist.
    pub number: usize,
    pub duty: Text,
    /// 已落实率: 已落实 ÷ units for which the item applies (不适用 excluded,
    /// 未作答 included), in [0, 1]; `None` when it applies to no unit.
    pub done_rate: Option<f64>,
    /// Units for which the item applies: the rate's denominator.
    pub applicable: u32,
    pub counts: Counts,
}

/// The duty matrix: one entry per item, in checklist order.
pub fn matrix(group: &Group) -> Vec<ItemRate> {
    group
        .checklist
        .items()
        .enumerate()
        .map(|(i, item)| {
            let mut counts = Counts::default();
            for (_, row) in group.figures() {
                counts.add(row.statuses.get(i).copied().flatten());
            }
            let applicable = counts.total() - counts.not_applicable;
            ItemRate {
                item_id: item.id.clone(),
                number: i + 1,
                duty: item.duty.clone(),
                done_rate: (applicable > 0).then(|| f64::from(counts.done) / f64::from(applicable)),
                applicable,
                counts,
            }
        })
        .collect()
}

/// The label of a matrix cell: the answer, or 未作答.
pub fn status_label(status: Option<Status>) -> Msg {
    match status {
        Some(s) => s.label(),
        None => Msg::Unanswered,
    }
}

/// Column headings for the counted reports of a group, in order: the unit's
/// name, with the year added when the group holds the same name for several years.
pub fn unit_labels(group: &Group, lang: Lang) -> Vec<String> {
    let mut names: HashMap<&str, usize> = HashMap::new();
    for (_, r) in group.figures() {
        *names.entry(r.unit.name.trim()).or_default() += 1;
    }
    group
        .figures()
        .map(|(_, r)| {
            let name = r.unit.name.trim();
            let shown = if name.is_empty() {
                Msg::Unnamed.tr(lang).to_string()
            } else {
                name.to_string()
            };
            if names.get(name).copied().unwrap_or(0) > 1 {
                b::m::UnitWithYear {
                    unit: shown,
                    year: r.year,
                }
                .tr(lang)
            } else {
                shown
            }
        })
        .collect()
}

/// One rectification promised in a report (an item answered 部分落实 or 未落实).
#[derive(Clone, Debug, PartialEq)]
pub struct RectRow {
    pub file: String,
    /// The report's index in [`Group::reports`].
    pub report: usize,
    pub unit: String,
    pub year: i32,
    pub item_id: String,
    /// 序号 of the item in the checklist.
    pub item_number: usize,
    pub duty: Text,
    pub status: Status,
    pub problem: String,
    pub measure: String,
    pub owner: String,
    /// 完成时限 as written (YYYY-MM-DD when valid).
    pub due: String,
    /// The deadline is a date before `today` ([`is_overdue`]; 长期坚持 and 立行立改 never are).
    pub overdue: bool,
}

impl RectRow {
    /// 查找 in the rectification tracker: the unit, 责任人, the measure or the
    /// problem contains `query` (trimmed; an empty query matches every row).
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim();
        q.is_empty()
            || self.unit.contains(q)
            || self.owner.contains(q)
            || self.measure.contains(q)
            || self.problem.contains(q)
    }
}

/// Every rectification of a group's counted reports: units in natural order,
/// then items in checklist order. `today` is YYYY-MM-DD (a longer timestamp
/// is cut to its date); whether a row is overdue is [`is_overdue`]'s rule.
pub fn rectifications(group: &Group, today: &str) -> Vec<RectRow> {
    let mut out = Vec::new();
    for (report, row) in group.counted() {
        for (i, item) in group.checklist.items().enumerate() {
            let Some(status) = row.statuses.get(i).copied().flatten() else {
                continue;
            };
            if !status.needs_rectification() {
                continue;
            }
            let answer = row.assessment.answer(&item.id);
            let empty = Answer::default();
            let a = answer.unwrap_or(&empty);
            let r = &a.rectification;
            let due = r.due.trim().to_string();
            out.push(RectRow {
                file: row.file.clone(),
                report,
                unit: row.unit.name.trim().to_string(),
                year: row.year,
                item_id: item.id.clone(),
                item_number: i + 1,
                duty: item.duty.clone(),
                status,
                problem: a.problem.clone(),
                measure: r.measure.clone(),
                owner: r.owner.clone(),
                overdue: is_overdue(&due, today),
                due,
            });
        }
    }
    out
}
