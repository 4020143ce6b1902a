//! Property tests: export → import is the identity, the digest changes when
//! any answer changes, and scores stay within [0, 100].
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use selfcheck::model::import::{import, DigestCheck};
use selfcheck::model::report;
use selfcheck::model::scoring::summarize;
use selfcheck::model::{
    AnswerField, Assessment, Checklist, Edit, Evidence, Status, UnitField, UnitInfo,
};

fn status() -> impl Strategy<Value = Option<Status>> {
    prop_oneof![
        Just(None),
        Just(Some(Status::Done)),
        Just(Some(Status::Partial)),
        Just(Some(Status::NotDone)),
        Just(Some(Status::NotApplicable)),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z0-9 ]{0,12}",
        "\\PC{0,20}",
        Just("<script>alert(1)</script>".to_string()),
        Just("法治\u{0}政府\"\\\n".to_string()),
    ]
}

type ItemSpec = (
    Option<Status>,
    Option<f64>,
    String,
    String,
    Option<(String, String, u64)>,
);

fn item_spec() -> impl Strategy<Value = ItemSpec> {
    (
        status(),
        prop_oneof![
            Just(None),
            (0u32..=12).prop_map(|h| Some(f64::from(h) / 4.0))
        ],
        text(),
        text(),
        proptest::option::of((text(), "[0-9a-f]{64}", any::<u64>())),
    )
}

fn build(specs: &[ItemSpec], name: &str) -> Assessment {
    let c = Checklist::builtin();
    let mut a = Assessment::new(c, UnitInfo::default(), 2026, "2027-01-01T00:00:00Z");
    a.apply(c, Edit::Unit(UnitField::Name, name.to_string()));
    for (item, (status, score, notes, problem, file)) in c.items().zip(specs) {
        let id = item.id.clone();
        if let Some(s) = status {
            a.apply(c, Edit::Status(id.clone(), *s));
        }
        if let Some(s) = score {
            a.apply(c, Edit::Score(id.clone(), Some(s.min(item.points))));
        }
        a.apply(c, Edit::Text(id.clone(), AnswerField::Notes, notes.clone()));
        a.apply(
            c,
            Edit::Text(id.clone(), AnswerField::Problem, problem.clone()),
        );
        if let Some((name, sha256, size)) = file {
            let e = Evidence::File {
                name: name.clone(),
                size: *size,
                sha256: sha256.clone(),
            };
            a.apply(c, Edit::AddEvidence(id.clone(), e));
        }
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn export_then_import_is_the_identity(specs in proptest::collection::vec(item_spec(), 52), name in text()) {
        let c = Checklist::builtin();
        let a = build(&specs, &name);
        let (_, json) = report::export(c, &a, "2027-02-01T00:00:00Z");
        let back = import(json.as_bytes(), &[c]).expect("own export imports");
        prop_assert_eq!(back.digest, DigestCheck::Valid);
        prop_assert!(back.summary_matches);
        prop_assert_eq!(back.assessment, a);
    }

    #[test]
    fn the_digest_changes_when_any_answer_changes(
        specs in proptest::collection::vec(item_spec(), 52),
        index in 0usize..52,
        new_status in status(),
        extra in "[a-z]{1,5}",
    ) {
        let c = Checklist::builtin();
        let a = build(&specs, "甲");
        let before = report::digest(&report::build(c, &a, "t"));
        let id = c.items().nth(index).unwrap().id.clone();
        let mut b = a.clone();
        b.apply(c, Edit::Text(id.clone(), AnswerField::Notes, format!("{}{}", specs[index].2, extra)));
        prop_assert_ne!(&before, &report::digest(&report::build(c, &b, "t")));
        if let Some(s) = new_status {
            if a.status(&id) != Some(s) {
                let mut b = a.clone();
                b.apply(c, Edit::Status(id, s));
                prop_assert_ne!(&before, &report::digest(&report::build(c, &b, "t")));
            }
        }
    }

    #[test]
    fn scores_stay_within_bounds(specs in proptest::collection::vec(item_spec(), 52)) {
        let c = Checklist::builtin();
        let s = summarize(c, &build(&specs, "乙"));
        prop_assert!((0.0..=100.0).contains(&s.total.normalized));
        prop_assert!(s.total.score <= s.total.max + 1e-9);
        for sec in &s.sections {
            prop_assert!((0.0..=100.0).contains(&sec.tally.normalized));
        }
    }
}
