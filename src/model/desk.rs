//! 汇总审阅 — the reviewer desk. The county Justice Bureau reads hundreds to
//! thousands of report files at once. Every file ends up somewhere visible:
//! accepted as a row of the group of its checklist, or listed as rejected
//! (unreadable, invalid, or a duplicate of an earlier file for the same unit
//! and year) with the reason. Tampered reports are rows too, and are also
//! listed as flagged. Reports of different checklists are never mixed.
//!
//! Everything here is pure and incremental: the interface feeds files one by
//! one ([`Desk::add`]) and can show progress between chunks. The views
//! (units table, duty matrix, rectification tracker) and their CSV exports
//! (UTF-8 with BOM, RFC 4180, Chinese or English headers) are computed from a
//! [`Group`]. A deterministic generator of report sets serves tests and
//! benchmarks.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use serde_json::Value;

use super::annual::cn_date;
use super::assessment::{Answer, Assessment, Evidence, Rectification, Status, UnitInfo, UnitType};
use super::checklist::{Checklist, ChecklistRef};
use super::import::{self, DigestCheck, ImportError, Imported};
use super::report;
use super::scoring::{self, Counts, Tally};
use super::text::{Lang, Text};
use super::validation::is_valid_date;

/// The reason given for a report whose content no longer matches its digest.
pub fn tampered_reason() -> Text {
    Text::new(
        "文件内容与数字指纹不符，可能已被修改",
        "The file's content does not match its fingerprint; it may have been altered",
    )
}

/// What the fingerprint check of a row found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DigestStatus {
    /// The content matches its fingerprint.
    Valid,
    /// 文件内容与数字指纹不符 — the row is also in [`Desk::flagged`].
    Mismatch,
    /// The report carries no fingerprint — the row is also in [`Desk::flagged`].
    Missing,
}

impl DigestStatus {
    /// ✓, ✗ or —.
    pub fn mark(self) -> &'static str {
        match self {
            DigestStatus::Valid => "✓",
            DigestStatus::Mismatch => "✗",
            DigestStatus::Missing => "—",
        }
    }

    pub fn label(self) -> Text {
        match self {
            DigestStatus::Valid => Text::new("一致", "valid"),
            DigestStatus::Mismatch => Text::new("不符", "mismatch"),
            DigestStatus::Missing => Text::new("无", "none"),
        }
    }
}

impl From<&DigestCheck> for DigestStatus {
    fn from(d: &DigestCheck) -> Self {
        match d {
            DigestCheck::Valid => DigestStatus::Valid,
            DigestCheck::Mismatch { .. } => DigestStatus::Mismatch,
            DigestCheck::Missing => DigestStatus::Missing,
        }
    }
}

/// One accepted report.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub file: String,
    pub unit: UnitInfo,
    pub year: i32,
    pub assessment: Assessment,
    /// The total computed from the answers (the stated one is never trusted).
    pub tally: Tally,
    pub digest: DigestStatus,
    /// The fingerprint the file states (lowercase hex), empty when it has none.
    pub fingerprint: String,
    /// False when the summary the file states differs from the computed one.
    pub summary_matches: bool,
    /// Each item's answer, in checklist order (`None`: 未作答).
    pub statuses: Vec<Option<Status>>,
}

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
            UnitColumn::Unit => a.unit.name.cmp(&b.unit.name),
            UnitColumn::Type => a.unit.unit_type.key().cmp(b.unit.unit_type.key()),
            UnitColumn::Year => a.year.cmp(&b.year),
            UnitColumn::Progress => a.tally.progress().total_cmp(&b.tally.progress()),
            UnitColumn::Score => a.tally.normalized.total_cmp(&b.tally.normalized),
            UnitColumn::NotDone => a.tally.counts.not_done.cmp(&b.tally.counts.not_done),
            UnitColumn::Partial => a.tally.counts.partial.cmp(&b.tally.counts.partial),
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
}

/// The reports of one checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub reference: ChecklistRef,
    pub checklist: Rc<Checklist>,
    /// True when the definition came from the reports themselves (not one of
    /// the checklists given to [`Desk::add`]).
    pub embedded: bool,
    /// Accepted reports in the order they were added.
    pub rows: Vec<Row>,
    /// (trimmed unit name, year) → index in `rows`.
    seen: HashMap<(String, i32), usize>,
}

