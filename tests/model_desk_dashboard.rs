//! 总体情况: the county's figures from a group's counted reports, checked
//! on a small set whose answers are known.

use std::rc::Rc;

use selfcheck::fixtures::sample::{sample_assessment, sample_status};
use selfcheck::model::assessment::{Assessment, FollowUp, FollowUpStatus, Rectification};
use selfcheck::model::desk::dashboard::{compare, county, dashboard, WEAKEST};
use selfcheck::model::desk::*;
use selfcheck::model::{report, scoring, Checklist, Status};

fn shared() -> [Rc<Checklist>; 1] {
    [Rc::new(Checklist::builtin().clone())]
}

/// A report of the sample with another unit name and year, edited.
fn report_of(name: &str, year: i32, edit: impl FnOnce(&mut Assessment)) -> (String, Vec<u8>) {
    let c = Checklist::builtin();
    let mut a = sample_assessment(c);
    a.unit.name = name.into();
    a.year = year;
    edit(&mut a);
    (
        format!("{name}{year}.json"),
        report::export_current(c, &a).1.into_bytes(),
    )
}

/// Every item answered `status` (rectifications empty: the report is incomplete when open).
fn all(status: Status) -> impl FnOnce(&mut Assessment) {
    move |a: &mut Assessment| {
        for ans in a.answers.values_mut() {
            ans.status = Some(status);
            ans.score = None;
            ans.problem.clear();
            ans.rectification = Rectification::default();
        }
    }
}

fn desk_of(files: &[(String, Vec<u8>)]) -> Desk {
    let mut d = Desk::new();
    for (n, b) in files {
        d.add(n, b, &shared());
    }
    d
}

#[test]
fn the_dashboard_of_three_known_units() {
    let c = Checklist::builtin();
    let sample = sample_assessment(c);
    let files = [
        // The sample: 良好, its rectifications due 2027-06-30, one of them 2026-12-31.
        report_of("X县甲镇人民政府", 2026, |a| {
            let first_open = c
                .items()
                .find(|i| a.status(&i.id).is_some_and(Status::needs_rectification))
                .unwrap()
                .id
                .clone();
            a.answers.get_mut(&first_open).unwrap().rectification.due = "2026-12-31".into();
            a.follow_ups = vec![FollowUp {
                item_id: "x".into(),
                duty: "上年度的一项职责".into(),
                year: 2025,
                problem: "问题".into(),
                rectification: Rectification {
                    measure: "上年度的措施".into(),
                    owner: "张三".into(),
                    due: "2026-06-30".into(),
                },
                status: Some(FollowUpStatus::NotStarted),
                note: "尚未开始".into(),
            }];
        }),
        report_of("X县乙镇人民政府", 2026, all(Status::Done)),
        report_of("X县司法局", 2026, all(Status::NotDone)),
    ];
    let desk = desk_of(&files);
    let g = &desk.groups()[0];
    let d = dashboard(g, "2027-03-01");
    assert_eq!(d.units, 3);
    assert_eq!(d.years, [2026]);
    let grades: Vec<(&str, usize)> = d
        .grades
        .iter()
        .map(|g| (g.grade.zh.as_str(), g.units))
        .collect();
    assert_eq!(
        grades,
        [("优秀", 1), ("良好", 1), ("合格", 0), ("不合格", 1)]
    );
    // Each section: the sample's rate, 100 % and 0 %.
    let s = scoring::summarize(c, &sample);
    for (i, sec) in d.sections.iter().enumerate() {
        let t = &s.sections[i].tally;
        let mean = (t.score / t.max + 1.0 + 0.0) / 3.0;
        assert!((sec.mean.unwrap() - mean).abs() < 1e-9, "section {i}");
        assert_eq!(sec.units, 3);
    }
    // The weakest duties: those the sample did not do (1 of 3 units, or 0
    // of 2 where the sample answered 不适用), lowest first, by number.
    assert_eq!(d.weakest.len(), WEAKEST);
    let mut expected: Vec<(usize, f64)> = c
        .items()
        .enumerate()
        .map(|(i, _)| match sample_status(i) {
            Status::Done => (i + 1, 2.0 / 3.0),
            Status::NotApplicable => (i + 1, 1.0 / 2.0),
            _ => (i + 1, 1.0 / 3.0),
        })
        .collect();
    expected.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let got: Vec<(usize, f64)> = d
        .weakest
        .iter()
        .map(|r| (r.number, r.done_rate.unwrap()))
        .collect();
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!(g.0, e.0);
        assert!((g.1 - e.1).abs() < 1e-12);
    }
    // Overdue: one of the sample's rectifications; the others are due later,
    // and the 未落实 unit wrote no deadline.
    assert_eq!(d.overdue.len(), 1);
    let open = sample
        .answers
        .values()
        .filter(|a| a.status.is_some_and(Status::needs_rectification))
        .count();
    assert_eq!(
        (
            d.overdue[0].unit.as_str(),
            d.overdue[0].overdue,
            d.overdue[0].open
        ),
        ("X县甲镇人民政府", 1, open)
    );
    assert_eq!(dashboard(g, "2027-07-01").overdue[0].overdue, open);
    // Completion: the sample and the all-done unit are complete; the 未落实 one is not.
    assert_eq!(d.completion[0], 2);
    assert_eq!(d.completion.iter().sum::<usize>(), 3);
    assert_eq!(d.not_started.len(), 1);
    assert_eq!(d.not_started[0].measure, "上年度的措施");
    let mean = scoring::round2((s.total.normalized + 100.0 + 0.0) / 3.0);
    assert_eq!(d.mean_score, mean);
    assert_eq!(county(g).as_deref(), Some("X县"));
}

