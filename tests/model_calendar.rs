//! Dates as a clerk writes them (model/calendar.rs): deadlines that are a
//! date, 长期坚持 or 立行立改, the one overdue rule and the desk that follows
//! it, the report format keeping old dates byte for byte, the default
//! 自查年度, dates in both languages; and the finish step's evidence warning.

use std::rc::Rc;

use selfcheck::fixtures::sample::sample_assessment;
use selfcheck::model::calendar::{
    default_year, is_overdue, long_date, Deadline, DeadlineKind, IMMEDIATE, ONGOING,
};
use selfcheck::model::desk::{rectifications, rectifications_csv, Desk};
use selfcheck::model::import::{import, DigestCheck};
use selfcheck::model::messages::Msg;
use selfcheck::model::report;
use selfcheck::model::text::{clause, nested_quotes};
use selfcheck::model::validation::{item_issues, lacks_support, unsupported, validate};
use selfcheck::model::{AnswerField, Assessment, Checklist, Edit, Lang, Status};

/// The sample's item answered 部分落实 (its fifth item).
fn partial_item(c: &Checklist) -> String {
    c.items().nth(4).unwrap().id.clone()
}

#[test]
fn a_deadline_is_a_date_or_one_of_two_fixed_terms() {
    assert_eq!(Deadline::parse("2027-06-30"), Deadline::Date("2027-06-30"));
    assert_eq!(
        Deadline::parse(" 2027-06-30 "),
        Deadline::Date("2027-06-30")
    );
    assert_eq!(Deadline::parse("长期坚持"), Deadline::Ongoing);
    assert_eq!(Deadline::parse("立行立改"), Deadline::Immediate);
    assert_eq!(Deadline::parse(""), Deadline::Empty);
    assert_eq!(Deadline::parse("  "), Deadline::Empty);
    for bad in ["2027-02-30", "明年6月", "长期", "2027/06/30", "ongoing"] {
        assert_eq!(Deadline::parse(bad), Deadline::Invalid(bad), "{bad}");
        assert!(!Deadline::parse(bad).is_valid());
    }
    assert_eq!(Deadline::parse(ONGOING).kind(), DeadlineKind::Ongoing);
    assert_eq!(Deadline::parse(IMMEDIATE).kind(), DeadlineKind::Immediate);
    assert_eq!(Deadline::parse("").kind(), DeadlineKind::Date);
    for k in DeadlineKind::ALL {
        assert_eq!(Deadline::parse(k.stored()).kind(), k, "{k:?} round-trips");
    }
    assert_eq!(
        Deadline::parse("2027-06-30").show(Lang::Zh),
        "2027年6月30日"
    );
    assert_eq!(Deadline::parse("2027-06-30").show(Lang::En), "30 June 2027");
    assert_eq!(Deadline::parse(ONGOING).show(Lang::Zh), "长期坚持");
    assert_eq!(Deadline::parse(ONGOING).show(Lang::En), "Ongoing");
    assert_eq!(Deadline::parse(IMMEDIATE).show(Lang::En), "Immediately");
}

#[test]
fn overdue_is_a_date_before_today_and_never_a_fixed_term() {
    assert!(is_overdue("2027-02-28", "2027-03-01"));
    assert!(
        !is_overdue("2027-03-01", "2027-03-01"),
        "due today is not overdue"
    );
    assert!(!is_overdue("2027-03-02", "2027-03-01"));
    assert!(is_overdue("2026-12-31", "2027-03-01T09:00:00+08:00"));
    assert!(
        !is_overdue(ONGOING, "2099-12-31"),
        "长期坚持 has no date to pass"
    );
    assert!(!is_overdue(IMMEDIATE, "2099-12-31"), "nor has 立行立改");
    assert!(!is_overdue("", "2027-03-01"));
    assert!(
        !is_overdue("2027-02-30", "2027-03-01"),
        "an invalid date never is"
    );
    assert!(
        !is_overdue("2020-01-01", "soon"),
        "nor is anything without a today"
    );
}

#[test]
fn validation_accepts_the_fixed_terms_and_names_them_when_refusing() {
    let c = Checklist::builtin();
    let id = partial_item(c);
    let item = c.item(&id).unwrap();
    let mut a = sample_assessment(c);
    for (due, ok) in [
        ("2027-06-30", true),
        (ONGOING, true),
        (IMMEDIATE, true),
        ("", false),
        ("下半年", false),
    ] {
        a.apply(c, Edit::Text(id.clone(), AnswerField::Due, due.into()));
        let due_issues: Vec<_> = item_issues(item, a.answer(&id), None)
            .into_iter()
            .filter(|i| i.field == "due")
            .collect();
        assert_eq!(due_issues.is_empty(), ok, "{due:?}");
    }
    let refused = item_issues(item, a.answer(&id), None);
    let text = refused[0].message.tr(Lang::Zh);
    assert!(
        text.contains("长期坚持") && text.contains("立行立改"),
        "{text}"
    );
}

