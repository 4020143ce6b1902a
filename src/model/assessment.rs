//! An assessment: the unit's information and one answer per checklist item,
//! plus the edits the interface may make to it. Edits are applied here so the
//! interface never manipulates the data by hand.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::checklist::{Checklist, ChecklistRef};
use super::messages::{m, Msg};
use super::points::Step;
use super::text::Lang;

/// 自查结果: the answer to one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已落实
    Done,
    /// 部分落实
    Partial,
    /// 未落实
    NotDone,
    /// 不适用
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Done,
        Status::Partial,
        Status::NotDone,
        Status::NotApplicable,
    ];

    /// Every answer an item can have, unanswered first (a cell's format, a label per answer).
    pub const ALL_OR_NONE: [Option<Status>; 5] = [
        None,
        Some(Status::Done),
        Some(Status::Partial),
        Some(Status::NotDone),
        Some(Status::NotApplicable),
    ];

    pub fn label(self) -> Msg {
        match self {
            Status::Done => Msg::StatusDone,
            Status::Partial => Msg::StatusPartial,
            Status::NotDone => Msg::StatusNotDone,
            Status::NotApplicable => Msg::StatusNotApplicable,
        }
    }

    /// The value used in the report format.
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Partial => "partial",
            Status::NotDone => "not_done",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// The default self-score for this answer on an item worth `max`, in a
    /// checklist scored in `step`s: full marks for 已落实, half rounded to
    /// the step (halves upward, [`Step::half`]) for 部分落实, nothing for
    /// 未落实 and 不适用.
    pub fn default_score(self, max: f64, step: Step) -> f64 {
        match self {
            Status::Done => max,
            Status::Partial => step.half(max),
            Status::NotDone | Status::NotApplicable => 0.0,
        }
    }

    /// 部分落实 and 未落实 need a problem and a rectification.
    pub fn needs_rectification(self) -> bool {
        matches!(self, Status::Partial | Status::NotDone)
    }
}

/// 单位类型
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitType {
    /// 乡镇（街道）
    #[default]
    Township,
    /// 县直部门
    CountyDepartment,
    /// 其他
    Other,
}

impl UnitType {
    pub const ALL: [UnitType; 3] = [
        UnitType::Township,
        UnitType::CountyDepartment,
        UnitType::Other,
    ];

    pub fn label(self) -> Msg {
        match self {
            UnitType::Township => Msg::UnitTypeTownship,
            UnitType::CountyDepartment => Msg::UnitTypeCountyDepartment,
            UnitType::Other => Msg::UnitTypeOther,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            UnitType::Township => "township",
            UnitType::CountyDepartment => "county_department",
            UnitType::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<UnitType> {
        UnitType::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// 单位基本信息
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitInfo {
    /// 单位名称
    pub name: String,
    /// 单位类型
    #[serde(rename = "type")]
    pub unit_type: UnitType,
    /// 第一责任人姓名
    pub head_name: String,
    /// 第一责任人职务
    pub head_title: String,
    /// 填报人
    pub filled_by: String,
    /// 联系电话
    pub phone: String,
}

impl UnitInfo {
    /// 第一责任人 as a report names them: 李明（镇长）, or the name alone.
    pub fn head_with_title(&self, lang: Lang) -> String {
        let (name, title) = (self.head_name.trim(), self.head_title.trim());
        if title.is_empty() {
            name.to_string()
        } else {
            m::NameWithTitle {
                name: name.into(),
                title: title.into(),
            }
            .tr(lang)
        }
    }
}

/// 佐证材料: a document reference or the fingerprint of a local file (never its content).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Evidence {
    Reference {
        title: String,
        /// 文号
        doc_number: String,
        /// YYYY-MM-DD, or empty
        date: String,
    },
    File {
        name: String,
        size: u64,
        sha256: String,
    },
}

impl Evidence {
    pub fn empty_reference() -> Evidence {
        Evidence::Reference {
            title: String::new(),
            doc_number: String::new(),
            date: String::new(),
        }
    }
}

/// 整改措施
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rectification {
    /// 措施
    pub measure: String,
    /// 责任人
    pub owner: String,
    /// 完成时限, YYYY-MM-DD
    pub due: String,
}

/// 上年度整改落实情况: how far a rectification promised last year has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    /// 已完成
    Completed,
    /// 推进中
    InProgress,
    /// 未启动
    NotStarted,
}

impl FollowUpStatus {
    pub const ALL: [FollowUpStatus; 3] = [
        FollowUpStatus::Completed,
        FollowUpStatus::InProgress,
        FollowUpStatus::NotStarted,
    ];

    pub fn label(self) -> Msg {
        match self {
            FollowUpStatus::Completed => Msg::FollowUpCompleted,
            FollowUpStatus::InProgress => Msg::FollowUpInProgress,
            FollowUpStatus::NotStarted => Msg::FollowUpNotStarted,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            FollowUpStatus::Completed => "completed",
            FollowUpStatus::InProgress => "in_progress",
            FollowUpStatus::NotStarted => "not_started",
        }
    }
}

/// A rectification carried over from last year's report, to be followed up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// The item it was promised under (in last year's checklist).
    pub item_id: String,
    /// The item's duty as last year's report stated it.
    pub duty: String,
    /// The year of the report it comes from.
    pub year: i32,
    pub problem: String,
    pub rectification: Rectification,
    pub status: Option<FollowUpStatus>,
    pub note: String,
}

/// The answer to one item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub status: Option<Status>,
    /// The self-score when the user changed it; `None` means the default for the status.
    pub score: Option<f64>,
    /// 情况说明
    pub notes: String,
    pub evidence: Vec<Evidence>,
    /// 存在问题
    pub problem: String,
    pub rectification: Rectification,
    /// 不适用理由
    pub na_reason: String,
}

