//! Checklists from tables: the county example as a workbook and as CSV reads
//! back into exactly its definition (same fingerprint); bilingual checklists
//! survive the round trip through the table writer; the template; and the
//! corpus of broken tables (tests/corpus/tables, written by make.py with
//! openpyxl), each with every problem MANIFEST.tsv expects, in both languages.

use selfcheck::model::table::{
    read_table, template, template_xlsx, write_csv, Meta, Options, TableProblem,
};
use selfcheck::model::{Checklist, Lang};
use selfcheck::office::write_xlsx;

const COUNTY: &str = include_str!("../examples/county-checklist.json");
const TOWNSHIP: &str = include_str!("../examples/township-checklist.json");
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/tables");

fn county() -> Checklist {
    Checklist::parse(COUNTY).unwrap()
}

fn read_file(path: &str) -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + path).unwrap()
}

fn zh(problems: &[TableProblem]) -> Vec<String> {
    problems.iter().map(|p| p.message().tr(Lang::Zh)).collect()
}

/// Reads a table with the information its sheet gives, or `meta` for a CSV file.
fn checklist_of(bytes: &[u8], meta: Option<&Meta>) -> Result<Checklist, Vec<String>> {
    let t = read_table(bytes, Options::default()).map_err(|p| zh(&[p]))?;
    let meta = if t.has_info_sheet {
        &t.meta
    } else {
        meta.unwrap_or(&t.meta)
    };
    t.checklist(meta).map_err(|p| zh(&p))
}

#[test]
fn the_county_workbook_is_the_county_example() {
    let bytes = read_file("examples/county-table.xlsx");
    let t = read_table(&bytes, Options::default()).unwrap();
    assert!(t.has_info_sheet);
    assert_eq!(t.sheet.as_deref(), Some("考核细则"));
    assert_eq!(t.item_count(), 33);
    assert!(!t.ids_generated && !t.ids_faulty);
    let c = t
        .checklist(&t.meta)
        .unwrap_or_else(|p| panic!("{:#?}", zh(&p)));
    assert_eq!(c, county());
    assert_eq!(c.sha256(), county().sha256());
}

#[test]
fn the_county_csv_with_its_information_entered_is_the_county_example() {
    let bytes = read_file("examples/county-table.csv");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "written with a BOM for Excel"
    );
    let t = read_table(&bytes, Options::default()).unwrap();
    assert!(!t.has_info_sheet && t.sheet.is_none());
    // What the form starts with: the usual grades, and the step the points
    // and the deduction rules (扣0.3分) need.
    assert_eq!(t.meta.score_step, Some(0.1));
    assert_eq!(t.meta.grade_bands, Meta::usual_grade_bands());
    assert!(t.meta.id.is_empty() && t.meta.title.zh.is_empty());
    // Without its information the definition is refused, saying what is missing.
    let missing = zh(&t.checklist(&t.meta).unwrap_err());
    for field in ["清单编号", "版本", "清单标题"] {
        assert!(
            missing
                .iter()
                .any(|m| m.starts_with(&format!("清单信息「{field}」"))),
            "{missing:?}"
        );
    }
    let c = t.checklist(&Meta::of(&county())).unwrap();
    assert_eq!(c.sha256(), county().sha256());
}

#[test]
fn the_committed_tables_are_what_the_writer_writes() {
    // Written twice: the same bytes (the writer is deterministic).
    assert_eq!(write_xlsx(&county()), write_xlsx(&county()));
    assert_eq!(
        read_file("examples/county-table.xlsx"),
        write_xlsx(&county()),
        "run: cargo run --example make_tables"
    );
    assert_eq!(read_file("examples/county-table.csv"), write_csv(&county()));
    assert_eq!(
        read_file("examples/checklist-template.xlsx"),
        template_xlsx()
    );
}

#[test]
fn the_template_reads_back_with_its_one_example_row() {
    let t = read_table(&template_xlsx(), Options::default()).unwrap();
    assert_eq!(t.item_count(), 1);
    assert!(t.has_info_sheet);
    assert_eq!(t.meta.score_step, Some(0.1));
    assert_eq!(t.meta.total_points, Some(100.0));
    // One row of 1.5 points against 满分 100: the only problem, at the 分值 column.
    let problems = zh(&t.checklist(&t.meta).unwrap_err());
    assert_eq!(
        problems,
        ["工作表「考核细则」「分值」列：各检查事项分值合计应为100分，实际为1.5分"]
    );
    let mut meta = t.meta.clone();
    meta.total_points = Some(1.5);
    let c = t.checklist(&meta).unwrap();
    let mut expected = template();
    expected.total_points = Some(1.5);
    assert_eq!(c, expected);
    // Every template column is filled in the example row.
    let item = c.items().next().unwrap();
    assert!(!item.source.quote.is_empty() && item.deduction.is_some());
}

