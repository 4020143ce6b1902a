//! From sheets of cells to a checklist definition: the header row and its
//! columns, the items row by row (parts and sections from 部分 and 方面, an
//! empty cell meaning “as above”), merged cells, the sheet 清单信息, and the
//! definition's own checks placed back on the rows and cells they concern.

use crate::model::messages::bureau as b;
use std::collections::{HashMap, HashSet};

use super::super::checklist::{
    Checklist, GradeBand, Group, Item, Part, Source, CHECKLIST_FORMAT, CHECKLIST_FORMAT_VERSION,
};
use super::super::messages::Message;
use super::super::points::Step;
use super::super::text::{Paragraphs, Text};
use super::columns::Column;
use super::{cell_ref, Cell, Loc, Merge, Sheet, TableProblem};

/// The name the template gives the items sheet (any name is read).
pub const ITEMS_SHEET: &str = "考核细则";
/// The sheet holding the checklist's information (title, id, version…).
pub const INFO_SHEET: &str = "清单信息";
/// The header row is looked for in this many rows (title lines may come first).
const HEADER_SEARCH_ROWS: usize = 20;
/// The one part (or section) of a table without a 部分 (or 方面) column.
const DEFAULT_PART_TITLE: &str = "检查内容";

/// How to read the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Number the items 1.1, 1.2, 2.1 … (section.item) whatever the 编号
    /// column says: offered when ids are missing or repeated.
    pub generate_ids: bool,
}

/// The checklist's information: what the sheet 清单信息 says, or what the
/// user entered in the app.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: Text,
    pub id: String,
    pub version: String,
    pub total_points: Option<f64>,
    pub score_step: Option<f64>,
    pub source: Text,
    pub introduction: Paragraphs,
    pub grade_bands: Vec<GradeBand>,
}

impl Meta {
    /// 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格: used when a table names no grades.
    pub fn usual_grade_bands() -> Vec<GradeBand> {
        [
            (90.0, "优秀", "Excellent"),
            (80.0, "良好", "Good"),
            (60.0, "合格", "Pass"),
            (0.0, "不合格", "Fail"),
        ]
        .into_iter()
        .map(|(min, zh, en)| GradeBand {
            min,
            label: Text::new(zh, en),
        })
        .collect()
    }

    /// The information of an existing definition (to write it as a table).
    pub fn of(c: &Checklist) -> Meta {
        Meta {
            title: c.title.clone(),
            id: c.id.clone(),
            version: c.version.clone(),
            total_points: c.total_points,
            score_step: c.score_step,
            source: c.source.clone(),
            introduction: c.introduction.clone(),
            grade_bands: c.grade_bands.clone(),
        }
    }
}

/// The keys of the sheet 清单信息, each with the names accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Title,
    TitleEn,
    Id,
    Version,
    Total,
    Step,
    Source,
    SourceEn,
    Intro,
    IntroEn,
    Grade,
}

const KEYS: &[(Key, &[&str])] = &[
    (Key::Title, &["清单标题", "标题", "title"]),
    (Key::TitleEn, &["清单标题（英文）", "title(english)"]),
    (Key::Id, &["清单编号", "id"]),
    (Key::Version, &["版本", "版本号", "version"]),
    (Key::Total, &["满分", "总分", "totalpoints"]),
    (Key::Step, &["评分步长", "scorestep"]),
    (Key::Source, &["编制依据", "source"]),
    (Key::SourceEn, &["编制依据（英文）", "source(english)"]),
    (Key::Intro, &["说明", "introduction"]),
    (Key::IntroEn, &["说明（英文）", "introduction(english)"]),
    (Key::Grade, &["等次", "grade"]),
];

impl Key {
    fn from_cell(s: &str) -> Option<Key> {
        let k: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '(' => '（',
                ')' => '）',
                c => c,
            })
            .collect::<String>()
            .to_lowercase()
            .replace("（english）", "(english)");
        KEYS.iter()
            .find(|(_, names)| names.iter().any(|n| *n == k))
            .map(|(key, _)| *key)
    }

    /// The name the template and the messages use.
    fn name(self) -> &'static str {
        KEYS.iter()
            .find(|(k, _)| *k == self)
            .map_or("", |(_, n)| n[0])
    }
}

