//! Validation: each rule, and that every problem is reported at once.

use selfcheck::model::validation::{
    is_done, is_plausible_phone, is_valid_date, items_left, validate,
};
use selfcheck::model::Lang;
use selfcheck::model::{
    AnswerField, Assessment, Checklist, Edit, Evidence, EvidenceField, Status, UnitInfo,
};

fn fields(c: &Checklist, a: &Assessment, item: &str) -> Vec<String> {
    validate(c, a)
        .into_iter()
        .filter(|i| i.item_id.as_deref() == Some(item))
        .map(|i| i.field)
        .collect()
}

fn fresh() -> (&'static Checklist, Assessment) {
    let c = Checklist::builtin();
    (c, Assessment::new(c, UnitInfo::default(), 2026, "t"))
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let (c, a) = fresh();
    let issues = validate(c, &a);
    // Three unit fields and every unanswered item.
    assert_eq!(issues.len(), 3 + c.items().count());
    assert!(issues
        .iter()
        .all(|i| !i.message.tr(Lang::Zh).is_empty() && !i.message.tr(Lang::En).is_empty()));
    assert_eq!(issues[0].field, "name");
    assert_eq!(issues[0].message.tr(Lang::Zh), "请填写单位名称");
}

#[test]
fn not_applicable_needs_a_reason() {
    let (c, mut a) = fresh();
    let id = "thinking.rules";
    a.apply(c, Edit::Status(id.into(), Status::NotApplicable));
    assert_eq!(fields(c, &a, id), ["na_reason"]);
    a.apply(
        c,
        Edit::Text(id.into(), AnswerField::NaReason, "本年度无此类事项".into()),
    );
    assert!(fields(c, &a, id).is_empty());
}

#[test]
fn an_item_is_done_only_with_nothing_left_to_fill_in() {
    let (c, mut a) = fresh();
    let total = c.items().count();
    assert_eq!(items_left(c, &a), total);
    let id = "thinking.rules";
    let item = c.items().find(|i| i.id == id).unwrap();
    let done = |a: &Assessment| is_done(item, a.answer(id), c.score_rule());
    assert!(!done(&a));
    // 不适用 without its reason: answered, but not done (the side navigation leaves it unticked).
    a.apply(c, Edit::Status(id.into(), Status::NotApplicable));
    assert!(!done(&a));
    assert_eq!(items_left(c, &a), total);
    a.apply(
        c,
        Edit::Text(id.into(), AnswerField::NaReason, "本年度无此类事项".into()),
    );
    assert!(done(&a));
    assert_eq!(items_left(c, &a), total - 1);
    // 部分落实 with its follow-up fields empty is not done either.
    a.apply(c, Edit::Status(id.into(), Status::Partial));
    assert!(!done(&a));
    assert_eq!(items_left(c, &a), total);
}

#[test]
fn partial_and_not_done_need_problem_and_rectification() {
    for status in [Status::Partial, Status::NotDone] {
        let (c, mut a) = fresh();
        let id = "thinking.rules";
        a.apply(c, Edit::Status(id.into(), status));
        assert_eq!(fields(c, &a, id), ["problem", "measure", "owner", "due"]);
        for (f, v) in [
            (AnswerField::Problem, "制度不全"),
            (AnswerField::Measure, "建立制度"),
            (AnswerField::Owner, "张三"),
            (AnswerField::Due, "2027-02-30"),
        ] {
            a.apply(c, Edit::Text(id.into(), f, v.into()));
        }
        let issues = validate(c, &a);
        let due = issues.iter().find(|i| i.field == "due").unwrap();
        assert!(due.message.tr(Lang::Zh).contains("有效日期"));
        a.apply(
            c,
            Edit::Text(id.into(), AnswerField::Due, "2027-06-30".into()),
        );
        assert!(fields(c, &a, id).is_empty());
    }
}

#[test]
fn done_needs_nothing_more() {
    let (c, mut a) = fresh();
    a.apply(c, Edit::Status("thinking.rules".into(), Status::Done));
    assert!(fields(c, &a, "thinking.rules").is_empty());
}

#[test]
fn score_must_lie_within_zero_and_max() {
    let (c, mut a) = fresh();
    let id = "thinking.legality_review";
    a.apply(c, Edit::Status(id.into(), Status::Done));
    a.apply(c, Edit::Score(id.into(), Some(3.5)));
    assert_eq!(fields(c, &a, id), ["score"]);
    a.apply(c, Edit::Score(id.into(), Some(-0.5)));
    assert_eq!(fields(c, &a, id), ["score"]);
    a.apply(c, Edit::Score(id.into(), Some(2.5)));
    assert!(fields(c, &a, id).is_empty());
}

