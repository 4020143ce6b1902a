//! The reviewer desk as workbook content: four sheets — 单位一览, 履职矩阵,
//! 整改跟踪, 问题文件 — of typed cells (text, whole numbers, scores, rates,
//! dates, answers) with the rows to highlight. No layout and no file format:
//! the Excel writer (`src/office/`, in the office module, which receives it
//! as JSON) turns this into an .xlsx file. Texts from
//! reports stay texts: a cell is never a formula.

use crate::model::messages::bureau as b;
use serde::{Deserialize, Serialize};

use super::csv::{basis_label, fingerprint_cell};
use super::verdicts::verdicts;
use super::views::{matrix, rectifications, unit_labels};
use super::{Desk, Group};
use crate::model::assessment::Status;
use crate::model::messages::{Label, Msg};
use crate::model::text::Lang;
use crate::model::validation::is_valid_date;

/// A workbook: its sheets in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

/// One sheet: a header row, then the rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub columns: Vec<SheetColumn>,
    pub rows: Vec<SheetRow>,
    /// Columns kept in view when scrolling right (besides the header row, always frozen).
    pub frozen_columns: u16,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetColumn {
    pub header: String,
    /// Width in characters (a Chinese character counts two).
    pub width: f64,
    /// Long texts (a duty, a problem, a measure, a reason) wrap; names,
    /// numbers and file names stay on one line.
    pub wrap: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetRow {
    pub cells: Vec<Cell>,
    pub mark: Mark,
}

/// A cell's value and kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    /// Written as a string, whatever it starts with.
    Text(String),
    /// A whole number (a year, a count, a 序号).
    Int(i64),
    /// A score, two decimals.
    Score(f64),
    /// A rate in [0, 1], shown as a percentage.
    Rate(f64),
    /// A date, YYYY-MM-DD.
    Date(String),
    /// An answer in the matrix: its label, coloured by answer.
    Answer(Option<Status>, String),
    Empty,
}

/// Why a row stands out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mark {
    None,
    /// A rectification past its deadline.
    Overdue,
    /// A report whose fingerprint does not verify.
    Flagged,
}

/// Columns from (header, width); the long-text headers wrap.
fn columns<M: Copy + Into<Label>>(spec: &[(M, f64)], lang: Lang) -> Vec<SheetColumn> {
    const LONG: [Label; 4] = [
        Label::Bureau(b::Msg::ColDuty),
        Label::Bureau(b::Msg::ColProblem),
        Label::Bureau(b::Msg::ColMeasure),
        Label::Bureau(b::Msg::Reason),
    ];
    spec.iter()
        .map(|(h, w)| {
            let h: Label = (*h).into();
            SheetColumn {
                header: h.tr(lang).to_string(),
                width: *w,
                wrap: LONG.contains(&h),
            }
        })
        .collect()
}

/// 单位一览: one row per counted report of the group (as the units CSV).
fn units(group: &Group, lang: Lang) -> Sheet {
    let rows = group
        .slots()
        .map(|slot| {
            let r = group.report(slot.counted);
            let t = &r.tally;
            SheetRow {
                cells: vec![
                    Cell::Text(r.unit.name.trim().to_string()),
                    Cell::Text(r.unit.unit_type.label().tr(lang).to_string()),
                    Cell::Text(r.unit.head_with_title(lang)),
                    Cell::Int(r.year.into()),
                    Cell::Rate(t.progress()),
                    Cell::Score(t.normalized),
                    Cell::Text(t.grade.get(lang).to_string()),
                    Cell::Int(t.counts.not_done.into()),
                    Cell::Int(t.counts.partial.into()),
                    Cell::Int(r.evidence.into()),
                    Cell::Text(fingerprint_cell(r, lang)),
                    Cell::Text(r.file.clone()),
                    Cell::Text(basis_label(group, slot, lang)),
                ],
                mark: if group.in_figures(slot) && r.verified() {
                    Mark::None
                } else {
                    Mark::Flagged
                },
            }
        })
        .collect();
    Sheet {
        name: b::Msg::DeskUnits.tr(lang).to_string(),
        columns: columns(
            &[
                (b::Msg::ColUnit, 30.0),
                (b::Msg::ColType, 10.0),
                (b::Msg::ColHead, 18.0),
                (b::Msg::ColYear, 7.0),
                (b::Msg::ColCompletion, 8.0),
                (b::Msg::ColScore, 8.0),
                (b::Msg::ColGrade, 8.0),
                (b::Msg::ColNotDone, 8.0),
                (b::Msg::ColPartial, 9.0),
                (b::Msg::ColEvidence, 10.0),
                (b::Msg::ColFingerprint, 28.0),
                (b::Msg::File, 40.0),
                (b::Msg::ColBasis, 16.0),
            ],
            lang,
        ),
        rows,
        frozen_columns: 1,
    }
}

