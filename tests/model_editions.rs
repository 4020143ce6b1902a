//! Earlier editions of the built-in checklist: reports and drafts made with
//! them still open, score and compare, read with the current edition.

use std::rc::Rc;

use selfcheck::model::checklist::BUILTIN_EARLIER_EDITIONS;
use selfcheck::model::desk::Desk;
use selfcheck::model::import::{import, DigestCheck};
use selfcheck::model::intake::{decide, Decision, Purpose};
use selfcheck::model::Checklist;

const OLD: &str = include_str!("../content/editions/builtin-checklist-2026.1.json");
const OLD_REPORT: &str = include_str!("corpus/editions/sample-report-2026.1.json");

/// Parts, sections, items and points: what reading a report depends on.
fn shape(c: &Checklist) -> Vec<(String, String, String, f64)> {
    c.parts
        .iter()
        .flat_map(|p| {
            p.groups.iter().flat_map(move |g| {
                g.items
                    .iter()
                    .map(move |i| (p.id.clone(), g.id.clone(), i.id.clone(), i.points))
            })
        })
        .collect()
}

#[test]
fn every_earlier_edition_is_kept_and_has_the_current_shape() {
    let old = Checklist::parse(OLD).expect("the 2026.1 edition is valid");
    let (version, sha) = BUILTIN_EARLIER_EDITIONS[0];
    assert_eq!(
        (old.version.as_str(), old.sha256().as_str()),
        (version, sha)
    );
    let current = Checklist::builtin();
    assert_ne!(
        current.version, old.version,
        "a content change raises the version"
    );
    assert_eq!(shape(&old), shape(current));
    assert_eq!(old.grade_bands, current.grade_bands);
    assert!(current.answers_to(&old.reference()));
    // Only the built-in checklist supersedes them.
    let custom = Checklist::parse(include_str!("../examples/township-checklist.json")).unwrap();
    assert!(!custom.answers_to(&old.reference()));
}

#[test]
fn a_report_of_the_earlier_edition_opens_verified_and_scored() {
    let c = Checklist::builtin();
    let imported = import(OLD_REPORT.as_bytes(), &[c]).expect("an old report opens");
    assert_eq!(imported.digest, DigestCheck::Valid);
    assert!(imported.summary_matches);
    assert_eq!(imported.assessment.checklist.version, "2026.1");
    let library = [Rc::new(c.clone())];
    let Decision::Open(intake) = decide(
        OLD_REPORT.as_bytes(),
        &library,
        &[],
        Purpose::Open,
        "d1".into(),
        "2027-03-01T00:00:00Z",
    ) else {
        panic!("opens as a draft")
    };
    assert!(!intake.tampered);
    // The draft names the edition it answered and is found again in the library.
    assert!(library[0].answers_to(&intake.record.assessment.checklist));
}

#[test]
fn the_desk_counts_old_and_new_reports_of_the_built_in_checklist_together() {
    use selfcheck::fixtures::sample::sample_assessment;
    use selfcheck::model::report;
    let c = Rc::new(Checklist::builtin().clone());
    let mut a = sample_assessment(&c);
    a.unit.name = "X县白沙乡人民政府".into();
    let (_, new) = report::export_current(&c, &a);
    let mut desk = Desk::new();
    desk.add("old.json", OLD_REPORT.as_bytes(), std::slice::from_ref(&c));
    desk.add("new.json", new.as_bytes(), std::slice::from_ref(&c));
    assert_eq!(desk.groups().len(), 1);
    assert_eq!(desk.groups()[0].len(), 2);
    let counts = desk.counts();
    assert_eq!(
        (counts.counted, counts.attention, counts.invalid),
        (2, 0, 0)
    );
}

#[test]
fn a_draft_saved_in_the_browser_with_the_earlier_edition_is_found_again() {
    use selfcheck::model::Lang;
    use selfcheck::ui::state::AppState;
    let old = Checklist::parse(OLD).unwrap();
    let app = AppState::new(Lang::Zh, vec![Rc::new(Checklist::builtin().clone())]);
    let found = app
        .resolve(&old.reference())
        .expect("the draft's checklist is found");
    assert!(found.is_builtin());
    // A checklist nobody has stays missing.
    let mut unknown = old.reference();
    unknown.sha256 = "0".repeat(64);
    assert!(app.resolve(&unknown).is_none());
}
