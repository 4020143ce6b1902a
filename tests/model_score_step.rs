//! Scores as fine as the county's rules: a checklist's self-score step
//! (评分步长), the arithmetic in whole hundredths that keeps 0.1 steps free
//! of floating-point drift, the county example scored in 0.1 steps, and proof
//! that everything made before steps existed keeps its meaning and fingerprint.

use selfcheck::model::checklist::Checklist;
use selfcheck::model::import::{import, ImportError};
use selfcheck::model::points::{round_half_step, Step};
use selfcheck::model::report;
use selfcheck::model::scoring::{default_score, item_score, summarize};
use selfcheck::model::validation::{item_issues, validate};
use selfcheck::model::{Assessment, Edit, Lang, Status, UnitInfo};

const COUNTY: &str = include_str!("../examples/county-checklist.json");
const TOWNSHIP: &str = include_str!("../examples/township-checklist.json");
const BUILTIN: &str = include_str!("../content/builtin-checklist.json");
const SAMPLE: &str = include_str!("../docs/sample-report.json");

/// Fingerprints computed with an independent JCS implementation (npm
/// `canonicalize` and Node's SHA-256): the township example's before score
/// steps existed; the built-in checklist's (edition 2026.2) and the sample
/// report's from their files, which carry no step.
const BUILTIN_SHA256: &str = "b9e1a1706470622278265f55c48003ac2a225ad99dd027fee15d99ac9e36c8ec";
const TOWNSHIP_SHA256: &str = "d8fd468dd21431e09f44a2a8039af28e1ca10d8a16b39b45b732438054d076a3";
const SAMPLE_DIGEST: &str = "6fc9ecabd1faa7da18611b1251db5e44ecd9a987080cb620815658ceba11b773";

fn step(x: f64) -> Step {
    Step::from_points(x).unwrap_or_else(|| panic!("{x} is a step"))
}

fn county() -> Checklist {
    Checklist::parse(COUNTY).unwrap_or_else(|p| panic!("the county example is rejected: {p:?}"))
}

#[test]
fn steps_are_positive_hundredths_up_to_ten() {
    for ok in [0.01, 0.05, 0.1, 0.2, 0.25, 0.3, 0.5, 1.0, 10.0] {
        assert_eq!(step(ok).points(), ok);
    }
    for bad in [0.0, -0.1, 0.005, 0.123, 10.5, f64::NAN, f64::INFINITY] {
        assert_eq!(Step::from_points(bad), None, "{bad}");
    }
    assert_eq!(Step::DEFAULT.points(), 0.5);
    assert_eq!(
        (
            step(1.0).decimals(),
            step(0.1).decimals(),
            step(0.25).decimals()
        ),
        (0, 1, 2)
    );
}

#[test]
fn multiples_of_a_tenth_are_recognised_without_drift() {
    let tenth = step(0.1);
    // In floating point 0.3 / 0.1 is 2.9999999999999996 and 1.2 / 0.1 is 11.999999999999998.
    assert_ne!((0.3f64 / 0.1).fract(), 0.0);
    for x in [0.0, 0.1, 0.2, 0.3, 0.7, 1.2, 1.5, 2.3, 6.6, 99.9, 0.1 + 0.2] {
        assert!(tenth.divides(x), "{x}");
    }
    for x in [0.05, 0.25, 1.25, 0.333] {
        assert!(!tenth.divides(x), "{x}");
    }
    assert!(step(0.2).divides(1.2) && step(0.2).divides(0.6) && !step(0.2).divides(0.3));
    assert!(step(0.3).divides(1.2) && step(0.3).divides(0.9) && !step(0.3).divides(1.0));
}

#[test]
fn rounding_gives_the_decimal_itself() {
    let tenth = step(0.1);
    assert_eq!(tenth.round(1.2000000000000002), 1.2);
    assert_eq!(tenth.round(0.30000000000000004), 0.3);
    assert_eq!(tenth.round(0.25), 0.3); // halves away from zero
    assert_eq!(tenth.round(1.24), 1.2);
    // Ten tenths added one by one drift; the step's sum does not.
    let ten = [0.1; 10];
    assert_ne!(ten.iter().sum::<f64>(), 1.0);
    assert_eq!(Step::sum(ten), 1.0);
    assert_ne!(0.1 + 0.2, 0.3);
    assert_eq!(Step::sum([0.1, 0.2]), 0.3);
    assert_eq!(Step::sum([0.3; 4]), 1.2);
}