/// The fields of 清单信息, as messages about them name them (in Chinese
/// exactly the sheet's keys: 清单编号, 评分步长…).
pub mod field {
    use crate::model::messages::bureau as b;

    pub const TITLE: b::Msg = b::Msg::FieldTitle;
    pub const ID: b::Msg = b::Msg::FieldId;
    pub const VERSION: b::Msg = b::Msg::FieldVersion;
    pub const TOTAL: b::Msg = b::Msg::FieldTotal;
    pub const STEP: b::Msg = b::Msg::FieldStep;
    pub const GRADES: b::Msg = b::Msg::FieldGrades;
}

#[derive(Clone, Debug, PartialEq)]
struct PartRow {
    row: usize,
    id: Option<String>,
    title: Text,
}

#[derive(Clone, Debug, PartialEq)]
struct SectionRow {
    row: usize,
    part: usize,
    id: Option<String>,
    title: Text,
}

#[derive(Clone, Debug, PartialEq)]
struct ItemRow {
    row: usize,
    section: usize,
    id: String,
    duty: Text,
    statement: Text,
    points: f64,
    guidance: Text,
    deduction: Text,
    evidence: Text,
    source: Text,
    quote: String,
}

/// A table read: its items and the problems found in them, and the
/// information its sheet 清单信息 gave. See [`TableRead::checklist`].
#[derive(Clone, Debug, PartialEq)]
pub struct TableRead {
    /// The sheet the items were read from (`None` for a CSV file).
    pub sheet: Option<String>,
    /// What the sheet 清单信息 says, with the usual grades when it names
    /// none and a step suggested by the points and deduction rules when it
    /// declares none: the form's starting values.
    pub meta: Meta,
    /// True when a sheet 清单信息 was found.
    pub has_info_sheet: bool,
    /// True when the items were numbered here (no 编号 column, or asked).
    pub ids_generated: bool,
    /// True when some 编号 is missing or repeated: numbering them is offered.
    pub ids_faulty: bool,
    columns: HashMap<Column, (usize, String)>,
    parts: Vec<PartRow>,
    sections: Vec<SectionRow>,
    items: Vec<ItemRow>,
    problems: Vec<TableProblem>,
    /// Item rows whose field has a problem already: (item index, column).
    flagged: HashSet<(usize, Column)>,
    /// Numbers of 清单信息 that could not be read (满分, 评分步长).
    unreadable: Vec<b::Msg>,
}

/// Reads the sheets of a file (see [`super::read_table`]).
pub fn read(sheets: Vec<Sheet>, options: Options) -> TableRead {
    let mut t = TableRead {
        sheet: None,
        meta: Meta::default(),
        has_info_sheet: false,
        ids_generated: false,
        ids_faulty: false,
        columns: HashMap::new(),
        parts: Vec::new(),
        sections: Vec::new(),
        items: Vec::new(),
        problems: Vec::new(),
        flagged: HashSet::new(),
        unreadable: Vec::new(),
    };
    let found = sheets
        .iter()
        .enumerate()
        .find_map(|(i, s)| header_row(s).map(|h| (i, h)));
    match found {
        None => t.problems.push(TableProblem {
            loc: Loc::Sheet {
                sheet: sheets.first().and_then(|s| s.name.clone()),
            },
            what: b::Msg::TableNoHeader.into(),
        }),
        Some((index, header)) => {
            let sheet = &sheets[index];
            t.sheet = sheet.name.clone();
            t.read_items(sheet, header, options);
        }
    }
    let info = sheets.iter().enumerate().find(|(i, s)| {
        Some(*i) != found.map(|f| f.0) && (s.name.as_deref() == Some(INFO_SHEET) || keys_in(s) >= 2)
    });
    if let Some((_, sheet)) = info {
        t.has_info_sheet = true;
        t.read_info(sheet);
    }
    if t.meta.grade_bands.is_empty() {
        t.meta.grade_bands = Meta::usual_grade_bands();
    }
    // A sheet 清单信息 without 评分步长 means 0.5; without the sheet, the
    // form starts with the step the table needs.
    if !t.has_info_sheet {
        t.meta.score_step = t.suggested_step();
    }
    t
}

