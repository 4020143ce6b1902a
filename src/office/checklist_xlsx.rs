//! A checklist written as an .xlsx workbook (feature `tables`): the sheet 考核细则 (one row per item, 部分 and 方面 merged over
//! their rows), the sheet 清单信息, and a sheet 填写说明 saying how to fill
//! them in. The template and the example tables in examples/ are written here.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::model::checklist::{Checklist, GradeBand, Group, Item, Part};
use crate::model::table::write::{columns, rows, text_of};
use crate::model::table::{Column, INFO_SHEET, ITEMS_SHEET};

/// The checklist as an .xlsx workbook.
pub fn write_xlsx(c: &Checklist) -> Vec<u8> {
    build_workbook(c)
        .and_then(|mut wb| wb.save_to_buffer())
        // Only cells beyond Excel's limits fail, and a checklist has none.
        .unwrap_or_default()
}

fn build_workbook(c: &Checklist) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed date: the same checklist always gives the same bytes.
    wb.set_properties(
        &DocProperties::new()
            .set_title(c.title.zh.clone())
            .set_creation_datetime(&ExcelDateTime::from_ymd(2027, 1, 1)?),
    );
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#F2DCDB")
        .set_border(FormatBorder::Thin);
    let body = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    items_sheet(wb.add_worksheet(), c, &head, &body)?;
    info_sheet(wb.add_worksheet(), c, &head, &body)?;
    help_sheet(wb.add_worksheet(), &head, &body)?;
    Ok(wb)
}

fn width(col: Column) -> f64 {
    match col {
        Column::Id | Column::Points | Column::PartId | Column::SectionId => 8.0,
        Column::Part | Column::Section => 16.0,
        Column::Duty | Column::Guidance | Column::Deduction => 36.0,
        _ => 24.0,
    }
}

fn items_sheet(
    ws: &mut Worksheet,
    c: &Checklist,
    head: &Format,
    body: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(ITEMS_SHEET)?;
    let cols = columns(c);
    for (x, col) in cols.iter().enumerate() {
        let x = x as u16;
        ws.write_string_with_format(0, x, col.name(), head)?;
        ws.set_column_width(x, width(*col))?;
    }
    ws.set_freeze_panes(1, 0)?;
    let all: Vec<_> = rows(c).collect();
    for (n, (p, g, i)) in all.iter().enumerate() {
        let r = n as u32 + 1;
        for (x, col) in cols.iter().enumerate() {
            match text_of(p, g, i, *col) {
                None => ws.write_number_with_format(r, x as u16, i.points, body)?,
                Some(t) => ws.write_string_with_format(r, x as u16, t, body)?,
            };
        }
    }
    // 部分 and 方面 as a county's table has them: one cell over their rows.
    for (x, col) in cols.iter().enumerate() {
        let same = |a: &(&Part, &Group, &Item), b: &(&Part, &Group, &Item)| match col {
            Column::Part | Column::PartId | Column::PartEn => std::ptr::eq(a.0, b.0),
            Column::Section | Column::SectionId | Column::SectionEn => std::ptr::eq(a.1, b.1),
            _ => false,
        };
        let mut start = 0;
        for end in 1..=all.len() {
            if end == all.len() || !same(&all[start], &all[end]) {
                if end - start > 1 {
                    let (p, g, i) = all[start];
                    let text = text_of(p, g, i, *col).unwrap_or("");
                    ws.merge_range(start as u32 + 1, x as u16, end as u32, x as u16, text, body)?;
                }
                start = end;
            }
        }
    }
    Ok(())
}

