//! Opening a report file in the app: the decision (open, ask, refuse) is one
//! model function, and "same unit, same year" is the rule it asks by.

use std::rc::Rc;

use selfcheck::model::draft::{DraftRecord, Step, DRAFT_VERSION};
use selfcheck::model::import::ImportError;
use selfcheck::model::intake::{decide, Decision, Purpose};
use selfcheck::model::report;
use selfcheck::model::{Assessment, Checklist, Edit, Status, UnitInfo};

fn library() -> Vec<Rc<Checklist>> {
    vec![Rc::new(Checklist::builtin().clone())]
}

fn assessment(unit: &str, year: i32) -> Assessment {
    let c = Checklist::builtin();
    let unit = UnitInfo {
        name: unit.into(),
        ..UnitInfo::default()
    };
    let mut a = Assessment::new(c, unit, year, "2027-01-05T09:00:00+08:00");
    let first = c.items().next().unwrap().id.clone();
    a.apply(c, Edit::Status(first, Status::Done));
    a
}

fn report_bytes(unit: &str, year: i32) -> Vec<u8> {
    report::export_current(Checklist::builtin(), &assessment(unit, year))
        .1
        .into_bytes()
}

fn draft(id: &str, unit: &str, year: i32) -> DraftRecord {
    DraftRecord {
        version: DRAFT_VERSION,
        id: id.into(),
        assessment: assessment(unit, year),
        step: Step::Unit,
        revision: 3,
        saved_at: "t".into(),
    }
}

fn run(bytes: &[u8], drafts: &[DraftRecord], purpose: Purpose) -> Decision {
    decide(
        bytes,
        &library(),
        drafts,
        purpose,
        "new".into(),
        "2027-02-01T10:00:00+08:00",
    )
}

#[test]
fn a_report_without_a_draft_of_its_unit_and_year_opens_on_its_results() {
    let bytes = report_bytes("青山镇人民政府", 2026);
    let others = [
        draft("a", "青山镇人民政府", 2025),
        draft("b", "绿水镇人民政府", 2026),
    ];
    let Decision::Open(intake) = run(&bytes, &others, Purpose::Open) else {
        panic!("expected Open");
    };
    assert_eq!(intake.record.id, "new");
    assert_eq!(intake.record.step, Step::Summary);
    assert_eq!(intake.record.assessment.unit.name, "青山镇人民政府");
    assert!(!intake.tampered);
    assert!(intake.carried_checklist.is_none());
}

#[test]
fn a_draft_of_the_same_unit_and_year_asks_which_to_keep() {
    let bytes = report_bytes("青山镇人民政府", 2026);
    // Surrounding spaces do not make another unit.
    let here = [
        draft("b", "绿水镇人民政府", 2026),
        draft("a", " 青山镇人民政府 ", 2026),
    ];
    match run(&bytes, &here, Purpose::Open) {
        Decision::Ask { intake, existing } => {
            assert_eq!(existing, "a");
            assert_eq!(intake.record.assessment.year, 2026);
        }
        other => panic!("expected Ask, got {other:?}"),
    }
}

#[test]
fn carrying_forward_starts_next_year_and_asks_only_about_next_year() {
    let bytes = report_bytes("青山镇人民政府", 2026);
    let this_year = [draft("a", "青山镇人民政府", 2026)];
    let Decision::Open(intake) = run(&bytes, &this_year, Purpose::CarryForward) else {
        panic!("a draft of last year's report is no reason to ask");
    };
    assert_eq!(intake.record.assessment.year, 2027);
    assert_eq!(intake.record.step, Step::Unit);
    let next_year = [draft("n", "青山镇人民政府", 2027)];
    assert!(matches!(
        run(&bytes, &next_year, Purpose::CarryForward),
        Decision::Ask { existing, .. } if existing == "n"
    ));
}

#[test]
fn an_altered_report_opens_marked_as_altered() {
    let text = String::from_utf8(report_bytes("青山镇人民政府", 2026)).unwrap();
    let altered = text.replacen("青山镇人民政府", "青山镇政府", 1);
    assert_ne!(altered, text);
    let Decision::Open(intake) = run(altered.as_bytes(), &[], Purpose::Open) else {
        panic!("expected Open");
    };
    assert!(intake.tampered);
}

#[test]
fn a_file_that_is_not_a_report_is_refused_with_its_reason() {
    assert_eq!(
        run(b"", &[], Purpose::Open),
        Decision::Refused(ImportError::Empty)
    );
    assert!(matches!(
        run(b"{\"format\":", &[], Purpose::Open),
        Decision::Refused(ImportError::Truncated)
    ));
}

#[test]
fn same_unit_same_year_is_one_rule() {
    let a = assessment(" 青山镇人民政府", 2026);
    let b = assessment("青山镇人民政府 ", 2026);
    assert_eq!(a.unit_year(), b.unit_year());
    assert_ne!(
        a.unit_year(),
        assessment("青山镇人民政府", 2025).unit_year()
    );
    assert_ne!(
        a.unit_year(),
        assessment("绿水镇人民政府", 2026).unit_year()
    );
}