/// The header row: the first row (of the first twenty) naming both the
/// duty and the points columns.
fn header_row(sheet: &Sheet) -> Option<usize> {
    sheet.rows.iter().take(HEADER_SEARCH_ROWS).position(|row| {
        let cols: Vec<Option<Column>> = row
            .iter()
            .map(|c| Column::from_header(&c.as_text()))
            .collect();
        cols.contains(&Some(Column::Duty)) && cols.contains(&Some(Column::Points))
    })
}

/// How many cells of the first column name a key of 清单信息.
fn keys_in(sheet: &Sheet) -> usize {
    sheet
        .rows
        .iter()
        .filter(|r| {
            r.first()
                .is_some_and(|c| Key::from_cell(&c.as_text()).is_some())
        })
        .count()
}

/// A number as written in a cell: 3, 1.5, “3分”, “１.５”; `None` for text.
fn parse_number(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(x) => Some(*x),
        Cell::Text(s) => {
            let t: String = s
                .trim()
                .trim_end_matches('分')
                .trim()
                .chars()
                .map(|c| match c {
                    '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                    '．' => '.',
                    c => c,
                })
                .collect();
            t.parse::<f64>().ok().filter(|x| x.is_finite())
        }
        _ => None,
    }
}

impl TableRead {
    fn problem(&mut self, loc: Loc, what: impl Into<Message>) {
        self.problems.push(TableProblem {
            loc,
            what: what.into(),
        });
    }

    /// The location of a cell of the items sheet.
    fn at(&self, row: usize, col: usize, column: &str) -> Loc {
        Loc::Cell {
            sheet: self.sheet.clone(),
            row: row + 1,
            column: column.to_string(),
            cell: cell_ref(row, col),
        }
    }

    fn col(&self, c: Column) -> Option<usize> {
        self.columns.get(&c).map(|x| x.0)
    }

    fn read_columns(&mut self, sheet: &Sheet, header: usize) {
        for (i, cell) in sheet.rows[header].iter().enumerate() {
            let name = cell.as_text();
            if name.is_empty() {
                let used = sheet.rows[header + 1..]
                    .iter()
                    .any(|r| r.get(i).is_some_and(|c| !c.is_empty()));
                if used {
                    let loc = self.at(header, i, &cell_ref(header, i));
                    self.problem(loc, b::Msg::TableNoColumnName);
                }
                continue;
            }
            match Column::from_header(&name) {
                None => {
                    let loc = self.at(header, i, &name);
                    self.problem(
                        loc,
                        b::m::TableUnknownColumn {
                            names: Column::template_names(),
                        },
                    );
                }
                Some(Column::Ignored) => {}
                Some(c) if self.columns.contains_key(&c) => {
                    let loc = self.at(header, i, &name);
                    self.problem(loc, b::Msg::TableDuplicateColumn);
                }
                Some(c) => {
                    self.columns.insert(c, (i, name));
                }
            }
        }
    }

    fn read_items(&mut self, sheet: &Sheet, header: usize, options: Options) {
        self.read_columns(sheet, header);
        // Merges over the points, duty or id of several rows hide values.
        for mg in sheet
            .merges
            .iter()
            .filter(|m| m.rows.1 > header && m.rows.1 > m.rows.0)
        {
            let first = mg.rows.0.max(header + 1);
            for c in [Column::Id, Column::Duty, Column::Points, Column::DutyEn] {
                if let Some(i) = self.col(c).filter(|i| (mg.cols.0..=mg.cols.1).contains(i)) {
                    let loc = self.at(first, i, &self.column_name(c));
                    let what = b::m::TableMergedRows {
                        first: first + 1,
                        last: mg.rows.1 + 1,
                    };
                    self.problem(loc, what);
                }
            }
        }
        self.ids_generated = options.generate_ids || self.col(Column::Id).is_none();
        let mut seen_ids = HashMap::new();
        let mut titles: (Option<String>, Option<String>) = (None, None);
        for r in header + 1..sheet.rows.len() {
            let values = row_values(&self.columns, sheet, r);
            if values.values().all(|(c, _)| c.is_empty()) || is_total_row(&values, &sheet.rows[r]) {
                continue;
            }
            self.read_row(r, &values, &mut titles, &mut seen_ids, &sheet.merges);
        }
        if self.ids_generated {
            self.number_items();
        }
    }

