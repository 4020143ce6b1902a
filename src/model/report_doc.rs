//! The self-assessment report (自查报告) as document content, with the same
//! content as the print view: 一、基本情况; 二、自查得分情况 (the total in a
//! sentence, each section's score under its part); 三、逐项自查情况 (each part
//! a heading, its sections （一）… under it, one table row per item, each
//! 整改措施 with its 责任人 and 完成时限); 四、整改措施清单; 五、上年度整改落实情况
//! when there are follow-ups; the fingerprint and the seal and signature lines.
//! The fingerprint is the JSON file's ([`report::export_current`]).

use super::annual::{cn_date, cn_ordinal, topic};
use super::assessment::{Answer, Assessment, Evidence, Status};
use super::checklist::{Checklist, Item};
use super::document::{Align, Block, Column, Document, Row, Span, Table};
use super::messages::{m, Msg, Ordinal, Value};
use super::report;
use super::scoring::{item_score, summarize, Tally};
use super::text::Lang;
use super::validation::is_valid_date;

/// Empty optional fields read as a dash (on paper and in Word alike).
pub fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.trim().to_string()
    }
}

fn date_or_dash(date: &str, lang: Lang) -> String {
    let d = date.trim();
    if d.is_empty() {
        "—".into()
    } else if is_valid_date(d) {
        m::DateOnly {
            date: super::messages::Date(d.into()),
        }
        .tr(lang)
    } else {
        d.to_string()
    }
}

/// A piece of evidence as one line: title（文号） date, or a file with its fingerprint.
pub fn evidence_line(e: &Evidence) -> String {
    match e {
        Evidence::Reference {
            title,
            doc_number,
            date,
        } => {
            let mut s = title.trim().to_string();
            if !doc_number.trim().is_empty() {
                s.push_str(&format!("（{}）", doc_number.trim()));
            }
            if !date.is_empty() {
                s.push_str(&format!(" {}", cn_date(date)));
            }
            s
        }
        Evidence::File { name, sha256, .. } => {
            format!("{name}（SHA-256 {}…）", sha256.get(..12).unwrap_or(sha256))
        }
    }
}

fn labelled(label: Msg, value: &str, lang: Lang) -> String {
    format!(
        "{}{}{}",
        label.tr(lang),
        Msg::Colon.tr(lang),
        or_dash(value)
    )
}

fn col(header: Msg, width: u32, align: Align, lang: Lang) -> Column {
    Column {
        header: header.tr(lang).to_string(),
        width,
        align,
    }
}

/// 一、… in Chinese, 1. … in English: a part's heading in every document.
pub fn heading(n: usize, title: impl Into<Value>, lang: Lang) -> String {
    m::DocHeading {
        n: Ordinal(n),
        title: title.into(),
    }
    .tr(lang)
}

/// 一、基本情况 as label and value: the unit, its first responsible person,
/// the checklist and the fingerprint — the printed report's and the Word one's.
pub fn basic_info_rows(
    c: &Checklist,
    a: &Assessment,
    digest: &str,
    lang: Lang,
) -> [(Msg, String); 8] {
    let u = &a.unit;
    [
        (Msg::UnitName, or_dash(&u.name)),
        (Msg::UnitType, u.unit_type.label().tr(lang).to_string()),
        (Msg::HeadLabel, or_dash(&u.head_with_title(lang))),
        (Msg::FilledBy, or_dash(&u.filled_by)),
        (Msg::Phone, or_dash(&u.phone)),
        (Msg::Year, a.year.to_string()),
        (
            Msg::ChecklistUsed,
            m::TitleWithVersion {
                title: c.title.clone(),
                version: c.version.clone(),
            }
            .tr(lang),
        ),
        (Msg::Fingerprint, digest.to_string()),
    ]
}

/// 一、基本情况.
fn basic_info(c: &Checklist, a: &Assessment, digest: &str, lang: Lang) -> Table {
    let rows = basic_info_rows(c, a, digest, lang);
    Table {
        columns: vec![
            Column {
                header: String::new(),
                width: 28,
                align: Align::Left,
            },
            Column {
                header: String::new(),
                width: 72,
                align: Align::Left,
            },
        ],
        rows: rows
            .into_iter()
            .map(|(k, v)| Row::of([k.tr(lang).to_string(), v]))
            .collect(),
    }
}

fn tally_cells(label: String, t: &Tally, grade: String) -> Vec<String> {
    vec![
        label,
        t.score.to_string(),
        t.max.to_string(),
        t.counts.done.to_string(),
        t.counts.partial.to_string(),
        t.counts.not_done.to_string(),
        t.counts.not_applicable.to_string(),
        grade,
    ]
}

