//! Stored drafts: what is written is read back whole, whatever step it was
//! saved at; a draft of an unknown version or a damaged record reads as none
//! (the app then offers the IndexedDB copy or starts afresh).

use selfcheck::fixtures::sample::sample_assessment;
use selfcheck::model::draft::{DraftRecord, Step, DRAFT_VERSION};
use selfcheck::model::Checklist;

fn record(step: Step) -> DraftRecord {
    DraftRecord {
        version: DRAFT_VERSION,
        id: "d-1".into(),
        assessment: sample_assessment(Checklist::builtin()),
        step,
        revision: 7,
        saved_at: "2026-11-28T21:40:00Z".into(),
    }
}

#[test]
fn a_stored_draft_reads_back_whole_at_every_step() {
    for step in [
        Step::Unit,
        Step::Section(3),
        Step::Finish,
        Step::Summary,
        Step::Print,
    ] {
        let r = record(step);
        assert_eq!(DraftRecord::from_json(&r.to_json()), Some(r), "{step:?}");
    }
}

#[test]
fn an_unknown_version_or_a_damaged_record_reads_as_none() {
    let json = record(Step::Finish).to_json();
    let newer = json.replacen("\"version\":1", "\"version\":2", 1);
    assert_ne!(newer, json, "the version is where the test expects it");
    assert_eq!(DraftRecord::from_json(&newer), None);
    assert_eq!(DraftRecord::from_json(&json[..json.len() / 2]), None);
    assert_eq!(DraftRecord::from_json("{\"version\":1}"), None);
    assert_eq!(DraftRecord::from_json("[]"), None);
}
