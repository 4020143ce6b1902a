//! Word (.docx) from document content, laid out after GB/T 9704-2012: A4;
//! margins 37 mm top, 28 mm left (binding), 35 mm bottom, 26 mm right; body
//! 3号 (16 pt) 仿宋_GB2312, title 2号 方正小标宋简体, headings 一、 in 黑体 and
//! （一） in 楷体_GB2312; page numbers "— N —" in 4号宋体, odd pages right and
//! even pages left; table header rows repeated on every page. Everything is
//! real paragraphs, named styles and tables, so Word, WPS and LibreOffice
//! edit it as their own.
//!
//! docx-rs writes the parts; two things it lacks are added to its XML before
//! it is zipped, each a fixed element and nothing of the content: the
//! `w:tblHeader` mark on header rows, and the font table's fallbacks
//! (`w:altName`: 仿宋_GB2312 → 仿宋 …) for computers without the GB2312 fonts.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run,
    RunFonts, Shading, SpecialIndentType, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::OfficeError;
use crate::model::document::{Align, Block, Document, Span};
use crate::model::text::Lang;

/// Fonts: the name Word looks for, and the fallback it uses when that is missing.
const FANGSONG: (&str, &str) = ("仿宋_GB2312", "仿宋");
const XIAOBIAOSONG: (&str, &str) = ("方正小标宋简体", "华文中宋");
const HEITI: (&str, &str) = ("黑体", "SimHei");
const KAITI: (&str, &str) = ("楷体_GB2312", "楷体");
const SONGTI: (&str, &str) = ("宋体", "SimSun");

/// Twentieths of a point per millimetre.
fn mm(x: f64) -> i32 {
    (x * 1440.0 / 25.4).round() as i32
}

/// A4 in twips.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_TOP_MM: f64 = 37.0;
const MARGIN_LEFT_MM: f64 = 28.0;
const MARGIN_BOTTOM_MM: f64 = 35.0;
const MARGIN_RIGHT_MM: f64 = 26.0;

/// The text block's width in twips (156 mm).
fn text_width() -> usize {
    (PAGE_W as i32 - mm(MARGIN_LEFT_MM) - mm(MARGIN_RIGHT_MM)) as usize
}

fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .ascii(name)
        .hi_ansi(name)
        .east_asia(name)
        .cs(name)
}

/// Style ids (names shown in Word's style list are Chinese).
const TITLE: &str = "GwTitle";
const SUBTITLE: &str = "GwSubtitle";
const BODY: &str = "GwBody";
const FLUSH: &str = "GwFlush";
const CLOSING: &str = "GwClosing";
const H1: &str = "Heading1";
const H2: &str = "Heading2";
const H3: &str = "Heading3";
const CELL: &str = "GwCell";
const CELL_HEAD: &str = "GwCellHead";
const PAGE_NO: &str = "GwPageNumber";
const FOOTER_NOTE: &str = "GwFooterNote";

/// Body lines: fixed 28 pt, so a page holds 22 lines as GB/T 9704 asks.
fn body_spacing() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(560)
        .before(0)
        .after(0)
}

