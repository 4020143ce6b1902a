//! Writes the office documents for reading back with independent tools
//! (tests/office/check.py, python-docx and openpyxl):
//!
//! - `report.docx` / `report.json` — the self-assessment report of the
//!   realistic assessment (src/fixtures/realistic.rs) as Word, and the same
//!   report as JSON (its fingerprint is in the Word footer);
//! - `annual.docx`, `head.docx` — the annual-report and 述法 drafts (and
//!   `annual-en.docx`, the annual draft in English);
//! - `desk.xlsx` — the reviewer desk's workbook of the report files in
//!   DESK_SET (as written by `gen_reports`) plus `injection.json`, a valid
//!   report whose unit name is a spreadsheet formula, written here too.
//!
//! `cargo run --example office_files -- OUT_DIR DESK_SET [TODAY]`
//! (TODAY, YYYY-MM-DD, decides which rectifications are overdue; 2027-09-01).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use selfcheck::fixtures::realistic::realistic_assessment;
use selfcheck::fixtures::sample::sample_assessment;
use selfcheck::model::desk::Desk;
use selfcheck::model::{report, Checklist, Lang};
use selfcheck::office;

/// A unit name a spreadsheet would run as a formula, were it written as one.
pub const INJECTION: &str = "=HYPERLINK(\"http://example.invalid\",\"点击查看\")";

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn run(out: &Path, set: &Path, today: &str) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let c = Checklist::builtin();
    let a = realistic_assessment(c);
    let fail = |e: office::OfficeError| e.message().tr(Lang::En);
    write(
        &out.join("report.json"),
        report::export_current(c, &a).1.as_bytes(),
    )?;
    write(
        &out.join("report.docx"),
        &office::report_docx(c, &a, today, Lang::Zh).map_err(fail)?,
    )?;
    write(
        &out.join("annual.docx"),
        &office::annual_docx(c, &a, Lang::Zh).map_err(fail)?,
    )?;
    write(
        &out.join("head.docx"),
        &office::head_docx(c, &a, Lang::Zh).map_err(fail)?,
    )?;
    write(
        &out.join("annual-en.docx"),
        &office::annual_docx(c, &a, Lang::En).map_err(fail)?,
    )?;

    let mut injected = sample_assessment(c);
    injected.unit.name = INJECTION.into();
    let injection = report::export_current(c, &injected).1;
    write(&out.join("injection.json"), injection.as_bytes())?;
    let known = [Rc::new(c.clone())];
    let mut desk = Desk::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(set)
        .map_err(|e| format!("cannot read {}: {e}", set.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    for path in &names {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        desk.add(&name, &bytes, &known);
    }
    desk.add("injection.json", injection.as_bytes(), &known);
    let group = desk.groups_by_size()[0];
    let xlsx = office::desk_xlsx(&desk, group, today, Lang::Zh).map_err(fail)?;
    write(&out.join("desk.xlsx"), &xlsx)?;
    println!(
        "wrote report.docx, annual.docx, head.docx, annual-en.docx and desk.xlsx ({} rows, {} files read) to {}",
        desk.groups()[group].slots().count(),
        desk.files(),
        out.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, set, today) = match args.as_slice() {
        [out, set] => (out, set, "2027-09-01"),
        [out, set, today] => (out, set, today.as_str()),
        _ => {
            eprintln!("usage: office_files OUT_DIR DESK_SET [TODAY]");
            return ExitCode::from(2);
        }
    };
    match run(Path::new(out), Path::new(set), today) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
