//! The reviewer desk (汇总审阅): sorting many report files into groups,
//! rejected and flagged; the units table, duty matrix and rectification
//! tracker with their CSV exports; the report-set generator.

use std::collections::HashSet;
use std::rc::Rc;

use selfcheck::fixtures::reports::*;
use selfcheck::fixtures::sample::sample_assessment;
use selfcheck::model::assessment::Assessment;
use selfcheck::model::desk::verdicts;
use selfcheck::model::desk::*;
use selfcheck::model::import::{import, DigestCheck, ImportError};
use selfcheck::model::report;
use selfcheck::model::scoring;
use selfcheck::model::{Checklist, Lang, Status, UnitType, UnitYear};
use serde_json::Value;

const TOWNSHIP: &str = include_str!("../examples/township-checklist.json");

fn township() -> Checklist {
    Checklist::parse(TOWNSHIP).expect("the example checklist is valid")
}

/// A report of `c` from the sample assessment with another unit name and year.
fn report_of(c: &Checklist, name: &str, year: i32, edit: impl FnOnce(&mut Assessment)) -> Vec<u8> {
    let mut a = sample_assessment(c);
    a.unit.name = name.into();
    a.year = year;
    edit(&mut a);
    report::export_current(c, &a).1.into_bytes()
}

fn desk_of(files: &[(String, Vec<u8>)], known: &[&Checklist]) -> Desk {
    let known: Vec<Rc<Checklist>> = known.iter().map(|c| Rc::new((*c).clone())).collect();
    let mut d = Desk::new();
    for (name, bytes) in files {
        d.add(name, bytes, &known);
    }
    d
}

/// The reviewer's checklists as the desk takes them (shared, as in the app).
fn shared(c: &Checklist) -> [Rc<Checklist>; 1] {
    [Rc::new(c.clone())]
}

/// A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF records).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let s = s.strip_prefix('\u{FEFF}').expect("starts with a BOM");
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR only before LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => {
                assert!(c != '\n' && c != '"', "bare {c:?} outside quotes");
                field.push(c);
            }
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "ends with CRLF"
    );
    records
}

const N: usize = 30;

