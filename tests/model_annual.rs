//! The annual-report helper's paragraphs and the Chinese date format.

use selfcheck::fixtures::sample::sample_assessment;
use selfcheck::model::annual::{annual_text, cn_date, cn_ordinal};
use selfcheck::model::{AnswerField, Assessment, Checklist, Edit, Lang, Status, UnitInfo};

#[test]
fn dates_are_written_the_official_way() {
    assert_eq!(cn_date("2027-03-01"), "2027年3月1日");
    assert_eq!(cn_date("2026-12-31T10:00:00Z"), "2026年12月31日");
    assert_eq!(cn_date("不是日期"), "不是日期");
    assert_eq!(cn_ordinal(1), "一");
    assert_eq!(cn_ordinal(10), "十");
    assert_eq!(cn_ordinal(12), "十二");
    assert_eq!(cn_ordinal(20), "二十");
    assert_eq!(cn_ordinal(35), "三十五");
}

#[test]
fn performance_lists_done_items_with_their_notes() {
    let c = Checklist::builtin();
    let mut a = Assessment::new(
        c,
        UnitInfo {
            name: "青山镇".into(),
            head_name: "李明".into(),
            head_title: "镇长".into(),
            ..UnitInfo::default()
        },
        2026,
        "t",
    );
    a.apply(
        c,
        Edit::Status("thinking.legality_review".into(), Status::Done),
    );
    a.apply(
        c,
        Edit::Text(
            "thinking.legality_review".into(),
            AnswerField::Notes,
            "全年审查12件。".into(),
        ),
    );
    a.apply(c, Edit::Status("thinking.rules".into(), Status::Done));
    let t = annual_text(c, &a, Lang::Zh);
    assert!(
        t.performance
            .starts_with("2026年，青山镇镇长李明认真履行推进法治建设第一责任人职责"),
        "{}",
        t.performance
    );
    assert!(t.performance.contains("以下2项已落实"));
    assert!(
        t.performance
            .contains("本单位重大行政决策出台前，是否都经过合法性审查（全年审查12件）"),
        "{}",
        t.performance
    );
    // Checklist order: thinking.rules comes first.
    assert!(t.performance.find("严守规则").unwrap() < t.performance.find("合法性审查").unwrap());
    assert_eq!(t.shortcomings, "经自查，未发现明显不足。");
}

#[test]
fn shortcomings_and_plans_come_from_problems_and_rectifications_by_due_date() {
    let c = Checklist::builtin();
    let mut a = Assessment::new(c, UnitInfo::default(), 2026, "t");
    for (id, problem, measure, owner, due) in [
        (
            "thinking.rules",
            "规则意识不强",
            "开展专题学习",
            "张伟",
            "2027-06-30",
        ),
        (
            "weapons.solve_problems",
            "依法解决问题能力不足",
            "聘请法律顾问",
            "",
            "2027-03-31",
        ),
        (
            "environment.lectures",
            "专题讲座只办了一期",
            "下半年再办一期",
            "王芳",
            "",
        ),
    ] {
        a.apply(c, Edit::Status(id.into(), Status::Partial));
        a.apply(
            c,
            Edit::Text(id.into(), AnswerField::Problem, problem.into()),
        );
        a.apply(
            c,
            Edit::Text(id.into(), AnswerField::Measure, measure.into()),
        );
        a.apply(c, Edit::Text(id.into(), AnswerField::Owner, owner.into()));
        a.apply(c, Edit::Text(id.into(), AnswerField::Due, due.into()));
    }
    let t = annual_text(c, &a, Lang::Zh);
    assert_eq!(
        t.shortcomings,
        "经自查，主要存在以下不足：一是规则意识不强；二是依法解决问题能力不足；三是专题讲座只办了一期。"
    );
    assert_eq!(
        t.plans,
        "下一年度，将针对自查发现的问题抓好整改：一是聘请法律顾问（2027年3月31日前完成）；二是开展专题学习（责任人：张伟，2027年6月30日前完成）；三是下半年再办一期（责任人：王芳）。"
    );
    let en = annual_text(c, &a, Lang::En);
    assert!(en.plans.starts_with("Next year the unit will rectify what the assessment found: (1) 聘请法律顾问, by 31 March 2027"), "{}", en.plans);
}

#[test]
fn the_sample_gives_all_three_paragraphs() {
    let c = Checklist::builtin();
    let t = annual_text(c, &sample_assessment(c), Lang::Zh);
    assert!(t.performance.contains("X县青山镇人民政府镇长李明"));
    assert!(t.shortcomings.starts_with("经自查，主要存在以下不足：一是"));
    assert!(t.plans.contains("2027年6月30日前完成"));
}