/// One field of the unit information, for edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitField {
    Name,
    HeadName,
    HeadTitle,
    FilledBy,
    Phone,
}

/// One text field of an answer, for edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerField {
    Notes,
    Problem,
    NaReason,
    Measure,
    Owner,
    Due,
}

/// One field of a reference evidence entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceField {
    Title,
    DocNumber,
    Date,
}

/// A change the user makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Unit(UnitField, String),
    UnitType(UnitType),
    Year(i32),
    Status(String, Status),
    Score(String, Option<f64>),
    Text(String, AnswerField, String),
    AddEvidence(String, Evidence),
    EditEvidence(String, usize, EvidenceField, String),
    RemoveEvidence(String, usize),
    /// The state of the N-th carried-over rectification.
    FollowUpStatus(usize, FollowUpStatus),
    FollowUpNote(usize, String),
    /// Carry the checklist definition in the report, or not.
    EmbedChecklist(bool),
}

/// Which unit and year an assessment is for: the unit's name (trimmed) and
/// the year. Two reports with the same `UnitYear` are the same unit's report
/// for the same year (a resubmission, or a second copy), whoever filled them in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitYear {
    /// 单位名称, trimmed.
    pub unit: String,
    /// 自查年度
    pub year: i32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub checklist: ChecklistRef,
    pub unit: UnitInfo,
    /// 自查年度
    pub year: i32,
    /// Keyed by item id; items never touched have no entry.
    pub answers: BTreeMap<String, Answer>,
    /// RFC 3339
    pub created_at: String,
    pub updated_at: String,
    /// Last year's rectifications, when the draft was started from last year's report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
    /// Whether reports carry the checklist definition; `None` is the default
    /// (yes for a custom checklist, no for the built-in one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embed_checklist: Option<bool>,
}

impl Assessment {
    pub fn new(checklist: &Checklist, unit: UnitInfo, year: i32, now: &str) -> Assessment {
        Assessment {
            checklist: checklist.reference(),
            unit,
            year,
            answers: BTreeMap::new(),
            created_at: now.to_string(),
            updated_at: now.to_string(),
            follow_ups: Vec::new(),
            embed_checklist: None,
        }
    }

    /// This year's draft started from last year's: the unit information, the
    /// next year, and every rectification promised last year listed for follow-up.
    pub fn carry_forward(checklist: &Checklist, last: &Assessment, now: &str) -> Assessment {
        let mut a = Assessment::new(checklist, last.unit.clone(), last.year + 1, now);
        a.follow_ups = checklist
            .items()
            .filter_map(|item| {
                let ans = last.answer(&item.id)?;
                let promised = ans.status.is_some_and(|s| s.needs_rectification())
                    && !ans.rectification.measure.trim().is_empty();
                promised.then(|| FollowUp {
                    item_id: item.id.clone(),
                    duty: item.duty.zh.clone(),
                    year: last.year,
                    problem: ans.problem.clone(),
                    rectification: ans.rectification.clone(),
                    status: None,
                    note: String::new(),
                })
            })
            .collect();
        a
    }

    /// The unit and year this assessment is for (the same-unit-same-year rule).
    pub fn unit_year(&self) -> UnitYear {
        UnitYear {
            unit: self.unit.name.trim().to_string(),
            year: self.year,
        }
    }