#[test]
fn a_review_set_is_sorted_into_groups_with_every_file_accounted_for() {
    let builtin = Checklist::builtin();
    // One shared definition for every file, as the app passes its library.
    let builtin_shared = shared(builtin);
    let other = township();
    let set = generate_review_set(N, 7, &other);
    assert_eq!(set.len(), N + 10);
    let mut desk = Desk::new();
    for (name, bytes) in &set {
        desk.add(name, bytes, &builtin_shared);
    }
    let c = desk.counts();
    assert_eq!(c.files, N + 10);
    // N valid (2 of them superseded by the corrections) + 3 altered + 2 corrections + 2 township.
    assert_eq!((c.counted, c.superseded, c.invalid), (N + 5, 2, 3));
    // 3 altered, 3 invalid, 2 of a checklist not loaded.
    assert_eq!(c.attention, 8);
    assert_eq!(c.awaiting, 0);

    // Two groups, never mixed: the built-in checklist and the embedded township one.
    let groups = desk.groups();
    assert_eq!(groups.len(), 2);
    let order = desk.groups_by_size();
    let (b, t) = (&groups[order[0]], &groups[order[1]]);
    assert_eq!(b.reference, builtin.reference());
    assert!(!b.embedded);
    assert_eq!(b.len(), N + 3);
    assert_eq!(b.reports().len(), N + 5);
    assert_eq!(t.reference, other.reference());
    assert_eq!(*t.checklist, other);
    assert!(t.embedded);
    assert_eq!(t.len(), 2);
    for g in groups {
        let items = g.checklist.items().count();
        assert!(g.reports().iter().all(|r| r.statuses.len() == items));
        assert!(g.reports().iter().all(|r| r.summary_matches));
    }

    let all = verdicts::verdicts(&desk);
    assert_eq!(all.len(), N + 10, "one verdict per file");
    let kinds = |file: &str| -> Vec<&str> {
        let v = all.iter().find(|v| v.file == file).unwrap();
        v.findings.iter().map(Finding::kind).collect()
    };
    // Invalid: import's own reasons.
    let invalid: Vec<&ImportError> = desk.invalid().iter().map(|i| &i.error).collect();
    assert_eq!(invalid.len(), 3);
    assert!(invalid.contains(&&ImportError::Truncated));
    assert!(invalid
        .iter()
        .any(|e| matches!(e, ImportError::NotJson { .. })));
    assert!(invalid
        .iter()
        .any(|e| matches!(e, ImportError::Field { path, .. } if path == "year")));
    for (name, _) in &set[N + 3..N + 6] {
        assert_eq!(kinds(name)[0], "invalid", "{name}");
    }
    // The corrections count; the first reports are superseded, naming them.
    for d in 0..2 {
        let (first, correction) = (&set[d].0, &set[N + 6 + d].0);
        assert!(correction.ends_with(" (1).json"));
        assert_eq!(kinds(correction), Vec::<&str>::new());
        assert_eq!(kinds(first), ["superseded"]);
        let v = all.iter().find(|v| &v.file == first).unwrap();
        assert!(!v.counted());
        assert!(
            v.text(Lang::Zh).contains(correction.as_str()),
            "{}",
            v.text(Lang::Zh)
        );
        assert!(b.counted().any(|(_, r)| &r.file == correction));
        assert!(!b.counted().any(|(_, r)| &r.file == first));
    }
    // Altered reports still count for their unit, marked ✗, with the
    // reason, but are left out of the figures (issue 23).
    for (name, _) in &set[N..N + 3] {
        assert_eq!(kinds(name), ["altered", "left_out"]);
        let row = b
            .counted()
            .map(|(_, r)| r)
            .find(|r| &r.file == name)
            .unwrap();
        assert_eq!(row.digest, DigestStatus::Mismatch);
        assert!(fingerprint_cell(row, Lang::Zh).starts_with("✗ 不符 "));
        assert!(!b.figures().any(|(_, r)| &r.file == name));
    }
    assert_eq!(b.figures().count(), b.counted().count() - 3);
    let v = all.iter().find(|v| v.file == set[N].0).unwrap();
    assert_eq!(
        v.text(Lang::Zh),
        "文件内容与数字指纹不符，可能已被修改；未通过核验，未计入平均分、排名、图表和汇总"
    );
    for (name, _) in &set[N + 8..] {
        assert_eq!(kinds(name), ["checklist_not_loaded"]);
    }
}

#[test]
fn a_known_checklist_is_used_instead_of_the_embedded_one() {
    let other = township();
    let set = generate_review_set(4, 3, &other);
    let desk = desk_of(&set, &[Checklist::builtin(), &other]);
    assert_eq!(desk.groups().len(), 2);
    assert!(!desk.groups()[1].embedded);
    assert_eq!(desk.groups()[1].reference, other.reference());
    assert_eq!(desk.groups()[1].len(), 2);
}

#[test]
fn unit_year_is_the_trimmed_unit_name_and_the_year() {
    let c = Checklist::builtin();
    let mut a = sample_assessment(c);
    a.unit.name = "\u{3000} X县青山镇人民政府 \t".into();
    a.year = 2026;
    let key = a.unit_year();
    assert_eq!(
        key,
        UnitYear {
            unit: "X县青山镇人民政府".into(),
            year: 2026
        }
    );
    // The same unit once trimmed, whoever filled it in: the same key.
    let mut b = sample_assessment(c);
    b.unit.name = "X县青山镇人民政府".into();
    b.unit.head_name = "另一人".into();
    b.year = 2026;
    assert_eq!(b.unit_year(), key);
    let set: HashSet<UnitYear> = [a.unit_year(), b.unit_year()].into_iter().collect();
    assert_eq!(set.len(), 1);
    // Another year, or another unit: another key.
    b.year = 2025;
    assert_ne!(b.unit_year(), key);
    assert!(b.unit_year() < key, "ordered by unit, then year");
    b.year = 2026;
    b.unit.name = "X县石河镇人民政府".into();
    assert_ne!(b.unit_year(), key);
    // Inner spaces are part of the name.
    b.unit.name = "X县青山镇 人民政府".into();
    assert_ne!(b.unit_year(), key);
}

