//! The three-way merge of two copies of one draft (two windows, one paused):
//! what one side changed is taken, what both changed differently is a
//! conflict and nothing is merged.

use selfcheck::fixtures::sample::sample_assessment;
use selfcheck::model::merge::merge3;
use selfcheck::model::{AnswerField, Assessment, Checklist, Edit, Status, UnitField};

fn items(c: &Checklist) -> Vec<String> {
    c.items().map(|i| i.id.clone()).collect()
}

#[test]
fn changes_to_different_parts_are_both_kept() {
    let c = Checklist::builtin();
    let base = sample_assessment(c);
    let ids = items(c);
    let mut ours = base.clone();
    ours.apply(
        c,
        Edit::Text(ids[0].clone(), AnswerField::Notes, "本窗口写的".into()),
    );
    let mut theirs = base.clone();
    theirs.apply(
        c,
        Edit::Text(ids[1].clone(), AnswerField::Notes, "另一窗口写的".into()),
    );
    theirs.apply(c, Edit::Unit(UnitField::Phone, "0571-88000000".into()));
    let m = merge3(&base, &ours, &theirs).expect("no conflict");
    assert_eq!(m.answer(&ids[0]).unwrap().notes, "本窗口写的");
    assert_eq!(m.answer(&ids[1]).unwrap().notes, "另一窗口写的");
    assert_eq!(m.unit.phone, "0571-88000000");
    // Either order gives the same draft.
    assert_eq!(merge3(&base, &theirs, &ours), Some(m));
}

#[test]
fn the_same_part_changed_differently_is_a_conflict_and_alike_is_not() {
    let c = Checklist::builtin();
    let base = sample_assessment(c);
    let id = items(c)[2].clone();
    let mut ours = base.clone();
    ours.apply(c, Edit::Status(id.clone(), Status::NotDone));
    let mut theirs = base.clone();
    theirs.apply(c, Edit::Status(id.clone(), Status::Partial));
    assert_eq!(merge3(&base, &ours, &theirs), None);
    let alike = merge3(&base, &ours, &ours.clone()).expect("the same change twice");
    assert_eq!(alike.status(&id), Some(Status::NotDone));
}

#[test]
fn an_unchanged_side_gives_the_other() {
    let c = Checklist::builtin();
    let base = sample_assessment(c);
    let mut x: Assessment = base.clone();
    x.apply(c, Edit::Unit(UnitField::HeadName, "王强".into()));
    assert_eq!(merge3(&base, &x, &base).as_ref(), Some(&x));
    assert_eq!(merge3(&base, &base, &x).as_ref(), Some(&x));
}
