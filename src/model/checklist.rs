//! The checklist definition: a data file (JSON) describing parts, groups
//! ("sections", one step each in the walk) and items, with points and grade
//! bands. The built-in checklist is embedded at build time.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::canonical::{self, ParseError};
use super::messages::{m, Message, Msg};
use super::points::Step;
use super::text::{Lang, Paragraphs, Text};

/// The `format` value every checklist definition carries.
pub const CHECKLIST_FORMAT: &str = "rule-of-law-checklist";
/// The definition format version this build reads.
pub const CHECKLIST_FORMAT_VERSION: u32 = 1;

#[cfg(not(feature = "bench-large"))]
/// `content/builtin-checklist.json`, minified by `build.rs`.
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin-checklist.min.json"));

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub format: String,
    pub format_version: u32,
    pub id: String,
    pub version: String,
    pub title: Text,
    pub source: Text,
    pub introduction: Paragraphs,
    /// The points the items must sum to (the county's table total); 100 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_points: Option<f64>,
    /// The self-score step (评分步长), e.g. 0.1: points and self-scores are
    /// whole multiples of it. Absent: 0.5, and self-scores are not held to it
    /// (as before steps could be declared). See [`Checklist::step`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_step: Option<f64>,
    pub grade_bands: Vec<GradeBand>,
    pub parts: Vec<Part>,
}

/// A grade awarded when the normalised total reaches `min`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeBand {
    pub min: f64,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub id: String,
    pub title: Text,
    pub groups: Vec<Group>,
}

/// A section of the checklist: one step of the walk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: Text,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub duty: Text,
    /// The duty as a statement, for reports and drafts ("坚持民主集中制，…"):
    /// no subject, no 是否, no question mark. When absent the drafts derive one
    /// from the duty ([`Item::statement`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<Text>,
    pub guidance: Text,
    pub evidence: Text,
    pub source: Source,
    pub points: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deduction: Option<Text>,
}

/// Where a duty comes from: a reference and a short verbatim quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(rename = "ref")]
    pub reference: Text,
    pub quote: String,
}

/// Earlier editions of the built-in checklist (version, fingerprint) whose
/// reports and drafts the current one reads: the same parts, sections, items
/// and points, only wording added or changed. Each is kept in
/// `content/editions/` and tested against the current edition.
pub const BUILTIN_EARLIER_EDITIONS: [(&str, &str); 1] = [(
    "2026.1",
    "d332f70ccc5a42a6dd783f5110d5568ab1afee46e4147f1a94172f664c0a513c",
)];

/// What identifies a checklist exactly: reports and drafts carry this.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

/// A problem found in a checklist definition.
#[derive(Clone, Debug, PartialEq)]
pub struct DefinitionProblem {
    pub path: String,
    pub message: Message,
}