#[test]
fn the_desk_follows_the_overdue_rule_and_translates_the_terms() {
    let c = Checklist::builtin();
    let ids: Vec<String> = c.items().map(|i| i.id.clone()).collect();
    let mut a = sample_assessment(c);
    // The sample answers items 4 and 13 部分落实, 7 and 16 未落实.
    for (i, due) in [
        (4, "2027-01-31"),
        (7, ONGOING),
        (13, IMMEDIATE),
        (16, "2027-12-31"),
    ] {
        a.apply(c, Edit::Text(ids[i].clone(), AnswerField::Due, due.into()));
    }
    let (_, json) = report::export_current(c, &a);
    let mut desk = Desk::new();
    desk.add("r.json", json.as_bytes(), &[Rc::new(c.clone())]);
    let g = &desk.groups()[0];
    let rect = rectifications(g, "2099-01-01");
    let by = |i: usize| rect.iter().find(|r| r.item_id == ids[i]).unwrap();
    assert!(by(4).overdue && by(16).overdue);
    assert!(!by(7).overdue, "长期坚持 is never overdue");
    assert!(!by(13).overdue, "立行立改 is never overdue");
    assert_eq!(by(7).due, ONGOING);

    let zh = rectifications_csv(g, "2099-01-01", Lang::Zh);
    assert!(
        zh.contains(",长期坚持,否") && zh.contains(",立行立改,否"),
        "{zh}"
    );
    assert!(zh.contains(",2027年1月31日,是"));
    let en = rectifications_csv(g, "2099-01-01", Lang::En);
    assert!(en.contains(",Ongoing,No") && en.contains(",Immediately,No"));
    assert!(
        en.contains(",2027-01-31,Yes"),
        "English dates stay sortable"
    );
}

#[test]
fn ongoing_round_trips_through_the_json_report_and_import() {
    let c = Checklist::builtin();
    let id = partial_item(c);
    let mut a = sample_assessment(c);
    a.apply(c, Edit::Text(id.clone(), AnswerField::Due, ONGOING.into()));
    assert!(validate(c, &a).is_empty());
    let (_, json) = report::export_current(c, &a);
    assert!(
        json.contains("\"due\": \"长期坚持\""),
        "stored as the term itself"
    );
    let back = import(json.as_bytes(), &[c]).unwrap();
    assert_eq!(back.digest, DigestCheck::Valid);
    assert_eq!(back.assessment, a);
    assert_eq!(report::export_current(c, &back.assessment).1, json);
}

/// docs/sample-report.json as first committed, before the checklist's wording
/// was revised: its dates are plain strings and its fingerprint must still hold.
const FIRST_SAMPLE: &str = include_str!("corpus/editions/sample-report-2026.1.json");

#[test]
fn a_report_of_the_first_checklist_text_keeps_its_fingerprint_and_opens() {
    let c = Checklist::builtin();
    let back = import(FIRST_SAMPLE.as_bytes(), &[c]).expect("still imports");
    assert_eq!(
        back.digest,
        DigestCheck::Valid,
        "its fingerprint still holds"
    );
    assert!(back.summary_matches);
    let old = &back.assessment.checklist;
    assert_ne!(old.sha256, c.sha256(), "it names the earlier text");
    assert!(
        c.answers_to(old),
        "a draft of it opens against the current text"
    );
    assert!(Checklist::is_builtin_reference(old));
    assert_eq!(
        back.assessment.embed_checklist, None,
        "still the built-in's default"
    );
    let dues: Vec<&str> = back
        .assessment
        .answers
        .values()
        .map(|x| x.rectification.due.as_str())
        .filter(|d| !d.is_empty())
        .collect();
    assert!(!dues.is_empty() && dues.iter().all(|d| *d == "2027-06-30"));
    assert!(validate(c, &back.assessment).is_empty());
    // Exported again, it names the text it is now answered against.
    let (again, _) = report::export_current(c, &back.assessment);
    assert_eq!(again.checklist, c.reference());
    // A checklist that only shares the id and version is not taken for it.
    let mut other = c.clone();
    other.title.zh.push('甲');
    assert!(!other.answers_to(old));
}