/// Why a file is not among the rows.
#[derive(Clone, Debug, PartialEq)]
pub enum RejectKind {
    /// Not a readable, valid report.
    Invalid(ImportError),
    /// Same unit (name trimmed) and year as a row of the same checklist:
    /// `of` is that row's file name.
    Duplicate {
        of: String,
        group: usize,
        row: usize,
    },
}

/// A file listed with the reason it was not accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    pub file: String,
    pub reason: Text,
    pub kind: RejectKind,
}

/// Why an accepted row deserves attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlagKind {
    /// The content does not match the fingerprint.
    Tampered,
    /// The report has no fingerprint at all.
    NoFingerprint,
    /// The stated scores differ from those computed from the answers (the
    /// computed ones are shown).
    SummaryMismatch,
}

/// A row that is accepted but flagged; a row may be flagged more than once.
#[derive(Clone, Debug, PartialEq)]
pub struct Flagged {
    pub file: String,
    pub group: usize,
    pub row: usize,
    pub kind: FlagKind,
    pub reason: Text,
}

/// What became of a file given to [`Desk::add`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Now `groups()[group].rows[row]` (possibly also flagged).
    Accepted { group: usize, row: usize },
    /// Now `rejected()[index]`.
    Rejected { index: usize },
}

/// The definition a report was read with.
enum Definition<'a> {
    /// One of the reviewer's checklists.
    Given(&'a Rc<Checklist>),
    /// The report's own, already checked against the reference it states.
    Embedded(Box<Checklist>, &'a ChecklistRef),
}

/// The reviewer desk: every file read so far, sorted into groups, rejected and flagged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Desk {
    groups: Vec<Group>,
    rejected: Vec<Rejected>,
    flagged: Vec<Flagged>,
    files: usize,
}

impl Desk {
    pub fn new() -> Desk {
        Desk::default()
    }

    /// Reads one file. `checklists` are the definitions known to the reviewer;
    /// a report answering another checklist is read with the definition it
    /// embeds, and counts under that checklist.
    pub fn add(&mut self, file_name: &str, bytes: &[u8], checklists: &[Rc<Checklist>]) -> Outcome {
        let read = Desk::read(bytes, checklists).map(|u| u.finish(None));
        self.add_read(file_name, read, checklists)
    }

    /// The first step of [`Desk::add`] in two steps: the file read and
    /// checked, with its digest still to compute (by the browser, for a
    /// batch at once; see [`import::Unhashed`]).
    pub fn read(
        bytes: &[u8],
        checklists: &[Rc<Checklist>],
    ) -> Result<import::Unhashed, ImportError> {
        let refs: Vec<&Checklist> = checklists.iter().map(|c| c.as_ref()).collect();
        import::read_unhashed(bytes, &refs)
    }

