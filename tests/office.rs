//! The Word and Excel writers natively: they make ZIP packages, the same
//! input gives the same bytes, and names and errors read right. What is
//! inside the files is checked by independent tools (tests/office/check.py,
//! python-docx and openpyxl) in the test command.

use std::rc::Rc;

use selfcheck::fixtures::realistic::realistic_assessment;
use selfcheck::fixtures::reports::generate_review_set;
use selfcheck::model::desk::workbook::{workbook, Cell, Mark};
use selfcheck::model::desk::Desk;
use selfcheck::model::document::Document;
use selfcheck::model::{Checklist, Lang};
use selfcheck::office::{self, Kind};

fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

#[test]
fn the_three_documents_are_word_packages_and_reproducible() {
    let c = Checklist::builtin();
    let a = realistic_assessment(c);
    for lang in [Lang::Zh, Lang::En] {
        let report = office::report_docx(c, &a, "2027-03-01", lang).unwrap();
        let annual = office::annual_docx(c, &a, lang).unwrap();
        let head = office::head_docx(c, &a, lang).unwrap();
        for doc in [&report, &annual, &head] {
            assert!(is_zip(doc) && doc.len() > 5_000, "{} bytes", doc.len());
        }
        assert_eq!(
            report,
            office::report_docx(c, &a, "2027-03-01", lang).unwrap()
        );
    }
    let empty = Document::new(Lang::Zh, "标题".into());
    assert!(is_zip(&office::document_docx(&empty).unwrap()));
}

fn desk() -> Desk {
    let other = Checklist::parse(include_str!("../examples/township-checklist.json")).unwrap();
    let known = [Rc::new(Checklist::builtin().clone())];
    let mut desk = Desk::new();
    for (name, bytes) in generate_review_set(12, 7, &other) {
        desk.add(&name, &bytes, &known);
    }
    desk
}

#[test]
fn the_desk_workbook_has_four_sheets_of_typed_cells() {
    let desk = desk();
    let g = desk.groups_by_size()[0];
    let wb = workbook(&desk, g, "2027-09-01", Lang::Zh);
    let names: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["单位一览", "履职矩阵", "整改跟踪", "问题文件"]);
    let units = &wb.sheets[0];
    assert_eq!(units.rows.len(), desk.groups()[g].slots().count());
    assert!(units
        .rows
        .iter()
        .all(|r| matches!(r.cells[5], Cell::Score(_))));
    assert_eq!(
        units
            .rows
            .iter()
            .filter(|r| r.mark == Mark::Flagged)
            .count(),
        3,
        "the tampered reports"
    );
    let matrix = &wb.sheets[1];
    assert_eq!(matrix.rows.len(), 52);
    // The matrix holds the reports in the figures: not the three tampered ones.
    assert_eq!(matrix.columns.len(), 3 + units.rows.len() - 3);
    let tracker = &wb.sheets[2];
    let overdue = tracker
        .rows
        .iter()
        .filter(|r| r.mark == Mark::Overdue)
        .count();
    assert!(overdue > 0 && overdue < tracker.rows.len());
    assert!(tracker
        .rows
        .iter()
        .all(|r| matches!(r.cells[8], Cell::Date(_) | Cell::Text(_) | Cell::Empty)));
    assert_eq!(wb.sheets[3].rows.len(), 5 + 3, "5 rejected, 3 flagged");
    let bytes = office::desk_xlsx(&desk, g, "2027-09-01", Lang::Zh).unwrap();
    assert!(is_zip(&bytes));
    assert_eq!(
        bytes,
        office::desk_xlsx(&desk, g, "2027-09-01", Lang::Zh).unwrap()
    );
}

#[test]
fn an_empty_desk_still_gives_a_workbook() {
    let bytes = office::desk_xlsx(&Desk::new(), 0, "2027-09-01", Lang::En).unwrap();
    assert!(is_zip(&bytes));
}

#[test]
fn file_names_are_safe_and_say_what_they_hold() {
    assert_eq!(
        office::docx_file_name(Kind::Report, "X县青山镇人民政府", 2026, Lang::Zh),
        "2026年X县青山镇人民政府法治政府建设第一责任人履职自查报告.docx"
    );
    assert_eq!(
        office::docx_file_name(Kind::Annual, "X县青山镇人民政府", 2026, Lang::Zh),
        "2026年度X县青山镇人民政府法治政府建设情况报告（草稿）.docx"
    );
    let odd = office::docx_file_name(Kind::Head, "a/b:c*d?", 2026, Lang::Zh);
    assert!(!odd.contains(['/', ':', '*', '?']), "{odd}");
    assert_eq!(
        office::xlsx_file_name("2027-03-02T10:00:00Z", Lang::Zh),
        "汇总审阅2027-03-02.xlsx"
    );
}