#[test]
fn the_county_is_the_place_every_unit_shares() {
    let files = [
        report_of("X县甲镇人民政府", 2026, |_| {}),
        report_of("Y县司法局", 2026, |_| {}),
    ];
    assert_eq!(county(&desk_of(&files).groups()[0]), None);
    let files = [report_of("青山镇人民政府", 2026, |_| {})];
    assert_eq!(county(&desk_of(&files).groups()[0]), None);
}

#[test]
fn score_changes_against_last_years_reports() {
    let this = desk_of(&[
        report_of("X县甲镇人民政府", 2026, |_| {}),
        report_of("X县乙镇人民政府", 2026, all(Status::Done)),
        report_of("X县丙镇人民政府", 2026, all(Status::Done)),
    ]);
    let last = desk_of(&[
        report_of("X县甲镇人民政府", 2025, all(Status::Done)),
        report_of("X县乙镇人民政府", 2025, all(Status::NotDone)),
        // Another year does not count.
        report_of("X县丙镇人民政府", 2024, all(Status::Done)),
    ]);
    let c = Checklist::builtin();
    let sample = scoring::summarize(c, &sample_assessment(c))
        .total
        .normalized;
    let changes = compare(&this.groups()[0], &last);
    let got: Vec<(&str, Option<f64>)> = changes
        .iter()
        .map(|c| (c.unit.as_str(), c.delta()))
        .collect();
    assert_eq!(
        got,
        [
            ("X县甲镇人民政府", Some(scoring::round2(sample - 100.0))),
            ("X县乙镇人民政府", Some(100.0)),
            ("X县丙镇人民政府", None),
        ]
    );
}

#[test]
fn the_overdue_units_are_the_trackers_overdue_rectifications() {
    let files = selfcheck::fixtures::reports::generate_reports(80, 4);
    let desk = desk_of(&files);
    let g = &desk.groups()[0];
    for today in ["2027-03-01", "2027-09-01", "not a date"] {
        let d = dashboard(g, today);
        let rect = rectifications(g, today);
        let mut by_unit = std::collections::BTreeMap::new();
        for r in &rect {
            let e = by_unit.entry(r.report).or_insert((0, 0));
            e.0 += usize::from(r.overdue);
            e.1 += 1;
        }
        by_unit.retain(|_, (late, _)| *late > 0);
        let got: std::collections::BTreeMap<usize, (usize, usize)> = d
            .overdue
            .iter()
            .map(|o| (o.report, (o.overdue, o.open)))
            .collect();
        assert_eq!(got, by_unit, "{today}");
        assert!(d.overdue.windows(2).all(|w| w[0].overdue >= w[1].overdue));
    }
}
