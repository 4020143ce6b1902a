//! The generated benchmark checklist (`generated`, used by `--features bench-large`).

use selfcheck::fixtures::checklist::generated;
use selfcheck::model::checklist::{is_half_step, Checklist};
use std::collections::HashSet;

#[test]
fn generated_1000_has_ten_sections_of_100_unique_items() {
    let c = generated(1000);
    assert_eq!(c.items().count(), 1000);
    assert_eq!(c.section_count(), 10);
    assert!(c.sections().all(|g| g.items.len() == 100));
    let mut ids = HashSet::new();
    for p in &c.parts {
        assert!(ids.insert(p.id.clone()));
        for g in &p.groups {
            assert!(ids.insert(g.id.clone()));
        }
    }
    let mut duties = HashSet::new();
    for i in c.items() {
        assert!(ids.insert(i.id.clone()), "duplicate id {}", i.id);
        assert!(duties.insert(i.duty.zh.clone()), "duplicate duty {}", i.id);
        assert!(!i.duty.en.is_empty() && !i.guidance.zh.is_empty() && !i.guidance.en.is_empty());
        assert_eq!(i.points, 0.5);
        assert!(is_half_step(i.points));
    }
}

#[test]
fn generated_1000_round_trips_and_parses_valid() {
    let c = generated(1000);
    let json = serde_json::to_string(&c).unwrap();
    let back: Checklist = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
    let parsed = Checklist::parse(&json).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(parsed, c);
    assert_eq!(parsed.items().count(), 1000);
    // 1,000 items of at least 0.5 points cannot sum to 100: the definition
    // declares its total, and scores are normalised to 100 as for any checklist.
    assert_eq!(parsed.total_points, Some(500.0));
    assert!((parsed.max_points() - 500.0).abs() < 1e-9);
}

#[test]
fn generated_up_to_200_items_is_a_valid_definition_of_100_points() {
    for n in [1, 7, 52, 199, 200] {
        let c = generated(n);
        let json = serde_json::to_string(&c).unwrap();
        let parsed = Checklist::parse(&json).unwrap_or_else(|p| panic!("{n} items: {p:?}"));
        assert_eq!(parsed, c);
        assert_eq!(parsed.items().count(), n);
        assert!((parsed.max_points() - 100.0).abs() < 1e-9, "{n} items");
        assert_eq!(parsed.total_points, None, "{n} items: the default total");
        assert!(parsed
            .items()
            .all(|i| i.points > 0.0 && is_half_step(i.points)));
    }
}

#[test]
fn generated_is_deterministic() {
    assert_eq!(generated(1000), generated(1000));
    assert_eq!(generated(1000).sha256(), generated(1000).sha256());
}