impl Checklist {
    /// The built-in 第一责任人 checklist, parsed once.
    #[cfg(not(feature = "bench-large"))]
    pub fn builtin() -> &'static Checklist {
        static BUILTIN: OnceLock<Checklist> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // Not `expect`: that would ship the Debug code of every message.
            Checklist::parse(BUILTIN_JSON)
                .unwrap_or_else(|_| panic!("the built-in checklist is valid (tested)"))
        })
    }

    /// The reference (id, version, fingerprint) of the built-in checklist, computed once.
    pub fn builtin_reference() -> &'static ChecklistRef {
        static REFERENCE: OnceLock<ChecklistRef> = OnceLock::new();
        REFERENCE.get_or_init(|| Checklist::builtin().reference())
    }

    /// Benchmark builds only (`--features bench-large`, see docs/benchmark.md):
    /// the app runs on a generated 1,000-item checklist instead of the real one.
    #[cfg(feature = "bench-large")]
    pub fn builtin() -> &'static Checklist {
        static BUILTIN: OnceLock<Checklist> = OnceLock::new();
        BUILTIN.get_or_init(|| crate::fixtures::checklist::generated(1000))
    }

    /// Parses and checks a definition; every problem is reported, not just the first.
    pub fn parse(json: &str) -> Result<Checklist, Vec<DefinitionProblem>> {
        // serde would read a JSON array as a struct's members in order: only an object is a definition.
        if !json.trim_start().starts_with('{') {
            return Err(vec![DefinitionProblem {
                path: "(root)".into(),
                message: m::ChecklistNotAnObject { start: "{".into() }.into(),
            }]);
        }
        let checklist: Checklist = canonical::parse(json).map_err(|e| {
            let (path, detail) = match e {
                ParseError::Syntax(e) => (
                    format!("line {}, column {}", e.line(), e.column()),
                    e.to_string(),
                ),
                ParseError::Type(e) => (
                    e.path.clone().unwrap_or_else(|| "(root)".into()),
                    e.detail(),
                ),
            };
            vec![DefinitionProblem {
                path,
                message: m::ChecklistMalformed { detail }.into(),
            }]
        })?;
        let problems = checklist.problems();
        if problems.is_empty() {
            Ok(checklist)
        } else {
            Err(problems)
        }
    }

    /// Every problem with the definition (empty when it is valid).
    pub fn problems(&self) -> Vec<DefinitionProblem> {
        let mut found = Found::default();
        self.header_problems(&mut found);
        let mut ids = HashSet::new();
        for (p, part) in self.parts.iter().enumerate() {
            part_problems(p, part, &mut ids, &mut found);
            for (g, group) in part.groups.iter().enumerate() {
                group_problems(p, g, group, &mut ids, &mut found);
                for (i, item) in group.items.iter().enumerate() {
                    let path = format!("parts[{p}].groups[{g}].items[{i}]");
                    item_problems(&path, i, item, self.step(), &mut ids, &mut found);
                }
            }
        }
        let total = self.max_points();
        let declared = self.total_points.unwrap_or(100.0);
        if (total - declared).abs() > 1e-9 {
            found.push("parts", m::PointsSum { declared, total });
        }
        found.0
    }

    /// The definition's own fields: format, identity, total, step, grade bands.
    fn header_problems(&self, found: &mut Found) {
        if self.format != CHECKLIST_FORMAT {
            let expected = CHECKLIST_FORMAT.into();
            found.push("format", m::ChecklistWrongFormat { expected });
        }
        if self.format_version != CHECKLIST_FORMAT_VERSION {
            let version = self.format_version;
            found.push("format_version", m::ChecklistWrongVersion { version });
        }
        for (path, value, missing) in [
            ("id", &self.id, Msg::ChecklistIdMissing),
            ("version", &self.version, Msg::ChecklistVersionMissing),
            ("title.zh", &self.title.zh, Msg::ChecklistTitleMissing),
        ] {
            if value.trim().is_empty() {
                found.push(path, missing);
            }
        }
        if self
            .total_points
            .is_some_and(|t| !(t > 0.0 && t.is_finite()))
        {
            found.push("total_points", Msg::ChecklistTotalPoints);
        }
        if self
            .score_step
            .is_some_and(|s| Step::from_points(s).is_none())
        {
            let max = Step::MAX_POINTS;
            found.push("score_step", m::ChecklistScoreStep { max });
        }
        for (b, band) in self.grade_bands.iter().enumerate() {
            if band.label.zh.trim().is_empty() {
                let path = format!("grade_bands[{b}].label.zh");
                found.push(path, m::GradeNoLabel { n: b + 1 });
            }
            if !(0.0..=100.0).contains(&band.min) {
                found.push(
                    format!("grade_bands[{b}].min"),
                    m::GradeMinRange { n: b + 1 },
                );
            }
        }
        if self.grade_bands.is_empty() {
            found.push("grade_bands", Msg::ChecklistNoGradeBands);
        }
    }

    /// SHA-256 (lowercase hex) of the RFC 8785 canonical form of the definition.
    pub fn sha256(&self) -> String {
        canonical::sha256_of(self)
    }

    /// True for the checklist built into the app.
    pub fn is_builtin(&self) -> bool {
        // Equality, not the fingerprint: hashing both on every export cost milliseconds.
        let b = Checklist::builtin();
        std::ptr::eq(self, b) || (self.id == b.id && self.version == b.version && self == b)
    }

    /// True when a draft or report naming `r` is read with this definition:
    /// `r` names exactly this one, or an earlier edition it supersedes.
    pub fn answers_to(&self, r: &ChecklistRef) -> bool {
        self.id == r.id
            && (self.version == r.version && self.sha256() == r.sha256 || self.supersedes(r))
    }

    /// True when `r` names the built-in checklist: its current edition or an
    /// earlier one it supersedes (a report of either is a built-in report).
    pub fn is_builtin_reference(r: &ChecklistRef) -> bool {
        r == Checklist::builtin_reference() || Checklist::builtin().supersedes(r)
    }

    /// True when `r` names an earlier edition of the built-in checklist
    /// ([`BUILTIN_EARLIER_EDITIONS`]) and this is the built-in checklist: its
    /// reports are read, scored and compared with the current edition.
    pub fn supersedes(&self, r: &ChecklistRef) -> bool {
        BUILTIN_EARLIER_EDITIONS
            .iter()
            .any(|(v, sha)| r.version == *v && r.sha256 == *sha)
            && r.id == Checklist::builtin_reference().id
            && self.is_builtin()
    }

    pub fn reference(&self) -> ChecklistRef {
        ChecklistRef {
            id: self.id.clone(),
            version: self.version.clone(),
            sha256: self.sha256(),
        }
    }

    /// Sections (groups) in walk order.
    pub fn sections(&self) -> impl Iterator<Item = &Group> {
        self.parts.iter().flat_map(|p| p.groups.iter())
    }

    pub fn section_count(&self) -> usize {
        self.sections().count()
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections().flat_map(|g| g.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    /// Like [`Checklist::item`], trying the `hint`-th item first: answers in
    /// a report come in checklist order, and a search per answer made reading
    /// a report quadratic in its length.
    pub fn item_hinted(&self, hint: usize, id: &str) -> Option<&Item> {
        match self.items().nth(hint) {
            Some(i) if i.id == id => Some(i),
            _ => self.item(id),
        }
    }

    /// Index of the section holding the item.
    pub fn section_of(&self, item_id: &str) -> Option<usize> {
        self.sections()
            .position(|g| g.items.iter().any(|i| i.id == item_id))
    }

    /// The items' points added up, exact to the hundredth (0.1 + 0.2 is 0.3).
    pub fn max_points(&self) -> f64 {
        Step::sum(self.items().map(|i| i.points))
    }

    /// The self-score step: the declared `score_step`, else 0.5 (also for
    /// an invalid declaration, which [`Checklist::problems`] reports).
    pub fn step(&self) -> Step {
        self.score_step
            .and_then(Step::from_points)
            .unwrap_or_default()
    }

    /// The step self-scores must be multiples of: only a declared one. A
    /// checklist that declares none keeps the earlier rule, any score from
    /// 0 to the item's points, so drafts made before steps existed keep
    /// their meaning.
    pub fn score_rule(&self) -> Option<Step> {
        self.score_step.and_then(Step::from_points)
    }

    /// The grade label for a normalised total (0–100).
    pub fn grade(&self, normalized: f64) -> &Text {
        self.grade_bands
            .iter()
            .filter(|b| normalized + 1e-9 >= b.min)
            .max_by(|a, b| a.min.total_cmp(&b.min))
            .or_else(|| {
                self.grade_bands
                    .iter()
                    .min_by(|a, b| a.min.total_cmp(&b.min))
            })
            .map(|b| &b.label)
            .expect("a valid checklist has at least one grade band")
    }

    /// The item's duty in the language, for short references.
    pub fn duty(&self, item_id: &str, lang: Lang) -> String {
        self.item(item_id)
            .map(|i| i.duty.get(lang).to_string())
            .unwrap_or_else(|| item_id.to_string())
    }
}

impl Item {
    /// True for a duty of the first responsible person in person (the duty
    /// begins with 第一责任人, as in 第一责任人是否带头懂法？), rather than of the unit.
    pub fn is_head_duty(&self) -> bool {
        self.duty.zh.trim_start().starts_with("第一责任人")
    }

    /// The duty as a statement without subject, for prose: the `statement`
    /// when the checklist gives one, otherwise the duty with its question
    /// taken out (本单位/第一责任人 at the start, 是否, a final ？ or 吗).
    pub fn statement(&self, lang: Lang) -> String {
        match &self.statement {
            Some(s) if !s.get(lang).trim().is_empty() => clause(s.get(lang)),
            _ => declarative(self.duty.get(lang), lang),
        }
    }

    /// What is wrong with the statement, if it is given.
    fn statement_problem(&self) -> Option<Message> {
        let s = self.statement.as_ref()?;
        let id = self.id.clone();
        if s.zh.trim().is_empty() {
            Some(m::StatementNoChinese { id }.into())
        } else if s.zh.contains("是否") || s.zh.contains(['？', '?']) {
            Some(m::StatementIsQuestion { id }.into())
        } else {
            None
        }
    }
}

/// A text without the punctuation that ends it (。；，.;,).
pub fn clause(s: &str) -> String {
    s.trim()
        .trim_end_matches(['。', '.', '；', ';', '，', ',', '！', '!'])
        .trim_end()
        .to_string()
}

/// A duty written as a question, turned into a statement without subject.
fn declarative(duty: &str, lang: Lang) -> String {
    let mut s = duty.trim().trim_end_matches(['？', '?', ' ']).to_string();
    match lang {
        Lang::Zh => {
            for subject in ["本单位", "第一责任人", "本镇", "本部门"] {
                if let Some(rest) = s.strip_prefix(subject) {
                    s = rest.to_string();
                    break;
                }
            }
            s = s.replace("是否", "");
            if let Some(rest) = s.strip_suffix('吗') {
                s = rest.to_string();
            }
            clause(&s)
        }
        Lang::En => {
            for question in [
                "Does the unit ",
                "Did the unit ",
                "Is the unit ",
                "Has the unit ",
                "Does the first responsible person ",
                "Does the person with primary responsibility ",
            ] {
                if let Some(rest) = s.strip_prefix(question) {
                    s = rest.to_string();
                    break;
                }
            }
            clause(&s)
        }
    }
}

/// True when `x` is a whole multiple of 0.5.
pub fn is_half_step(x: f64) -> bool {
    x.is_finite() && ((x * 2.0).round() - x * 2.0).abs() < 1e-9
}

/// Problems found so far, each at its path in the definition.
#[derive(Default)]
struct Found(Vec<DefinitionProblem>);

impl Found {
    fn push(&mut self, path: impl Into<String>, message: impl Into<Message>) {
        self.0.push(DefinitionProblem {
            path: path.into(),
            message: message.into(),
        });
    }
}

/// A part's id (present, unique) and title.
fn part_problems(p: usize, part: &Part, ids: &mut HashSet<String>, found: &mut Found) {
    let path = format!("parts[{p}].id");
    if part.id.trim().is_empty() {
        found.push(path.clone(), m::PartNoId { n: p + 1 });
    }
    if part.title.zh.trim().is_empty() {
        let id = part.id.clone();
        found.push(format!("parts[{p}].title.zh"), m::PartNoTitle { id });
    }
    if !ids.insert(part.id.clone()) {
        found.push(
            path,
            m::ChecklistDuplicateId {
                id: part.id.clone(),
            },
        );
    }
}

/// A section's id (present, unique), title and items.
fn group_problems(p: usize, g: usize, group: &Group, ids: &mut HashSet<String>, found: &mut Found) {
    let path = format!("parts[{p}].groups[{g}]");
    let id = || group.id.clone();
    if group.id.trim().is_empty() {
        found.push(
            format!("{path}.id"),
            m::SectionNoId {
                part: p + 1,
                n: g + 1,
            },
        );
    }
    if !ids.insert(id()) {
        found.push(format!("{path}.id"), m::ChecklistDuplicateId { id: id() });
    }
    if group.title.zh.trim().is_empty() {
        found.push(format!("{path}.title.zh"), m::SectionNoTitle { id: id() });
    }
    if group.items.is_empty() {
        found.push(format!("{path}.items"), m::SectionNoItems { id: id() });
    }
}

/// An item's id (present, unique), duty, statement and points (a multiple of the step).
fn item_problems(
    path: &str,
    i: usize,
    item: &Item,
    step: Step,
    ids: &mut HashSet<String>,
    found: &mut Found,
) {
    let id = || item.id.clone();
    if item.id.trim().is_empty() {
        found.push(format!("{path}.id"), m::ItemNoId { n: i + 1 });
    }
    if !ids.insert(id()) {
        found.push(
            format!("{path}.id"),
            m::ChecklistDuplicateItemId { id: id() },
        );
    }
    if item.duty.zh.trim().is_empty() {
        found.push(format!("{path}.duty.zh"), m::ItemNoChinese { id: id() });
    }
    if let Some(problem) = item.statement_problem() {
        found.push(format!("{path}.statement.zh"), problem);
    }
    if !(item.points > 0.0 && step.divides(item.points)) {
        let step = step.points();
        found.push(format!("{path}.points"), m::ItemPoints { id: id(), step });
    }
}