    /// One row below the header: a new part or section, an item, or both.
    fn read_row(
        &mut self,
        r: usize,
        values: &HashMap<Column, (Cell, bool)>,
        titles: &mut (Option<String>, Option<String>),
        seen_ids: &mut HashMap<String, usize>,
        merges: &[Merge],
    ) {
        let value = |c: Column| values.get(&c).cloned().unwrap_or((Cell::Empty, false));
        let text = |c: Column| value(c).0.as_text();
        // 部分 and 方面: a new value starts a new part or section; an empty cell continues.
        let part = text(Column::Part);
        if !part.is_empty() && titles.0.as_deref() != Some(part.as_str()) {
            self.parts.push(PartRow {
                row: r,
                id: Some(text(Column::PartId)).filter(|s| !s.is_empty()),
                title: Text::new(part.clone(), text(Column::PartEn)),
            });
            *titles = (Some(part), None);
        }
        let section = text(Column::Section);
        if !section.is_empty() && titles.1.as_deref() != Some(section.as_str()) {
            let id = Some(text(Column::SectionId)).filter(|s| !s.is_empty());
            self.start_section(r, id, Text::new(section.clone(), text(Column::SectionEn)));
            titles.1 = Some(section);
        }
        let (duty, duty_hidden) = value(Column::Duty);
        let (points, points_hidden) = value(Column::Points);
        let (id_cell, id_hidden) = value(Column::Id);
        if duty.is_empty() && points.is_empty() && id_cell.is_empty() {
            return; // a heading row: 部分 or 方面 alone
        }
        if self.sections.is_empty() {
            if self.col(Column::Section).is_some() {
                let i = self.col(Column::Section).unwrap_or(0);
                let loc = self.at(r, i, &self.column_name(Column::Section));
                self.problem(loc, b::Msg::TableSectionMissing);
            }
            // Without a 方面 column, each part is one section of the same title.
            let title = self.parts.last().map_or_else(
                || Text::new(DEFAULT_PART_TITLE, "Items"),
                |p| p.title.clone(),
            );
            self.start_section(r, None, title);
        }
        self.check_row_merges(r, merges);
        let index = self.items.len();
        let cell = |t: &mut TableRead, c: Column| -> String {
            let (v, _) = value(c);
            if let Cell::Error(e) = &v {
                let loc = t.at(r, t.col(c).unwrap_or(0), &t.column_name(c));
                t.problem(loc, b::m::TableCellError { error: e.clone() });
                t.flagged.insert((index, c));
                return String::new();
            }
            v.as_text()
        };
        let duty_text = cell(self, Column::Duty);
        if duty_text.is_empty() {
            self.flag(r, index, Column::Duty, !duty_hidden, b::Msg::TableDutyEmpty);
        }
        let points_value = match &points {
            Cell::Empty => {
                self.flag(
                    r,
                    index,
                    Column::Points,
                    !points_hidden,
                    b::Msg::TablePointsMissing,
                );
                0.0
            }
            Cell::Error(_) => {
                cell(self, Column::Points);
                0.0
            }
            c => parse_number(c).unwrap_or_else(|| {
                let what = b::m::TableNotNumber {
                    actual: c.as_text(),
                };
                self.flag(r, index, Column::Points, true, what);
                0.0
            }),
        };
        let id = if self.ids_generated {
            String::new() // numbered once every item is known
        } else {
            let id = cell(self, Column::Id);
            if id.is_empty() {
                self.flag(r, index, Column::Id, !id_hidden, b::Msg::TableIdMissing);
                self.ids_faulty = true;
            } else if let Some(first) = seen_ids.get(&id) {
                let what = b::m::TableIdDuplicate {
                    id: id.clone(),
                    first: first + 1,
                };
                self.flag(r, index, Column::Id, true, what);
                self.ids_faulty = true;
            } else {
                seen_ids.insert(id.clone(), r);
            }
            id
        };
        let pair = |t: &mut TableRead, zh: Column, en: Column| Text::new(cell(t, zh), cell(t, en));
        let item = ItemRow {
            row: r,
            section: self.sections.len() - 1,
            id,
            duty: Text::new(duty_text, cell(self, Column::DutyEn)),
            statement: pair(self, Column::Statement, Column::StatementEn),
            points: points_value,
            guidance: pair(self, Column::Guidance, Column::GuidanceEn),
            deduction: pair(self, Column::Deduction, Column::DeductionEn),
            evidence: pair(self, Column::Evidence, Column::EvidenceEn),
            source: pair(self, Column::Source, Column::SourceEn),
            quote: cell(self, Column::Quote),
        };
        self.items.push(item);
    }

