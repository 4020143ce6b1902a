//! A checklist from a table: the county Justice Bureau's 考核细则 as an Excel
//! or WPS workbook (.xlsx), an OpenDocument spreadsheet (.ods) or a CSV file becomes a checklist
//! definition, and a definition becomes a workbook again (the downloadable
//! template is one). Only with the `tables` feature: a unit's app never
//! reads tables, so the spreadsheet crates stay out of what a unit downloads.
//!
//! Reading is two steps, so the app can show what it found before the
//! checklist's own information is complete (a CSV has no second sheet):
//! [`read_table`] reads the items (every problem found, each with its sheet,
//! row and column) and what the sheet 清单信息 says ([`Meta`]); then
//! [`TableRead::checklist`] builds the definition with the information the
//! user confirmed or entered, checking everything the definition format
//! checks. The table layout is documented in docs/checklist-format.md.

mod build;
mod columns;
mod grid;
pub(crate) mod write;

pub use build::{Meta, Options, TableRead, INFO_SHEET, ITEMS_SHEET};
pub use columns::Column;
pub use grid::MAX_TABLE_BYTES;
pub use write::{template, template_xlsx, write_csv};

use super::messages::{Megabytes, Message};
use crate::model::messages::bureau as b;

/// One cell's content.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A formula's error value (#REF!, #DIV/0!…).
    Error(String),
}

impl Cell {
    /// A text cell, trimmed; blank text is an empty cell.
    pub fn text(s: &str) -> Cell {
        let t = s.trim();
        if t.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(t.to_string())
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Cell::Empty
    }

    /// The content as text: a number as written in its shortest form
    /// (1.1, 3), an error value as shown (#REF!).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Error(s) => s.clone(),
            Cell::Number(x) => number_text(*x),
        }
    }
}

/// A number written as a person would: 1.2, never 1.2000000000000002 (a
/// value computed by a formula), 3 rather than 3.0.
pub fn number_text(x: f64) -> String {
    let rounded = (x * 1e9).round() / 1e9;
    let y = if (rounded - x).abs() < 1e-9 {
        rounded
    } else {
        x
    };
    y.to_string()
}

/// A merged region, rows and columns counted from 0, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub rows: (usize, usize),
    pub cols: (usize, usize),
}

/// One sheet of a workbook (a CSV file is one sheet without a name).
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: Option<String>,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
}

/// Why a file cannot be read as a table at all.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// Neither a workbook nor UTF-8 text: an image, a Word document…
    NotASpreadsheet,
    /// Text in GBK (Excel's “CSV (逗号分隔)” on a Chinese Windows).
    Gbk,
    /// Text in UTF-16 (Excel's “Unicode 文本”).
    Utf16,
    /// An OLE compound file: Excel 97–2003 (.xls) or a password-protected workbook.
    OldExcel,
    /// A workbook the reader could not open (damaged, protected).
    Unreadable {
        detail: String,
    },
}

impl FileProblem {
    pub fn message(&self) -> Message {
        match self {
            FileProblem::Empty => b::Msg::TableEmpty.into(),
            FileProblem::TooLarge { bytes } => b::m::TableTooLarge {
                size: Megabytes(*bytes as u64),
                limit: (MAX_TABLE_BYTES / 1048576) as u64,
            }
            .into(),
            FileProblem::NotASpreadsheet => b::Msg::TableNotSpreadsheet.into(),
            FileProblem::Gbk => b::Msg::TableGbk.into(),
            FileProblem::Utf16 => b::Msg::TableUtf16.into(),
            FileProblem::OldExcel => b::Msg::TableOldExcel.into(),
            FileProblem::Unreadable { detail } => b::m::TableUnreadable {
                detail: detail.clone(),
            }
            .into(),
        }
    }
}

/// Where a problem is. Rows are numbered as the spreadsheet shows them (from
/// 1); `column` is the header as written in the table.
#[derive(Clone, Debug, PartialEq)]
pub enum Loc {
    File,
    Sheet {
        sheet: Option<String>,
    },
    Row {
        sheet: Option<String>,
        row: usize,
    },
    Column {
        sheet: Option<String>,
        column: String,
    },
    Cell {
        sheet: Option<String>,
        row: usize,
        column: String,
        /// The cell's reference, e.g. E12.
        cell: String,
    },
    /// A field of the checklist's information (sheet 清单信息 or the form).
    Meta {
        field: b::Msg,
    },
}

/// A problem found in a table, with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct TableProblem {
    pub loc: Loc,
    /// What is wrong, without the place.
    pub what: Message,
}

impl TableProblem {
    /// The whole message: where, then what (第12行「分值」（E12）：应为数字，实为“三分”).
    pub fn message(&self) -> Message {
        let problem = Box::new(self.what.clone());
        match self.loc.clone() {
            Loc::File => self.what.clone(),
            Loc::Sheet { sheet: None } => self.what.clone(),
            Loc::Sheet { sheet: Some(sheet) } => b::m::TableAtSheet { sheet, problem }.into(),
            Loc::Row { sheet: None, row } => b::m::TableAtRowCsv { row, problem }.into(),
            Loc::Row {
                sheet: Some(sheet),
                row,
            } => b::m::TableAtRow {
                sheet,
                row,
                problem,
            }
            .into(),
            Loc::Column {
                sheet: None,
                column,
            } => b::m::TableAtColumnCsv { column, problem }.into(),
            Loc::Column {
                sheet: Some(sheet),
                column,
            } => b::m::TableAtColumn {
                sheet,
                column,
                problem,
            }
            .into(),
            Loc::Cell {
                sheet: None,
                row,
                column,
                cell,
            } => b::m::TableAtCellCsv {
                row,
                column,
                cell,
                problem,
            }
            .into(),
            Loc::Cell {
                sheet: Some(sheet),
                row,
                column,
                cell,
            } => b::m::TableAtCell {
                sheet,
                row,
                column,
                cell,
                problem,
            }
            .into(),
            Loc::Meta { field } => b::m::TableAtMeta { field, problem }.into(),
        }
    }
}

/// A cell's reference as the spreadsheet shows it: column letters and the
/// row number (row and column counted from 0 here): (11, 4) is E12.
pub fn cell_ref(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        String::from_utf8(letters).unwrap_or_default(),
        row + 1
    )
}

/// Reads a table file: its items with every problem found, and the
/// checklist information its sheet 清单信息 holds. `Err` when the file is
/// not a table at all (one problem, about the file).
pub fn read_table(bytes: &[u8], options: Options) -> Result<TableRead, TableProblem> {
    let sheets = grid::read_sheets(bytes).map_err(|p| TableProblem {
        loc: Loc::File,
        what: p.message(),
    })?;
    Ok(build::read(sheets, options))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_are_excel_s() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(11, 4), "E12");
        assert_eq!(cell_ref(0, 25), "Z1");
        assert_eq!(cell_ref(0, 26), "AA1");
        assert_eq!(cell_ref(9, 27), "AB10");
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number_text(1.2000000000000002), "1.2");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(3.0), "3");
        assert_eq!(Cell::Number(1.1).as_text(), "1.1");
        assert_eq!(Cell::text("  "), Cell::Empty);
    }
}