/// 履职矩阵: one row per item, one column per unit, each cell the answer.
fn duty_matrix(group: &Group, lang: Lang) -> Sheet {
    let mut cols = columns(
        &[
            (b::Msg::ColNo, 6.0),
            (b::Msg::ColDuty, 50.0),
            (b::Msg::ColDoneRate, 9.0),
        ],
        lang,
    );
    cols.extend(unit_labels(group, lang).into_iter().map(|header| {
        let width = header
            .chars()
            .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
            .sum::<f64>();
        SheetColumn {
            header,
            width: width.clamp(9.0, 24.0),
            wrap: false,
        }
    }));
    let rows = matrix(group)
        .iter()
        .enumerate()
        .map(|(i, rate)| {
            let mut cells = vec![
                Cell::Int(rate.number as i64),
                Cell::Text(rate.duty.get(lang).to_string()),
                rate.done_rate.map_or(Cell::Empty, Cell::Rate),
            ];
            cells.extend(group.figures().map(|(_, r)| {
                let s = r.statuses.get(i).copied().flatten();
                Cell::Answer(s, super::status_label(s).tr(lang).to_string())
            }));
            SheetRow {
                cells,
                mark: Mark::None,
            }
        })
        .collect();
    Sheet {
        name: b::Msg::DeskMatrix.tr(lang).to_string(),
        columns: cols,
        rows,
        frozen_columns: 3,
    }
}

/// 整改跟踪: every rectification, overdue ones marked.
fn tracker(group: &Group, today: &str, lang: Lang) -> Sheet {
    let (yes, no) = (b::Msg::Yes.tr(lang), b::Msg::No.tr(lang));
    let rows = rectifications(group, today)
        .into_iter()
        .map(|r| SheetRow {
            cells: vec![
                Cell::Text(r.unit),
                Cell::Int(r.year.into()),
                Cell::Int(r.item_number as i64),
                Cell::Text(r.duty.get(lang).to_string()),
                Cell::Text(r.status.label().tr(lang).to_string()),
                Cell::Text(r.problem),
                Cell::Text(r.measure),
                Cell::Text(r.owner),
                if is_valid_date(&r.due) {
                    Cell::Date(r.due)
                } else if r.due.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(r.due)
                },
                Cell::Text(if r.overdue { yes } else { no }.to_string()),
            ],
            mark: if r.overdue { Mark::Overdue } else { Mark::None },
        })
        .collect();
    Sheet {
        name: b::Msg::DeskRect.tr(lang).to_string(),
        columns: columns(
            &[
                (Label::from(b::Msg::ColUnit), 30.0),
                (b::Msg::ColYear.into(), 7.0),
                (b::Msg::ColNo.into(), 6.0),
                (b::Msg::ColDuty.into(), 40.0),
                (b::Msg::ColResult.into(), 10.0),
                (b::Msg::ColProblem.into(), 30.0),
                (b::Msg::ColMeasure.into(), 36.0),
                (Msg::ColOwner.into(), 18.0),
                (Msg::ColDue.into(), 12.0),
                (b::Msg::ColOverdue.into(), 9.0),
            ],
            lang,
        ),
        rows,
        frozen_columns: 1,
    }
}

/// 问题文件: every file that needs attention, whether it counts, and every finding.
fn problems(desk: &Desk, lang: Lang) -> Sheet {
    let text = |s: &str| Cell::Text(s.to_string());
    let rows = verdicts(desk)
        .into_iter()
        .filter(|v| v.needs_attention())
        .map(|v| SheetRow {
            cells: vec![
                text(v.label(desk).get(lang)),
                text(
                    if v.counted() {
                        b::Msg::DeskCounted
                    } else {
                        b::Msg::DeskNotCounted
                    }
                    .tr(lang),
                ),
                text(&v.text(lang)),
            ],
            mark: if v.counted() {
                Mark::Flagged
            } else {
                Mark::None
            },
        });
    Sheet {
        name: b::Msg::DeskProblems.tr(lang).to_string(),
        columns: columns(
            &[
                (b::Msg::File, 50.0),
                (b::Msg::WbKind, 10.0),
                (b::Msg::Reason, 80.0),
            ],
            lang,
        ),
        rows: rows.collect(),
        frozen_columns: 0,
    }
}

/// The workbook of the desk's group `group` (an index into [`Desk::groups`]);
/// `today` (YYYY-MM-DD) decides what is overdue.
pub fn workbook(desk: &Desk, group: usize, today: &str, lang: Lang) -> Workbook {
    let mut sheets = Vec::with_capacity(4);
    if let Some(g) = desk.groups().get(group) {
        sheets.push(units(g, lang));
        sheets.push(duty_matrix(g, lang));
        sheets.push(tracker(g, today, lang));
    }
    sheets.push(problems(desk, lang));
    Workbook { sheets }
}
