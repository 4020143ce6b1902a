//! The report format: canonical digest (known-answer vector), export → import,
//! tamper detection, the committed sample and file names.

use selfcheck::fixtures::sample::sample_assessment;
use selfcheck::model::canonical::{canonical_bytes, report_digest, sha256_of};
use selfcheck::model::import::{import, DigestCheck};
use selfcheck::model::report::{self, file_name};
use selfcheck::model::{Checklist, Lang};
use serde_json::{json, Value};

#[test]
fn canonical_digest_matches_an_independent_implementation() {
    // Computed with the npm package `canonicalize` and Node's crypto module.
    let v = json!({"b":[1,2.5,1e21,-0.0,"é\u{7}"],"a":{"z":null,"y":true,"单位":"青山镇"},"n":100.0,"e":1.5e-7});
    assert_eq!(
        String::from_utf8(canonical_bytes(&v.to_string()).unwrap()).unwrap(),
        r#"{"a":{"y":true,"z":null,"单位":"青山镇"},"b":[1,2.5,1e+21,0,"é\u0007"],"e":1.5e-7,"n":100}"#
    );
    assert_eq!(
        sha256_of(&v),
        "ae84a8a365db42ad51ba77ec7814edd592414dc4d52c990f76bd2824d0c3a962"
    );
}

#[test]
fn the_digest_ignores_integrity_only() {
    let a = json!({"x": 1, "integrity": {"digest": "a"}});
    let b = json!({"x": 1, "integrity": {"digest": "b"}});
    assert_eq!(report_digest(&a), report_digest(&b));
    assert_eq!(report_digest(&a), sha256_of(&json!({"x": 1})));
    assert_ne!(report_digest(&a), report_digest(&json!({"x": 2})));
}

#[test]
fn the_digest_cuts_integrity_wherever_it_sorts() {
    // First, middle, last and only member of the canonical object.
    for (with, without) in [
        (
            json!({"integrity": 1, "z": [1, {"b": 2, "a": 1}]}),
            json!({"z": [1, {"a": 1, "b": 2}]}),
        ),
        (
            json!({"a": "x", "integrity": {"d": 1}, "z": null}),
            json!({"a": "x", "z": null}),
        ),
        (
            json!({"a": 1.5, "b": true, "integrity": "i"}),
            json!({"b": true, "a": 1.5}),
        ),
        (json!({"integrity": "only"}), json!({})),
    ] {
        assert_eq!(report_digest(&with), sha256_of(&without), "{with}");
    }
    // Nested members of that name are content like any other.
    assert_ne!(
        report_digest(&json!({"a": {"integrity": 1}})),
        sha256_of(&json!({"a": {}}))
    );
}