/// 二、自查得分情况: each section under its part, and the total.
fn score_table(c: &Checklist, a: &Assessment, lang: Lang) -> (String, Table) {
    let summary = summarize(c, a);
    let t = &summary.total;
    let sentence = m::TotalSentence {
        score: t.score,
        max: t.max,
        total: t.normalized,
        grade: t.grade.clone(),
    }
    .tr(lang);
    // Wide enough for 部分落实 and 优秀（90.91） on one line at 10.5 pt.
    let mut columns = vec![col(Msg::Section, 24, Align::Left, lang)];
    for (h, w) in [(Msg::Score, 8), (Msg::Max, 8)] {
        columns.push(col(h, w, Align::Center, lang));
    }
    for s in Status::ALL {
        let w = if s == Status::Partial { 12 } else { 10 };
        columns.push(col(s.label(), w, Align::Center, lang));
    }
    columns.push(col(Msg::Grade, 18, Align::Center, lang));
    let mut rows = Vec::new();
    let mut sections = summary.sections.iter();
    for part in &c.parts {
        let mut spanning = Row::of([part.title.get(lang).to_string()]);
        spanning.spanning = true;
        rows.push(spanning);
        for s in sections.by_ref().take(part.groups.len()) {
            rows.push(Row::of(tally_cells(
                s.title.get(lang).to_string(),
                &s.tally,
                s.tally.grade.get(lang).to_string(),
            )));
        }
    }
    let mut total = Row::of(tally_cells(
        Msg::Total.tr(lang).to_string(),
        t,
        format!("{}（{}）", t.grade.get(lang), t.normalized),
    ));
    total.bold = true;
    rows.push(total);
    (sentence, Table { columns, rows })
}

/// 情况说明 in a cell that may hold more (不适用理由, evidence, rectification):
/// the notes when there are any, a dash only when the cell would otherwise
/// be empty (`more`: it holds something else).
pub fn notes_line(ans: &Answer, more: bool) -> Option<String> {
    let notes = ans.notes.trim();
    match (notes.is_empty(), more) {
        (false, _) => Some(notes.to_string()),
        (true, false) => Some("—".into()),
        (true, true) => None,
    }
}

/// （2分） / (2 points): an item's points after its duty, in print and in Word.
pub fn points(n: f64, lang: Lang) -> String {
    let text = if n == 1.0 {
        Msg::OnePoint.tr(lang).to_string()
    } else {
        m::Points { n }.tr(lang)
    };
    m::Parenthesized { text }.tr(lang)
}

/// One item's row: number, duty with points, answer, score, notes and
/// evidence, problem with its measure, 责任人 and 完成时限.
fn item_row(number: usize, item: &Item, ans: &Answer, c: &Checklist, lang: Lang) -> Row {
    let status = ans.status;
    let score = match status {
        None | Some(Status::NotApplicable) => "—".to_string(),
        Some(_) => item_score(item, Some(ans), c).unwrap_or(0.0).to_string(),
    };
    let more = status == Some(Status::NotApplicable) || !ans.evidence.is_empty();
    let mut notes: Vec<String> = notes_line(ans, more).into_iter().collect();
    if status == Some(Status::NotApplicable) {
        notes.push(labelled(Msg::NaReason, &ans.na_reason, lang));
    }
    if !ans.evidence.is_empty() {
        let list: Vec<String> = ans.evidence.iter().map(evidence_line).collect();
        notes.push(format!(
            "{}{}{}",
            Msg::Evidence.tr(lang),
            Msg::Colon.tr(lang),
            list.join(Msg::ListSeparator.tr(lang))
        ));
    }
    let rect = if status.is_some_and(|s| s.needs_rectification()) {
        let r = &ans.rectification;
        vec![
            labelled(Msg::Problem, &ans.problem, lang),
            labelled(Msg::Rectification, &r.measure, lang),
            labelled(Msg::Owner, &r.owner, lang),
            format!(
                "{}{}{}",
                Msg::Due.tr(lang),
                Msg::Colon.tr(lang),
                date_or_dash(&r.due, lang)
            ),
        ]
    } else {
        vec!["—".into()]
    };
    Row::new(vec![
        vec![number.to_string()],
        vec![format!(
            "{}{}",
            item.duty.get(lang),
            points(item.points, lang)
        )],
        vec![status
            .map_or(Msg::Unanswered, |s| s.label())
            .tr(lang)
            .to_string()],
        vec![score],
        notes,
        rect,
    ])
}

fn item_columns(lang: Lang) -> Vec<Column> {
    vec![
        col(Msg::SerialNo, 8, Align::Center, lang),
        col(Msg::CheckItem, 27, Align::Left, lang),
        col(Msg::Result, 12, Align::Center, lang),
        col(Msg::Score, 8, Align::Center, lang),
        col(Msg::NotesAndEvidence, 25, Align::Left, lang),
        col(Msg::ProblemsAndRect, 20, Align::Left, lang),
    ]
}

/// （一）… under each part, as the checklist numbers them.
fn section_heading(n: usize, title: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{}）{}", cn_ordinal(n), topic(title)),
        Lang::En => format!("{n}. {}", topic(title)),
    }
}