#[test]
fn bilingual_checklists_survive_the_round_trip_through_a_table() {
    // The township example (ids like leadership.annual_plan, English throughout)
    // and the built-in checklist: written as a workbook, read back identical.
    for c in [
        Checklist::parse(TOWNSHIP).unwrap(),
        Checklist::builtin().clone(),
    ] {
        let back =
            checklist_of(&write_xlsx(&c), None).unwrap_or_else(|p| panic!("{}: {p:#?}", c.id));
        assert_eq!(back, c, "{}", c.id);
        assert_eq!(back.sha256(), c.sha256());
        // As CSV the items come back too; the information is entered.
        let back = checklist_of(&write_csv(&c), Some(&Meta::of(&c))).unwrap();
        assert_eq!(back.sha256(), c.sha256(), "{} as CSV", c.id);
    }
}

#[test]
fn items_can_be_numbered_when_ids_are_missing_or_repeated() {
    let bytes = std::fs::read(format!("{DIR}/id-duplicate.xlsx")).unwrap();
    let t = read_table(&bytes, Options::default()).unwrap();
    assert!(t.ids_faulty && !t.ids_generated);
    assert!(t.checklist(&t.meta).is_err());
    let t = read_table(&bytes, Options { generate_ids: true }).unwrap();
    assert!(t.ids_generated);
    let c = t.checklist(&t.meta).unwrap();
    // section.item, as the county example's own ids.
    assert_eq!(c.sha256(), county().sha256());
}

struct Case {
    file: String,
    expected: Vec<String>,
}

fn manifest() -> Vec<Case> {
    std::fs::read_to_string(format!("{DIR}/MANIFEST.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "MANIFEST.tsv line: {l:?}");
            Case {
                file: cols[0].into(),
                expected: cols[1].split(" ‖ ").map(str::to_string).collect(),
            }
        })
        .collect()
}

#[test]
fn manifest_lists_every_corpus_file() {
    let mut on_disk: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f != "make.py" && f != "MANIFEST.tsv")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = manifest().into_iter().map(|c| c.file).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    assert!(listed.len() >= 25);
}

#[test]
fn every_corpus_table_gets_every_expected_message_in_both_languages() {
    let meta = Meta::of(&county());
    let mut failures = Vec::new();
    for case in manifest() {
        let bytes = std::fs::read(format!("{DIR}/{}", case.file)).unwrap();
        let read = read_table(&bytes, Options::default());
        let result = match &read {
            Err(p) => Err(vec![p.clone()]),
            Ok(t) => t.checklist(if t.has_info_sheet { &t.meta } else { &meta }),
        };
        match (case.expected.as_slice(), result) {
            ([ok], Ok(c)) if ok == "OK" => {
                if c.sha256() != county().sha256() {
                    failures.push(format!(
                        "{}: read, but not as the county example",
                        case.file
                    ));
                }
            }
            (_, Ok(_)) => failures.push(format!("{}: accepted", case.file)),
            ([ok], Err(p)) if ok == "OK" => {
                failures.push(format!("{}: refused: {:#?}", case.file, zh(&p)))
            }
            (expected, Err(problems)) => {
                let got = zh(&problems);
                for e in expected {
                    if !got.contains(e) {
                        failures.push(format!("{}: expected {e:?}, got {got:#?}", case.file));
                    }
                }
                for p in &problems {
                    let (zh, en) = (p.message().tr(Lang::Zh), p.message().tr(Lang::En));
                    if en.is_empty() || en == zh || en.contains("{") {
                        failures.push(format!("{}: no English for {zh}", case.file));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn damaged_workbooks_are_refused_without_a_panic() {
    // A panic would end the app (panic = abort in the shipped build): every
    // cut and every corrupted byte must come back as a problem or a result.
    // (calamine's .xls reader panics on a cut file: .xls is refused, see below.)
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut cases: Vec<Vec<u8>> = Vec::new();
    for file in [
        "examples/county-table.xlsx",
        "examples/county-table.csv",
        "tests/corpus/tables/valid-libreoffice.ods",
        "tests/corpus/tables/valid-title-rows-and-totals.xlsx",
    ] {
        let whole = read_file(file);
        cases.extend((1..40).map(|k| whole[..whole.len() * k / 40].to_vec()));
        for _ in 0..300 {
            let mut b = whole.clone();
            for _ in 0..1 + next() % 8 {
                let i = (next() as usize) % b.len();
                b[i] = next() as u8;
            }
            cases.push(b);
        }
    }
    for (n, bytes) in cases.iter().enumerate() {
        let outcome = std::panic::catch_unwind(|| {
            if let Ok(t) = read_table(bytes, Options::default()) {
                let _ = t.checklist(&t.meta);
            }
        });
        assert!(outcome.is_ok(), "case {n} panicked");
    }
}

#[test]
fn old_excel_files_are_refused_with_how_to_save_them() {
    // calamine's .xls reader panics on damaged files, which would end the app:
    // an OLE compound file (.xls, or a password-protected workbook) is refused.
    for bytes in [
        std::fs::read(format!("{DIR}/old-excel.xls")).unwrap(),
        std::fs::read(format!("{DIR}/old-excel.xls")).unwrap()[..4000].to_vec(),
    ] {
        let p = read_table(&bytes, Options::default()).unwrap_err();
        assert!(p.message().tr(Lang::Zh).contains("另存为"), "{p:?}");
        assert!(p.message().tr(Lang::En).contains(".xlsx"), "{p:?}");
    }
}