#[test]
fn partial_defaults_to_half_rounded_to_the_step_halves_upward() {
    let tenth = step(0.1);
    let cases = [
        (1.5, 0.8),
        (1.2, 0.6),
        (0.3, 0.2),
        (0.2, 0.1),
        (2.3, 1.2),
        (0.1, 0.1),
    ];
    for (max, half) in cases {
        assert_eq!(tenth.half(max), half, "half of {max}");
        assert_eq!(
            default_score(max, Some(Status::Partial), tenth),
            half,
            "{max}"
        );
    }
    assert_eq!(step(0.2).half(1.2), 0.6);
    assert_eq!(step(0.2).half(1.0), 0.6); // 0.5 → 2.5 steps → 3 steps
    assert_eq!(step(0.3).half(1.2), 0.6);
    assert_eq!(default_score(1.2, Some(Status::Done), tenth), 1.2);
    assert_eq!(default_score(1.2, Some(Status::NotDone), tenth), 0.0);
}

#[test]
fn the_default_step_keeps_the_old_half_point_rule_exactly() {
    // Every item worth a multiple of 0.5 up to 100 points: the same default as before.
    for k in 1..=200 {
        let max = f64::from(k) * 0.5;
        assert_eq!(Step::DEFAULT.half(max), round_half_step(max / 2.0), "{max}");
        assert_eq!(
            default_score(max, Some(Status::Partial), Step::DEFAULT),
            round_half_step(max / 2.0)
        );
    }
    assert_eq!(Step::DEFAULT.half(1.5), 1.0);
}

#[test]
fn a_checklist_declares_its_step_and_points_follow_it() {
    let c = county();
    assert_eq!(c.score_step, Some(0.1));
    assert_eq!(c.step(), step(0.1));
    assert_eq!(c.score_rule(), Some(step(0.1)));
    assert_eq!(c.max_points(), 100.0);
    assert!(c.items().count() >= 30);
    assert!(c.items().any(|i| i.points == 1.2) && c.items().any(|i| i.points == 2.3));

    // Points off the declared step are refused with the step in the message.
    let mut v: serde_json::Value = serde_json::from_str(COUNTY).unwrap();
    v["parts"][0]["groups"][0]["items"][0]["points"] = 5.95.into();
    v["parts"][0]["groups"][0]["items"][1]["points"] = 4.05.into();
    let problems = Checklist::parse(&v.to_string()).unwrap_err();
    assert!(problems
        .iter()
        .any(|p| p.path == "parts[0].groups[0].items[0].points"
            && p.message.tr(Lang::Zh) == "检查事项 “1.1” 的分值须为大于0的0.1的整数倍"
            && p.message.tr(Lang::En) == "Item \"1.1\" points must be a positive multiple of 0.1"));
    assert!(
        !problems.iter().any(|p| p.path == "parts"),
        "still sums to 100"
    );

    // A step that is not a positive multiple of 0.01 up to 10 is refused.
    for bad in [0.0, -0.5, 0.001, 20.0] {
        let mut v: serde_json::Value = serde_json::from_str(COUNTY).unwrap();
        v["score_step"] = bad.into();
        let problems = Checklist::parse(&v.to_string()).unwrap_err();
        assert!(
            problems.iter().any(|p| p.path == "score_step"
                && p.message.tr(Lang::Zh).contains("评分步长")
                && p.message.tr(Lang::En).contains("score_step")),
            "{bad}: {problems:?}"
        );
    }

    // The built-in checklist and the township example declare none: 0.5, not enforced.
    for json in [BUILTIN, TOWNSHIP] {
        let c = Checklist::parse(json).unwrap();
        assert_eq!(
            (c.score_step, c.step(), c.score_rule()),
            (None, Step::DEFAULT, None)
        );
    }
}