fn info_sheet(
    ws: &mut Worksheet,
    c: &Checklist,
    head: &Format,
    body: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(INFO_SHEET)?;
    for (x, (name, w)) in [
        ("项目", 16.0),
        ("内容", 60.0),
        ("最低分", 10.0),
        ("英文名称", 16.0),
    ]
    .into_iter()
    .enumerate()
    {
        ws.write_string_with_format(0, x as u16, name, head)?;
        ws.set_column_width(x as u16, w)?;
    }
    enum V<'a> {
        Text(&'a str),
        Joined(String),
        Number(f64),
        Grade(&'a GradeBand),
    }
    let mut rows: Vec<(&str, V)> = vec![("清单标题", V::Text(&c.title.zh))];
    if !c.title.en.is_empty() {
        rows.push(("清单标题（英文）", V::Text(&c.title.en)));
    }
    rows.push(("清单编号", V::Text(&c.id)));
    rows.push(("版本", V::Text(&c.version)));
    rows.extend(c.total_points.map(|x| ("满分", V::Number(x))));
    rows.extend(c.score_step.map(|x| ("评分步长", V::Number(x))));
    rows.push(("编制依据", V::Text(&c.source.zh)));
    if !c.source.en.is_empty() {
        rows.push(("编制依据（英文）", V::Text(&c.source.en)));
    }
    rows.push(("说明", V::Joined(c.introduction.zh.join("\n"))));
    if !c.introduction.en.is_empty() {
        rows.push(("说明（英文）", V::Joined(c.introduction.en.join("\n"))));
    }
    rows.extend(c.grade_bands.iter().map(|b| ("等次", V::Grade(b))));
    for (n, (key, value)) in rows.into_iter().enumerate() {
        let r = n as u32 + 1;
        ws.write_string_with_format(r, 0, key, body)?;
        match value {
            V::Text(t) => ws.write_string_with_format(r, 1, t, body)?,
            V::Joined(t) => ws.write_string_with_format(r, 1, t, body)?,
            V::Number(x) => ws.write_number_with_format(r, 1, x, body)?,
            V::Grade(b) => {
                ws.write_string_with_format(r, 1, &b.label.zh, body)?;
                ws.write_number_with_format(r, 2, b.min, body)?;
                ws.write_string_with_format(r, 3, &b.label.en, body)?
            }
        };
    }
    Ok(())
}

/// How to fill in the two sheets, for the person at the county who does.
const HELP: &[(&str, &str, &str)] = &[
    ("部分", "选填", "一级标题，如“一、党政主要负责人履职”。只在该部分第一行填写，或把该部分各行合并为一个单元格；没有此列时全部事项为一个部分。"),
    ("方面", "必填", "自查时的一步，如“（一）学法用法”。填写方式同“部分”。"),
    ("编号", "选填", "事项编号，如“1.1”，不得重复，每年保持不变（上年整改措施按编号带入）。不填此列时按“方面序号.事项序号”自动编号。"),
    ("检查内容", "必填", "以问句写出的职责，如“本单位是否……？”。"),
    ("分值", "必填", "数字，须为评分步长的整数倍；各项合计须等于满分。"),
    ("落实标准", "选填", "什么情况算已落实、部分落实。"),
    ("扣分规则", "选填", "如“每少一次扣0.3分”。自查人员据此填写自评得分，系统不自动扣分。"),
    ("佐证材料", "选填", "应留存的佐证材料。"),
    ("依据", "选填", "出处，如“《X县2027年法治政府建设工作要点》第三条”。"),
    ("原文摘录", "选填", "出处原文的简短摘录。"),
    ("清单信息", "必填", "在工作表“清单信息”中填写清单标题、清单编号、版本、满分、评分步长（如0.1）、编制依据、说明和等次（每个等次一行，填写最低分）；也可以在载入表格后于系统中填写。"),
    ("其他", "", "序号、备注等列会被忽略；其他列名须与模板一致。第一行为列名，其上可以有标题行。合并单元格只可用于部分、方面和文字说明，分值、检查内容和编号每行须单独填写。"),
];

fn help_sheet(ws: &mut Worksheet, head: &Format, body: &Format) -> Result<(), XlsxError> {
    ws.set_name("填写说明")?;
    for (x, (name, w)) in [("列名", 12.0), ("是否必填", 10.0), ("说明", 90.0)]
        .into_iter()
        .enumerate()
    {
        ws.write_string_with_format(0, x as u16, name, head)?;
        ws.set_column_width(x as u16, w)?;
    }
    for (r, (a, b, c)) in HELP.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string_with_format(r, 0, *a, body)?;
        ws.write_string_with_format(r, 1, *b, body)?;
        ws.write_string_with_format(r, 2, *c, body)?;
    }
    Ok(())
}
