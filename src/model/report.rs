//! Report format v1: the JSON document a unit downloads and submits, with its
//! integrity digest (SHA-256 of the RFC 8785 canonical form without
//! `integrity`). Documented in docs/report-format.md and schema/report.schema.json.

use serde::{Deserialize, Serialize};

use super::assessment::{Answer, Assessment, Evidence, FollowUp, Rectification, Status, UnitInfo};
use super::canonical;
use super::checklist::{Checklist, ChecklistRef};
use super::scoring::{self, Summary};

/// The `format` value of every report.
pub const REPORT_FORMAT: &str = "rule-of-law-self-assessment";
/// The newest report format version this build writes and reads.
pub const REPORT_FORMAT_VERSION: u32 = 1;
pub const GENERATOR_NAME: &str = "selfcheck";
pub const GENERATOR_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub format: String,
    pub format_version: u32,
    pub generator: Generator,
    pub checklist: ChecklistRef,
    pub unit: UnitInfo,
    pub year: i32,
    pub answers: Vec<ReportAnswer>,
    pub summary: Summary,
    pub created_at: String,
    pub updated_at: String,
    pub exported_at: String,
    /// The checklist's self-score step (评分步长) when it declares one;
    /// absent means 0.5, as in every report written before steps existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_step: Option<f64>,
    /// The checklist definition itself, so a reviewer without the file can read
    /// the report; written for custom checklists, absent for the built-in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checklist_definition: Option<Checklist>,
    /// Last year's rectifications and how far they have come (上年度整改落实情况).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrity: Option<Integrity>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generator {
    pub name: String,
    pub version: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Integrity {
    pub algorithm: String,
    pub canonicalization: String,
    pub digest: String,
}

/// One item's answer as reported. `score` is the effective self-score
/// (`null` when unanswered or 不适用); `rectification` is `null` when empty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportAnswer {
    pub item_id: String,
    pub status: Option<Status>,
    pub score: Option<f64>,
    pub notes: String,
    pub evidence: Vec<Evidence>,
    pub problem: String,
    pub rectification: Option<Rectification>,
    pub na_reason: String,
}

/// Builds the report for an assessment (without `integrity`).
pub fn build(checklist: &Checklist, a: &Assessment, exported_at: &str) -> Report {
    let answers = checklist
        .items()
        .map(|item| {
            let answer = a.answer(&item.id).cloned().unwrap_or_default();
            let score = match answer.status {
                None => None,
                Some(_) => scoring::item_score(item, Some(&answer), checklist),
            };
            let rectification =
                Some(answer.rectification.clone()).filter(|r| *r != Rectification::default());
            ReportAnswer {
                item_id: item.id.clone(),
                status: answer.status,
                score,
                notes: answer.notes,
                evidence: answer.evidence,
                problem: answer.problem,
                rectification,
                na_reason: answer.na_reason,
            }
        })
        .collect();
    Report {
        format: REPORT_FORMAT.into(),
        format_version: REPORT_FORMAT_VERSION,
        generator: Generator {
            name: GENERATOR_NAME.into(),
            version: GENERATOR_VERSION.into(),
        },
        // A draft of an earlier text of the built-in checklist is reported
        // as answering the current one, whose wording the report now carries.
        checklist: if checklist.is_builtin() {
            Checklist::builtin_reference().clone()
        } else {
            a.checklist.clone()
        },
        unit: a.unit.clone(),
        year: a.year,
        answers,
        summary: scoring::summarize(checklist, a),
        created_at: a.created_at.clone(),
        updated_at: a.updated_at.clone(),
        exported_at: exported_at.into(),
        score_step: checklist.score_rule().map(|s| s.points()),
        checklist_definition: None,
        follow_ups: a.follow_ups.clone(),
        integrity: None,
    }
}

/// The digest of a report as it would be written (its `integrity` ignored).
pub fn digest(report: &Report) -> String {
    canonical::report_digest(report)
}

/// Fills `integrity` and returns the pretty-printed UTF-8 JSON to download.
pub fn seal(mut report: Report) -> (Report, String) {
    report.integrity = Some(Integrity {
        algorithm: "sha256".into(),
        canonicalization: "RFC8785".into(),
        digest: digest(&report),
    });
    let json = serde_json::to_string_pretty(&report).expect("a report always serialises");
    (report, json + "\n")
}

/// Exports an assessment: the sealed report and its JSON text.
pub fn export(checklist: &Checklist, a: &Assessment, exported_at: &str) -> (Report, String) {
    seal(build(checklist, a, exported_at))
}

/// Exports an assessment as of its last change: `exported_at` is `updated_at`,
/// so the same draft always gives the same file and the same fingerprint —
/// the JSON submitted and the printed copy match however far apart they were made.
/// The checklist definition is embedded when the assessment says so — by
/// default for a custom checklist, not for the built-in one.
pub fn export_current(checklist: &Checklist, a: &Assessment) -> (Report, String) {
    let mut report = build(checklist, a, &a.updated_at);
    if embeds_checklist(checklist, a) {
        report.checklist_definition = Some(checklist.clone());
    }
    seal(report)
}

/// Whether reports of this assessment carry the checklist definition.
pub fn embeds_checklist(checklist: &Checklist, a: &Assessment) -> bool {
    a.embed_checklist.unwrap_or_else(|| !checklist.is_builtin())
}

/// Turns reported answers back into the assessment's answers. A score equal
/// to the default for its status is stored as "default", so export → import
/// gives back exactly the assessment that was exported.
pub fn answers_to_assessment(
    checklist: &Checklist,
    answers: Vec<ReportAnswer>,
) -> std::collections::BTreeMap<String, Answer> {
    let step = checklist.step();
    answers
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let item = checklist.item_hinted(i, &r.item_id)?;
            let default = scoring::default_score(item.points, r.status, step);
            let score = match r.status {
                None | Some(Status::NotApplicable) => None,
                Some(_) => r.score.filter(|s| (s - default).abs() > 1e-9),
            };
            let answer = Answer {
                status: r.status,
                score,
                notes: r.notes,
                evidence: r.evidence,
                problem: r.problem,
                rectification: r.rectification.unwrap_or_default(),
                na_reason: r.na_reason,
            };
            (answer != Answer::default()).then_some((r.item_id, answer))
        })
        .collect()
}

/// A file name for the downloaded report that is safe on Windows, macOS and
/// Linux: `{年度}年{单位名称}法治政府建设第一责任人履职自查.json`.
pub fn file_name(unit_name: &str, year: i32) -> String {
    let unit = super::document::safe_stem(unit_name, 60);
    format!("{year}年{unit}法治政府建设第一责任人履职自查.json")
}