#[test]
fn self_scores_follow_the_declared_step() {
    let c = county();
    let item = c.item("2.1").unwrap(); // 1.5 points: 每少一次扣0.3分
    assert_eq!(item.points, 1.5);
    let mut a = Assessment::new(&c, UnitInfo::default(), 2027, "t");
    a.apply(&c, Edit::Status("2.1".into(), Status::Partial));
    assert_eq!(item_score(item, a.answer("2.1"), &c), Some(0.8));

    a.apply(&c, Edit::Score("2.1".into(), Some(1.2)));
    assert_eq!(a.answer("2.1").unwrap().score, Some(1.2));
    assert_eq!(item_score(item, a.answer("2.1"), &c), Some(1.2));
    let score_issue = |a: &Assessment| {
        item_issues(item, a.answer("2.1"), c.score_rule())
            .into_iter()
            .find(|i| i.field == "score")
    };
    assert_eq!(score_issue(&a), None);

    a.apply(&c, Edit::Score("2.1".into(), Some(1.25)));
    let issue = score_issue(&a).expect("1.25 is off the 0.1 step");
    assert_eq!(
        issue.message.tr(Lang::Zh),
        "自评得分应为0.1分的整数倍；此分值不计入得分，暂按默认得分0.8分计"
    );
    assert_eq!(
        issue.message.tr(Lang::En),
        "The self-score must be a multiple of 0.1; it is not counted, the default 0.8 counts instead"
    );
    assert_eq!(item_score(item, a.answer("2.1"), &c), Some(0.8));
    assert!(validate(&c, &a).iter().any(|i| i.field == "score"));

    // Choosing the default again stores "no override".
    a.apply(&c, Edit::Score("2.1".into(), Some(0.8)));
    assert_eq!(a.answer("2.1").unwrap().score, None);

    // Without a declared step any score in range stays acceptable, as before.
    let b = Checklist::builtin();
    let bi = b.items().find(|i| i.points == 3.0).unwrap();
    let mut ba = Assessment::new(b, UnitInfo::default(), 2027, "t");
    ba.apply(b, Edit::Status(bi.id.clone(), Status::Partial));
    ba.apply(b, Edit::Score(bi.id.clone(), Some(1.25)));
    assert!(!item_issues(bi, ba.answer(&bi.id), b.score_rule())
        .iter()
        .any(|i| i.field == "score"));
}

#[test]
fn tenths_add_up_exactly_in_sections_and_total() {
    let c = county();
    let mut a = Assessment::new(&c, UnitInfo::default(), 2027, "t");
    for i in c.items() {
        a.apply(&c, Edit::Status(i.id.clone(), Status::Done));
    }
    // Section (二) 学法用法: 1.5 + 1.2 + 3 + 1.6 + 1.5 + 0.8 = 9.6 with full marks.
    let s = summarize(&c, &a);
    assert_eq!(s.total.score, 100.0);
    let study = s.sections.iter().find(|t| t.id == "s2").unwrap();
    assert_eq!(study.tally.score, 9.6);
    // 1.2 + 0.1 + 0.2 on three items of that section; the rest full.
    for (id, score) in [("2.1", 1.2), ("2.2", 0.1), ("2.4", 0.2)] {
        a.apply(&c, Edit::Status(id.into(), Status::Partial));
        a.apply(&c, Edit::Score(id.into(), Some(score)));
    }
    let s = summarize(&c, &a);
    let study = &s.sections.iter().find(|t| t.id == "s2").unwrap().tally;
    assert_eq!(study.score.to_string(), "6.8");
    assert_eq!(s.total.score.to_string(), "97.2");
    assert_eq!(s.total.normalized, 97.2);
}

#[test]
fn reports_record_the_step_and_refuse_another() {
    let c = county();
    let mut a = Assessment::new(&c, UnitInfo::default(), 2027, "2027-01-01T00:00:00Z");
    a.unit.name = "X县青山镇".into();
    a.apply(&c, Edit::Status("2.1".into(), Status::Partial));
    a.apply(&c, Edit::Score("2.1".into(), Some(1.2)));
    let (r, json) = report::export_current(&c, &a);
    assert_eq!(r.score_step, Some(0.1));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["score_step"], serde_json::json!(0.1));
    let answer = v["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["item_id"] == "2.1")
        .unwrap();
    assert_eq!(answer["score"], serde_json::json!(1.2));

    // Read back (with the definition it embeds): the same assessment.
    let back = import(json.as_bytes(), &[]).expect("the report opens");
    assert_eq!(back.assessment.answers, a.answers);
    assert!(back.summary_matches);

    // A report stating another step is refused, whatever its digest.
    for stated in [0.5, 0.2] {
        let mut v = v.clone();
        v["score_step"] = stated.into();
        let e = import(v.to_string().as_bytes(), &[]).unwrap_err();
        assert_eq!(e, ImportError::ScoreStep { stated, step: 0.1 });
        assert!(e.message().tr(Lang::Zh).contains("评分步长"));
    }
    let mut silent = v.clone();
    silent.as_object_mut().unwrap().remove("score_step");
    assert!(matches!(
        import(silent.to_string().as_bytes(), &[]),
        Err(ImportError::ScoreStep { .. })
    ));
}