    /// Marks an item's field as having a problem, reporting it when `report`
    /// (a value hidden by a merged cell was reported with the merge).
    fn flag(&mut self, r: usize, index: usize, c: Column, report: bool, what: impl Into<Message>) {
        if report && !self.flagged.contains(&(index, c)) {
            let loc = self.at(r, self.col(c).unwrap_or(0), &self.column_name(c));
            self.problem(loc, what);
        }
        self.flagged.insert((index, c));
    }

    fn start_section(&mut self, row: usize, id: Option<String>, title: Text) {
        if self.parts.is_empty() {
            if let Some(i) = self.col(Column::Part) {
                let loc = self.at(row, i, &self.columns[&Column::Part].1.clone());
                self.problem(loc, b::Msg::TablePartMissing);
            }
            self.parts.push(PartRow {
                row,
                id: None,
                title: Text::new(DEFAULT_PART_TITLE, "Items"),
            });
        }
        self.sections.push(SectionRow {
            row,
            part: self.parts.len() - 1,
            id,
            title,
        });
    }

    /// A merge across columns starting on an item row hides the cells right of its first.
    fn check_row_merges(&mut self, r: usize, merges: &[Merge]) {
        for mg in merges
            .iter()
            .filter(|m| m.rows.0 == r && m.cols.1 > m.cols.0)
        {
            let name_at = |i: usize| {
                self.columns
                    .values()
                    .find(|(c, _)| *c == i)
                    .map(|(_, n)| n.clone())
            };
            let Some(other) = (mg.cols.0 + 1..=mg.cols.1).find_map(name_at) else {
                continue;
            };
            let column = name_at(mg.cols.0).unwrap_or_else(|| cell_ref(r, mg.cols.0));
            let loc = self.at(r, mg.cols.0, &column);
            self.problem(loc, b::m::TableMergedCols { other });
        }
    }

    /// Numbers every item section.item (1.1, 1.2, 2.1 …) in table order.
    fn number_items(&mut self) {
        let mut n = 0;
        let mut last = usize::MAX;
        for item in &mut self.items {
            if item.section != last {
                last = item.section;
                n = 0;
            }
            n += 1;
            item.id = format!("{}.{}", item.section + 1, n);
        }
    }

