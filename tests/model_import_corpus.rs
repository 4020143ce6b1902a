//! Every file of the bad-file corpus (tests/corpus, see MANIFEST.tsv) gets its
//! own specific result from the importer, and nothing panics.

use selfcheck::model::import::{import, DigestCheck, ImportError, MAX_REPORT_BYTES};
use selfcheck::model::{Checklist, Lang};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

fn outcome(bytes: &[u8]) -> (String, String) {
    match import(bytes, &[Checklist::builtin()]) {
        Err(e) => {
            let kind = format!("{e:?}");
            let kind = kind.split([' ', '{', '(']).next().unwrap().to_string();
            (kind, e.message().tr(Lang::Zh))
        }
        Ok(i) => {
            let kind = match (&i.digest, i.summary_matches) {
                (DigestCheck::Mismatch { .. }, _) => "DigestMismatch",
                (DigestCheck::Missing, _) => "DigestMissing",
                (DigestCheck::Valid, false) => "SummaryMismatch",
                (DigestCheck::Valid, true) => "Ok",
            };
            (kind.to_string(), String::new())
        }
    }
}

#[test]
fn every_corpus_file_gets_its_expected_result() {
    let manifest = std::fs::read_to_string(format!("{DIR}/MANIFEST.tsv")).unwrap();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for line in manifest.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (file, expected) = (cols.next().unwrap(), cols.next().unwrap());
        let bytes = std::fs::read(format!("{DIR}/reports/{file}")).unwrap();
        let (kind, zh) = outcome(&bytes);
        if kind != expected {
            wrong.push(format!("{file}: expected {expected}, got {kind} ({zh})"));
        }
        checked += 1;
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked >= 60, "only {checked} corpus files");
}

#[test]
fn messages_name_what_is_wrong() {
    let read = |f: &str| std::fs::read(format!("{DIR}/reports/{f}")).unwrap();
    let msg = |f: &str| outcome(&read(f)).1;
    assert!(msg("version-future-2.json").contains("版本 2"));
    assert!(msg("version-future-99.json").contains("99"));
    assert!(
        msg("status-unknown.json").contains("answers[0].status"),
        "{}",
        msg("status-unknown.json")
    );
    assert!(msg("unknown-item.json").contains("thinking.no_such_item"));
    assert!(msg("duplicate-item.json").contains("thinking.rules"));
    assert!(msg("huge-notes.json").contains("answers[0].notes"));
    assert!(msg("gbk-encoded.json").contains("GBK"));
    assert!(msg("checklist-unknown.json").contains("county.x-2027"));
}

#[test]
fn html_in_text_fields_is_kept_as_plain_text() {
    let bytes = std::fs::read(format!("{DIR}/reports/html-in-every-field.json")).unwrap();
    let i = import(&bytes, &[Checklist::builtin()]).unwrap();
    assert!(i.assessment.unit.name.starts_with("<script>"));
}

#[test]
fn a_50_mb_file_is_refused_by_size_before_parsing() {
    let big = vec![b'{'; 50 * 1024 * 1024];
    let e = import(&big, &[Checklist::builtin()]).unwrap_err();
    assert_eq!(
        e,
        ImportError::TooLarge {
            bytes: 50 * 1024 * 1024
        }
    );
    assert!(e.message().tr(Lang::Zh).contains("50.0 MB"));
    // Just over the limit is refused too; the limit itself is not.
    assert!(matches!(
        import(&vec![b' '; MAX_REPORT_BYTES as usize + 1], &[]),
        Err(ImportError::TooLarge { .. })
    ));
    assert_eq!(
        import(&vec![b' '; MAX_REPORT_BYTES as usize], &[]),
        Err(ImportError::Empty)
    );
}

#[test]
fn every_message_exists_in_both_languages() {
    let manifest = std::fs::read_to_string(format!("{DIR}/MANIFEST.tsv")).unwrap();
    for line in manifest.lines().filter(|l| !l.starts_with('#')) {
        let file = line.split('\t').next().unwrap();
        if let Err(e) = import(
            &std::fs::read(format!("{DIR}/reports/{file}")).unwrap(),
            &[Checklist::builtin()],
        ) {
            let m = e.message();
            let (zh, en) = (m.tr(Lang::Zh), m.tr(Lang::En));
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{file}");
        }
    }
}

/// Issue 23: a report with a wrong type or value says, in the catalogue's
/// words and in both languages, which field and what it expected — never the
/// parser's English (`invalid type: string "2026年", expected i32`).
#[test]
fn wrong_types_name_the_field_in_words_never_the_parsers_text() {
    let manifest = std::fs::read_to_string(format!("{DIR}/MANIFEST.tsv")).unwrap();
    let serde_words = [
        "invalid type",
        "expected",
        "unknown variant",
        "missing field",
        "unknown field",
        "invalid value",
        "i32",
        "u64",
        "f64",
    ];
    let mut checked = 0;
    for line in manifest.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (file, kind) = (cols.next().unwrap(), cols.next().unwrap());
        if kind != "Field" {
            continue;
        }
        let e = import(
            &std::fs::read(format!("{DIR}/reports/{file}")).unwrap(),
            &[Checklist::builtin()],
        )
        .unwrap_err();
        let ImportError::Field { path, .. } = &e else {
            panic!("{file}: {e:?}")
        };
        for lang in [Lang::Zh, Lang::En] {
            let text = e.message().tr(lang);
            assert!(
                text.contains(path.as_str()),
                "{file}: the path {path} in {text}"
            );
            for w in serde_words {
                assert!(!text.contains(w), "{file}: “{w}” in {text}");
            }
        }
        checked += 1;
    }
    assert!(checked >= 14, "{checked}");
    let year = import(
        &std::fs::read(format!("{DIR}/reports/year-string.json")).unwrap(),
        &[Checklist::builtin()],
    )
    .unwrap_err()
    .message();
    assert!(
        year.tr(Lang::Zh)
            .contains("自查年度（year）应为数字，实为“"),
        "{}",
        year.tr(Lang::Zh)
    );
    assert!(year
        .tr(Lang::En)
        .contains("“year” should be a number, but is “"));
}
