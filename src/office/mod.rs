//! The office writers: pure functions from the model's document and
//! workbook content to Word (.docx) and Excel (.xlsx) bytes. Compiled only
//! with the `office` feature, so the main app binary never carries them; the
//! on-demand office module, the tests and the examples turn it on. No browser
//! API is used here: the bytes go to whoever asked (a download, a file).

mod docx;
mod xlsx;

pub use docx::document_docx;
pub use xlsx::workbook_xlsx;

use crate::model::annual::{annual_report, head_report};
use crate::model::assessment::Assessment;
use crate::model::checklist::Checklist;
use crate::model::desk::workbook::workbook;
use crate::model::desk::Desk;
use crate::model::messages::{m, Message};
use crate::model::report_doc::report_document;
use crate::model::text::Lang;

/// A document could not be written (the writer's own reason, in `detail`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeError {
    pub detail: String,
}

impl OfficeError {
    fn new(detail: String) -> OfficeError {
        OfficeError { detail }
    }

    /// What to tell the user: generating failed, and the draft, the JSON and the print are untouched.
    pub fn message(&self) -> Message {
        m::OfficeFailed {
            detail: self.detail.clone(),
        }
        .into()
    }
}

/// The self-assessment report as Word: the print view's content; `today`
/// (YYYY-MM-DD) is the date under the signature.
pub fn report_docx(
    c: &Checklist,
    a: &Assessment,
    today: &str,
    lang: Lang,
) -> Result<Vec<u8>, OfficeError> {
    document_docx(&report_document(c, a, today, lang))
}

/// The annual 法治政府建设情况报告 draft as Word.
pub fn annual_docx(c: &Checklist, a: &Assessment, lang: Lang) -> Result<Vec<u8>, OfficeError> {
    document_docx(&annual_report(c, a, lang))
}

/// The first responsible person's 述法 draft as Word.
pub fn head_docx(c: &Checklist, a: &Assessment, lang: Lang) -> Result<Vec<u8>, OfficeError> {
    document_docx(&head_report(c, a, lang))
}

/// The reviewer desk's group `group` as an Excel workbook (单位一览, 履职矩阵,
/// 整改跟踪, 问题文件); `today` (YYYY-MM-DD) decides what is overdue.
pub fn desk_xlsx(
    desk: &Desk,
    group: usize,
    today: &str,
    lang: Lang,
) -> Result<Vec<u8>, OfficeError> {
    workbook_xlsx(&workbook(desk, group, today, lang), today)
}

/// Which document a file name is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Report,
    Annual,
    Head,
}

/// The download name of a unit's document, e.g. `2026年X县青山镇人民政府法治政府建设第一责任人履职自查报告.docx`
/// (characters Windows, macOS or Linux reject are replaced, as for the JSON report).
pub fn docx_file_name(kind: Kind, unit: &str, year: i32, lang: Lang) -> String {
    let unit = unit.trim().to_string();
    let stem = match kind {
        Kind::Report => m::DocxReportName { unit, year }.tr(lang),
        Kind::Annual => m::DocxAnnualName { unit, year }.tr(lang),
        Kind::Head => m::DocxHeadName { unit, year }.tr(lang),
    };
    format!("{}.docx", safe_stem(&stem))
}

/// A name safe on Windows, macOS and Linux (the JSON report's rules): no
/// control characters or <>:"/\|?*, no leading or trailing dots, at most 100 characters.
fn safe_stem(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"/\\|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    cleaned
        .trim()
        .trim_matches('.')
        .trim()
        .chars()
        .take(100)
        .collect()
}

/// The download name of the desk workbook, e.g. `汇总审阅2027-03-02.xlsx`.
pub fn xlsx_file_name(today: &str, lang: Lang) -> String {
    let date = today.get(..10).unwrap_or(today).to_string();
    format!("{}.xlsx", m::XlsxDeskName { date }.tr(lang))
}
