//! The reviewer desk's rule for several reports of one unit and year
//! (model/desk/resubmission.rs), every verdict for every file, and the
//! outcome's independence from the order files are read in.

use std::rc::Rc;

use selfcheck::fixtures::reports::generate_review_set;
use selfcheck::fixtures::resubmissions::{generate_resubmission_set, ALTERED_COPIES};
use selfcheck::model::desk::csv::files_csv;
use selfcheck::model::desk::dashboard::{dashboard, Dashboard};
use selfcheck::model::desk::natural::natural_cmp;
use selfcheck::model::desk::resubmission::{decide, instant, Basis, Candidate, ReportKey};
use selfcheck::model::desk::verdicts::{verdicts, Finding};
use selfcheck::model::desk::*;
use selfcheck::model::{Checklist, Lang};

const TOWNSHIP: &str = include_str!("../examples/township-checklist.json");

fn township() -> Checklist {
    Checklist::parse(TOWNSHIP).expect("the example checklist is valid")
}

fn library() -> Vec<Rc<Checklist>> {
    vec![Rc::new(Checklist::builtin().clone())]
}

fn cand<'a>(exported: &'a str, verified: bool, content: &'a str, file: &'a str) -> Candidate<'a> {
    Candidate {
        exported_at: exported,
        updated_at: exported,
        verified,
        content_id: content,
        file,
    }
}

#[test]
fn timestamps_compare_as_instants_whatever_the_offset() {
    assert_eq!(
        instant("2027-02-20T16:30:00+08:00"),
        instant("2027-02-20T08:30:00Z")
    );
    assert_eq!(instant("1970-01-01T00:00:00Z"), Some((0, 0)));
    assert_eq!(instant("2000-03-01T00:00:00Z"), Some((951_868_800, 0)));
    assert_eq!(
        instant("2027-02-20T08:30:00.25Z"),
        Some((instant("2027-02-20T08:30:00Z").unwrap().0, 250_000_000))
    );
    assert!(instant("2027-02-20T16:30:01+08:00") > instant("2027-02-20T08:30:00Z"));
    for bad in [
        "",
        "2027-02-20",
        "2027-02-20T16:30:00",
        "2027-13-01T00:00:00Z",
        "2027-02-20T16:30:00+0800",
        "昨天",
        "2027-02-20T16:30:00Zjunk",
    ] {
        assert_eq!(instant(bad), None, "{bad}");
    }
}

#[test]
fn the_newest_verified_report_counts() {
    let r = [
        cand("2027-02-01T10:00:00+08:00", true, "a", "a.json"),
        cand("2027-03-01T10:00:00+08:00", true, "b", "b.json"),
        cand("2027-02-15T10:00:00+08:00", true, "c", "c.json"),
    ];
    let d = decide(&r, None);
    assert_eq!((d.counted, d.basis), (1, Basis::Newest));
    assert_eq!(d.order, [1, 2, 0]);
    // One report: it counts, whatever its check.
    let d = decide(&r[..1], None);
    assert_eq!((d.counted, d.basis), (0, Basis::Only));
    let d = decide(&[cand("x", false, "a", "a.json")], None);
    assert_eq!((d.counted, d.basis), (0, Basis::Only));
}

#[test]
fn at_equal_times_the_verified_copy_counts() {
    // A genuine report and a copy edited after download: same times.
    let t = "2027-02-20T16:30:00+08:00";
    for r in [
        [
            cand(t, false, "z", "a (1).json"),
            cand(t, true, "y", "a.json"),
        ],
        [
            cand(t, true, "y", "a.json"),
            cand(t, false, "z", "a (1).json"),
        ],
    ] {
        let d = decide(&r, None);
        assert_eq!(r[d.counted].file, "a.json");
        assert_eq!(d.basis, Basis::Newest);
    }
}

#[test]
fn a_newest_report_that_does_not_verify_waits_for_the_reviewer() {
    let r = [
        cand("2027-02-01T10:00:00+08:00", true, "a", "a.json"),
        cand("2027-03-15T09:00:00+08:00", false, "b", "a（修改）.json"),
        cand("2027-01-01T10:00:00+08:00", true, "c", "old.json"),
    ];
    let d = decide(&r, None);
    assert_eq!((d.counted, d.basis), (0, Basis::AwaitingChoice));
    assert_eq!(d.order, [1, 0, 2]);
    // The reviewer's choice counts, even the unverified one.
    let chosen = ReportKey {
        file: "a（修改）.json".into(),
        content_id: "b".into(),
    };
    let d = decide(&r, Some(&chosen));
    assert_eq!((d.counted, d.basis), (1, Basis::Chosen));
    // A choice naming no report here changes nothing.
    let gone = ReportKey {
        file: "a（修改）.json".into(),
        content_id: "other".into(),
    };
    assert_eq!(decide(&r, Some(&gone)).basis, Basis::AwaitingChoice);
    // None verifies: the newest counts until the reviewer chooses.
    let r = [
        cand("2027-02-01T10:00:00+08:00", false, "a", "a.json"),
        cand("2027-03-01T10:00:00+08:00", false, "b", "b.json"),
    ];
    let d = decide(&r, None);
    assert_eq!((d.counted, d.basis), (1, Basis::AwaitingChoice));
}