fn styles(docx: Docx) -> Docx {
    let para = |id: &str, name: &str, font: (&str, &str), half_points: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .fonts(fonts(font.0))
            .size(half_points)
            .line_spacing(body_spacing())
            .q_format(true)
    };
    docx.add_style(
        para(TITLE, "公文标题", XIAOBIAOSONG, 44)
            .align(AlignmentType::Center)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Exact)
                    .line(700)
                    .after(280),
            ),
    )
    .add_style(para(SUBTITLE, "署名", KAITI, 32).align(AlignmentType::Center))
    .add_style(
        para(BODY, "公文正文", FANGSONG, 32)
            .align(AlignmentType::Both)
            .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
            .first_line_chars(200),
    )
    .add_style(para(FLUSH, "顶格正文", FANGSONG, 32).align(AlignmentType::Both))
    .add_style(para(CLOSING, "落款", FANGSONG, 32).align(AlignmentType::Right))
    .add_style(
        para(H1, "heading 1", HEITI, 32)
            .outline_lvl(0)
            .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
            .first_line_chars(200),
    )
    .add_style(
        para(H2, "heading 2", KAITI, 32)
            .outline_lvl(1)
            .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
            .first_line_chars(200),
    )
    .add_style(
        para(H3, "heading 3", FANGSONG, 32)
            .bold()
            .outline_lvl(2)
            .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
            .first_line_chars(200),
    )
    .add_style(
        Style::new(CELL, StyleType::Paragraph)
            .name("表格文字")
            .fonts(fonts(FANGSONG.0))
            .size(21)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Auto)
                    .line(260),
            ),
    )
    .add_style(
        Style::new(CELL_HEAD, StyleType::Paragraph)
            .name("表头")
            .fonts(fonts(HEITI.0))
            .size(21)
            .align(AlignmentType::Center),
    )
    .add_style(
        Style::new(PAGE_NO, StyleType::Paragraph)
            .name("页码")
            .fonts(fonts(SONGTI.0))
            .size(28),
    )
    .add_style(
        Style::new(FOOTER_NOTE, StyleType::Paragraph)
            .name("页脚注记")
            .fonts(fonts("Courier New"))
            .size(16)
            .align(AlignmentType::Center),
    )
}

fn runs(mut p: Paragraph, spans: &[Span], lang: Lang) -> Paragraph {
    for s in spans {
        p = match s {
            Span::Text(t) => p.add_run(Run::new().add_text(t)),
            // What a person must write stands out: yellow, as Word marks a to-do.
            Span::Placeholder(_) => {
                p.add_run(Run::new().add_text(s.plain(lang)).highlight("yellow"))
            }
        };
    }
    p
}

fn styled(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(text))
}

/// "— N —", at the outer edge: right on odd pages, left on even ones, one character in.
fn page_number(align: AlignmentType) -> Paragraph {
    let indent = match align {
        AlignmentType::Right => (None, Some(280)),
        _ => (Some(280), None),
    };
    Paragraph::new()
        .style(PAGE_NO)
        .align(align)
        .indent(indent.0, None, indent.1, None)
        .add_run(Run::new().add_text("— "))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(" —"))
}

fn footer(align: AlignmentType, note: Option<&str>) -> Footer {
    let f = Footer::new().add_paragraph(page_number(align));
    match note {
        Some(n) => f.add_paragraph(styled(FOOTER_NOTE, n)),
        None => f,
    }
}

fn cell(paragraphs: &[String], style: &str, align: Align, width: usize, bold: bool) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    for p in paragraphs {
        let run = Run::new().add_text(p);
        let mut para = Paragraph::new()
            .style(style)
            .add_run(if bold { run.bold() } else { run });
        if align == Align::Center {
            para = para.align(AlignmentType::Center);
        }
        c = c.add_paragraph(para);
    }
    if paragraphs.is_empty() {
        c = c.add_paragraph(Paragraph::new().style(style));
    }
    c
}

fn table(t: &crate::model::document::Table) -> Table {
    let total: u32 = t.columns.iter().map(|c| c.width).sum::<u32>().max(1);
    let widths: Vec<usize> = t
        .columns
        .iter()
        .map(|c| text_width() * c.width as usize / total as usize)
        .collect();
    let mut rows = Vec::with_capacity(t.rows.len() + 1);
    if t.columns.iter().any(|c| !c.header.is_empty()) {
        let cells = t
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                cell(
                    std::slice::from_ref(&c.header),
                    CELL_HEAD,
                    Align::Center,
                    *w,
                    false,
                )
                .shading(Shading::new().fill("F2F2F2"))
            })
            .collect();
        // cantSplit marks the header row; `repeat_header_rows` adds tblHeader to it.
        rows.push(TableRow::new(cells).cant_split());
    }
    for r in &t.rows {
        let cells = if r.spanning {
            vec![cell(&r.cells[0], CELL, Align::Left, text_width(), true)
                .grid_span(t.columns.len())
                .shading(Shading::new().fill("F7F7F7"))]
        } else {
            r.cells
                .iter()
                .zip(t.columns.iter().zip(&widths))
                .map(|(paras, (c, w))| cell(paras, CELL, c.align, *w, r.bold))
                .collect()
        };
        rows.push(TableRow::new(cells));
    }
    Table::new(rows)
        .set_grid(widths)
        .width(text_width(), WidthType::Dxa)
}

