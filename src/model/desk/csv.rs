//! The reviewer desk's CSV exports of a [`Group`]: the units table, the duty
//! matrix and the rectification tracker (UTF-8 with BOM, RFC 4180, Chinese or
//! English headers).

use super::resubmission::Basis;
use super::views::{matrix, rectifications, status_label, unit_labels};
use super::{Group, Row, Slot};
use crate::model::assessment::Status;
use crate::model::calendar::Deadline;
use crate::model::messages::bureau as b;
use crate::model::messages::{Label, Msg};
use crate::model::text::Lang;

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

fn headers<M: Copy + Into<Label>>(lang: Lang, h: &[M]) -> Vec<&'static str> {
    h.iter().map(|m| (*m).into().tr(lang)).collect()
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

const UNITS_HEADERS: [b::Msg; 13] = [
    b::Msg::ColUnit,
    b::Msg::ColType,
    b::Msg::ColHead,
    b::Msg::ColYear,
    b::Msg::ColCompletion,
    b::Msg::ColScore,
    b::Msg::ColGrade,
    b::Msg::ColNotDone,
    b::Msg::ColPartial,
    b::Msg::ColEvidence,
    b::Msg::ColFingerprint,
    b::Msg::ColFile,
    b::Msg::ColBasis,
];

/// 采用依据: why a unit's counted report counts, out of how many.
pub fn basis_label(group: &Group, slot: &Slot, lang: Lang) -> String {
    let n = slot.reports.len();
    if !group.in_figures(slot) {
        let why = group.report(slot.counted).distrust();
        return b::m::BasisLeftOut { why }.tr(lang);
    }
    match slot.basis {
        Basis::Only => b::Msg::BasisOnly.tr(lang).to_string(),
        Basis::Newest => b::m::BasisNewest { n }.tr(lang),
        Basis::AwaitingChoice => b::m::BasisAwaiting { n }.tr(lang),
        Basis::Chosen if n == 1 => b::Msg::BasisCountedAnyway.tr(lang).to_string(),
        Basis::Chosen => b::m::BasisChosen { n }.tr(lang),
    }
}

/// The 数字指纹 cell: mark, label and the first 16 characters of the stated
/// fingerprint (what the printed report's footer shows).
pub fn fingerprint_cell(row: &Row, lang: Lang) -> String {
    let mut s = format!("{} {}", row.digest.mark(), row.digest.label().tr(lang));
    if !row.fingerprint.is_empty() {
        s.push(' ');
        s.extend(row.fingerprint.chars().take(16));
    }
    s
}

/// The units table as CSV: BOM, a header row, one row per counted report
/// (natural order of the unit, then the year).
pub fn units_csv(group: &Group, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    push_record(&mut out, headers(lang, &UNITS_HEADERS));
    for slot in group.slots() {
        let r = group.report(slot.counted);
        let t = &r.tally;
        push_record(
            &mut out,
            [
                r.unit.name.trim().to_string(),
                r.unit.unit_type.label().tr(lang).to_string(),
                r.unit.head_with_title(lang),
                r.year.to_string(),
                percent(t.progress()),
                num(t.normalized, 2),
                t.grade.get(lang).to_string(),
                t.counts.not_done.to_string(),
                t.counts.partial.to_string(),
                r.evidence.to_string(),
                fingerprint_cell(r, lang),
                r.file.clone(),
                basis_label(group, slot, lang),
            ],
        );
    }
    out
}