#[test]
fn several_reports_are_by_trimmed_unit_name_and_year_within_a_checklist() {
    let c = Checklist::builtin();
    let other = township();
    let mut desk = Desk::new();
    let name = "X县青山镇人民政府";
    desk.add("a.json", &report_of(c, name, 2026, |_| {}), &shared(c));
    // Another year of the same unit, and the same unit and year in another checklist.
    desk.add("b.json", &report_of(c, name, 2025, |_| {}), &shared(c));
    desk.add("c.json", &report_of(&other, name, 2026, |_| {}), &shared(c));
    assert_eq!(desk.accepted(), 3);
    // Same name once trimmed (an ideographic space too), same year, exported later: it counts.
    let bytes = report_of(c, "\u{3000} X县青山镇人民政府 ", 2026, |a| {
        a.unit.head_name = "另一人".into();
        a.updated_at = "2027-03-01T10:00:00+08:00".into();
    });
    desk.add("d.json", &bytes, &shared(c));
    assert_eq!(desk.accepted(), 3);
    let g = &desk.groups()[0];
    let counted: Vec<&str> = g.counted().map(|(_, r)| r.file.as_str()).collect();
    assert_eq!(counted, ["b.json", "d.json"], "2025 before 2026");
    let all = verdicts::verdicts(&desk);
    let a = all.iter().find(|v| v.file == "a.json").unwrap();
    assert_eq!(
        a.text(Lang::Zh),
        "同一单位、同一年度已按导出时间最晚且核验一致的规则采用“d.json”，本份未计入"
    );
    // Even a byte-identical second copy is listed, never silently merged.
    desk.add("d - 副本.json", &bytes, &shared(c));
    assert_eq!(desk.counts().superseded, 2);
    assert_eq!(desk.accepted(), 3);
    let all = verdicts::verdicts(&desk);
    let copy = all.iter().find(|v| v.file == "d - 副本.json").unwrap();
    assert_eq!(
        copy.findings,
        [Finding::SameContent {
            counted: selfcheck::model::Text::new("d.json", "d.json")
        }]
    );
    assert!(!copy.needs_attention());
    // Only c.json needs attention: its checklist is not among those loaded.
    assert_eq!(desk.counts().attention, 1);
}

#[test]
fn unreadable_files_are_listed_with_their_reason() {
    let c = Checklist::builtin();
    let mut desk = Desk::new();
    for (name, bytes) in [
        ("empty.json", &b""[..]),
        ("photo.png", &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..]),
        ("gbk.json", &b"{\"format\": \"\xd7\xd4\xb2\xe9\"}"[..]),
        ("array.json", &b"[1, 2]"[..]),
    ] {
        desk.add(name, bytes, &shared(c));
    }
    let kinds: Vec<_> = desk.invalid().iter().map(|r| r.error.clone()).collect();
    assert_eq!(
        kinds,
        [
            ImportError::Empty,
            ImportError::Binary,
            ImportError::NotUtf8,
            ImportError::NotAnObject
        ]
    );
    assert_eq!(
        desk.invalid()[0].error.message().tr(Lang::Zh),
        "文件是空的，没有任何内容。"
    );
    assert!(desk.invalid().iter().all(|i| i.partial.is_none()));
    assert!(desk.groups().is_empty());
}

#[test]
fn an_unreadable_file_is_rejected_as_unreadable_not_as_empty() {
    let c = Checklist::builtin();
    let mut desk = Desk::new();
    desk.add(
        "a.json",
        &report_of(c, "X县青山镇人民政府", 2026, |_| {}),
        &shared(c),
    );
    desk.add_unreadable("b.json", "NotReadableError");
    assert_eq!(desk.files(), 2);
    assert_eq!(desk.accepted(), 1);
    let r = &desk.invalid()[0];
    assert_eq!(r.file, "b.json");
    assert_eq!(
        r.error,
        ImportError::Unreadable {
            detail: "NotReadableError".into()
        }
    );
    let zh = r.error.message().tr(Lang::Zh);
    assert!(zh.contains("无法读取"), "{zh}");
    assert!(zh.contains("NotReadableError"), "{zh}");
    assert!(!zh.contains("文件是空的"), "{zh}");
    let en = r.error.message().tr(Lang::En);
    assert!(en.contains("could not be read"), "{en}");
    assert!(!en.contains("empty"), "{en}");
    // An empty file that was read is still "empty".
    desk.add("c.json", b"", &shared(c));
    assert_eq!(
        desk.invalid()[1].error.message().tr(Lang::Zh),
        "文件是空的，没有任何内容。"
    );
}