    /// The second step: counts a file read by [`Desk::read`], its digest
    /// checked, under the same `checklists`.
    pub fn add_read(
        &mut self,
        file_name: &str,
        read: Result<Imported, ImportError>,
        checklists: &[Rc<Checklist>],
    ) -> Outcome {
        self.files += 1;
        let imported = match read {
            Ok(i) => i,
            Err(e) => {
                return self.reject(file_name, e.message(), RejectKind::Invalid(e));
            }
        };
        let Imported {
            mut stated,
            assessment,
            digest,
            summary_matches,
            source,
        } = imported;
        let g = match (source, stated.checklist_definition.take()) {
            (import::ChecklistSource::Embedded, Some(def)) => {
                self.group_for(Definition::Embedded(Box::new(def), &assessment.checklist))
            }
            (import::ChecklistSource::Given(i), _) => {
                self.group_for(Definition::Given(&checklists[i]))
            }
            (import::ChecklistSource::Embedded, None) => {
                unreachable!("an embedded source has a definition")
            }
        };
        let key = (assessment.unit.name.trim().to_string(), assessment.year);
        if let Some(&earlier) = self.groups[g].seen.get(&key) {
            let of = self.groups[g].rows[earlier].file.clone();
            let (unit, year) = (&key.0, key.1);
            let reason = Text::new(
                format!("与先读取的文件“{of}”为同一单位、同一年度（{unit}，{year}年度）的报告，未重复计入。"),
                format!("Same unit and year ({unit}, {year}) as the file \"{of}\" read earlier; not counted twice."),
            );
            return self.reject(
                file_name,
                reason,
                RejectKind::Duplicate {
                    of,
                    group: g,
                    row: earlier,
                },
            );
        }
        let group = &mut self.groups[g];
        // When the stated summary matches it is the computed one: no need to score again.
        let tally = if summary_matches {
            stated.summary.total
        } else {
            scoring::summarize(&group.checklist, &assessment).total
        };
        let statuses = group
            .checklist
            .items()
            .map(|i| assessment.status(&i.id))
            .collect();
        let digest_status = DigestStatus::from(&digest);
        let row = Row {
            file: file_name.to_string(),
            unit: assessment.unit.clone(),
            year: assessment.year,
            assessment,
            tally,
            digest: digest_status,
            fingerprint: stated.integrity.map(|i| i.digest).unwrap_or_default(),
            summary_matches,
            statuses,
        };
        let r = group.rows.len();
        group.rows.push(row);
        group.seen.insert(key, r);
        let mut flag = |kind, reason| {
            self.flagged.push(Flagged {
                file: file_name.to_string(),
                group: g,
                row: r,
                kind,
                reason,
            })
        };
        match digest_status {
            DigestStatus::Valid => {}
            DigestStatus::Mismatch => flag(FlagKind::Tampered, tampered_reason()),
            DigestStatus::Missing => flag(
                FlagKind::NoFingerprint,
                Text::new(
                    "报告没有数字指纹，无法核验内容是否被修改",
                    "The report has no fingerprint; whether it was altered cannot be checked",
                ),
            ),
        }
        if !summary_matches {
            flag(
                FlagKind::SummaryMismatch,
                Text::new(
                    "报告所载得分与按各项作答计算的结果不一致，已按作答重新计算",
                    "The scores stated in the report differ from those computed from its answers; the computed ones are shown",
                ),
            );
        }
        Outcome::Accepted { group: g, row: r }
    }

    fn reject(&mut self, file: &str, reason: Text, kind: RejectKind) -> Outcome {
        self.rejected.push(Rejected {
            file: file.to_string(),
            reason,
            kind,
        });
        Outcome::Rejected {
            index: self.rejected.len() - 1,
        }
    }

    /// The group of exactly this definition, created when it is the first.
    fn group_for(&mut self, def: Definition) -> usize {
        let checklist: &Checklist = match &def {
            Definition::Given(c) => c,
            Definition::Embedded(c, _) => c,
        };
        if let Some(g) = self.groups.iter().position(|g| {
            // The same shared definition needs no comparison (a thousand
            // reports of one checklist would compare it a thousand times).
            matches!(def, Definition::Given(c) if Rc::ptr_eq(c, &g.checklist))
                || g.checklist.id == checklist.id
                    && g.checklist.version == checklist.version
                    && *g.checklist == *checklist
        }) {
            return g;
        }
        let (reference, checklist, embedded) = match def {
            Definition::Embedded(c, stated) => (stated.clone(), Rc::new(*c), true),
            // A known definition is fingerprinted once, here.
            Definition::Given(c) => (c.reference(), Rc::clone(c), false),
        };
        self.groups.push(Group {
            reference,
            checklist,
            embedded,
            rows: Vec::new(),
            seen: HashMap::new(),
        });
        self.groups.len() - 1
    }

    /// One group per checklist, in the order first seen.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Indices into [`Desk::groups`], the group with the most reports first
    /// (of equal ones, the first read): the order to offer them to the
    /// reviewer, whichever report happened to be read first.
    pub fn groups_by_size(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.groups.len()).collect();
        order.sort_by_key(|&g| std::cmp::Reverse(self.groups[g].rows.len()));
        order
    }

    /// Unreadable, invalid and duplicate files, in the order read.
    pub fn rejected(&self) -> &[Rejected] {
        &self.rejected
    }

    /// Accepted rows needing attention (tampered, no fingerprint, wrong summary).
    pub fn flagged(&self) -> &[Flagged] {
        &self.flagged
    }

    /// Files given to [`Desk::add`] so far.
    pub fn files(&self) -> usize {
        self.files
    }

    /// Rows in all groups.
    pub fn accepted(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }
}

// ---------------------------------------------------------------------------
// Views

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
    pub counts: Counts,
}

fn count(c: &mut Counts, s: Option<Status>) {
    match s {
        Some(Status::Done) => c.done += 1,
        Some(Status::Partial) => c.partial += 1,
        Some(Status::NotDone) => c.not_done += 1,
        Some(Status::NotApplicable) => c.not_applicable += 1,
        None => c.unanswered += 1,
    }
}