/// 三、逐项自查情况: each part a heading, each section a table.
fn item_tables(doc: &mut Document, c: &Checklist, a: &Assessment, lang: Lang) {
    let mut number = 0;
    for part in &c.parts {
        doc.heading(2, part.title.get(lang));
        for (g, group) in part.groups.iter().enumerate() {
            doc.heading(3, section_heading(g + 1, group.title.get(lang), lang));
            let rows = group
                .items
                .iter()
                .map(|item| {
                    number += 1;
                    let ans = a.answer(&item.id).cloned().unwrap_or_default();
                    item_row(number, item, &ans, c, lang)
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                columns: item_columns(lang),
                rows,
            }));
        }
    }
}

/// 四、整改措施清单.
fn rect_table(c: &Checklist, a: &Assessment, lang: Lang) -> Option<Table> {
    let rows: Vec<Row> = c
        .items()
        .enumerate()
        .filter_map(|(n, item)| {
            let ans = a.answer(&item.id)?;
            ans.status.filter(|s| s.needs_rectification())?;
            let r = &ans.rectification;
            Some(Row::of([
                (n + 1).to_string(),
                item.duty.get(lang).to_string(),
                or_dash(&ans.problem),
                or_dash(&r.measure),
                or_dash(&r.owner),
                date_or_dash(&r.due, lang),
            ]))
        })
        .collect();
    (!rows.is_empty()).then(|| Table {
        columns: vec![
            col(Msg::SerialNo, 8, Align::Center, lang),
            col(Msg::CheckItem, 26, Align::Left, lang),
            col(Msg::Problem, 19, Align::Left, lang),
            col(Msg::Rectification, 20, Align::Left, lang),
            col(Msg::Owner, 12, Align::Left, lang),
            col(Msg::Due, 15, Align::Center, lang),
        ],
        rows,
    })
}

/// 五、上年度整改落实情况.
fn follow_up_table(a: &Assessment, lang: Lang) -> Table {
    Table {
        columns: vec![
            col(Msg::SerialNo, 8, Align::Center, lang),
            col(Msg::CheckItem, 22, Align::Left, lang),
            col(Msg::LastYearMeasure, 19, Align::Left, lang),
            col(Msg::Owner, 12, Align::Left, lang),
            col(Msg::Due, 15, Align::Center, lang),
            col(Msg::FollowUpState, 12, Align::Center, lang),
            col(Msg::FollowUpNote, 12, Align::Left, lang),
        ],
        rows: a
            .follow_ups
            .iter()
            .enumerate()
            .map(|(n, f)| {
                Row::of([
                    (n + 1).to_string(),
                    f.duty.clone(),
                    or_dash(&f.rectification.measure),
                    or_dash(&f.rectification.owner),
                    date_or_dash(&f.rectification.due, lang),
                    f.status
                        .map_or("—".into(), |s| s.label().tr(lang).to_string()),
                    or_dash(&f.note),
                ])
            })
            .collect(),
    }
}

/// The self-assessment report; `today` (YYYY-MM-DD) is the date under the signature.
pub fn report_document(c: &Checklist, a: &Assessment, today: &str, lang: Lang) -> Document {
    let (sealed, _) = report::export_current(c, a);
    let digest = sealed.integrity.map(|i| i.digest).unwrap_or_default();
    let mut doc = Document::new(
        lang,
        m::ReportTitle {
            unit: a.unit.name.trim().to_string(),
            year: a.year,
        }
        .tr(lang),
    );
    doc.footer = Some(format!(
        "{} {}",
        Msg::FingerprintLabel.tr(lang),
        digest.get(..16).unwrap_or(&digest)
    ));
    doc.heading(1, heading(1, Msg::BasicInfo, lang));
    doc.blocks
        .push(Block::Table(basic_info(c, a, &digest, lang)));
    doc.heading(1, heading(2, Msg::ScoreSummary, lang));
    let (sentence, table) = score_table(c, a, lang);
    doc.paragraph(sentence);
    doc.blocks.push(Block::Table(table));
    doc.heading(1, heading(3, Msg::ItemDetails, lang));
    item_tables(&mut doc, c, a, lang);
    doc.heading(1, heading(4, Msg::RectList, lang));
    match rect_table(c, a, lang) {
        Some(t) => doc.blocks.push(Block::Table(t)),
        None => doc.paragraph(Msg::NoRect.tr(lang)),
    }
    if !a.follow_ups.is_empty() {
        doc.heading(1, heading(5, Msg::FollowUps, lang));
        doc.blocks.push(Block::Table(follow_up_table(a, lang)));
    }
    doc.blocks.push(Block::Flush(vec![Span::text(format!(
        "{}{}{}",
        Msg::Fingerprint.tr(lang),
        Msg::Colon.tr(lang),
        digest
    ))]));
    doc.blocks.push(Block::Closing(vec![
        vec![Span::text(format!(
            "{}{}",
            Msg::SealLine.tr(lang),
            a.unit.name.trim()
        ))],
        vec![Span::text(Msg::SignLine.tr(lang))],
        vec![Span::text(date_or_dash(today, lang))],
    ]));
    doc
}