    fn read_info(&mut self, sheet: &Sheet) {
        let sheet_name = sheet.name.clone();
        let mut intro = (Vec::new(), Vec::new());
        let mut grades = Vec::new();
        for (r, row) in sheet.rows.iter().enumerate() {
            let key_text = row.first().map(Cell::as_text).unwrap_or_default();
            let cell = |i: usize| row.get(i).cloned().unwrap_or(Cell::Empty);
            let loc = |i: usize, name: &str| Loc::Cell {
                sheet: sheet_name.clone(),
                row: r + 1,
                column: name.to_string(),
                cell: cell_ref(r, i),
            };
            if key_text.is_empty() || matches!(key_text.as_str(), "项目" | "Item") {
                continue;
            }
            let Some(key) = Key::from_cell(&key_text) else {
                self.problems.push(TableProblem {
                    loc: loc(0, "项目"),
                    what: b::m::TableMetaUnknown {
                        key: key_text,
                        names: KEYS
                            .iter()
                            .map(|(k, _)| k.name())
                            .collect::<Vec<_>>()
                            .join("、"),
                    }
                    .into(),
                });
                continue;
            };
            let value = cell(1).as_text();
            let number = |t: &mut TableRead| -> Option<f64> {
                let c = cell(1);
                if c.is_empty() {
                    return None;
                }
                let x = parse_number(&c);
                if x.is_none() {
                    t.unreadable.extend(match key {
                        Key::Total => Some(field::TOTAL),
                        Key::Step => Some(field::STEP),
                        _ => None,
                    });
                    t.problems.push(TableProblem {
                        loc: loc(1, key.name()),
                        what: b::m::TableNotNumber {
                            actual: c.as_text(),
                        }
                        .into(),
                    });
                }
                x
            };
            let meta = &mut self.meta;
            match key {
                Key::Title => meta.title.zh = value,
                Key::TitleEn => meta.title.en = value,
                Key::Id => meta.id = value,
                Key::Version => meta.version = value,
                Key::Source => meta.source.zh = value,
                Key::SourceEn => meta.source.en = value,
                Key::Intro => intro.0.extend(paragraphs(&value)),
                Key::IntroEn => intro.1.extend(paragraphs(&value)),
                Key::Total => self.meta.total_points = number(self),
                Key::Step => self.meta.score_step = number(self),
                Key::Grade => {
                    let min_cell = cell(2);
                    let min = parse_number(&min_cell);
                    if min.is_none() {
                        self.problems.push(TableProblem {
                            loc: loc(2, "最低分"),
                            what: b::m::TableNotNumber {
                                actual: min_cell.as_text(),
                            }
                            .into(),
                        });
                    }
                    grades.push(GradeBand {
                        min: min.unwrap_or(f64::NAN),
                        label: Text::new(value, cell(3).as_text()),
                    });
                }
            }
        }
        self.meta.introduction = Paragraphs {
            zh: intro.0,
            en: intro.1,
        };
        self.meta.grade_bands = grades;
    }

    /// The coarsest of 0.5, 0.25, 0.1, 0.05 and 0.01 that every item's
    /// points and every amount in its deduction rule (扣0.3分) is a multiple
    /// of; `None` for 0.5, the step of a checklist that declares none.
    fn suggested_step(&self) -> Option<f64> {
        let mut amounts: Vec<f64> = self.items.iter().map(|i| i.points).collect();
        for i in &self.items {
            amounts.extend(amounts_in(&i.deduction.zh));
        }
        [0.5, 0.25, 0.1, 0.05, 0.01]
            .into_iter()
            .find(|s| {
                let step = Step::from_points(*s).unwrap_or_default();
                amounts.iter().all(|a| step.divides(*a))
            })
            .filter(|s| *s != 0.5)
    }

    /// How many items were read.
    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// The problems found in the items and in the sheet 清单信息, before
    /// the definition is built (for a table that could not be read at all,
    /// the only one).
    pub fn table_problems(&self) -> &[TableProblem] {
        &self.problems
    }

    /// The checklist definition, with `meta` as its information (the
    /// sheet's, as the user confirmed or completed it): every problem of the
    /// table, of the information and of the definition, each where it is.
    pub fn checklist(&self, meta: &Meta) -> Result<Checklist, Vec<TableProblem>> {
        let mut problems = self.problems.clone();
        if problems
            .iter()
            .any(|p| p.what == Message::from(b::Msg::TableNoHeader))
        {
            return Err(problems);
        }
        if self.items.is_empty() {
            problems.push(TableProblem {
                loc: Loc::Sheet {
                    sheet: self.sheet.clone(),
                },
                what: b::Msg::TableNoItems.into(),
            });
            return Err(problems);
        }
        let checklist = self.definition(meta);
        // A sum without the points that could not be read, or points held to
        // a step that could not be read, would only repeat those problems.
        let unread_points = self.flagged.iter().any(|(_, c)| *c == Column::Points);
        let unread =
            |f: b::Msg, value: Option<f64>| value.is_none() && self.unreadable.contains(&f);
        for p in checklist.problems() {
            let repeats = (p.path == "parts"
                && (unread_points || unread(field::TOTAL, meta.total_points)))
                || (p.path.ends_with(".points") && unread(field::STEP, meta.score_step));
            if repeats {
                continue;
            }
            if let Some(loc) = self.place(&p.path) {
                problems.push(TableProblem {
                    loc,
                    what: p.message,
                });
            }
        }
        if problems.is_empty() {
            Ok(checklist)
        } else {
            Err(problems)
        }
    }

