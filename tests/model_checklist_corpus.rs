//! Checklist definitions other than the built-in one: the township example in
//! examples/, the JSON Schema's view of both, and a corpus of broken
//! definitions (tests/corpus/checklists, written by make.py) that must each be
//! rejected with the problem MANIFEST.tsv names.

use selfcheck::model::checklist::{is_half_step, Checklist};
use selfcheck::model::Lang;
use std::collections::HashSet;
use std::path::Path;

const BUILTIN: &str = include_str!("../content/builtin-checklist.json");
const EXAMPLE: &str = include_str!("../examples/township-checklist.json");
const MANIFEST: &str = include_str!("corpus/checklists/MANIFEST.tsv");
const FORMAT_DOC: &str = include_str!("../docs/checklist-format.md");

fn example() -> Checklist {
    Checklist::parse(EXAMPLE).unwrap_or_else(|p| panic!("the example is rejected: {p:?}"))
}

#[test]
fn builtin_and_example_parse() {
    let builtin = Checklist::parse(BUILTIN).expect("the built-in definition parses");
    assert_eq!(&builtin, Checklist::builtin());
    example();
}

#[test]
fn the_small_example_in_the_format_doc_parses() {
    let start = FORMAT_DOC.find("```json\n").expect("a json block") + "```json\n".len();
    let len = FORMAT_DOC[start..].find("\n```").expect("the block ends");
    let c = Checklist::parse(&FORMAT_DOC[start..start + len])
        .unwrap_or_else(|p| panic!("the doc example is rejected: {p:?}"));
    assert_eq!(c.total_points, Some(10.0));
    assert!((c.max_points() - 10.0).abs() < 1e-9);
    assert!(c.items().any(|i| i.deduction.is_some()));
}

#[test]
fn example_declares_its_total_and_its_own_identity() {
    let c = example();
    let builtin = Checklist::builtin();
    assert_eq!(c.total_points, Some(100.0));
    assert!((c.max_points() - 100.0).abs() < 1e-9);
    assert_eq!(c.id, "county.x.township-2027");
    assert_eq!(c.version, "2027.1");
    assert_ne!(c.id, builtin.id);
    assert_ne!(c.sha256(), builtin.sha256());
    assert_ne!(c.reference(), builtin.reference());
}

#[test]
fn example_is_a_complete_bilingual_township_checklist() {
    let c = example();
    let n = c.items().count();
    assert!((15..=25).contains(&n), "{n} items");
    assert!((3..=5).contains(&c.section_count()));
    let mut ids = HashSet::new();
    for i in c.items() {
        assert!(ids.insert(i.id.as_str()), "duplicate {}", i.id);
        assert!(!i.id.trim().is_empty());
        let mut texts = vec![&i.duty, &i.guidance, &i.evidence, &i.source.reference];
        texts.extend(i.deduction.as_ref());
        for t in texts {
            assert!(
                !t.zh.trim().is_empty() && !t.en.trim().is_empty(),
                "{}",
                i.id
            );
        }
        let duty = &i.duty.zh;
        assert!(duty.ends_with('？'), "{}: {duty}", i.id);
        assert!(
            duty.starts_with("本单位是否") || duty.starts_with("第一责任人是否"),
            "{}: {duty}",
            i.id
        );
        assert!(i.points > 0.0 && is_half_step(i.points), "{}", i.id);
        assert!(i.source.reference.zh.contains("（示例）"), "{}", i.id);
        assert!(!i.source.quote.trim().is_empty(), "{}", i.id);
    }
    let with_rule: Vec<_> = c.items().filter(|i| i.deduction.is_some()).collect();
    assert!(with_rule.len() >= 5, "{} deduction rules", with_rule.len());
    assert!(with_rule
        .iter()
        .any(|i| i.deduction.as_ref().unwrap().zh.contains("每少一次扣0.5分")));
    for t in [&c.title, &c.source] {
        assert!(!t.zh.is_empty() && !t.en.is_empty());
    }
    assert!(!c.introduction.zh.is_empty() && !c.introduction.en.is_empty());
    assert_eq!(c.grade(90.0).zh, "优秀");
    assert_eq!(c.grade(59.5).zh, "不合格");
}

#[test]
fn example_fingerprint_survives_a_round_trip_and_follows_the_points() {
    let c = example();
    let h = c.sha256();
    assert_eq!(h.len(), 64);
    assert!(h
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));

    // Re-serialised (pretty or compact) and parsed again: the same fingerprint.
    let pretty = serde_json::to_string_pretty(&c).unwrap();
    let compact = serde_json::to_string(&c).unwrap();
    for json in [pretty, compact] {
        let again = Checklist::parse(&json).expect("the round trip parses");
        assert_eq!(again, c);
        assert_eq!(again.sha256(), h);
    }

    // Member order and whitespace in the file do not matter either.
    let mut value: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    let reversed: serde_json::Map<_, _> = value
        .as_object()
        .unwrap()
        .iter()
        .rev()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let reordered = Checklist::parse(&serde_json::Value::Object(reversed).to_string()).unwrap();
    assert_eq!(reordered.sha256(), h);

    // One item's points change (the total kept valid): a different fingerprint.
    value["parts"][0]["groups"][0]["items"][0]["points"] = 4.5.into();
    value["parts"][0]["groups"][0]["items"][1]["points"] = 2.5.into();
    let changed = Checklist::parse(&value.to_string()).expect("still sums to 100");
    assert_ne!(changed.sha256(), h);
    let mut edited = c.clone();
    edited.parts[1].groups[0].items[0].points += 0.5;
    assert_ne!(edited.sha256(), h);
}

struct Case {
    file: String,
    path: String,
    message: String,
}

fn manifest() -> Vec<Case> {
    MANIFEST
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "MANIFEST.tsv line: {l:?}");
            Case {
                file: cols[0].into(),
                path: cols[1].into(),
                message: cols[2].into(),
            }
        })
        .collect()
}

#[test]
fn manifest_lists_every_corpus_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/checklists");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f != "make.py" && f != "MANIFEST.tsv")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = manifest().into_iter().map(|c| c.file).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    assert!(listed.len() >= 15, "{} corpus files", listed.len());
}

#[test]
fn every_broken_definition_is_rejected_with_its_problem() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/checklists");
    let mut failures = Vec::new();
    for case in manifest() {
        let bytes = std::fs::read(dir.join(&case.file)).unwrap();
        let text = String::from_utf8(bytes).expect("corpus files are UTF-8");
        let problems = match Checklist::parse(&text) {
            Ok(_) => {
                failures.push(format!("{}: accepted", case.file));
                continue;
            }
            Err(p) => p,
        };
        for p in &problems {
            if p.message.tr(Lang::Zh).trim().is_empty() || p.message.tr(Lang::En).trim().is_empty()
            {
                failures.push(format!("{}: {} has an empty message", case.file, p.path));
            }
        }
        let found = problems.iter().any(|p| {
            p.path.starts_with(&case.path) && p.message.tr(Lang::En).contains(&case.message)
        });
        if !found {
            let got: Vec<String> = problems
                .iter()
                .map(|p| format!("{}: {}", p.path, p.message.tr(Lang::En)))
                .collect();
            failures.push(format!(
                "{}: expected {:?} / {:?}, got {got:#?}",
                case.file, case.path, case.message
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