/// The duty matrix: one entry per item, in checklist order.
pub fn matrix(group: &Group) -> Vec<ItemRate> {
    group
        .checklist
        .items()
        .enumerate()
        .map(|(i, item)| {
            let mut counts = Counts::default();
            for row in &group.rows {
                count(&mut counts, row.statuses.get(i).copied().flatten());
            }
            let applicable = counts.total() - counts.not_applicable;
            ItemRate {
                item_id: item.id.clone(),
                number: i + 1,
                duty: item.duty.clone(),
                done_rate: (applicable > 0).then(|| f64::from(counts.done) / f64::from(applicable)),
                counts,
            }
        })
        .collect()
}

/// The label of a matrix cell: the answer, or 未作答.
pub fn status_label(status: Option<Status>) -> Text {
    match status {
        Some(s) => s.label(),
        None => Text::new("未作答", "Unanswered"),
    }
}

/// Column headings for the units of a group, in row order: the unit's name,
/// with the year added when the group holds the same name for several years.
pub fn unit_labels(group: &Group, lang: Lang) -> Vec<String> {
    let mut names: HashMap<&str, usize> = HashMap::new();
    for r in &group.rows {
        *names.entry(r.unit.name.trim()).or_default() += 1;
    }
    group
        .rows
        .iter()
        .map(|r| {
            let name = r.unit.name.trim();
            let shown = if name.is_empty() {
                Text::new("（未填写单位名称）", "(no unit name)")
                    .get(lang)
                    .to_string()
            } else {
                name.to_string()
            };
            if names.get(name).copied().unwrap_or(0) > 1 {
                match lang {
                    Lang::Zh => format!("{shown}（{}年度）", r.year),
                    Lang::En => format!("{shown} ({})", r.year),
                }
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
    /// The deadline is a valid date before `today`.
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

/// Every rectification of a group: rows in order, items in checklist order.
/// `today` is YYYY-MM-DD (a longer timestamp is cut to its date); when it is
/// not a valid date nothing is overdue.
pub fn rectifications(group: &Group, today: &str) -> Vec<RectRow> {
    let today = today.get(..10).unwrap_or(today);
    let today_valid = is_valid_date(today);
    let mut out = Vec::new();
    for row in &group.rows {
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
                unit: row.unit.name.trim().to_string(),
                year: row.year,
                item_id: item.id.clone(),
                item_number: i + 1,
                duty: item.duty.clone(),
                status,
                problem: a.problem.clone(),
                measure: r.measure.clone(),
                owner: r.owner.clone(),
                overdue: today_valid && is_valid_date(&due) && due.as_str() < today,
                due,
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------
// CSV

/// Appends one RFC 4180 field. Quoted when it holds a comma, quote, CR or LF
/// (quotes doubled). A value a spreadsheet would run as a formula (starting
/// with = + - @ or a tab) gets a leading apostrophe, since the files come from
/// many hands.
fn push_field(out: &mut String, value: &str) {
    let guarded;
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn push_record<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, f.as_ref());
    }
    out.push_str("\r\n");
}

fn headers(lang: Lang, h: &[(&'static str, &'static str)]) -> Vec<&'static str> {
    h.iter()
        .map(|(zh, en)| if lang == Lang::En { *en } else { *zh })
        .collect()
}

/// A number with at most `decimals` decimals, trailing zeros dropped.
fn num(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn percent(x: f64) -> String {
    format!("{}%", num(x * 100.0, 1))
}

const UNITS_HEADERS: [(&str, &str); 10] = [
    ("单位", "Unit"),
    ("类型", "Type"),
    ("第一责任人", "First responsible person"),
    ("年度", "Year"),
    ("完成度", "Completion"),
    ("得分", "Score"),
    ("等级", "Grade"),
    ("未落实", "Not done"),
    ("部分落实", "Partly done"),
    ("数字指纹", "Fingerprint"),
];

/// The 数字指纹 cell: mark, label and the first 16 characters of the stated
/// fingerprint (what the printed report's footer shows).
pub fn fingerprint_cell(row: &Row, lang: Lang) -> String {
    let mut s = format!("{} {}", row.digest.mark(), row.digest.label().get(lang));
    if !row.fingerprint.is_empty() {
        s.push(' ');
        s.extend(row.fingerprint.chars().take(16));
    }
    s
}

/// 第一责任人: name and title, e.g. 李明（镇长）.
fn head(u: &UnitInfo, lang: Lang) -> String {
    let (name, title) = (u.head_name.trim(), u.head_title.trim());
    match (title.is_empty(), lang) {
        (true, _) => name.to_string(),
        (false, Lang::Zh) => format!("{name}（{title}）"),
        (false, Lang::En) => format!("{name} ({title})"),
    }
}

/// The units table as CSV: BOM, a header row, one row per report.
pub fn units_csv(group: &Group, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    push_record(&mut out, headers(lang, &UNITS_HEADERS));
    for r in &group.rows {
        let t = &r.tally;
        push_record(
            &mut out,
            [
                r.unit.name.trim().to_string(),
                r.unit.unit_type.label().get(lang).to_string(),
                head(&r.unit, lang),
                r.year.to_string(),
                percent(t.progress()),
                num(t.normalized, 2),
                t.grade.get(lang).to_string(),
                t.counts.not_done.to_string(),
                t.counts.partial.to_string(),
                fingerprint_cell(r, lang),
            ],
        );
    }
    out
}

/// The duty matrix as CSV: 序号, 检查事项, 已落实率, then one column per unit.
pub fn matrix_csv(group: &Group, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut head: Vec<String> = headers(
        lang,
        &[
            ("序号", "No."),
            ("检查事项", "Duty"),
            ("已落实率", "Done rate"),
        ],
    )
    .into_iter()
    .map(str::to_string)
    .collect();
    head.extend(unit_labels(group, lang));
    push_record(&mut out, head);
    let labels: Vec<String> = [
        None,
        Some(Status::Done),
        Some(Status::Partial),
        Some(Status::NotDone),
        Some(Status::NotApplicable),
    ]
    .into_iter()
    .map(|s| status_label(s).get(lang).to_string())
    .collect();
    let label = |s: Option<Status>| {
        let i = match s {
            None => 0,
            Some(Status::Done) => 1,
            Some(Status::Partial) => 2,
            Some(Status::NotDone) => 3,
            Some(Status::NotApplicable) => 4,
        };
        labels[i].as_str()
    };
    for (i, rate) in matrix(group).iter().enumerate() {
        let mut rec: Vec<&str> = Vec::with_capacity(3 + group.rows.len());
        let number = rate.number.to_string();
        let pct = rate.done_rate.map(percent).unwrap_or_else(|| "—".into());
        rec.push(&number);
        rec.push(rate.duty.get(lang));
        rec.push(&pct);
        rec.extend(
            group
                .rows
                .iter()
                .map(|r| label(r.statuses.get(i).copied().flatten())),
        );
        push_record(&mut out, rec);
    }
    out
}

/// The rectification tracker as CSV: one row per rectification (see [`rectifications`]).
pub fn rectifications_csv(group: &Group, today: &str, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    push_record(
        &mut out,
        headers(
            lang,
            &[
                ("单位", "Unit"),
                ("年度", "Year"),
                ("序号", "No."),
                ("检查事项", "Duty"),
                ("自查结果", "Result"),
                ("存在问题", "Problem"),
                ("整改措施", "Measure"),
                ("责任人", "Responsible"),
                ("完成时限", "Deadline"),
                ("是否逾期", "Overdue"),
            ],
        ),
    );
    let (yes, no) = match lang {
        Lang::Zh => ("是", "否"),
        Lang::En => ("Yes", "No"),
    };
    for r in rectifications(group, today) {
        let due = if lang == Lang::Zh && is_valid_date(&r.due) {
            cn_date(&r.due)
        } else {
            r.due.clone()
        };
        push_record(
            &mut out,
            [
                r.unit.as_str(),
                &r.year.to_string(),
                &r.item_number.to_string(),
                r.duty.get(lang),
                r.status.label().get(lang),
                &r.problem,
                &r.measure,
                &r.owner,
                &due,
                if r.overdue { yes } else { no },
            ],
        );
    }
    out
}

// ---------------------------------------------------------------------------
// Generator (tests and benchmarks)

/// A 64-bit linear congruential generator (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Lcg {
        let mut l = Lcg(seed ^ 0x5DEE_CE66_D1CE_4E5B);
        l.next();
        l
    }

    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    fn below(&mut self, n: usize) -> usize {
        self.next() as usize % n.max(1)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const COUNTIES: [&str; 6] = ["X县", "Y县", "Z县", "W县", "V县", "U县"];
const PLACE_A: [&str; 24] = [
    "青", "石", "龙", "桃", "柳", "白", "黄", "金", "云", "凤", "梅", "松", "竹", "新", "安", "平",
    "东", "西", "南", "北", "长", "清", "马", "杨",
];
const PLACE_B: [&str; 10] = ["山", "河", "桥", "坪", "溪", "湾", "塘", "岭", "口", "坝"];
const DEPARTMENTS: [&str; 32] = [
    "司法局",
    "发展和改革局",
    "教育局",
    "科学技术局",
    "工业和信息化局",
    "公安局",
    "民政局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源局",
    "住房和城乡建设局",
    "交通运输局",
    "水务局",
    "农业农村局",
    "商务局",
    "文化旅游局",
    "卫生健康局",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "林业局",
    "乡村振兴局",
    "综合行政执法局",
    "信访局",
    "民族宗教事务局",
    "投资促进局",
    "能源局",
    "粮食和物资储备局",
    "人民政府办公室",
];
const TOWNSHIPS_PER_COUNTY: usize = PLACE_A.len() * PLACE_B.len();
const UNITS_PER_COUNTY: usize = TOWNSHIPS_PER_COUNTY + DEPARTMENTS.len();
/// Distinct units per year; beyond that the generator goes back a year.
const UNITS_PER_YEAR: usize = COUNTIES.len() * UNITS_PER_COUNTY;
/// Coprime with UNITS_PER_YEAR: walks every unit once in a seed-dependent order.
const STRIDE: usize = 7;
const LATEST_YEAR: i32 = 2026;

const SURNAMES: [&str; 16] = [
    "李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
];
const GIVEN: [&str; 16] = [
    "明", "伟", "芳", "军", "静", "强", "磊", "洋", "敏", "勇", "艳", "杰", "娟", "涛", "超", "霞",
];

/// The `k`-th distinct unit and its year (unit and year never repeat together).
fn unit_for(k: usize, offset: usize, rng: &mut Lcg) -> (UnitInfo, i32) {
    let year = LATEST_YEAR - (k / UNITS_PER_YEAR) as i32;
    let p = (offset + (k % UNITS_PER_YEAR) * STRIDE) % UNITS_PER_YEAR;
    let county = COUNTIES[p / UNITS_PER_COUNTY];
    let j = p % UNITS_PER_COUNTY;
    let person = |rng: &mut Lcg| format!("{}{}", rng.pick(&SURNAMES), rng.pick(&GIVEN));
    let head_name = person(rng);
    let filled = person(rng);
    let (name, unit_type, head_title, office) = if j < TOWNSHIPS_PER_COUNTY {
        let (a, b) = (j / PLACE_B.len(), j % PLACE_B.len());
        let kind = if (a + b) % 3 == 0 { "乡" } else { "镇" };
        let title = if rng.below(4) == 0 {
            format!("{kind}党委书记")
        } else {
            format!("{kind}长")
        };
        (
            format!("{county}{}{}{kind}人民政府", PLACE_A[a], PLACE_B[b]),
            UnitType::Township,
            title,
            "党政办",
        )
    } else {
        let dept = DEPARTMENTS[j - TOWNSHIPS_PER_COUNTY];
        let title = if dept.ends_with("办公室") {
            "主任"
        } else {
            "局长"
        };
        (
            format!("{county}{dept}"),
            UnitType::CountyDepartment,
            title.to_string(),
            "办公室",
        )
    };
    let phone = format!("0851-{}", 2_000_000 + rng.below(7_000_000));
    (
        UnitInfo {
            name,
            unit_type,
            head_name,
            head_title,
            filled_by: format!("{filled}（{office}）"),
            phone,
        },
        year,
    )
}

const DONE_NOTES: [&str; 4] = [
    "已按要求落实，有关制度和记录齐全。",
    "年内专题研究2次，会议纪要已归档。",
    "已制定工作方案并组织实施，台账完整。",
    "按季度检查落实情况，问题均已整改。",
];
const PROBLEMS: [&str; 5] = [
    "制度执行不到位，记录不完整。",
    "专题学习次数不足，部分会议未形成纪要。",
    "合法性审查覆盖不全，个别文件未经审查即印发。",
    "\"三重一大\"事项集体讨论记录缺失，决策程序不够规范。",
    "行政执法案卷评查发现问题较多，\n整改跟踪不及时。",
];
const MEASURES: [&str; 4] = [
    "完善制度，明确专人负责，按季度检查。",
    "制定年度学习计划，每季度至少专题学习1次。",
    "建立合法性审查台账，做到应审必审。",
    "开展案卷评查“回头看”，逐案整改，并纳入年度考核。",
];

/// A generated assessment of `checklist`: the unit's overall diligence varies,
/// every answer carries what validation asks for (with a rare empty deadline).
fn gen_assessment(
    checklist: &Checklist,
    reference: &ChecklistRef,
    unit: UnitInfo,
    year: i32,
    rng: &mut Lcg,
) -> Assessment {
    let diligence = 55 + rng.below(35);
    let mut answers = BTreeMap::new();
    for item in checklist.items() {
        let roll = rng.below(100);
        let status = if roll < diligence {
            Status::Done
        } else if roll < diligence + (100 - diligence) / 2 {
            Status::Partial
        } else if roll < 93 {
            Status::NotDone
        } else if roll < 98 {
            Status::NotApplicable
        } else {
            continue; // 未作答
        };
        let mut a = Answer {
            status: Some(status),
            ..Answer::default()
        };
        match status {
            Status::Done => {
                a.notes = rng.pick(&DONE_NOTES).into();
                a.evidence.push(Evidence::Reference {
                    title: "关于印发年度法治政府建设工作计划的通知".into(),
                    doc_number: format!("〔{year}〕{}号", 1 + rng.below(40)),
                    date: format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
                });
            }
            Status::Partial | Status::NotDone => {
                a.notes = "已部署，但尚未全面落实。".into();
                a.problem = rng.pick(&PROBLEMS).into();
                let due = if rng.below(40) == 0 {
                    String::new()
                } else {
                    format!(
                        "{}-{:02}-{:02}",
                        year + 1,
                        1 + rng.below(12),
                        1 + rng.below(28)
                    )
                };
                a.rectification = Rectification {
                    measure: rng.pick(&MEASURES).into(),
                    owner: format!("{}{}（分管负责人）", rng.pick(&SURNAMES), rng.pick(&GIVEN)),
                    due,
                };
                if status == Status::Partial && rng.below(3) == 0 {
                    // A self-score other than the default half marks.
                    a.score = Some(scoring::round_half_step(item.points / 2.0 - 0.5).max(0.0));
                }
            }
            Status::NotApplicable => a.na_reason = "本年度本单位无此类事项。".into(),
        }
        answers.insert(item.id.clone(), a);
    }
    let next = year + 1;
    Assessment {
        checklist: reference.clone(),
        unit,
        year,
        answers,
        created_at: format!("{next}-01-{:02}T09:00:00+08:00", 2 + rng.below(20)),
        updated_at: format!("{next}-02-{:02}T16:30:00+08:00", 1 + rng.below(27)),
        follow_ups: Vec::new(),
        embed_checklist: None,
    }
}

/// The sealed JSON of an assessment, as the app downloads it.
fn sealed(checklist: &Checklist, builtin: bool, a: &Assessment) -> String {
    if builtin {
        // What export_current writes for the built-in checklist, without
        // fingerprinting the checklist once per report.
        report::seal(report::build(checklist, a, &a.updated_at)).1
    } else {
        report::export_current(checklist, a).1
    }
}

struct Gen {
    rng: Lcg,
    offset: usize,
    builtin: &'static Checklist,
    reference: ChecklistRef,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        let mut rng = Lcg::new(seed);
        let offset = rng.below(UNITS_PER_YEAR);
        let builtin = Checklist::builtin();
        Gen {
            rng,
            offset,
            builtin,
            reference: builtin.reference(),
        }
    }

    /// The `k`-th unit's report of the built-in checklist: (file name, JSON).
    fn report(&mut self, k: usize) -> (String, String) {
        let (unit, year) = unit_for(k, self.offset, &mut self.rng);
        let a = gen_assessment(self.builtin, &self.reference, unit, year, &mut self.rng);
        (
            report::file_name(&a.unit.name, a.year),
            sealed(self.builtin, true, &a),
        )
    }
}

/// `n` valid sealed reports of the built-in checklist as (file name, bytes),
/// every one for a different unit and year (镇乡 and 县直部门 of six counties;
/// after 1,632 units the years go back from 2026). Statuses, notes and
/// deadlines (in the year after the report's, so some are overdue in the
/// course of it) vary; the same `seed` always gives the same files.
pub fn generate_reports(n: usize, seed: u64) -> Vec<(String, Vec<u8>)> {
    let mut g = Gen::new(seed);
    (0..n)
        .map(|k| {
            let (name, json) = g.report(k);
            (name, json.into_bytes())
        })
        .collect()
}

/// Tampered, invalid, duplicate and other-checklist reports appended by
/// [`generate_review_set`].
pub const REVIEW_SET_TAMPERED: usize = 3;
pub const REVIEW_SET_INVALID: usize = 3;
pub const REVIEW_SET_DUPLICATES: usize = 2;
pub const REVIEW_SET_OTHER_CHECKLIST: usize = 2;

/// [`generate_reports`]`(n, seed)` followed by, in this order:
/// - 3 tampered reports (new units; a note changed after sealing),
/// - 3 invalid files: a report cut off half-way, a text file that is not
///   JSON, and a report whose `year` is a string,
/// - 2 duplicates: new reports for the same unit and year as the first two
///   (`n` ≥ 2), named like a browser's second download (`… (1).json`),
/// - 2 reports of `other` (a custom checklist, embedded in the reports) for
///   new 镇乡 units.
///
/// Read with only the built-in checklist known, this gives n + 3 rows of the
/// built-in checklist (3 flagged), 2 rows of `other`, and 5 rejected files.
pub fn generate_review_set(n: usize, seed: u64, other: &Checklist) -> Vec<(String, Vec<u8>)> {
    let mut out = generate_reports(n, seed);
    let mut g = Gen::new(seed);
    // Skip the state the first n reports consumed, so extras differ from them.
    g.rng = Lcg::new(seed.wrapping_add(0x9E37_79B9_7F4A_7C15));
    let mut k = n;
    let mut next = |g: &mut Gen| {
        let r = g.report(k);
        k += 1;
        r
    };
    for _ in 0..REVIEW_SET_TAMPERED {
        let (name, json) = next(&mut g);
        let mut v: Value = serde_json::from_str(&json).expect("a generated report parses");
        if let Some(a) = v["answers"].get_mut(0) {
            let notes = a["notes"].as_str().unwrap_or_default();
            a["notes"] = Value::String(format!("{notes}（此处于盖章后被改动）"));
        }
        let json = serde_json::to_string_pretty(&v).expect("serialises") + "\n";
        out.push((name, json.into_bytes()));
    }
    // Invalid: cut off half-way (at a character boundary, so it is still UTF-8).
    let (name, json) = next(&mut g);
    let mut cut = json.len() / 2;
    while !json.is_char_boundary(cut) {
        cut -= 1;
    }
    out.push((name, json.as_bytes()[..cut].to_vec()));
    out.push((
        "情况说明.txt".into(),
        "这是一份情况说明，不是自查报告。\n".as_bytes().to_vec(),
    ));
    let (name, json) = next(&mut g);
    let mut v: Value = serde_json::from_str(&json).expect("a generated report parses");
    let year = v["year"].as_i64().unwrap_or_default();
    v["year"] = Value::String(format!("{year}年"));
    out.push((
        name,
        (serde_json::to_string_pretty(&v).expect("serialises") + "\n").into_bytes(),
    ));
    // Duplicates of the first two units (their own content, same unit and year).
    for d in 0..REVIEW_SET_DUPLICATES {
        let (unit, year) = unit_for(d, g.offset, &mut g.rng);
        let mut a = gen_assessment(g.builtin, &g.reference, unit, year, &mut g.rng);
        // The unit's name and year depend on its index only; the people, the
        // answers and the date differ, as in a resubmission.
        a.updated_at = format!("{}-03-01T10:00:00+08:00", year + 1);
        let name = report::file_name(&a.unit.name, year).replace(".json", " (1).json");
        out.push((name, sealed(g.builtin, true, &a).into_bytes()));
    }
    // Another checklist version, embedded: new township units.
    let other_ref = other.reference();
    let mut added = 0;
    while added < REVIEW_SET_OTHER_CHECKLIST {
        let (unit, year) = unit_for(k, g.offset, &mut g.rng);
        k += 1;
        if unit.unit_type != UnitType::Township {
            continue;
        }
        let a = gen_assessment(other, &other_ref, unit, year, &mut g.rng);
        out.push((
            report::file_name(&a.unit.name, year),
            sealed(other, false, &a).into_bytes(),
        ));
        added += 1;
    }
    out
}