#[test]
fn unparseable_times_are_oldest_and_copies_order_by_name() {
    let r = [
        cand("soon", true, "a", "a.json"),
        cand("2020-01-01T00:00:00Z", true, "b", "b.json"),
    ];
    assert_eq!(decide(&r, None).counted, 1);
    // The same content under two names: the shorter name counts.
    let t = "2027-02-20T16:30:00+08:00";
    let r = [
        cand(t, true, "x", "报告 - 副本.json"),
        cand(t, true, "x", "报告.json"),
    ];
    assert_eq!(decide(&r, None).counted, 1);
}

#[test]
fn units_sort_in_natural_order() {
    let mut names = vec![
        "第20号",
        "第3号",
        "第03号",
        "乙镇",
        "甲镇",
        "第１０号",
        "第3号a",
    ];
    names.sort_by(|a, b| natural_cmp(a, b));
    assert_eq!(
        names,
        [
            "乙镇",
            "甲镇",
            "第03号",
            "第3号",
            "第3号a",
            "第１０号",
            "第20号"
        ]
    );
}

/// Reads `files` in chunks of `chunk` (as the page does: read, hash, add),
/// starting a new pick (a copy of the desk, as after a second selection) every `pick` chunks.
fn read_in_chunks(files: &[(String, Vec<u8>)], chunk: usize, pick: usize) -> Desk {
    let lib = library();
    let mut desk = Desk::new();
    for (n, part) in files.chunks(chunk).enumerate() {
        if n % pick == 0 {
            desk = desk.clone();
        }
        let read: Vec<_> = part.iter().map(|(_, b)| Desk::read(b, &lib)).collect();
        for ((name, _), r) in part.iter().zip(read) {
            desk.add_read(name, r.map(|u| u.finish(None)), &lib);
        }
    }
    desk
}

/// A dashboard without the report indices (which depend on the order read).
fn plain(mut d: Dashboard) -> Dashboard {
    d.overdue.iter_mut().for_each(|o| o.report = 0);
    d.not_started.iter_mut().for_each(|n| n.report = 0);
    d
}

/// Everything the desk shows, as it is compared between orders.
fn outcome(desk: &Desk) -> (Vec<String>, Vec<Dashboard>) {
    let mut texts = Vec::new();
    let mut dashes = Vec::new();
    for g in desk.groups_by_size() {
        let g = &desk.groups()[g];
        for lang in [Lang::Zh, Lang::En] {
            texts.push(units_csv(g, lang));
            texts.push(matrix_csv(g, lang));
            texts.push(rectifications_csv(g, "2027-09-01", lang));
        }
        texts.push(format!("{:?}", matrix(g)));
        dashes.push(plain(dashboard(g, "2027-09-01")));
    }
    texts.push(files_csv(desk, Lang::Zh));
    texts.push(format!("{:?}", desk.counts()));
    let v: Vec<(String, String)> = verdicts(desk)
        .iter()
        .map(|v| (v.file.clone(), v.text(Lang::Zh)))
        .collect();
    texts.push(format!("{v:?}"));
    (texts, dashes)
}

/// A seeded shuffle (Fisher–Yates with a small LCG).
fn shuffled<T: Clone>(xs: &[T], seed: u64) -> Vec<T> {
    let mut out = xs.to_vec();
    let mut s = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    for i in (1..out.len()).rev() {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = (s >> 33) as usize % (i + 1);
        out.swap(i, j);
    }
    out
}

#[test]
fn the_outcome_is_the_same_in_any_order_and_any_chunks() {
    let other = township();
    let (mut files, _) = generate_resubmission_set(3, &other);
    files.extend(generate_review_set(20, 9, &other));
    let reference = outcome(&read_in_chunks(&files, 50, 1));
    let mut reversed = files.clone();
    reversed.reverse();
    let orders = [
        (reversed, 7, 2),
        (shuffled(&files, 1), 1, 5),
        (shuffled(&files, 2), 13, 1),
        (shuffled(&files, 3), 50, 1),
        (shuffled(&files, 4), 3, 3),
    ];
    for (i, (order, chunk, pick)) in orders.iter().enumerate() {
        assert_ne!(order, &files, "order {i} is another order");
        let got = outcome(&read_in_chunks(order, *chunk, *pick));
        assert_eq!(got.1, reference.1, "dashboards, order {i}");
        for (a, b) in got.0.iter().zip(&reference.0) {
            assert_eq!(a, b, "order {i}, chunks of {chunk}");
        }
    }
}