#[test]
fn evidence_needs_a_title_and_a_real_date() {
    let (c, mut a) = fresh();
    let id = "thinking.rules";
    a.apply(c, Edit::Status(id.into(), Status::Done));
    a.apply(c, Edit::AddEvidence(id.into(), Evidence::empty_reference()));
    a.apply(
        c,
        Edit::EditEvidence(id.into(), 0, EvidenceField::Date, "2026-13-01".into()),
    );
    assert_eq!(fields(c, &a, id), ["evidence.0.title", "evidence.0.date"]);
    a.apply(
        c,
        Edit::EditEvidence(id.into(), 0, EvidenceField::Title, "会议纪要".into()),
    );
    a.apply(
        c,
        Edit::EditEvidence(id.into(), 0, EvidenceField::Date, "2026-12-01".into()),
    );
    assert!(fields(c, &a, id).is_empty());
    a.apply(
        c,
        Edit::AddEvidence(
            id.into(),
            Evidence::File {
                name: "纪要.pdf".into(),
                size: 10,
                sha256: "xyz".into(),
            },
        ),
    );
    assert_eq!(fields(c, &a, id), ["evidence.1.title"]);
    a.apply(c, Edit::RemoveEvidence(id.into(), 1));
    assert!(fields(c, &a, id).is_empty());
}

#[test]
fn unit_information_rules() {
    let (c, mut a) = fresh();
    a.apply(c, Edit::Year(1999));
    a.unit.phone = "abc".into();
    let unit: Vec<String> = validate(c, &a)
        .into_iter()
        .filter(|i| i.item_id.is_none())
        .map(|i| i.field)
        .collect();
    assert_eq!(unit, ["name", "head_name", "head_title", "phone", "year"]);
}

#[test]
fn texts_have_a_length_limit() {
    let (c, mut a) = fresh();
    let id = "thinking.rules";
    a.apply(c, Edit::Status(id.into(), Status::Done));
    a.apply(
        c,
        Edit::Text(id.into(), AnswerField::Notes, "长".repeat(5001)),
    );
    assert_eq!(fields(c, &a, id), ["notes"]);
}

#[test]
fn dates_and_phones() {
    assert!(is_valid_date("2024-02-29"));
    assert!(!is_valid_date("2023-02-29"));
    assert!(!is_valid_date("2023-2-28"));
    assert!(!is_valid_date("２０２３-02-28"));
    assert!(!is_valid_date("2023-04-31"));
    assert!(is_plausible_phone("0851-1234567"));
    assert!(is_plausible_phone("138 0000 0000"));
    assert!(!is_plausible_phone("12345"));
    assert!(!is_plausible_phone("电话0851"));
}

/// Issue 23: 完成度 is one rule with the finish list — 100% exactly when
/// nothing is left to fill in, whatever is left (the unit, a 不适用 reason,
/// an invalid score, last year's rectification, an unanswered item).
#[test]
fn completion_is_full_exactly_when_the_finish_list_is_empty() {
    use selfcheck::fixtures::sample::sample_assessment;
    use selfcheck::model::validation::progress;
    use selfcheck::model::{FollowUp, UnitField};
    let c = Checklist::builtin();
    let done = sample_assessment(c);
    assert!(validate(c, &done).is_empty(), "the sample is complete");
    assert_eq!(progress(c, &done), 1.0);
    let first = c.items().next().unwrap().id.clone();
    type Breakage<'a> = Box<dyn Fn(&mut Assessment) + 'a>;
    let breakages: Vec<Breakage> = vec![
        Box::new(|a| a.apply(c, Edit::Unit(UnitField::HeadName, String::new()))),
        Box::new(|a| {
            a.apply(c, Edit::Status(first.clone(), Status::NotApplicable));
            a.apply(
                c,
                Edit::Text(first.clone(), AnswerField::NaReason, String::new()),
            );
        }),
        Box::new(|a| a.apply(c, Edit::Score(first.clone(), Some(99.0)))),
        Box::new(|a| a.follow_ups.push(FollowUp::default())),
        Box::new(|a| {
            a.answers.remove(&first);
        }),
    ];
    for (n, breakage) in breakages.iter().enumerate() {
        let mut a = done.clone();
        breakage(&mut a);
        let left = validate(c, &a);
        assert!(!left.is_empty(), "breakage {n} leaves something to fill in");
        assert!(progress(c, &a) < 1.0, "breakage {n}: {left:?}");
    }
}