#[test]
fn the_default_year_is_last_year_until_march() {
    assert_eq!(default_year("2027-01-15"), Some(2026));
    assert_eq!(default_year("2027-01-15T08:00:00.000Z"), Some(2026));
    assert_eq!(default_year("2027-01-01"), Some(2026));
    assert_eq!(default_year("2027-03-31"), Some(2026));
    assert_eq!(default_year("2027-04-01"), Some(2027));
    assert_eq!(default_year("2026-12-02"), Some(2026));
    assert_eq!(default_year("2026-12-31"), Some(2026));
    assert_eq!(default_year("yesterday"), None);
}

#[test]
fn dates_read_as_prose_in_both_languages() {
    assert_eq!(long_date("2026-12-01", Lang::Zh), "2026年12月1日");
    assert_eq!(long_date("2026-12-01", Lang::En), "1 December 2026");
    assert_eq!(long_date("2027-03-01T00:00:00Z", Lang::En), "1 March 2027");
    assert_eq!(
        long_date("2027-02-30", Lang::En),
        "2027-02-30",
        "not a date: as written"
    );
}

#[test]
fn joined_texts_never_double_punctuation_or_quotation_marks() {
    assert_eq!(clause("完善制度，按季度检查。"), "完善制度，按季度检查");
    assert_eq!(clause(" 按季度检查；\n"), "按季度检查");
    assert_eq!(clause("Check quarterly."), "Check quarterly");
    assert_eq!(
        nested_quotes("“权力清单”“责任清单”“负面清单”三单合一"),
        "‘权力清单’‘责任清单’‘负面清单’三单合一"
    );
}

#[test]
fn done_without_notes_or_evidence_is_counted_for_the_warning() {
    let c = Checklist::builtin();
    let mut a = Assessment::new(c, sample_assessment(c).unit, 2026, "2027-01-05T09:00:00Z");
    for item in c.items() {
        a.apply(c, Edit::Status(item.id.clone(), Status::Done));
    }
    assert!(
        validate(c, &a).is_empty(),
        "complete: the warning does not block"
    );
    assert_eq!(unsupported(c, &a).len(), c.items().count());
    let first = c.items().next().unwrap().id.clone();
    a.apply(
        c,
        Edit::Text(first.clone(), AnswerField::Notes, "已落实。".into()),
    );
    assert!(!lacks_support(a.answer(&first)));
    assert_eq!(unsupported(c, &a).len(), c.items().count() - 1);
    // The sample has notes and evidence wherever it answers 已落实.
    assert!(unsupported(c, &sample_assessment(c)).is_empty());
    // Only 已落实 is asked for support here; the other answers have their own rules.
    assert!(!lacks_support(None));
    let _ = Msg::EvidenceLacking;
}

#[test]
fn next_years_plan_puts_immediate_first_and_ongoing_after_the_dates() {
    use selfcheck::model::annual::annual_report;
    let c = Checklist::builtin();
    let mut a = Assessment::new(c, Default::default(), 2026, "t");
    let ids: Vec<String> = c.items().take(4).map(|i| i.id.clone()).collect();
    for (id, measure, owner, due) in [
        (&ids[0], "坚持月度学法。", "王芳", ONGOING),
        (&ids[1], "补齐会议纪要", "", "2027-06-30"),
        (&ids[2], "当即纠正收费", "张伟", IMMEDIATE),
        (&ids[3], "完善台账", "", ONGOING),
    ] {
        a.apply(c, Edit::Status(id.clone(), Status::Partial));
        a.apply(
            c,
            Edit::Text(id.clone(), AnswerField::Measure, measure.into()),
        );
        a.apply(c, Edit::Text(id.clone(), AnswerField::Owner, owner.into()));
        a.apply(c, Edit::Text(id.clone(), AnswerField::Due, due.into()));
    }
    let zh = annual_report(c, &a, Lang::Zh).text();
    let at = |s: &str| zh.find(s).unwrap_or_else(|| panic!("{s} not in {zh}"));
    assert!(at("立行立改：") < at("2027年6月30日前完成："), "{zh}");
    assert!(at("2027年6月30日前完成：") < at("长期坚持："), "{zh}");
    assert!(at("当即纠正收费") < at("补齐会议纪要") && at("补齐会议纪要") < at("坚持月度学法"));
    assert!(!zh.contains("。。") && !zh.contains("学法。；"), "{zh}");
    let en = annual_report(c, &a, Lang::En).text();
    assert!(
        en.contains("Immediately: ")
            && en.contains("By 30 June 2027: ")
            && en.contains("Ongoing: "),
        "{en}"
    );
}
