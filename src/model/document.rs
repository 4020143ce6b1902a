//! Document content: what a generated document says, as structure — a title,
//! headings 一、 and （一）, body paragraphs with placeholders for what only a
//! person can write, tables and a closing block — without any layout. The
//! app shows it as copy-ready text ([`Document::text`]); the office writers
//! (`src/office/`, a separate module) lay the same content out as Word.

use super::messages::m;
use super::text::Lang;

/// A generated document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub lang: Lang,
    /// The title, centred (公文标题).
    pub title: String,
    /// Lines centred under the title (e.g. the author of a 述法 report).
    pub subtitle: Vec<String>,
    pub blocks: Vec<Block>,
    /// Text for every page's footer besides the page number (the report's fingerprint).
    pub footer: Option<String>,
}

/// One block of a document, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading: level 1 is 一、… (黑体), level 2 is （一）… (楷体), level 3 is 1. … (仿宋).
    Heading { level: u8, text: String },
    /// A body paragraph, first line indented two characters.
    Paragraph(Vec<Span>),
    /// A paragraph flush left, not indented (the addressee line).
    Flush(Vec<Span>),
    /// A table; its header row is repeated on every page.
    Table(Table),
    /// Lines at the right, after the text (unit, signature, date).
    Closing(Vec<Vec<Span>>),
}

/// A run of text in a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub enum Span {
    Text(String),
    /// What a person must write in (shown as 【…】, highlighted in Word).
    Placeholder(String),
}

impl Span {
    pub fn text(s: impl Into<String>) -> Span {
        Span::Text(s.into())
    }

    /// The span as it reads: a placeholder in 【】 (in [] in English).
    pub fn plain(&self, lang: Lang) -> String {
        match (self, lang) {
            (Span::Text(s), _) => s.clone(),
            (Span::Placeholder(s), Lang::Zh) => format!("【{s}】"),
            (Span::Placeholder(s), Lang::En) => format!("[{s}]"),
        }
    }
}

/// A table: column headings and widths, then rows of cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// A table column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    /// Relative width (the writer scales the widths to the text block).
    pub width: u32,
    pub align: Align,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
}

/// A table row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// One cell per column; a cell holds one or more paragraphs.
    pub cells: Vec<Vec<String>>,
    /// A row standing for a group (a part of the checklist): one cell across
    /// the whole table, in bold.
    pub spanning: bool,
    /// A totals row, in bold.
    pub bold: bool,
}

impl Row {
    pub fn new(cells: Vec<Vec<String>>) -> Row {
        Row {
            cells,
            spanning: false,
            bold: false,
        }
    }

    /// A row of single-paragraph cells.
    pub fn of(cells: impl IntoIterator<Item = String>) -> Row {
        Row::new(cells.into_iter().map(|c| vec![c]).collect())
    }
}

impl Document {
    pub fn new(lang: Lang, title: String) -> Document {
        Document {
            lang,
            title,
            subtitle: Vec::new(),
            blocks: Vec::new(),
            footer: None,
        }
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(vec![Span::text(text)]));
    }

    pub fn placeholder(&mut self, text: impl Into<String>) {
        self.blocks
            .push(Block::Paragraph(vec![Span::Placeholder(text.into())]));
    }

    /// The whole document as plain text: one line per paragraph, a blank
    /// line before each level-1 heading, placeholders in 【】, table rows
    /// with cells separated by tabs (Word and WPS paste those as tables).
    pub fn text(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.title);
        out.push('\n');
        for s in &self.subtitle {
            out.push_str(s);
            out.push('\n');
        }
        for b in &self.blocks {
            block_text(b, self.lang, &mut out);
        }
        out.trim_end().to_string()
    }

    /// The document cut at its level-1 headings, for copying part by part:
    /// the title and opening first (named `preamble`), then each part
    /// under its heading. Each part's text starts with its heading.
    pub fn parts(&self, preamble: &str) -> Vec<(String, String)> {
        let mut parts = vec![(preamble.to_string(), String::new())];
        parts[0].1.push_str(&self.title);
        parts[0].1.push('\n');
        for s in &self.subtitle {
            parts[0].1.push_str(s);
            parts[0].1.push('\n');
        }
        for b in &self.blocks {
            if let Block::Heading { level: 1, text } = b {
                parts.push((text.clone(), String::new()));
            }
            let last = parts.len() - 1;
            block_text(b, self.lang, &mut parts[last].1);
        }
        parts
            .into_iter()
            .map(|(h, t)| (h, t.trim().to_string()))
            .filter(|(_, t)| !t.is_empty())
            .collect()
    }

    /// Every placeholder of the document, in order.
    pub fn placeholders(&self) -> Vec<&str> {
        let spans = self.blocks.iter().flat_map(|b| match b {
            Block::Paragraph(s) | Block::Flush(s) => s.iter().collect::<Vec<_>>(),
            Block::Closing(lines) => lines.iter().flatten().collect(),
            _ => Vec::new(),
        });
        spans
            .filter_map(|s| match s {
                Span::Placeholder(p) => Some(p.as_str()),
                Span::Text(_) => None,
            })
            .collect()
    }
}

fn spans_text(spans: &[Span], lang: Lang) -> String {
    spans.iter().map(|s| s.plain(lang)).collect()
}

fn block_text(b: &Block, lang: Lang, out: &mut String) {
    match b {
        Block::Heading { level, text } => {
            if *level == 1 && !out.is_empty() {
                out.push('\n');
            }
            out.push_str(text);
        }
        Block::Paragraph(s) | Block::Flush(s) => out.push_str(&spans_text(s, lang)),
        Block::Closing(lines) => {
            out.push('\n');
            let lines: Vec<String> = lines.iter().map(|l| spans_text(l, lang)).collect();
            out.push_str(&lines.join("\n"));
        }
        Block::Table(t) => {
            let header: Vec<&str> = t.columns.iter().map(|c| c.header.as_str()).collect();
            out.push_str(&header.join("\t"));
            for r in &t.rows {
                out.push('\n');
                let cells: Vec<String> = r.cells.iter().map(|c| c.join(" ")).collect();
                out.push_str(&cells.join("\t"));
            }
        }
    }
    out.push('\n');
}

/// Which of a unit's documents a Word file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// The self-assessment report (自查报告).
    Report,
    /// The annual-report draft (年度报告草稿).
    Annual,
    /// The first responsible person's 述法 draft.
    Head,
}

/// The download name of a unit's document, e.g. `2026年X县青山镇人民政府法治政府建设第一责任人履职自查报告.docx`.
pub fn docx_file_name(kind: DocKind, unit: &str, year: i32, lang: Lang) -> String {
    let unit = unit.trim().to_string();
    let stem = match kind {
        DocKind::Report => m::DocxReportName { unit, year }.tr(lang),
        DocKind::Annual => m::DocxAnnualName { unit, year }.tr(lang),
        DocKind::Head => m::DocxHeadName { unit, year }.tr(lang),
    };
    format!("{}.docx", safe_stem(&stem, 100))
}

/// The download name of the desk workbook, e.g. `汇总审阅2027-03-02.xlsx`.
pub fn xlsx_file_name(today: &str, lang: Lang) -> String {
    let date = today.get(..10).unwrap_or(today).to_string();
    format!("{}.xlsx", m::XlsxDeskName { date }.tr(lang))
}

/// A file name's stem safe on Windows, macOS and Linux: no control characters
/// or <>:"/\|?*, no leading or trailing dots, at most `max` characters.
pub fn safe_stem(s: &str, max: usize) -> String {
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
        .take(max)
        .collect()
}