#[test]
fn everything_made_before_steps_keeps_its_meaning_and_fingerprint() {
    assert_eq!(Checklist::builtin().sha256(), BUILTIN_SHA256);
    assert_eq!(
        Checklist::parse(TOWNSHIP).unwrap().sha256(),
        TOWNSHIP_SHA256
    );

    // The committed sample report: read, written again, byte for byte the same.
    let imported = import(SAMPLE.as_bytes(), &[Checklist::builtin()]).expect("the sample opens");
    assert!(imported.summary_matches);
    assert_eq!(
        imported.stated.integrity.as_ref().unwrap().digest,
        SAMPLE_DIGEST
    );
    // It holds a self-score of 0.25 on a 1.5-point item: still valid without a declared step.
    assert!(imported
        .assessment
        .answers
        .values()
        .any(|a| a.score == Some(0.25)));
    assert!(!validate(Checklist::builtin(), &imported.assessment)
        .iter()
        .any(|i| i.field == "score"));
    let (again, json) = report::export_current(Checklist::builtin(), &imported.assessment);
    assert_eq!(json, SAMPLE);
    assert_eq!(again.score_step, None);
    assert_eq!(report::digest(&again), SAMPLE_DIGEST);
    assert!(!json.contains("score_step"));
}

#[test]
fn the_report_corpus_reads_as_before() {
    // Every corpus report that opens (MANIFEST.tsv: Ok) is written again with
    // the digest it states: same meaning, same fingerprint. The corpus test
    // (model_import_corpus.rs) checks every other file still gets its result.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let manifest = std::fs::read_to_string(format!("{dir}/MANIFEST.tsv")).unwrap();
    let edition = Checklist::parse(include_str!(
        "../content/editions/builtin-checklist-2026.1.json"
    ))
    .expect("the 2026.1 edition parses");
    let mut checked = 0;
    for line in manifest.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols[1] != "Ok" {
            continue;
        }
        let bytes = std::fs::read(format!("{dir}/reports/{}", cols[0])).unwrap();
        // The corpus was written with the 2026.1 edition: written again with it.
        let i = import(&bytes, &[&edition]).unwrap();
        let (r, json) = report::export(&edition, &i.assessment, &i.stated.exported_at);
        let mut r2 = r.clone();
        r2.checklist_definition = i.stated.checklist_definition.clone();
        r2.generator = i.stated.generator.clone();
        assert_eq!(
            Some(report::digest(&r2)),
            i.stated.integrity.as_ref().map(|x| x.digest.clone()),
            "{}",
            cols[0]
        );
        assert!(!json.contains("score_step"));
        checked += 1;
    }
    assert!(checked >= 3, "{checked} readable corpus reports");
}