    pub fn answer(&self, item_id: &str) -> Option<&Answer> {
        self.answers.get(item_id)
    }

    pub fn status(&self, item_id: &str) -> Option<Status> {
        self.answer(item_id).and_then(|a| a.status)
    }

    /// Applies one edit. Edits naming an item the checklist lacks are ignored,
    /// so a stale event can never create a stray answer.
    pub fn apply(&mut self, checklist: &Checklist, edit: Edit) {
        let item = match &edit {
            Edit::Status(id, _)
            | Edit::Score(id, _)
            | Edit::Text(id, _, _)
            | Edit::AddEvidence(id, _)
            | Edit::EditEvidence(id, _, _, _)
            | Edit::RemoveEvidence(id, _) => Some(id.clone()),
            _ => None,
        };
        self.apply_inner(checklist, edit);
        // An answer emptied again is no answer: drafts and reports stay identical.
        if let Some(id) = item {
            if self.answers.get(&id) == Some(&Answer::default()) {
                self.answers.remove(&id);
            }
        }
    }

    fn apply_inner(&mut self, checklist: &Checklist, edit: Edit) {
        match edit {
            Edit::Unit(field, value) => {
                let u = &mut self.unit;
                let slot = match field {
                    UnitField::Name => &mut u.name,
                    UnitField::HeadName => &mut u.head_name,
                    UnitField::HeadTitle => &mut u.head_title,
                    UnitField::FilledBy => &mut u.filled_by,
                    UnitField::Phone => &mut u.phone,
                };
                *slot = value;
            }
            Edit::UnitType(t) => self.unit.unit_type = t,
            Edit::Year(y) => self.year = y,
            Edit::Status(id, status) => {
                if let Some(a) = self.answer_mut(checklist, &id) {
                    if a.status != Some(status) {
                        a.status = Some(status);
                        // A new answer brings the default score for it.
                        a.score = None;
                    }
                }
            }
            Edit::Score(id, score) => {
                let points = checklist.item(&id).map(|i| i.points);
                if let (Some(a), Some(points)) = (self.answer_mut(checklist, &id), points) {
                    // Only a scored answer takes a score. The default is stored
                    // as "no override", so it follows later changes of the answer.
                    let Some(status) = a.status.filter(|s| *s != Status::NotApplicable) else {
                        return;
                    };
                    let default = status.default_score(points, checklist.step());
                    a.score = score.filter(|s| (s - default).abs() > 1e-9);
                }
            }
            Edit::Text(id, field, value) => {
                if let Some(a) = self.answer_mut(checklist, &id) {
                    let slot = match field {
                        AnswerField::Notes => &mut a.notes,
                        AnswerField::Problem => &mut a.problem,
                        AnswerField::NaReason => &mut a.na_reason,
                        AnswerField::Measure => &mut a.rectification.measure,
                        AnswerField::Owner => &mut a.rectification.owner,
                        AnswerField::Due => &mut a.rectification.due,
                    };
                    *slot = value;
                }
            }
            Edit::AddEvidence(id, evidence) => {
                if let Some(a) = self.answer_mut(checklist, &id) {
                    a.evidence.push(evidence);
                }
            }
            Edit::EditEvidence(id, index, field, value) => {
                if let Some(Evidence::Reference {
                    title,
                    doc_number,
                    date,
                }) = self
                    .answer_mut(checklist, &id)
                    .and_then(|a| a.evidence.get_mut(index))
                {
                    let slot = match field {
                        EvidenceField::Title => title,
                        EvidenceField::DocNumber => doc_number,
                        EvidenceField::Date => date,
                    };
                    *slot = value;
                }
            }
            Edit::RemoveEvidence(id, index) => {
                if let Some(a) = self.answer_mut(checklist, &id) {
                    if index < a.evidence.len() {
                        a.evidence.remove(index);
                    }
                }
            }
            Edit::FollowUpStatus(index, status) => {
                if let Some(f) = self.follow_ups.get_mut(index) {
                    f.status = Some(status);
                }
            }
            Edit::EmbedChecklist(on) => {
                let default = !checklist.is_builtin();
                self.embed_checklist = (on != default).then_some(on);
            }
            Edit::FollowUpNote(index, note) => {
                if let Some(f) = self.follow_ups.get_mut(index) {
                    f.note = note;
                }
            }
        }
    }

    fn answer_mut(&mut self, checklist: &Checklist, item_id: &str) -> Option<&mut Answer> {
        checklist.item(item_id)?;
        Some(self.answers.entry(item_id.to_string()).or_default())
    }
}
