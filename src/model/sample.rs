//! A deterministic, fully answered example assessment: the source of
//! docs/sample-report.json, and a fixture for tests and benchmarks.

use super::assessment::{AnswerField, UnitField};
use super::assessment::{Assessment, Edit, Evidence, EvidenceField, Status, UnitInfo, UnitType};
use super::checklist::Checklist;

/// Fixed timestamps so the example's digest never changes by itself.
pub const SAMPLE_CREATED: &str = "2027-01-05T09:00:00+08:00";
pub const SAMPLE_UPDATED: &str = "2027-02-20T16:30:00+08:00";

/// The answer the example gives to the item at `index`: mostly 已落实, with
/// every other answer represented.
pub fn sample_status(index: usize) -> Status {
    match index % 9 {
        4 => Status::Partial,
        7 => Status::NotDone,
        8 if index.is_multiple_of(2) => Status::NotApplicable,
        _ => Status::Done,
    }
}

/// The example unit's information.
pub fn sample_unit() -> UnitInfo {
    UnitInfo {
        name: "X县青山镇人民政府".into(),
        unit_type: UnitType::Township,
        head_name: "李明".into(),
        head_title: "镇长".into(),
        filled_by: "王芳（党政办）".into(),
        phone: "0851-1234567".into(),
    }
}

/// Every item answered validly with the edits a user would make.
pub fn sample_assessment(checklist: &Checklist) -> Assessment {
    let mut a = Assessment::new(checklist, UnitInfo::default(), 2026, SAMPLE_CREATED);
    let u = sample_unit();
    for (field, value) in [
        (UnitField::Name, u.name),
        (UnitField::HeadName, u.head_name),
        (UnitField::HeadTitle, u.head_title),
        (UnitField::FilledBy, u.filled_by),
        (UnitField::Phone, u.phone),
    ] {
        a.apply(checklist, Edit::Unit(field, value));
    }
    a.apply(checklist, Edit::UnitType(u.unit_type));
    for (index, item) in checklist.items().enumerate() {
        let id = item.id.clone();
        let status = sample_status(index);
        let text = |field, value: &str| Edit::Text(id.clone(), field, value.to_string());
        a.apply(checklist, Edit::Status(id.clone(), status));
        match status {
            Status::Done => {
                a.apply(
                    checklist,
                    text(AnswerField::Notes, "已按要求落实，有关制度和记录齐全。"),
                );
                a.apply(
                    checklist,
                    Edit::AddEvidence(id.clone(), Evidence::empty_reference()),
                );
                for (field, value) in [
                    (
                        EvidenceField::Title,
                        "关于印发年度法治政府建设工作计划的通知",
                    ),
                    (EvidenceField::DocNumber, "青府发〔2026〕3号"),
                    (EvidenceField::Date, "2026-02-18"),
                ] {
                    a.apply(
                        checklist,
                        Edit::EditEvidence(id.clone(), 0, field, value.into()),
                    );
                }
            }
            Status::Partial | Status::NotDone => {
                a.apply(
                    checklist,
                    text(AnswerField::Notes, "已部署，但尚未全面落实。"),
                );
                a.apply(
                    checklist,
                    text(AnswerField::Problem, "制度执行不到位，记录不完整。"),
                );
                a.apply(
                    checklist,
                    text(AnswerField::Measure, "完善制度，明确专人负责，按季度检查。"),
                );
                a.apply(checklist, text(AnswerField::Owner, "张伟（分管副镇长）"));
                a.apply(checklist, text(AnswerField::Due, "2027-06-30"));
                if status == Status::Partial {
                    a.apply(
                        checklist,
                        Edit::Score(id.clone(), Some(item.points / 2.0 - 0.5)),
                    );
                }
            }
            Status::NotApplicable => {
                a.apply(
                    checklist,
                    text(AnswerField::NaReason, "本年度本单位无此类事项。"),
                );
            }
        }
    }
    a.updated_at = SAMPLE_UPDATED.into();
    a
}