    fn definition(&self, meta: &Meta) -> Checklist {
        let parts = self
            .parts
            .iter()
            .enumerate()
            .map(|(p, part)| Part {
                id: part.id.clone().unwrap_or_else(|| format!("p{}", p + 1)),
                title: part.title.clone(),
                groups: self
                    .sections
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.part == p)
                    .map(|(g, s)| Group {
                        id: s.id.clone().unwrap_or_else(|| format!("s{}", g + 1)),
                        title: s.title.clone(),
                        items: self
                            .items
                            .iter()
                            .filter(|i| i.section == g)
                            .map(|i| Item {
                                id: i.id.clone(),
                                duty: i.duty.clone(),
                                // A statement without Chinese is no statement (the reports derive one).
                                statement: (!i.statement.zh.trim().is_empty())
                                    .then(|| i.statement.clone()),
                                guidance: i.guidance.clone(),
                                evidence: i.evidence.clone(),
                                source: Source {
                                    reference: i.source.clone(),
                                    quote: i.quote.clone(),
                                },
                                points: i.points,
                                deduction: (!i.deduction.zh.is_empty()
                                    || !i.deduction.en.is_empty())
                                .then(|| i.deduction.clone()),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .filter(|p| !p.groups.is_empty())
            .collect();
        Checklist {
            format: CHECKLIST_FORMAT.into(),
            format_version: CHECKLIST_FORMAT_VERSION,
            id: meta.id.trim().to_string(),
            version: meta.version.trim().to_string(),
            title: meta.title.clone(),
            source: meta.source.clone(),
            introduction: meta.introduction.clone(),
            total_points: meta.total_points,
            score_step: meta.score_step,
            grade_bands: meta.grade_bands.clone(),
            parts,
        }
    }

    /// Where in the table a problem of the definition lies (`path` as
    /// [`Checklist::problems`] gives it); `None` when the table's own
    /// check has already reported it there.
    fn place(&self, path: &str) -> Option<Loc> {
        let meta = |field: b::Msg| Some(Loc::Meta { field });
        match path {
            "id" => return meta(field::ID),
            "version" => return meta(field::VERSION),
            "title.zh" => return meta(field::TITLE),
            "total_points" => return meta(field::TOTAL),
            "score_step" => return meta(field::STEP),
            "parts" => {
                return Some(Loc::Column {
                    sheet: self.sheet.clone(),
                    column: self.column_name(Column::Points),
                })
            }
            p if p.starts_with("grade_bands") => return meta(field::GRADES),
            _ => {}
        }
        // parts[p].groups[g].items[i].field
        let nums: Vec<usize> = path
            .split(['[', ']'])
            .filter_map(|s| s.parse().ok())
            .collect();
        let field = path
            .rsplit(']')
            .next()
            .unwrap_or("")
            .trim_start_matches('.');
        let part_rows = || {
            self.parts
                .iter()
                .enumerate()
                .filter(|(p, _)| self.sections.iter().any(|s| s.part == *p))
                .map(|(_, p)| p.row)
                .collect::<Vec<_>>()
        };
        match nums.as_slice() {
            [p, g, i] => {
                let section = self.sections_of_part(*p).get(*g).copied()?;
                let (index, item) = self
                    .items
                    .iter()
                    .enumerate()
                    .filter(|(_, it)| it.section == section)
                    .nth(*i)?;
                let column = match field.split('.').next().unwrap_or("") {
                    "id" => Column::Id,
                    "points" => Column::Points,
                    "duty" => Column::Duty,
                    _ => {
                        return Some(Loc::Row {
                            sheet: self.sheet.clone(),
                            row: item.row + 1,
                        })
                    }
                };
                if self.flagged.contains(&(index, column)) {
                    return None;
                }
                let i = self.col(column).or(self.col(Column::Duty)).unwrap_or(0);
                Some(self.at(item.row, i, &self.column_name(column)))
            }
            [p, g] => {
                let section = self.sections_of_part(*p).get(*g).copied()?;
                Some(Loc::Row {
                    sheet: self.sheet.clone(),
                    row: self.sections[section].row + 1,
                })
            }
            [p] => Some(Loc::Row {
                sheet: self.sheet.clone(),
                row: part_rows().get(*p).copied()? + 1,
            }),
            _ => Some(Loc::File),
        }
    }

    /// The indices (into `sections`) of the sections of the p-th non-empty part.
    fn sections_of_part(&self, p: usize) -> Vec<usize> {
        let part = self
            .parts
            .iter()
            .enumerate()
            .filter(|(i, _)| self.sections.iter().any(|s| s.part == *i))
            .nth(p)
            .map(|(i, _)| i);
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| Some(s.part) == part)
            .map(|(i, _)| i)
            .collect()
    }

    fn column_name(&self, c: Column) -> String {
        self.columns
            .get(&c)
            .map_or_else(|| c.name().to_string(), |x| x.1.clone())
    }
}

/// A row's values by column, and whether each is hidden by a merged cell.
/// A merged cell's text counts for every row it spans in columns whose text
/// items share ([`Column::shared`]); elsewhere the hidden cells are empty.
fn row_values(
    columns: &HashMap<Column, (usize, String)>,
    sheet: &Sheet,
    r: usize,
) -> HashMap<Column, (Cell, bool)> {
    let row = &sheet.rows[r];
    columns
        .iter()
        .map(|(c, (i, _))| {
            let hiding = sheet.merges.iter().find(|m| {
                (m.rows.0..=m.rows.1).contains(&r)
                    && (m.cols.0..=m.cols.1).contains(i)
                    && (r, *i) != (m.rows.0, m.cols.0)
            });
            let v = match hiding {
                Some(m) if c.shared() && m.cols.0 == *i => (
                    sheet.rows[m.rows.0].get(*i).cloned().unwrap_or(Cell::Empty),
                    false,
                ),
                Some(_) => (Cell::Empty, true),
                None => (row.get(*i).cloned().unwrap_or(Cell::Empty), false),
            };
            (*c, v)
        })
        .collect()
}

/// A row of totals (合计, 总计, 小计) in the first column, 部分, 方面 or 检查内容.
fn is_total_row(values: &HashMap<Column, (Cell, bool)>, row: &[Cell]) -> bool {
    let first = row.first().map(Cell::as_text);
    [Column::Part, Column::Section, Column::Duty]
        .iter()
        .filter_map(|c| values.get(c).map(|v| v.0.as_text()))
        .chain(first)
        .any(|t| {
            matches!(
                t.replace(char::is_whitespace, "").as_str(),
                "合计" | "总计" | "小计" | "总分"
            )
        })
}

/// Paragraphs of a cell: one per line, blank lines dropped.
fn paragraphs(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The amounts of points a deduction rule names: 0.3 in “每少一次扣0.3分”.
fn amounts_in(rule: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let chars: Vec<char> = rule.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let n: String = chars[start..i].iter().collect();
            if chars.get(i) == Some(&'分') {
                if let Ok(x) = n.parse::<f64>() {
                    out.push(x);
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_found_in_deduction_rules() {
        assert_eq!(
            amounts_in("未建立学法制度的，扣0.3分；每少一次扣0.3分，累计扣分不超过1.2分"),
            vec![0.3, 0.3, 1.2]
        );
        assert_eq!(amounts_in("每少1次扣2分，全年少于3次不得分"), vec![2.0]);
        assert!(amounts_in("扣完为止").is_empty());
    }

    #[test]
    fn numbers_are_read_as_people_write_them() {
        let n = |s: &str| parse_number(&Cell::text(s));
        assert_eq!(n("3"), Some(3.0));
        assert_eq!(n("1.5分"), Some(1.5));
        assert_eq!(n("１.５"), Some(1.5));
        assert_eq!(n("三分"), None);
        assert_eq!(n("3-5"), None);
    }

    #[test]
    fn info_keys_are_recognised() {
        assert_eq!(Key::from_cell("清单标题"), Some(Key::Title));
        assert_eq!(Key::from_cell("清单标题(英文)"), Some(Key::TitleEn));
        assert_eq!(Key::from_cell(" 评分步长 "), Some(Key::Step));
        assert_eq!(Key::from_cell("Score step"), Some(Key::Step));
        assert_eq!(Key::from_cell("考核年度"), None);
    }
}
