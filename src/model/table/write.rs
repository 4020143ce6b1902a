//! A checklist definition written as a table the reader reads back: as CSV
//! here, as a workbook by `office::write_xlsx`. The
//! downloadable template is [`template`] written as a workbook: one example
//! row filling every column, committed as examples/checklist-template.xlsx.

use super::super::checklist::{
    Checklist, GradeBand, Group, Item, Part, Source, CHECKLIST_FORMAT, CHECKLIST_FORMAT_VERSION,
};
use super::super::text::{Paragraphs, Text};
use super::build::Meta;
use super::columns::Column;

/// The template's checklist: the information a county fills in, and one
/// item that fills every column (a 考核细则 row with a 0.3-point deduction).
pub fn template() -> Checklist {
    let t = |zh: &str| Text::new(zh, "");
    Checklist {
        format: CHECKLIST_FORMAT.into(),
        format_version: CHECKLIST_FORMAT_VERSION,
        id: "county.x.assessment-2027".into(),
        version: "2027.1".into(),
        title: t("X县2027年度法治政府建设考核细则"),
        source: t("依据《X县2027年法治政府建设工作要点》制定。"),
        introduction: Paragraphs {
            zh: vec![
                "各单位对照落实标准逐项自评，部分落实的按扣分规则扣减后填写自评得分。".into(),
            ],
            en: Vec::new(),
        },
        total_points: Some(100.0),
        score_step: Some(0.1),
        grade_bands: Meta::usual_grade_bands()
            .into_iter()
            .map(|b| GradeBand {
                min: b.min,
                label: t(&b.label.zh),
            })
            .collect(),
        parts: vec![Part {
            id: "p1".into(),
            title: t("一、党政主要负责人履职"),
            groups: vec![Group {
                id: "s1".into(),
                title: t("（一）学法用法"),
                items: vec![Item {
                    id: "1.1".into(),
                    duty: t("本单位是否建立领导班子学法制度，每年专题学法不少于6次？"),
                    statement: None,
                    guidance: t(
                        "已落实：有学法制度，全年专题学法不少于6次。部分落实：已建立制度但学法次数不足。",
                    ),
                    evidence: t("学法制度文件、学法记录、签到表。"),
                    source: Source {
                        reference: t("《X县2027年法治政府建设工作要点》第三条"),
                        quote: "行政首长带头学法，每年专题学法不少于6次".into(),
                    },
                    points: 1.5,
                    deduction: Some(t(
                        "未建立学法制度的，扣0.3分；每少一次扣0.3分，累计扣分不超过1.2分",
                    )),
                }],
            }],
        }],
    }
}

/// The template as an .xlsx workbook (see [`template`]): the committed
/// file, which tests/model_table.rs checks is what the writer writes.
pub fn template_xlsx() -> Vec<u8> {
    include_bytes!("../../../examples/checklist-template.xlsx").to_vec()
}

/// The columns a checklist needs: the template's ten, then those of its
/// optional ones that carry something (English texts, part and section ids
/// other than the ones the reader would give).
pub(crate) fn columns(c: &Checklist) -> Vec<Column> {
    let mut out = Column::TEMPLATE.to_vec();
    let any = |f: &dyn Fn(&Item) -> &str| c.items().any(|i| !f(i).is_empty());
    let needed = |col: Column| match col {
        Column::PartId => c
            .parts
            .iter()
            .enumerate()
            .any(|(p, x)| x.id != format!("p{}", p + 1)),
        Column::SectionId => c
            .sections()
            .enumerate()
            .any(|(g, x)| x.id != format!("s{}", g + 1)),
        Column::PartEn => c.parts.iter().any(|p| !p.title.en.is_empty()),
        Column::SectionEn => c.sections().any(|g| !g.title.en.is_empty()),
        Column::DutyEn => any(&|i| &i.duty.en),
        Column::Statement => any(&|i| i.statement.as_ref().map_or("", |s| &s.zh)),
        Column::StatementEn => any(&|i| i.statement.as_ref().map_or("", |s| &s.en)),
        Column::GuidanceEn => any(&|i| &i.guidance.en),
        Column::DeductionEn => any(&|i| i.deduction.as_ref().map_or("", |d| &d.en)),
        Column::EvidenceEn => any(&|i| &i.evidence.en),
        Column::SourceEn => any(&|i| &i.source.reference.en),
        _ => false,
    };
    out.extend(Column::OPTIONAL.into_iter().filter(|c| needed(*c)));
    out
}

/// One item's cell in a column; `None` for a number (the points).
pub(crate) fn text_of<'a>(
    part: &'a Part,
    group: &'a Group,
    item: &'a Item,
    col: Column,
) -> Option<&'a str> {
    let d = item.deduction.as_ref();
    Some(match col {
        Column::Part => &part.title.zh,
        Column::PartId => &part.id,
        Column::PartEn => &part.title.en,
        Column::Section => &group.title.zh,
        Column::SectionId => &group.id,
        Column::SectionEn => &group.title.en,
        Column::Id => &item.id,
        Column::Duty => &item.duty.zh,
        Column::DutyEn => &item.duty.en,
        Column::Statement => item.statement.as_ref().map_or("", |s| &s.zh),
        Column::StatementEn => item.statement.as_ref().map_or("", |s| &s.en),
        Column::Points => return None,
        Column::Guidance => &item.guidance.zh,
        Column::GuidanceEn => &item.guidance.en,
        Column::Deduction => d.map_or("", |d| &d.zh),
        Column::DeductionEn => d.map_or("", |d| &d.en),
        Column::Evidence => &item.evidence.zh,
        Column::EvidenceEn => &item.evidence.en,
        Column::Source => &item.source.reference.zh,
        Column::SourceEn => &item.source.reference.en,
        Column::Quote => &item.source.quote,
        Column::Ignored => "",
    })
}

/// Every item with its part and section, in order.
pub(crate) fn rows(c: &Checklist) -> impl Iterator<Item = (&Part, &Group, &Item)> {
    c.parts.iter().flat_map(|p| {
        p.groups
            .iter()
            .flat_map(move |g| g.items.iter().map(move |i| (p, g, i)))
    })
}

/// The checklist as a CSV file (UTF-8 with a BOM, so Excel and WPS read the
/// Chinese): the items only; a CSV file has no room for 清单信息.
pub fn write_csv(c: &Checklist) -> Vec<u8> {
    let cols = columns(c);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let header: Vec<&str> = cols.iter().map(|c| c.name()).collect();
    // Writing to a Vec cannot fail.
    let _ = w.write_record(&header);
    for (p, g, i) in rows(c) {
        let record: Vec<String> = cols
            .iter()
            .map(|col| text_of(p, g, i, *col).map_or_else(|| i.points.to_string(), str::to_string))
            .collect();
        let _ = w.write_record(&record);
    }
    w.into_inner().unwrap_or_default()
}