#[test]
fn a_report_without_fingerprint_or_with_a_wrong_summary_is_flagged() {
    let c = Checklist::builtin();
    let mut v: Value = serde_json::from_slice(&report_of(c, "X县司法局", 2026, |_| {})).unwrap();
    v.as_object_mut().unwrap().remove("integrity");
    v["summary"]["total"]["normalized"] = 99.5.into();
    let mut desk = Desk::new();
    desk.add("unsealed.json", v.to_string().as_bytes(), &shared(c));
    let row = desk.groups()[0].report(0);
    assert_eq!(row.digest, DigestStatus::Missing);
    assert!(row.fingerprint.is_empty());
    assert!(!row.summary_matches);
    let computed = scoring::summarize(c, &sample_assessment(c)).total;
    assert_eq!(row.tally, computed, "the stated summary is not trusted");
    assert_eq!(fingerprint_cell(row, Lang::Zh), "— 无");
    let all = verdicts::verdicts(&desk);
    assert_eq!(
        all[0].findings,
        [
            Finding::NoFingerprint,
            Finding::ScoreInconsistent,
            Finding::LeftOut
        ]
    );
    // Listed, but not in the figures until the reviewer counts it.
    let g = &desk.groups()[0];
    assert_eq!((g.counted().count(), g.figures().count()), (1, 0));
    desk.choose(0, 0);
    let g = &desk.groups()[0];
    assert_eq!(g.figures().count(), 1, "counted once the reviewer says so");
    assert!(!verdicts::verdicts(&desk)[0]
        .findings
        .contains(&Finding::LeftOut));
    assert_eq!(
        desk.counts().attention,
        1,
        "one file, whatever its findings"
    );
}

#[test]
fn units_csv_has_bom_headers_and_one_row_per_report() {
    let set = generate_reports(25, 11);
    let desk = desk_of(&set, &[Checklist::builtin()]);
    let g = &desk.groups()[0];
    let csv = units_csv(g, Lang::Zh);
    assert!(csv.starts_with(
        "\u{FEFF}单位,类型,第一责任人,年度,完成度,得分,等级,未落实,部分落实,佐证材料（条）,数字指纹,报告文件,采用依据\r\n"
    ));
    assert!(csv.as_bytes().starts_with(b"\xEF\xBB\xBF"));
    let records = parse_csv(&csv);
    assert_eq!(records.len(), 26);
    for (rec, (_, row)) in records[1..].iter().zip(g.counted()) {
        assert_eq!(rec.len(), 13);
        assert_eq!(rec[0], row.unit.name);
        assert_eq!(rec[1], row.unit.unit_type.label().tr(Lang::Zh));
        assert_eq!(rec[3], row.year.to_string());
        assert_eq!(rec[6], row.tally.grade.zh);
        assert_eq!(rec[7], row.tally.counts.not_done.to_string());
        assert_eq!(rec[8], row.tally.counts.partial.to_string());
        assert_eq!(rec[9], evidence_count(&row.assessment).to_string());
        assert_eq!(rec[10], format!("✓ 一致 {}", &row.fingerprint[..16]));
        assert_eq!(rec[11], row.file);
        assert_eq!(rec[12], "唯一一份");
        let score: f64 = rec[5].parse().unwrap();
        assert!((score - row.tally.normalized).abs() < 1e-9);
        assert!(rec[4].ends_with('%'));
    }
    let en = units_csv(g, Lang::En);
    assert!(en.starts_with(
        "\u{FEFF}Unit,Type,First responsible person,Year,Completion,Score,Grade,Not done,Partly done,Evidence (entries),Fingerprint,Report file,Why this report\r\n"
    ));
    assert_eq!(parse_csv(&en).len(), 26);
}

#[test]
fn units_csv_row_of_the_sample_report_is_exact() {
    let c = Checklist::builtin();
    let a = sample_assessment(c);
    let (sealed, json) = report::export_current(c, &a);
    let mut desk = Desk::new();
    desk.add("sample.json", json.as_bytes(), &shared(c));
    let t = scoring::summarize(c, &a).total;
    let fp = &sealed.integrity.unwrap().digest[..16];
    let line = units_csv(&desk.groups()[0], Lang::Zh)
        .split("\r\n")
        .nth(1)
        .unwrap()
        .to_string();
    let score = format!("{:.2}", t.normalized);
    let score = score.trim_end_matches('0').trim_end_matches('.');
    let evidence = evidence_count(&a);
    assert!(evidence > 0);
    assert_eq!(
        line,
        format!(
            "X县青山镇人民政府,乡镇（街道）,李明（镇长）,2026,100%,{score},{},{},{},{evidence},✓ 一致 {fp},sample.json,唯一一份",
            t.grade.zh, t.counts.not_done, t.counts.partial
        )
    );
}