#[test]
fn member_names_sort_by_utf16_code_units() {
    // U+FF21 sorts after U+1F600 in UTF-16 (surrogates come first) though not
    // in UTF-8; an escaped name is compared by its value.
    assert_eq!(
        String::from_utf8(
            canonical_bytes(r#"{"\uFF21":1,"😀":2,"a":3,"é":4,"😀x":5,"\u00e9a":6}"#).unwrap()
        )
        .unwrap(),
        r#"{"a":3,"é":4,"éa":6,"😀":2,"😀x":5,"Ａ":1}"#
    );
}

#[test]
fn repeated_member_names_keep_the_last_one() {
    assert_eq!(
        String::from_utf8(canonical_bytes(r#"{"b":1,"a":2,"b":3}"#).unwrap()).unwrap(),
        r#"{"a":2,"b":3}"#
    );
}

#[test]
fn export_then_import_gives_back_the_same_assessment() {
    let c = Checklist::builtin();
    let a = sample_assessment(c);
    let (sealed, json) = report::export_current(c, &a);
    let imported = import(json.as_bytes(), &[c]).expect("imports");
    assert_eq!(imported.assessment, a);
    assert_eq!(imported.digest, DigestCheck::Valid);
    assert!(imported.summary_matches);
    // What is not in the assessment is kept as stated.
    let s = &imported.stated;
    assert_eq!(s.generator, sealed.generator);
    assert_eq!(s.summary, sealed.summary);
    assert_eq!(s.exported_at, sealed.exported_at);
    assert_eq!(s.integrity, sealed.integrity);
    assert_eq!(s.checklist_definition, sealed.checklist_definition);
}

#[test]
fn a_changed_answer_is_detected_as_tampering() {
    let c = Checklist::builtin();
    let (_, json) = report::export_current(c, &sample_assessment(c));
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["answers"][1]["notes"] = "改过的说明".into();
    let imported = import(v.to_string().as_bytes(), &[c]).expect("still readable");
    assert!(matches!(imported.digest, DigestCheck::Mismatch { .. }));

    v.as_object_mut().unwrap().remove("integrity");
    let imported = import(v.to_string().as_bytes(), &[c]).unwrap();
    assert_eq!(imported.digest, DigestCheck::Missing);
}

#[test]
fn a_changed_score_is_flagged_by_the_summary_check_too() {
    let c = Checklist::builtin();
    let (report, _) = report::export_current(c, &sample_assessment(c));
    let mut report = report;
    report.answers[0].score = Some(0.0);
    let (_, json) = report::seal(report);
    let imported = import(json.as_bytes(), &[c]).unwrap();
    assert_eq!(imported.digest, DigestCheck::Valid);
    assert!(!imported.summary_matches);
}

#[test]
fn the_committed_sample_report_is_what_the_model_writes() {
    let c = Checklist::builtin();
    let (_, json) = report::export_current(c, &sample_assessment(c));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sample-report.json");
    if std::env::var_os("UPDATE_SAMPLES").is_some() {
        std::fs::write(path, &json).unwrap();
    }
    let committed = std::fs::read_to_string(path).expect("docs/sample-report.json exists");
    assert!(
        committed == json,
        "docs/sample-report.json is stale: run UPDATE_SAMPLES=1 cargo test --test model_report"
    );
}

#[test]
fn the_report_carries_what_the_format_promises() {
    let c = Checklist::builtin();
    let (r, json) = report::export_current(c, &sample_assessment(c));
    assert_eq!(r.format, "rule-of-law-self-assessment");
    assert_eq!(r.format_version, 1);
    assert_eq!(r.checklist.sha256, c.sha256());
    assert_eq!(r.answers.len(), c.items().count());
    let i = r.integrity.as_ref().unwrap();
    assert_eq!(
        (i.algorithm.as_str(), i.canonicalization.as_str()),
        ("sha256", "RFC8785")
    );
    assert!(json.contains("\n  \"format\""), "pretty-printed");
    assert!(json.contains("青山镇"), "UTF-8, not escaped");
}

#[test]
fn file_names_are_safe_everywhere() {
    assert_eq!(
        file_name("X县青山镇人民政府", 2026),
        "2026年X县青山镇人民政府法治政府建设第一责任人履职自查.json"
    );
    let name = file_name(" ..a/b\\c:d*e?f\"g<h>i|j\u{7} ", 2026);
    assert!(
        !name.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\u{7}']),
        "{name}"
    );
    assert!(name.starts_with("2026年a_b_c_d_e_f_g_h_i_j_"));
    assert!(file_name(&"长".repeat(500), 2026).chars().count() < 100);
}

#[test]
fn carrying_last_year_forward_lists_its_rectifications_for_follow_up() {
    use selfcheck::model::validation::validate;
    use selfcheck::model::{Assessment, Edit, FollowUpStatus, Status};
    let c = Checklist::builtin();
    let last = sample_assessment(c);
    let next = Assessment::carry_forward(c, &last, "2027-12-01T00:00:00Z");
    assert_eq!(next.year, last.year + 1);
    assert_eq!(next.unit, last.unit);
    assert!(next.answers.is_empty());
    let promised: Vec<&str> = c
        .items()
        .filter(|i| last.status(&i.id).is_some_and(Status::needs_rectification))
        .map(|i| i.id.as_str())
        .collect();
    let carried: Vec<&str> = next.follow_ups.iter().map(|f| f.item_id.as_str()).collect();
    assert_eq!(carried, promised);
    let f = &next.follow_ups[0];
    assert_eq!(f.year, 2026);
    assert_eq!(f.rectification.owner, "张伟（分管副镇长）");
    assert_eq!(f.duty, c.item(&f.item_id).unwrap().duty.zh);

    // Each needs its state before the draft is complete.
    let fields: Vec<String> = validate(c, &next)
        .into_iter()
        .filter(|i| i.field.starts_with("followup."))
        .map(|i| i.field)
        .collect();
    assert_eq!(fields.len(), next.follow_ups.len());
    let mut next = next;
    next.apply(c, Edit::FollowUpStatus(0, FollowUpStatus::Completed));
    next.apply(c, Edit::FollowUpNote(0, "已于6月完成".into()));
    assert_eq!(
        validate(c, &next)
            .iter()
            .filter(|i| i.field.starts_with("followup."))
            .count(),
        fields.len() - 1
    );

    // They travel in the report and come back on import.
    let (report, json) = report::export(c, &next, "t");
    assert_eq!(report.follow_ups.len(), fields.len());
    assert!(json.contains("\"follow_ups\""));
    let back = import(json.as_bytes(), &[c]).unwrap();
    assert_eq!(back.assessment, next);
    assert_eq!(back.digest, DigestCheck::Valid);
}

#[test]
fn a_custom_checklist_is_embedded_by_default_and_the_option_round_trips() {
    use selfcheck::model::{Assessment, Edit, Status, UnitInfo};
    let custom = Checklist::parse(include_str!("../examples/township-checklist.json")).unwrap();
    let builtin = Checklist::builtin();
    let mut a = Assessment::new(&custom, UnitInfo::default(), 2027, "t");
    let first = custom.items().next().unwrap().id.clone();
    a.apply(&custom, Edit::Status(first, Status::Done));
    let (r, json) = report::export_current(&custom, &a);
    assert_eq!(r.checklist_definition.as_ref(), Some(&custom));
    // Without the checklist available, the embedded definition answers it.
    let back = import(json.as_bytes(), &[builtin]).unwrap();
    assert!(back.checklist_from_report());
    assert_eq!(back.assessment, a);
    // Switched off: not embedded, and the choice survives export → import.
    a.apply(&custom, Edit::EmbedChecklist(false));
    let (r, json) = report::export_current(&custom, &a);
    assert!(r.checklist_definition.is_none());
    assert!(import(json.as_bytes(), &[builtin]).is_err());
    let back = import(json.as_bytes(), &[builtin, &custom]).unwrap();
    assert_eq!(back.assessment, a);
    // The built-in checklist is not embedded unless asked.
    let s = sample_assessment(builtin);
    assert!(report::export_current(builtin, &s)
        .0
        .checklist_definition
        .is_none());
}

#[test]
fn a_field_that_does_not_fit_is_named_by_its_path() {
    use selfcheck::model::import::ImportError;
    let c = Checklist::builtin();
    let (_, json) = report::export_current(c, &sample_assessment(c));
    // The error's path, and its message in both languages.
    let field = |edit: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&json).unwrap();
        edit(&mut v);
        match import(v.to_string().as_bytes(), &[c]) {
            Err(e @ ImportError::Field { .. }) => {
                let ImportError::Field { path, .. } = &e else {
                    unreachable!()
                };
                (
                    path.clone(),
                    e.message().tr(Lang::Zh),
                    e.message().tr(Lang::En),
                )
            }
            other => panic!("expected a field error, got {other:?}"),
        }
    };
    let (path, zh, en) = field(&|v| v["answers"][2]["status"] = json!("yes"));
    assert_eq!(path, "answers[2].status");
    assert_eq!(zh, "不符合报告格式：第3条作答的作答结果（answers[2].status）的值“yes”无法识别，应为以下之一：done, partial, not_done, not_applicable。");
    assert!(
        en.contains(": result of answer 3 (answers[2].status) is “yes”, which is not one of"),
        "{en}"
    );
    let (path, _, _) = field(&|v| v["answers"][0]["evidence"] = json!([{"kind": "photo"}]));
    assert!(path.starts_with("answers[0].evidence[0]"), "{path}");
    let (path, zh, _) = field(&|v| v["unit"]["type"] = json!(3));
    assert_eq!(path, "unit.type");
    assert_eq!(
        zh,
        "不符合报告格式：单位信息的类型（unit.type）应为文字，实为3。"
    );
    let (path, zh, en) = field(&|v| {
        v.as_object_mut().unwrap().remove("summary");
    });
    assert_eq!(path, "summary");
    assert_eq!(zh, "不符合报告格式：缺少得分汇总（summary）。");
    assert_eq!(
        en,
        "Does not match the report format: “summary” is missing."
    );
    // Issue 23: what a reviewer saw as `invalid type: string "2026年", expected i32`.
    let (_, zh, en) = field(&|v| v["year"] = json!("2026年"));
    assert_eq!(
        zh,
        "不符合报告格式：自查年度（year）应为数字，实为“2026年”。"
    );
    assert_eq!(
        en,
        "Does not match the report format: “year” should be a number, but is “2026年”."
    );
    let (_, zh, _) = field(&|v| v["answers"][3]["score"] = json!("五分"));
    assert_eq!(
        zh,
        "不符合报告格式：第4条作答的自评得分（answers[3].score）应为数字，实为“五分”。"
    );
    let (_, zh, _) = field(&|v| v["unit"]["nickname"] = json!("x"));
    assert_eq!(
        zh,
        "不符合报告格式：单位信息的nickname（unit.nickname）不是本格式的字段。"
            .replace("单位信息的nickname（unit.nickname）", "“unit.nickname”")
    );
    let (_, zh, _) = field(&|v| v["year"] = json!(99999999999u64));
    assert_eq!(
        zh,
        "不符合报告格式：自查年度（year）的值99999999999超出允许的范围。"
    );
}

#[test]
fn escaped_strings_read_as_their_value() {
    // "\u0064one" is "done": a report written by another tool may escape freely.
    let c = Checklist::builtin();
    let a = sample_assessment(c);
    let (_, json) = report::export_current(c, &a);
    let first = &c.items().next().unwrap().id;
    let status = format!("{:?}", a.answer(first).unwrap().status.unwrap()).to_lowercase();
    assert_eq!(status, "done", "the sample's first item is done");
    let escaped = json.replacen("\"status\": \"done\"", "\"status\": \"\\u0064one\"", 1);
    assert_ne!(escaped, json);
    let back = import(escaped.as_bytes(), &[c]).expect("still a valid report");
    assert_eq!(back.assessment, a);
    assert_eq!(
        back.digest,
        DigestCheck::Valid,
        "the same content, so the same digest"
    );
}

#[test]
fn a_text_too_long_is_named_by_its_path() {
    let c = Checklist::builtin();
    let (_, json) = report::export_current(c, &sample_assessment(c));
    let long = "很".repeat(selfcheck::model::validation::MAX_TEXT_CHARS + 1);
    let path_of = |edit: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&json).unwrap();
        edit(&mut v);
        match import(v.to_string().as_bytes(), &[c]) {
            Err(selfcheck::model::import::ImportError::TextTooLong { path }) => path,
            other => panic!("expected a text too long, got {other:?}"),
        }
    };
    assert_eq!(
        path_of(&|v| v["unit"]["head_name"] = json!(long)),
        "unit.head_name"
    );
    assert_eq!(
        path_of(&|v| v["answers"][3]["notes"] = json!(long)),
        "answers[3].notes"
    );
    assert_eq!(
        path_of(&|v| v["answers"][1]["rectification"] =
            json!({"measure": "", "owner": long, "due": ""})),
        "answers[1].rectification.owner"
    );
    // At the limit exactly is within it.
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["answers"][3]["notes"] = json!("很".repeat(selfcheck::model::validation::MAX_TEXT_CHARS));
    assert!(import(v.to_string().as_bytes(), &[c]).is_ok());
}