/// The document as .docx bytes.
pub fn document_docx(doc: &Document) -> Result<Vec<u8>, OfficeError> {
    // Paragraphs a user adds in Word (style 正文/Normal) are 3号仿宋 too.
    let mut docx = styles(
        Docx::new()
            .default_fonts(fonts(FANGSONG.0))
            .default_size(32),
    )
    .page_size(PAGE_W, PAGE_H)
    .page_margin(
        PageMargin::new()
            .top(mm(MARGIN_TOP_MM))
            .bottom(mm(MARGIN_BOTTOM_MM))
            .left(mm(MARGIN_LEFT_MM))
            .right(mm(MARGIN_RIGHT_MM))
            .header(mm(15.0))
            .footer(mm(20.0))
            .gutter(0),
    )
    .footer(footer(AlignmentType::Right, doc.footer.as_deref()))
    .even_footer(footer(AlignmentType::Left, doc.footer.as_deref()))
    .add_paragraph(styled(TITLE, &doc.title));
    for s in &doc.subtitle {
        docx = docx.add_paragraph(styled(SUBTITLE, s));
    }
    for b in &doc.blocks {
        docx = match b {
            Block::Heading { level, text } => {
                let style = match level {
                    1 => H1,
                    2 => H2,
                    _ => H3,
                };
                docx.add_paragraph(styled(style, text).keep_next(true))
            }
            Block::Paragraph(spans) => {
                docx.add_paragraph(runs(Paragraph::new().style(BODY), spans, doc.lang))
            }
            Block::Flush(spans) => {
                docx.add_paragraph(runs(Paragraph::new().style(FLUSH), spans, doc.lang))
            }
            Block::Table(t) => docx
                .add_table(table(t))
                .add_paragraph(Paragraph::new().style(FLUSH)),
            Block::Closing(lines) => {
                let mut d = docx.add_paragraph(Paragraph::new().style(CLOSING));
                for l in lines {
                    d = d.add_paragraph(runs(Paragraph::new().style(CLOSING), l, doc.lang));
                }
                d
            }
        };
    }
    let mut xml = docx.build();
    repeat_header_rows(&mut xml.document);
    xml.font_table = font_table().into_bytes();
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| OfficeError::new(e.to_string()))?;
    Ok(out.into_inner())
}

/// Header rows (the only rows docx-rs marks `cantSplit` here) repeat on every page.
fn repeat_header_rows(document: &mut Vec<u8>) {
    const MARK: &[u8] = b"<w:cantSplit />";
    const WITH: &[u8] = b"<w:cantSplit /><w:tblHeader />";
    let mut out = Vec::with_capacity(document.len() + 1024);
    let mut rest: &[u8] = document;
    while let Some(i) = rest.windows(MARK.len()).position(|w| w == MARK) {
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(WITH);
        rest = &rest[i + MARK.len()..];
    }
    out.extend_from_slice(rest);
    *document = out;
}

/// The font table: each font with the one Word and WPS use in its place
/// when it is not installed (charset 86 = GB2312).
fn font_table() -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    for (name, alt, family) in [
        (FANGSONG.0, FANGSONG.1, "modern"),
        (XIAOBIAOSONG.0, XIAOBIAOSONG.1, "script"),
        (HEITI.0, HEITI.1, "modern"),
        (KAITI.0, KAITI.1, "modern"),
        (SONGTI.0, SONGTI.1, "auto"),
    ] {
        s.push_str(&format!(
            r#"<w:font w:name="{name}"><w:altName w:val="{alt}" /><w:charset w:val="86" /><w:family w:val="{family}" /><w:pitch w:val="fixed" /></w:font>"#
        ));
    }
    s.push_str(r#"<w:font w:name="Times New Roman"><w:charset w:val="00" /><w:family w:val="roman" /><w:pitch w:val="variable" /></w:font></w:fonts>"#);
    s
}
