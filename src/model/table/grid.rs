//! Reading a spreadsheet file into plain sheets of cells: .xlsx and .ods
//! through `calamine`, .csv through `csv`. What kind of file it is comes
//! from its bytes, not its name; a text file that is not UTF-8 (a CSV saved
//! as GBK, Excel's “CSV (逗号分隔)” on a Chinese Windows) is recognised and
//! refused with how to save it as UTF-8.

use std::io::Cursor;

use calamine::{Data, Dimensions, Ods, Reader, Xlsx};

use super::{Cell, FileProblem, Merge, Sheet};

/// Files larger than this are refused before they are parsed.
pub const MAX_TABLE_BYTES: usize = 10 * 1024 * 1024;

/// The sheets of a spreadsheet file, or why it is not one.
pub fn read_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, FileProblem> {
    if bytes.len() > MAX_TABLE_BYTES {
        return Err(FileProblem::TooLarge { bytes: bytes.len() });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileProblem::Empty);
    }
    // .xlsx and .ods are ZIP archives.
    if bytes.starts_with(b"PK\x03\x04") {
        return workbook(bytes);
    }
    // An OLE compound file: an old .xls, or a password-protected workbook.
    // calamine's .xls reader panics on some damaged files, which would end
    // the app (panic = abort), so these are refused with how to save them.
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(FileProblem::OldExcel);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(FileProblem::Utf16);
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(text) {
        Ok(t) if !looks_binary(t) => csv_sheet(t),
        Ok(_) => Err(FileProblem::NotASpreadsheet),
        Err(_) if looks_gbk(text) => Err(FileProblem::Gbk),
        Err(_) => Err(FileProblem::NotASpreadsheet),
    }
}

/// Control characters other than tab and line breaks: an image, a PDF, a
/// Word document, not a table someone typed.
fn looks_binary(t: &str) -> bool {
    t.chars()
        .take(4096)
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// True when every byte outside ASCII pairs up as a GBK (GB 18030 two-byte)
/// character: lead 0x81–0xFE, trail 0x40–0xFE except 0x7F. Chinese text that
/// is not UTF-8 is, in practice, GBK.
fn looks_gbk(b: &[u8]) -> bool {
    let (mut i, mut pairs) = (0, 0);
    while i < b.len() {
        match b[i] {
            0x00..=0x7F => i += 1,
            0x81..=0xFE if matches!(b.get(i + 1), Some(0x40..=0x7E | 0x80..=0xFE)) => {
                pairs += 1;
                i += 2;
            }
            _ => return false,
        }
    }
    pairs > 0
}

fn csv_sheet(text: &str) -> Result<Vec<Sheet>, FileProblem> {
    let first = text.lines().next().unwrap_or("");
    // Excel's “Unicode text” and some exports separate by tabs, a few locales by semicolons.
    let delimiter = [b',', b'\t', b';']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| FileProblem::Unreadable {
            detail: e.to_string(),
        })?;
        rows.push(record.iter().map(Cell::text).collect());
    }
    Ok(vec![Sheet {
        name: None,
        rows,
        merges: Vec::new(),
    }])
}

/// An OpenDocument file names its kind first, uncompressed: “mimetype”
/// then “application/vnd.oasis.opendocument.spreadsheet”.
fn is_ods(bytes: &[u8]) -> bool {
    bytes.get(30..38) == Some(b"mimetype")
        && bytes
            .get(38..84)
            .is_some_and(|m| m.starts_with(b"application/vnd.oasis.opendocument.spreadsheet"))
}

fn workbook(bytes: &[u8]) -> Result<Vec<Sheet>, FileProblem> {
    if is_ods(bytes) {
        let book: Ods<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|_| FileProblem::NotASpreadsheet)?;
        // calamine gives no merged regions for .ods: merged 部分 and 方面
        // read as empty cells below the first, which means “as above” anyway.
        sheets(book, |_, _| Vec::new())
    } else {
        let book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|_| FileProblem::NotASpreadsheet)?;
        sheets(book, |book, name| {
            book.merge_cells_by_sheet_name(name).unwrap_or_default()
        })
    }
}

/// Every sheet of a workbook, with its merged regions as `merges` gives them.
fn sheets<'a, R>(
    mut book: R,
    merges: impl Fn(&mut R, &str) -> Vec<Dimensions>,
) -> Result<Vec<Sheet>, FileProblem>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| FileProblem::Unreadable {
                detail: e.to_string(),
            })?;
        let merged = merges(&mut book, &name)
            .into_iter()
            .map(|d| Merge {
                rows: (d.start.0 as usize, d.end.0 as usize),
                cols: (d.start.1 as usize, d.end.1 as usize),
            })
            .collect();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); r0 as usize];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; c0 as usize];
            cells.extend(row.iter().map(cell));
            rows.push(cells);
        }
        out.push(Sheet {
            name: Some(name),
            rows,
            merges: merged,
        });
    }
    Ok(out)
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}