#[test]
fn csv_fields_are_quoted_and_formulas_defused() {
    let c = Checklist::builtin();
    let name = "X县\"青山\",镇\n人民政府";
    let bytes = report_of(c, name, 2026, |a| {
        a.unit.head_name = "=HYPERLINK(\"http://x\")".into();
        a.unit.head_title = String::new();
    });
    let mut desk = Desk::new();
    desk.add("q.json", &bytes, &shared(c));
    let csv = units_csv(&desk.groups()[0], Lang::Zh);
    assert!(
        csv.contains(
            "\r\n\"X县\"\"青山\"\",镇\n人民政府\",乡镇（街道）,\"'=HYPERLINK(\"\"http://x\"\")\",2026,"
        ),
        "{csv}"
    );
    let records = parse_csv(&csv);
    assert_eq!(records.len(), 2);
    assert_eq!(records[1][0], name);
    assert_eq!(records[1][2], "'=HYPERLINK(\"http://x\")");
    // The matrix header carries the unit name, quoted the same way.
    let m = parse_csv(&matrix_csv(&desk.groups()[0], Lang::Zh));
    assert_eq!(m[0][5], name);
}

#[test]
fn matrix_rates_count_applicable_units_only() {
    let c = Checklist::builtin();
    let ids: Vec<String> = c.items().map(|i| i.id.clone()).collect();
    let first = [
        Some(Status::Done),
        Some(Status::Done),
        Some(Status::Partial),
        Some(Status::NotApplicable),
    ];
    let mut desk = Desk::new();
    for (u, s) in first.iter().enumerate() {
        let bytes = report_of(c, &format!("单位{u}"), 2026, |a| {
            let ans = a.answers.get_mut(&ids[0]).unwrap();
            ans.status = *s;
            ans.score = None;
            a.answers.remove(&ids[1]);
            a.answers.get_mut(&ids[2]).unwrap().status = Some(Status::NotApplicable);
            a.answers.get_mut(&ids[2]).unwrap().na_reason = "无".into();
        });
        desk.add(&format!("{u}.json"), &bytes, &shared(c));
    }
    let g = &desk.groups()[0];
    assert_eq!(g.len(), 4);
    let m = matrix(g);
    assert_eq!(m.len(), 52);
    assert_eq!(m[0].item_id, ids[0]);
    assert_eq!(m[0].number, 1);
    assert_eq!(m[0].duty, c.items().next().unwrap().duty);
    assert_eq!(
        (
            m[0].counts.done,
            m[0].counts.partial,
            m[0].counts.not_applicable
        ),
        (2, 1, 1)
    );
    assert!((m[0].done_rate.unwrap() - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(m[0].applicable, 3, "不适用 leaves the denominator");
    assert_eq!(m[1].counts.unanswered, 4);
    assert_eq!(m[1].done_rate, Some(0.0));
    assert_eq!(m[2].counts.not_applicable, 4);
    assert_eq!(m[2].done_rate, None);
    assert!(m.iter().all(|r| r.counts.total() == 4));

    let csv = matrix_csv(g, Lang::Zh);
    assert!(csv.starts_with(
        "\u{FEFF}序号,检查事项,已落实率,已落实单位数,适用单位数,单位0,单位1,单位2,单位3\r\n"
    ));
    let records = parse_csv(&csv);
    assert_eq!(records.len(), 53);
    assert_eq!(
        records[1],
        [
            "1",
            c.items().next().unwrap().duty.zh.as_str(),
            "66.7%",
            "2",
            "3",
            "已落实",
            "已落实",
            "部分落实",
            "不适用"
        ]
    );
    assert_eq!(
        records[2][2..],
        ["0%", "0", "4", "未作答", "未作答", "未作答", "未作答"]
    );
    assert_eq!(records[3][2..5], ["—", "0", "0"]);
    let en = parse_csv(&matrix_csv(g, Lang::En));
    assert_eq!(en[0][..3], ["No.", "Duty", "Done rate"]);
    assert_eq!(
        en[1][5..],
        ["Done", "Done", "Partly done", "Not applicable"]
    );
    assert_eq!(en[2][5], "Unanswered");
}

#[test]
fn unit_labels_add_the_year_when_a_name_repeats() {
    let c = Checklist::builtin();
    let mut desk = Desk::new();
    desk.add("a", &report_of(c, "X县司法局", 2025, |_| {}), &shared(c));
    desk.add("b", &report_of(c, "X县司法局", 2026, |_| {}), &shared(c));
    desk.add("c", &report_of(c, "X县教育局", 2026, |_| {}), &shared(c));
    let g = &desk.groups()[0];
    assert_eq!(
        unit_labels(g, Lang::Zh),
        [
            "X县司法局（2025年度）",
            "X县司法局（2026年度）",
            "X县教育局"
        ]
    );
    assert_eq!(unit_labels(g, Lang::En)[0], "X县司法局 (2025)");
}

#[test]
fn overdue_means_a_valid_past_deadline_of_an_open_item() {
    let c = Checklist::builtin();
    let ids: Vec<String> = c.items().map(|i| i.id.clone()).collect();
    let a = sample_assessment(c);
    // The sample answers item 4 and 13 部分落实, 7 and 16 未落实, 0 已落实.
    for (i, s) in [
        (0, Status::Done),
        (4, Status::Partial),
        (7, Status::NotDone),
        (13, Status::Partial),
        (16, Status::NotDone),
    ] {
        assert_eq!(a.status(&ids[i]), Some(s));
    }
    let bytes = report_of(c, "X县青山镇人民政府", 2026, |a| {
        let mut due = |i: usize, d: &str| {
            a.answers.get_mut(&ids[i]).unwrap().rectification.due = d.into();
        };
        due(4, "2027-02-28");
        due(7, "2027-03-01");
        due(13, "2027-02-30");
        due(16, "2026-12-31");
        due(0, "2020-01-01");
    });
    let mut desk = Desk::new();
    desk.add("r.json", &bytes, &shared(c));
    let g = &desk.groups()[0];
    let rect = rectifications(g, "2027-03-01");
    let open = a
        .answers
        .values()
        .filter(|x| x.status.is_some_and(|s| s.needs_rectification()))
        .count();
    assert_eq!(rect.len(), open);
    assert!(
        rect.iter().all(|r| r.item_id != ids[0]),
        "已落实 items are not listed"
    );
    let by = |i: usize| rect.iter().find(|r| r.item_id == ids[i]).unwrap();
    assert!(by(4).overdue);
    assert!(!by(7).overdue, "due today is not overdue");
    assert!(!by(13).overdue, "an invalid date is never overdue");
    assert!(by(16).overdue);
    assert_eq!(by(4).item_number, 5);
    assert_eq!(by(4).status, Status::Partial);
    assert_eq!(by(4).unit, "X县青山镇人民政府");
    assert_eq!(by(4).year, 2026);
    assert_eq!(by(4).problem, "制度执行不到位，记录不完整。");
    assert_eq!(by(4).owner, "张伟（分管副镇长）");
    assert_eq!(by(4).duty, c.item(&ids[4]).unwrap().duty);
    // The sample's other deadlines are 2027-06-30: not yet due.
    assert_eq!(rect.iter().filter(|r| r.overdue).count(), 2);
    assert_eq!(
        rectifications(g, "2027-03-01T09:00:00+08:00")
            .iter()
            .filter(|r| r.overdue)
            .count(),
        2
    );
    assert!(rectifications(g, "soon").iter().all(|r| !r.overdue));
    assert_eq!(
        rectifications(g, "2027-07-01")
            .iter()
            .filter(|r| r.overdue)
            .count(),
        open - 1,
        "all but the invalid date"
    );

    let csv = rectifications_csv(g, "2027-03-01", Lang::Zh);
    assert!(csv.starts_with(
        "\u{FEFF}单位,年度,序号,检查事项,自查结果,存在问题,整改措施,责任人,完成时限,是否逾期\r\n"
    ));
    let records = parse_csv(&csv);
    assert_eq!(records.len(), open + 1);
    let row4 = records.iter().find(|r| r[2] == "5").unwrap();
    assert_eq!(row4[0], "X县青山镇人民政府");
    assert_eq!(row4[4], "部分落实");
    assert_eq!(row4[8], "2027年2月28日");
    assert_eq!(row4[9], "是");
    let row14 = records.iter().find(|r| r[2] == "14").unwrap();
    assert_eq!(row14[8], "2027-02-30");
    assert_eq!(row14[9], "否");
    let en = parse_csv(&rectifications_csv(g, "2027-03-01", Lang::En));
    assert_eq!(
        en[0],
        [
            "Unit",
            "Year",
            "No.",
            "Duty",
            "Result",
            "Problem",
            "Measure",
            "Responsible",
            "Deadline",
            "Overdue"
        ]
    );
    let row4 = en.iter().find(|r| r[2] == "5").unwrap();
    assert_eq!((row4[8].as_str(), row4[9].as_str()), ("2027-02-28", "Yes"));
}

#[test]
fn the_generator_is_deterministic_valid_and_varied() {
    let c = Checklist::builtin();
    let a = generate_reports(120, 5);
    assert_eq!(a, generate_reports(120, 5));
    assert_ne!(a, generate_reports(120, 6));
    let mut units = HashSet::new();
    let mut types = HashSet::new();
    for (name, bytes) in &a {
        let imp = import(bytes, &[c]).expect("a generated report imports");
        assert_eq!(imp.digest, DigestCheck::Valid);
        assert!(imp.summary_matches);
        let u = &imp.assessment.unit;
        assert_eq!(name, &report::file_name(&u.name, imp.assessment.year));
        assert!(units.insert((u.name.clone(), imp.assessment.year)));
        types.insert(u.unit_type.key());
        if u.unit_type == UnitType::Township {
            assert!(u.name.ends_with("镇人民政府") || u.name.ends_with("乡人民政府"));
        }
    }
    assert!(types.contains("township") && types.contains("county_department"));
    let desk = desk_of(&a, &[c]);
    let g = &desk.groups()[0];
    let grades: HashSet<&str> = g
        .counted()
        .map(|(_, r)| r.tally.grade.zh.as_str())
        .collect();
    assert!(grades.len() >= 2, "{grades:?}");
    let total = matrix(g).iter().fold([0; 5], |mut t, r| {
        t[0] += r.counts.done;
        t[1] += r.counts.partial;
        t[2] += r.counts.not_done;
        t[3] += r.counts.not_applicable;
        t[4] += r.counts.unanswered;
        t
    });
    assert!(
        total.iter().all(|&n| n > 0),
        "every answer occurs: {total:?}"
    );
    let rect = rectifications(g, "2027-07-01");
    let overdue = rect.iter().filter(|r| r.overdue).count();
    assert!(
        overdue > 0 && overdue < rect.len(),
        "{overdue} of {}",
        rect.len()
    );
    // Problems with quotes and line breaks survive the CSV.
    let records = parse_csv(&rectifications_csv(g, "2027-07-01", Lang::Zh));
    assert_eq!(records.len(), rect.len() + 1);
    assert!(records.iter().any(|r| r[5].contains('\n')));
    assert!(records.iter().any(|r| r[5].contains('"')));
}

#[test]
fn a_thousand_generated_reports_are_processed() {
    let c = Checklist::builtin();
    let files = generate_reports(1000, 2027);
    let desk = desk_of(&files, &[c]);
    assert_eq!(desk.files(), 1000);
    assert_eq!(desk.accepted(), 1000);
    assert!(desk.invalid().is_empty());
    assert_eq!(desk.counts().attention, 0);
    let g = &desk.groups()[0];
    assert_eq!(parse_csv(&units_csv(g, Lang::Zh)).len(), 1001);
    let m = parse_csv(&matrix_csv(g, Lang::Zh));
    assert_eq!(m.len(), 53);
    assert!(m.iter().all(|r| r.len() == 1005));
    assert!(!rectifications(g, "2027-07-01").is_empty());
}

#[test]
fn the_largest_group_comes_first_whatever_was_read_first() {
    let builtin = Checklist::builtin();
    let t = township();
    let mut files = vec![("t1.json".to_string(), report_of(&t, "甲镇", 2026, |_| {}))];
    for (i, name) in ["乙局", "丙局", "丁局"].iter().enumerate() {
        files.push((format!("b{i}.json"), report_of(builtin, name, 2026, |_| {})));
    }
    files.push(("t2.json".to_string(), report_of(&t, "戊镇", 2026, |_| {})));
    let d = desk_of(&files, &[builtin]);
    assert_eq!(d.groups()[0].reference.id, t.id, "read first");
    assert_eq!(d.groups_by_size(), vec![1, 0]);
    // Equal sizes: by checklist id, whichever was read first.
    let d = desk_of(&files[..2], &[builtin]);
    assert_eq!(d.groups()[0].reference.id, t.id);
    let first = &d.groups()[d.groups_by_size()[0]].reference.id;
    assert_eq!(first, &builtin.id.clone().min(t.id.clone()));
    let mut swapped = files[..2].to_vec();
    swapped.reverse();
    let e = desk_of(&swapped, &[builtin]);
    assert_eq!(&e.groups()[e.groups_by_size()[0]].reference.id, first);
}

/// Issue 23: two files of one name from two selections are told apart by
/// the selection and the time they were read — in the messages that name
/// the other (never a message that seems to name itself) and in the CSV.
#[test]
fn files_of_one_name_are_told_apart_by_where_and_when_they_were_read() {
    use selfcheck::model::desk::csv::files_csv;
    let c = Checklist::builtin();
    let first = report_of(c, "X县青山镇人民政府", 2026, |_| {});
    let second = report_of(c, "X县青山镇人民政府", 2026, |a| {
        a.updated_at = "2027-02-01T09:00:00+08:00".into()
    });
    let mut desk = Desk::new();
    desk.begin_selection("10:15:00");
    desk.add("青山镇.json", &first, &shared(c));
    desk.begin_selection("10:32:05");
    desk.add("青山镇.json", &second, &shared(c));
    let all = verdicts::verdicts(&desk);
    assert_eq!(all.len(), 2);
    let not_counted = all.iter().find(|v| !v.counted()).unwrap();
    let counted = all.iter().find(|v| v.counted()).unwrap();
    let labels = [counted.label(&desk), not_counted.label(&desk)];
    let mut zh: Vec<&str> = labels.iter().map(|l| l.zh.as_str()).collect();
    zh.sort_unstable();
    assert_eq!(
        zh,
        [
            "青山镇.json（第1次选择，10:15:00读取）",
            "青山镇.json（第2次选择，10:32:05读取）"
        ]
    );
    let text = not_counted.text(Lang::Zh);
    assert!(text.contains(&format!("“{}”", labels[0].zh)), "{text}");
    assert!(
        !text.contains(&format!("“{}”", labels[1].zh)),
        "names itself: {text}"
    );
    assert!(not_counted
        .text(Lang::En)
        .contains(&format!("“{}”", labels[0].en)));
    assert!(labels[0].en.contains("(selection "));
    let csv = files_csv(&desk, Lang::Zh);
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .starts_with("\u{FEFF}报告文件,读取,"),
        "{csv}"
    );
    assert!(
        csv.contains("青山镇.json,\"第1次选择，10:15:00\"")
            || csv.contains("青山镇.json,第1次选择，10:15:00"),
        "{csv}"
    );
    assert!(csv.contains("第2次选择，10:32:05"));
    // A name read once is shown as it is.
    let mut one = Desk::new();
    one.begin_selection("09:00:00");
    one.add("a.json", &first, &shared(c));
    assert_eq!(verdicts::verdicts(&one)[0].label(&one).zh, "a.json");
}

/// Issue 23: a report counted anyway can be left out again (不计入统计).
#[test]
fn counting_an_unverified_report_can_be_taken_back() {
    let c = Checklist::builtin();
    let mut v: Value = serde_json::from_slice(&report_of(c, "X县司法局", 2026, |_| {})).unwrap();
    v["unit"]["phone"] = "0000".into();
    let mut desk = Desk::new();
    desk.add("altered.json", v.to_string().as_bytes(), &shared(c));
    assert_eq!(desk.groups()[0].figures().count(), 0);
    desk.choose(0, 0);
    assert_eq!(desk.groups()[0].figures().count(), 1);
    desk.unchoose(0, 0);
    assert_eq!(desk.groups()[0].figures().count(), 0);
    assert_eq!(desk.counts().left_out, 1);
}