#[test]
fn every_file_has_every_verdict_and_the_right_report_counts() {
    let other = township();
    let (files, expected) = generate_resubmission_set(3, &other);
    assert!(files.len() > 40, "{}", files.len());
    let desk = read_in_chunks(&files, 50, 1);
    let all = verdicts(&desk);
    assert_eq!(all.len(), files.len());
    for v in &all {
        let mut kinds: Vec<&str> = v.findings.iter().map(Finding::kind).collect();
        kinds.sort_unstable();
        assert_eq!(
            kinds,
            expected.findings[&v.file],
            "{}: {}",
            v.file,
            v.text(Lang::Zh)
        );
    }
    let mut counted = std::collections::BTreeMap::new();
    for g in desk.groups() {
        for (_, r) in g.counted() {
            let key = (r.unit.name.trim().to_string(), r.year);
            assert!(counted.insert(key, r.file.clone()).is_none());
        }
    }
    assert_eq!(counted, expected.counted);
    let altered_copies = all
        .iter()
        .filter(|v| v.file.ends_with(" (1).json"))
        .filter(|v| v.findings.contains(&Finding::Altered) && !v.counted())
        .count();
    assert_eq!(altered_copies, ALTERED_COPIES);
    let c = desk.counts();
    assert_eq!(c.awaiting, 1);
    assert_eq!(c.files, files.len());
    assert_eq!(c.counted, expected.counted.len());
    let attention = expected
        .findings
        .values()
        .filter(|k| {
            k.iter().any(|k| {
                !matches!(
                    *k,
                    "superseded" | "same_content" | "other_counted" | "chosen"
                )
            })
        })
        .count();
    assert_eq!(c.attention, attention);
}

#[test]
fn the_reviewers_choice_counts_is_remembered_and_shown_in_the_csv() {
    let other = township();
    let (files, expected) = generate_resubmission_set(3, &other);
    let (unit, year, newest, fallback) = expected.awaiting.clone();
    let mut desk = read_in_chunks(&files, 50, 1);
    let gi = desk.groups_by_size()[0];
    let g = &desk.groups()[gi];
    let slot = g
        .slots()
        .find(|s| s.unit_year.unit == unit && s.unit_year.year == year)
        .unwrap();
    assert!(slot.awaiting_choice());
    assert_eq!(g.report(slot.counted).file, fallback);
    assert_eq!(g.report(slot.reports[0]).file, newest);
    let csv = units_csv(g, Lang::Zh);
    let line = csv.lines().find(|l| l.starts_with(&unit)).unwrap();
    assert!(
        line.ends_with(",待审阅人确认：2份中最新的一份未通过核验，暂用此份"),
        "{line}"
    );
    let pick = slot.reports[0];
    desk.choose(gi, pick);
    let g = &desk.groups()[gi];
    let slot = g.slot_of(pick).unwrap();
    assert_eq!((slot.counted, slot.basis), (pick, Basis::Chosen));
    assert_eq!(desk.counts().awaiting, 0);
    let line = units_csv(g, Lang::Zh)
        .lines()
        .find(|l| l.starts_with(&unit))
        .unwrap()
        .to_string();
    assert!(
        line.contains(&format!(",{newest},审阅人选定（共2份）")),
        "{line}"
    );
    let all = verdicts(&desk);
    let kinds = |f: &str| -> Vec<&str> {
        all.iter()
            .find(|v| v.file == f)
            .unwrap()
            .findings
            .iter()
            .map(Finding::kind)
            .collect()
    };
    assert_eq!(kinds(&newest), ["altered", "chosen"]);
    assert_eq!(kinds(&fallback), ["superseded"]);
    assert!(files_csv(&desk, Lang::Zh).contains("审阅人选定采用本份"));
    // Cleared and read again (in another order), the choice still holds.
    let mut again = desk.cleared();
    assert_eq!(again.files(), 0);
    let mut reversed = files.clone();
    reversed.reverse();
    for (name, bytes) in &reversed {
        again.add(name, bytes, &library());
    }
    let g = &again.groups()[again.groups_by_size()[0]];
    let slot = g.slots().find(|s| s.unit_year.unit == unit).unwrap();
    assert_eq!(g.report(slot.counted).file, newest);
    assert_eq!(slot.basis, Basis::Chosen);
}

#[test]
fn an_invalid_file_still_says_it_was_altered_and_whose_it_is() {
    let other = township();
    let (files, _) = generate_resubmission_set(3, &other);
    let desk = read_in_chunks(&files, 50, 1);
    let v = verdicts(&desk)
        .into_iter()
        .find(|v| v.file.ends_with(" (2).json"))
        .unwrap();
    assert!(matches!(
        v.findings[0],
        Finding::Invalid(selfcheck::model::import::ImportError::ScoreOutOfRange { .. })
    ));
    assert_eq!(v.findings[1], Finding::Altered);
    assert!(
        matches!(&v.findings[2], Finding::OtherCounted { counted } if counted.zh == files[0].0)
    );
    assert!(v.needs_attention());
    let zh = v.text(Lang::Zh);
    assert!(
        zh.contains("得分超出范围") && zh.contains("文件内容与数字指纹不符"),
        "{zh}"
    );
}
