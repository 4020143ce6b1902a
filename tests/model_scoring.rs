//! Scoring: default scores, N/A leaving the denominator, normalisation, grades,
//! counts and progress.

use selfcheck::model::points::Step;
use selfcheck::model::scoring::{default_score, summarize};
use selfcheck::model::{Assessment, Checklist, Edit, Status, UnitInfo};

fn fresh() -> (&'static Checklist, Assessment) {
    let c = Checklist::builtin();
    (c, Assessment::new(c, UnitInfo::default(), 2026, "t"))
}

fn answer_all(c: &Checklist, a: &mut Assessment, s: Status) {
    for i in c.items() {
        a.apply(c, Edit::Status(i.id.clone(), s));
    }
}

#[test]
fn default_scores_follow_the_rule() {
    assert_eq!(default_score(3.0, Some(Status::Done), Step::DEFAULT), 3.0);
    assert_eq!(
        default_score(3.0, Some(Status::Partial), Step::DEFAULT),
        1.5
    );
    assert_eq!(
        default_score(1.5, Some(Status::Partial), Step::DEFAULT),
        1.0
    ); // 0.75 → nearest 0.5
    assert_eq!(
        default_score(1.0, Some(Status::Partial), Step::DEFAULT),
        0.5
    );
    assert_eq!(
        default_score(2.0, Some(Status::NotDone), Step::DEFAULT),
        0.0
    );
    assert_eq!(default_score(2.0, None, Step::DEFAULT), 0.0);
}

#[test]
fn all_done_is_100_and_excellent() {
    let (c, mut a) = fresh();
    answer_all(c, &mut a, Status::Done);
    let s = summarize(c, &a);
    assert_eq!(s.total.score, 100.0);
    assert_eq!(s.total.max, 100.0);
    assert_eq!(s.total.normalized, 100.0);
    assert_eq!(s.total.grade.zh, "优秀");
    assert_eq!(s.total.counts.done as usize, c.items().count());
    assert_eq!(s.sections.len(), 7);
}

#[test]
fn nothing_answered_scores_zero_and_fails() {
    let (c, a) = fresh();
    let s = summarize(c, &a);
    assert_eq!(s.total.score, 0.0);
    assert_eq!(s.total.max, 100.0);
    assert_eq!(s.total.grade.zh, "不合格");
    assert_eq!(s.total.counts.unanswered as usize, c.items().count());
    assert_eq!(s.total.progress(), 0.0);
}

#[test]
fn not_applicable_leaves_the_denominator_and_total_is_normalised() {
    let (c, mut a) = fresh();
    answer_all(c, &mut a, Status::Done);
    // Two 3-point items not applicable, one 2-point item not done.
    a.apply(
        c,
        Edit::Status("thinking.legality_review".into(), Status::NotApplicable),
    );
    a.apply(
        c,
        Edit::Status("boundaries.three_lists".into(), Status::NotApplicable),
    );
    a.apply(c, Edit::Status("thinking.rules".into(), Status::NotDone));
    let s = summarize(c, &a);
    assert_eq!(s.total.max, 94.0);
    assert_eq!(s.total.score, 92.0);
    assert_eq!(s.total.normalized, 97.87); // 92 / 94 × 100
    assert_eq!(s.total.counts.not_applicable, 2);
    assert_eq!(s.total.counts.not_done, 1);
    let thinking = &s.sections[0].tally;
    assert_eq!(thinking.max, 14.0);
    assert_eq!(thinking.score, 12.0);
}

#[test]
fn self_score_overrides_the_default_and_is_clamped() {
    let (c, mut a) = fresh();
    answer_all(c, &mut a, Status::Done);
    a.apply(c, Edit::Score("thinking.rules".into(), Some(1.5)));
    assert_eq!(summarize(c, &a).total.score, 99.5);
    // Out of range scores are never counted (validation flags them): the
    // answer's default, full marks for 已落实, counts instead.
    a.apply(c, Edit::Score("thinking.rules".into(), Some(50.0)));
    assert_eq!(summarize(c, &a).total.score, 100.0);
    a.apply(c, Edit::Score("thinking.rules".into(), Some(-5.0)));
    assert_eq!(summarize(c, &a).total.score, 100.0);
}

#[test]
fn changing_the_answer_resets_the_score_to_its_default() {
    let (c, mut a) = fresh();
    let id = "thinking.legality_review".to_string();
    a.apply(c, Edit::Status(id.clone(), Status::Done));
    a.apply(c, Edit::Score(id.clone(), Some(2.0)));
    a.apply(c, Edit::Status(id.clone(), Status::Partial));
    assert_eq!(a.answer(&id).unwrap().score, None);
    // Typing the default is the same as not overriding it.
    a.apply(c, Edit::Score(id.clone(), Some(1.5)));
    assert_eq!(a.answer(&id).unwrap().score, None);
}

#[test]
fn all_not_applicable_is_100() {
    let (c, mut a) = fresh();
    answer_all(c, &mut a, Status::NotApplicable);
    let s = summarize(c, &a);
    assert_eq!(s.total.max, 0.0);
    assert_eq!(s.total.normalized, 100.0);
    assert_eq!(s.total.applicable, 0);
}

#[test]
fn grade_boundaries_through_scores() {
    let (c, mut a) = fresh();
    answer_all(c, &mut a, Status::Done);
    // Take 10.5 points off: 89.5 → 良好.
    for id in [
        "thinking.legality_review",
        "boundaries.three_lists",
        "mechanisms.quarterly_meeting",
    ] {
        a.apply(c, Edit::Score(id.into(), Some(0.0)));
    }
    a.apply(c, Edit::Score("thinking.rules".into(), Some(0.5)));
    let s = summarize(c, &a);
    assert_eq!(s.total.normalized, 89.5);
    assert_eq!(s.total.grade.zh, "良好");
}

#[test]
fn progress_counts_only_applicable_complete_items() {
    let (c, mut a) = fresh();
    let n = c.items().count() as u32;
    a.apply(c, Edit::Status("thinking.rules".into(), Status::Done));
    a.apply(
        c,
        Edit::Status("thinking.democratic".into(), Status::NotApplicable),
    );
    // Not done without a rectification: answered but not complete.
    a.apply(
        c,
        Edit::Status("thinking.expert_review".into(), Status::NotDone),
    );
    let s = summarize(c, &a);
    assert_eq!(s.total.applicable, n - 1);
    assert_eq!(s.total.complete, 1);
}

#[test]
fn edits_for_unknown_items_are_ignored() {
    let (c, mut a) = fresh();
    a.apply(c, Edit::Status("no.such.item".into(), Status::Done));
    assert!(a.answers.is_empty());
}