/// The duty matrix as CSV: 序号, 检查事项, 已落实率, 已落实, 适用单位 (the
/// rate's denominator: 不适用 excluded), then one column per counted report.
pub fn matrix_csv(group: &Group, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut head: Vec<String> = headers(
        lang,
        &[
            b::Msg::ColNo,
            b::Msg::ColDuty,
            b::Msg::ColDoneRate,
            b::Msg::ColDoneUnits,
            b::Msg::ColApplicableUnits,
        ],
    )
    .into_iter()
    .map(str::to_string)
    .collect();
    head.extend(unit_labels(group, lang));
    push_record(&mut out, head);
    let labels: Vec<String> = Status::ALL_OR_NONE
        .into_iter()
        .map(|s| status_label(s).tr(lang).to_string())
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
        let mut rec: Vec<&str> = Vec::with_capacity(5 + group.len());
        let number = rate.number.to_string();
        let pct = rate.done_rate.map(percent).unwrap_or_else(|| "—".into());
        let (done, applicable) = (rate.counts.done.to_string(), rate.applicable.to_string());
        rec.push(&number);
        rec.push(rate.duty.get(lang));
        rec.push(&pct);
        rec.push(&done);
        rec.push(&applicable);
        rec.extend(
            group
                .figures()
                .map(|(_, r)| label(r.statuses.get(i).copied().flatten())),
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
                Label::from(b::Msg::ColUnit),
                b::Msg::ColYear.into(),
                b::Msg::ColNo.into(),
                b::Msg::ColDuty.into(),
                b::Msg::ColResult.into(),
                b::Msg::ColProblem.into(),
                b::Msg::ColMeasure.into(),
                Msg::ColOwner.into(),
                Msg::ColDue.into(),
                b::Msg::ColOverdue.into(),
            ],
        ),
    );
    let (yes, no) = (b::Msg::Yes.tr(lang), b::Msg::No.tr(lang));
    for r in rectifications(group, today) {
        // Dates stay sortable (YYYY-MM-DD) in English; 长期坚持 and 立行立改 are translated.
        let due = match Deadline::parse(&r.due) {
            Deadline::Date(d) if lang == Lang::En => d.to_string(),
            Deadline::Empty | Deadline::Invalid(_) => r.due.clone(),
            d => d.show(lang),
        };
        push_record(
            &mut out,
            [
                r.unit.as_str(),
                &r.year.to_string(),
                &r.item_number.to_string(),
                r.duty.get(lang),
                r.status.label().tr(lang),
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

/// 文件核验清单: every file given to the desk (natural order of the file
/// name), with its unit and year, checklist, export time, fingerprint and
/// its check, whether it counts and every finding — the record of which
/// report was used for each unit and why.
pub fn files_csv(desk: &super::Desk, lang: Lang) -> String {
    use super::verdicts::{verdicts, Place};
    let mut out = String::from("\u{FEFF}");
    push_record(
        &mut out,
        headers(
            lang,
            &[
                b::Msg::ColFile,
                b::Msg::ColRead,
                b::Msg::ColUnit,
                b::Msg::ColYear,
                b::Msg::ColChecklist,
                b::Msg::ColExportedAt,
                b::Msg::ColFingerprint,
                b::Msg::ColStanding,
                b::Msg::ColFindings,
            ],
        ),
    );
    for v in verdicts(desk) {
        let (unit, year) = v
            .unit_year
            .as_ref()
            .map(|k| (k.unit.clone(), k.year.to_string()))
            .unwrap_or_default();
        let (checklist, exported, fingerprint, standing) = match v.place {
            Place::Counted { group, report } | Place::NotCounted { group, report } => {
                let g = &desk.groups()[group];
                let r = g.report(report);
                (
                    format!("{}（{}）", g.checklist.title.get(lang), g.reference.version),
                    r.exported_at.clone(),
                    fingerprint_cell(r, lang),
                    if matches!(v.place, Place::Counted { .. }) {
                        b::Msg::DeskCounted
                    } else {
                        b::Msg::DeskNotCounted
                    },
                )
            }
            Place::Invalid { .. } => (
                String::new(),
                String::new(),
                String::new(),
                b::Msg::DeskInvalid,
            ),
        };
        push_record(
            &mut out,
            [
                v.file.clone(),
                v.source.text().get(lang).to_string(),
                unit,
                year,
                checklist,
                exported,
                fingerprint,
                standing.tr(lang).to_string(),
                v.text(lang),
            ],
        );
    }
    out
}
