//! The built-in checklist: shape, content rules and definition checks.

use selfcheck::model::checklist::{is_half_step, Checklist};
use selfcheck::model::Lang;
use std::collections::HashSet;

const SPEECH: &str = include_str!("../content/source/speech-zh.txt");

#[test]
fn builtin_checklist_parses_and_points_sum_to_100() {
    let c = Checklist::builtin();
    assert_eq!(c.id, "builtin.first-responsible-person");
    assert!((c.max_points() - 100.0).abs() < 1e-9);
    let n = c.items().count();
    assert!((40..=60).contains(&n), "{n} items");
}

#[test]
fn groups_follow_the_speech() {
    let c = Checklist::builtin();
    let titles: Vec<&str> = c.sections().map(|g| g.title.zh.as_str()).collect();
    for (title, word) in titles.iter().zip([
        "法治思维",
        "法律武器",
        "法律边界",
        "法律素养",
        "工作机制",
        "法治环境",
        "压实责任",
    ]) {
        assert!(title.contains(word), "{title} should contain {word}");
    }
    assert_eq!(titles.len(), 7);
}

#[test]
fn every_item_is_complete_bilingual_and_unique() {
    let c = Checklist::builtin();
    let mut ids = HashSet::new();
    for i in c.items() {
        assert!(ids.insert(&i.id), "duplicate {}", i.id);
        for t in [&i.duty, &i.guidance, &i.evidence, &i.source.reference] {
            assert!(
                !t.zh.trim().is_empty() && !t.en.trim().is_empty(),
                "{}",
                i.id
            );
        }
        assert!(i.duty.zh.ends_with('？'), "{} duty is a question", i.id);
        assert!(i.points > 0.0 && is_half_step(i.points), "{}", i.id);
    }
}

#[test]
fn every_quote_is_verbatim_from_the_speech_except_the_2016_rule() {
    let c = Checklist::builtin();
    for i in c.items() {
        if i.id == "responsibility.coordinate" {
            assert_eq!(i.source.quote, "重点环节亲自协调");
            assert!(i.source.reference.zh.contains("2016"));
        } else {
            assert!(
                SPEECH.contains(&i.source.quote),
                "{}: quote not in the speech: {}",
                i.id,
                i.source.quote
            );
        }
    }
}

#[test]
fn numbered_duties_keep_their_numbers() {
    let c = Checklist::builtin();
    assert!(c
        .item("mechanisms.quarterly_meeting")
        .unwrap()
        .duty
        .zh
        .contains("每季度至少召开一次"));
    assert!(c
        .item("environment.lectures")
        .unwrap()
        .duty
        .zh
        .contains("每年至少举办两期"));
    // 公众参与 and 合法性审查 are separate checks.
    assert!(c.item("thinking.public_participation").is_some());
    assert!(c.item("thinking.legality_review").is_some());
}

#[test]
fn four_personal_duties_are_all_present() {
    let c = Checklist::builtin();
    for id in ["deploy", "inquire", "coordinate", "supervise"] {
        assert!(c.item(&format!("responsibility.{id}")).is_some(), "{id}");
    }
}

#[test]
fn grade_bands_default() {
    let c = Checklist::builtin();
    let g = |x: f64| c.grade(x).zh.clone();
    assert_eq!(g(100.0), "优秀");
    assert_eq!(g(90.0), "优秀");
    assert_eq!(g(89.99), "良好");
    assert_eq!(g(80.0), "良好");
    assert_eq!(g(60.0), "合格");
    assert_eq!(g(59.99), "不合格");
    assert_eq!(g(0.0), "不合格");
}

#[test]
fn checklist_hash_is_stable_and_content_sensitive() {
    let c = Checklist::builtin();
    let h = c.sha256();
    assert_eq!(h.len(), 64);
    assert_eq!(h, c.clone().sha256());
    let mut changed = c.clone();
    changed.parts[0].groups[0].items[0].points += 0.5;
    assert_ne!(h, changed.sha256());
}

fn builtin_value() -> serde_json::Value {
    serde_json::from_str(include_str!("../content/builtin-checklist.json")).unwrap()
}

fn problems_of(v: serde_json::Value) -> Vec<String> {
    Checklist::parse(&v.to_string())
        .expect_err("should be rejected")
        .into_iter()
        .map(|p| format!("{}: {}", p.path, p.message.tr(Lang::En)))
        .collect()
}

#[test]
fn broken_definitions_each_get_their_message() {
    let mut v = builtin_value();
    let first = v["parts"][0]["groups"][0]["items"][0].clone();
    v["parts"][0]["groups"][0]["items"]
        .as_array_mut()
        .unwrap()
        .push(first);
    let p = problems_of(v);
    assert!(p.iter().any(|m| m.contains("Duplicate item id")), "{p:?}");
    assert!(p.iter().any(|m| m.contains("must sum to 100")), "{p:?}");

    let mut v = builtin_value();
    v["parts"][1]["groups"][0]["items"][0]["duty"]["zh"] = "".into();
    let p = problems_of(v);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("parts[1].groups[0].items[0].duty.zh"),
        "{p:?}"
    );

    let mut v = builtin_value();
    v["parts"][0]["groups"][0]["items"][0]["points"] = 0.3.into();
    let p = problems_of(v);
    assert!(p.iter().any(|m| m.contains("multiple of 0.5")), "{p:?}");

    let mut v = builtin_value();
    v["format_version"] = 9.into();
    assert!(problems_of(v)[0].contains("Unsupported checklist format version 9"));

    assert!(problems_of(serde_json::json!({"format": 1}))[0].contains("malformed"));
}
