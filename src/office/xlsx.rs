//! Excel (.xlsx) from workbook content: a bold, shaded header row frozen at
//! the top (and the sheet's leading columns frozen where it has them),
//! column widths, an autofilter, whole numbers and scores as numbers, rates
//! as percentages, dates as dates, answers coloured, overdue rectifications
//! and unverified reports highlighted. Every text is written as a string, so
//! a unit name such as `=HYPERLINK(…)` stays inert.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
};

use super::OfficeError;
use crate::model::assessment::Status;
use crate::model::desk::workbook::{Cell, Mark, Sheet, Workbook as Content};

impl From<rust_xlsxwriter::XlsxError> for OfficeError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        OfficeError::new(e.to_string())
    }
}

/// Fill colours: overdue (light red, as Excel marks bad values), unverified
/// (light amber), and the answers as on the desk.
const OVERDUE: u32 = 0xFFC7CE;
const FLAGGED: u32 = 0xFFEB9C;
const HEADER: u32 = 0xD9E1F2;

fn answer_fill(s: Option<Status>) -> u32 {
    match s {
        Some(Status::Done) => 0xC6EFCE,
        Some(Status::Partial) => 0xFFEB9C,
        Some(Status::NotDone) => 0xFFC7CE,
        Some(Status::NotApplicable) => 0xEDEDED,
        None => 0xFFFFFF,
    }
}

/// The formats of one kind of row.
struct Formats {
    text: Format,
    wrapped: Format,
    int: Format,
    score: Format,
    rate: Format,
    date: Format,
}

impl Formats {
    fn new(fill: Option<u32>) -> Formats {
        let base = || {
            let f = Format::new()
                .set_font_name("宋体")
                .set_border(FormatBorder::Thin);
            match fill {
                Some(c) => f.set_background_color(Color::RGB(c)),
                None => f,
            }
        };
        Formats {
            text: base(),
            wrapped: base().set_text_wrap().set_align(FormatAlign::Top),
            int: base().set_num_format("0"),
            score: base().set_num_format("0.00"),
            rate: base().set_num_format("0.0%"),
            date: base().set_num_format("yyyy-mm-dd"),
        }
    }
}

fn write_sheet(book: &mut Workbook, sheet: &Sheet) -> Result<(), OfficeError> {
    let ws = book.add_worksheet();
    ws.set_name(&sheet.name)?;
    let header = Format::new()
        .set_font_name("黑体")
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(HEADER));
    let plain = Formats::new(None);
    let overdue = Formats::new(Some(OVERDUE));
    let flagged = Formats::new(Some(FLAGGED));
    let answers: Vec<(Option<Status>, Format)> = Status::ALL_OR_NONE
        .into_iter()
        .map(|s| {
            (
                s,
                plain
                    .text
                    .clone()
                    .set_background_color(Color::RGB(answer_fill(s))),
            )
        })
        .collect();
    for (c, col) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        ws.set_column_width(c, col.width)?;
        ws.write_string_with_format(0, c, &col.header, &header)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        let f = match row.mark {
            Mark::None => &plain,
            Mark::Overdue => &overdue,
            Mark::Flagged => &flagged,
        };
        for (c, cell) in row.cells.iter().enumerate() {
            let wrap = sheet.columns.get(c).is_some_and(|col| col.wrap);
            let c = c as u16;
            match cell {
                Cell::Text(s) if wrap => ws.write_string_with_format(r, c, s, &f.wrapped)?,
                Cell::Text(s) => ws.write_string_with_format(r, c, s, &f.text)?,
                Cell::Int(n) => ws.write_number_with_format(r, c, *n as f64, &f.int)?,
                Cell::Score(x) => ws.write_number_with_format(r, c, *x, &f.score)?,
                Cell::Rate(x) => ws.write_number_with_format(r, c, *x, &f.rate)?,
                Cell::Date(d) => match ExcelDateTime::parse_from_str(d) {
                    Ok(date) => ws.write_datetime_with_format(r, c, &date, &f.date)?,
                    Err(_) => ws.write_string_with_format(r, c, d, &f.text)?,
                },
                Cell::Answer(s, label) => {
                    let format = answers
                        .iter()
                        .find(|(x, _)| x == s)
                        .map_or(&f.text, |(_, fmt)| fmt);
                    ws.write_string_with_format(r, c, label, format)?
                }
                Cell::Empty => ws.write_blank(r, c, &f.text)?,
            };
        }
    }
    ws.set_freeze_panes(1, sheet.frozen_columns)?;
    // Printed: A4 landscape, the header row on every page, as wide as one page
    // where the sheet allows (the matrix grows with the units: its columns run on).
    ws.set_paper_size(9).set_landscape().set_repeat_rows(0, 0)?;
    if sheet.columns.len() <= 12 {
        ws.set_print_fit_to_pages(1, 0);
    }
    if !sheet.columns.is_empty() {
        let last_col = sheet.columns.len() as u16 - 1;
        ws.autofilter(0, 0, sheet.rows.len() as u32, last_col)?;
    }
    Ok(())
}

/// The workbook as .xlsx bytes. `created` (YYYY-MM-DD) is the file's
/// creation date, so the same desk gives the same file.
pub fn workbook_xlsx(content: &Content, created: &str) -> Result<Vec<u8>, OfficeError> {
    let mut book = Workbook::new();
    if let Ok(date) = ExcelDateTime::parse_from_str(created.get(..10).unwrap_or(created)) {
        book.set_properties(&DocProperties::new().set_creation_datetime(&date));
    }
    for sheet in &content.sheets {
        write_sheet(&mut book, sheet)?;
    }
    Ok(book.save_to_buffer()?)
}
