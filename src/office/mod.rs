//! The office writers: pure functions from the model's document and
//! workbook content to Word (.docx) and Excel (.xlsx) bytes. Compiled only
//! with the `office` feature, so the main app binary never carries them; the
//! on-demand office module, the tests and the examples turn it on. No browser
//! API is used here: the bytes go to whoever asked (a download, a file).

#[cfg(feature = "tables")]
mod checklist_xlsx;
mod docx;
mod xlsx;

#[cfg(feature = "tables")]
pub use checklist_xlsx::write_xlsx;
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

pub use crate::model::document::{docx_file_name, xlsx_file_name, DocKind as Kind};

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