#[test]
fn the_desk_reads_tenth_point_reports_exactly() {
    use selfcheck::model::desk::verdicts::{verdicts, Finding};
    use selfcheck::model::desk::Desk;
    let c = county();
    let report_of = |unit: &str, score: f64| {
        let mut a = Assessment::new(&c, UnitInfo::default(), 2027, "2027-01-01T00:00:00Z");
        a.unit.name = unit.into();
        for i in c.items() {
            a.apply(&c, Edit::Status(i.id.clone(), Status::Done));
        }
        a.apply(&c, Edit::Status("2.1".into(), Status::Partial));
        a.apply(&c, Edit::Score("2.1".into(), Some(score)));
        report::export_current(&c, &a).0
    };
    // b: 1.25 typed, off the step — the app exports the default 0.8 it counts;
    // then the file is edited by hand to carry 1.25 and sealed again.
    let mut b = report_of("X县绿水乡", 1.25);
    let at = b.answers.iter().position(|x| x.item_id == "2.1").unwrap();
    assert_eq!(
        b.answers[at].score,
        Some(0.8),
        "the export carries what counts"
    );
    b.answers[at].score = Some(1.25);
    let (_, b) = report::seal(b);
    let a = report::seal(report_of("X县青山镇", 1.2)).1;
    let mut desk = Desk::new();
    desk.add("a.json", a.as_bytes(), &[]);
    desk.add("b.json", b.as_bytes(), &[]);
    assert_eq!(desk.counts().counted, 2, "both read and counted");
    let group = &desk.groups()[0];
    assert!(group.embedded);
    assert_eq!(group.checklist.step(), step(0.1));
    let by_file = |f: &str| group.reports().iter().find(|r| r.file == f).expect("read");
    let (a, b) = (by_file("a.json"), by_file("b.json"));
    // 100 − 1.5 + 1.2 = 99.7, exactly; b's 1.25 is off the step: its default 0.8 counts.
    assert_eq!(a.tally.score.to_string(), "99.7");
    assert_eq!(b.tally.score.to_string(), "99.3");
    assert!(a.summary_matches && b.summary_matches);
    // Flagged on the desk, with the item's 序号.
    assert_eq!(
        (a.invalid_scores.clone(), b.invalid_scores.clone()),
        (vec![], vec![7])
    );
    let v = verdicts(&desk);
    let of = |f: &str| v.iter().find(|x| x.file == f).unwrap();
    assert!(of("b.json")
        .findings
        .contains(&Finding::InvalidScores(vec![7])));
    assert!(of("b.json").needs_attention());
    assert!(!of("a.json")
        .findings
        .iter()
        .any(|f| f.kind() == "invalid_scores"));
    assert!(of("b.json")
        .text(Lang::Zh)
        .contains("第7项的自评得分不符合评分规则"));
    // Neither is complete (部分落实 asks for a problem and a rectification), and
    // the off-step score is one more thing to correct only in b.
    let issues = |row: &selfcheck::model::desk::Row| {
        validate(&group.checklist, &row.assessment)
            .into_iter()
            .filter(|i| i.field == "score")
            .count()
    };
    assert_eq!((issues(a), issues(b)), (0, 1));
}

/// Issue 23: a self-score the app calls invalid (off the step, or outside
/// 0…分值) is never counted — not in the section, the total, the report's
/// `summary` and answers, nor the Word report's table — the default counts.
#[test]
fn a_score_the_app_calls_invalid_is_never_counted() {
    use selfcheck::model::report_doc::report_document;
    let c = county();
    let item = c.item("1.1").unwrap();
    assert_eq!(item.points, 6.0);
    let mut a = Assessment::new(&c, UnitInfo::default(), 2027, "t");
    a.apply(&c, Edit::Status("1.1".into(), Status::Done));
    let valid = summarize(&c, &a);
    for bad in [4.45, 6.5, -1.0] {
        let mut b = a.clone();
        b.apply(&c, Edit::Score("1.1".into(), Some(bad)));
        assert_eq!(
            b.answer("1.1").unwrap().score,
            Some(bad),
            "the draft keeps what was typed"
        );
        assert!(validate(&c, &b)
            .iter()
            .any(|i| i.item_id.as_deref() == Some("1.1") && i.field == "score"));
        assert_eq!(
            item_score(item, b.answer("1.1"), &c),
            Some(6.0),
            "{bad}: the default counts"
        );
        let scores = |s: &selfcheck::model::scoring::Summary| {
            let mut v: Vec<(f64, f64, f64)> = s
                .sections
                .iter()
                .map(|x| (x.tally.score, x.tally.max, x.tally.normalized))
                .collect();
            v.push((s.total.score, s.total.max, s.total.normalized));
            v
        };
        let s = summarize(&c, &b);
        assert_eq!(
            scores(&s),
            scores(&valid),
            "{bad}: section and total as with the default"
        );
        let r = report::build(&c, &b, "2027-01-05T10:00:00+08:00");
        assert_eq!(r.summary, s, "the report's summary is the one computed");
        assert_eq!(
            r.answers.iter().find(|x| x.item_id == "1.1").unwrap().score,
            Some(6.0)
        );
        let word = report_document(&c, &b, "2027-01-05", Lang::Zh).text();
        assert!(!word.contains(&bad.to_string()), "{bad} in the Word report");
    }
    // A valid score counts as typed.
    let mut v = a.clone();
    v.apply(&c, Edit::Score("1.1".into(), Some(4.4)));
    assert!((summarize(&c, &v).total.score - (valid.total.score - 1.6)).abs() < 1e-9);
}
