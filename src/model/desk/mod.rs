//! 汇总审阅 — the reviewer desk's intake. The county Justice Bureau reads
//! hundreds to thousands of report files at once. Every file ends up somewhere
//! visible, with every finding about it ([`verdicts`]): a readable report joins
//! the group of its checklist (reports of different checklists are never
//! mixed); a file that is not a readable report is listed as invalid.
//!
//! Within a group, the reports of one unit and year form a [`Slot`], and one
//! rule ([`resubmission::decide`]) says which of them counts. Nothing here
//! depends on the order files are added: slots are kept in natural order of
//! the unit and then the year, and each slot's decision looks only at its
//! reports' content and times. Everything is pure and incremental: the
//! interface feeds files a chunk at a time ([`Desk::read`], [`Desk::add_read`])
//! and shows progress between chunks. The views of a [`Group`] are in
//! [`views`], the county picture in [`dashboard`], the CSV exports in [`csv`].

pub mod csv;
pub mod dashboard;
pub mod natural;
pub mod resubmission;
pub mod verdicts;
pub mod views;
pub mod workbook;

use crate::model::messages::bureau as b;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::assessment::{Assessment, Status, UnitInfo, UnitYear};
use super::canonical::{sha256_bytes_hex, sha256_of, Canonical};
use super::checklist::{Checklist, ChecklistRef};
use super::import::{self, DigestCheck, ImportError, Imported};
use super::messages::Message;
use super::report::REPORT_FORMAT;
use super::scoring::{self, Tally};
use super::text::{Lang, Text};
use super::validation;
use natural::natural_cmp;
use resubmission::{Basis, Candidate, ReportKey};

pub use csv::{fingerprint_cell, matrix_csv, rectifications_csv, units_csv};
pub use verdicts::{Finding, Verdict};
pub use views::{matrix, rectifications, status_label, unit_labels, ItemRate, RectRow, UnitColumn};

/// The reason given for a report whose content no longer matches its digest.
pub fn tampered_reason() -> Message {
    b::Msg::DeskTampered.into()
}

/// 佐证材料（条）: the evidence entries a report lists across all its items —
/// each document reference and each local file's fingerprint counts one.
pub fn evidence_count(a: &Assessment) -> u32 {
    a.answers.values().map(|x| x.evidence.len() as u32).sum()
}

/// What the fingerprint check of a report found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DigestStatus {
    /// The content matches its fingerprint.
    Valid,
    /// 文件内容与数字指纹不符.
    Mismatch,
    /// The report carries no fingerprint.
    Missing,
}

impl DigestStatus {
    /// ✓, ✗ or —.
    pub fn mark(self) -> &'static str {
        match self {
            DigestStatus::Valid => "✓",
            DigestStatus::Mismatch => "✗",
            DigestStatus::Missing => "—",
        }
    }

    pub fn label(self) -> b::Msg {
        match self {
            DigestStatus::Valid => b::Msg::DigestValid,
            DigestStatus::Mismatch => b::Msg::DigestMismatchShort,
            DigestStatus::Missing => b::Msg::DigestNone,
        }
    }
}

impl From<&DigestCheck> for DigestStatus {
    fn from(d: &DigestCheck) -> Self {
        match d {
            DigestCheck::Valid => DigestStatus::Valid,
            DigestCheck::Mismatch { .. } => DigestStatus::Mismatch,
            DigestCheck::Missing => DigestStatus::Missing,
        }
    }
}

/// Where and when a file was read: the reviewer's selection (1 for the
/// first; 0 when not said) and the local time. Two files of one name are
/// told apart by it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    pub selection: u32,
    /// HH:MM:SS
    pub read_at: String,
}

impl Source {
    /// 第2次选择，10:32:05 — empty when the selection was not said.
    pub fn text(&self) -> Text {
        if self.selection == 0 {
            return Text::default();
        }
        let m: Message = b::m::ReadIn {
            selection: self.selection,
            at: self.read_at.clone(),
        }
        .into();
        Text::new(m.tr(Lang::Zh), m.tr(Lang::En))
    }
}

/// One readable report (counted or not).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub file: String,
    pub source: Source,
    pub unit: UnitInfo,
    pub year: i32,
    pub assessment: Assessment,
    /// The total computed from the answers (the stated one is never trusted).
    pub tally: Tally,
    /// Each section's (score, maximum) on its applicable items, computed likewise.
    pub sections: Vec<(f64, f64)>,
    pub digest: DigestStatus,
    /// The fingerprint the file states (lowercase hex), empty when it has none.
    pub fingerprint: String,
    /// The SHA-256 of the report's canonical content, what its fingerprint
    /// covers: the same for two copies of one report however they are laid out.
    pub content_id: String,
    /// False when the summary the file states differs from the computed one.
    pub summary_matches: bool,
    /// Each item's answer, in checklist order (`None`: 未作答).
    pub statuses: Vec<Option<Status>>,
    pub exported_at: String,
    /// 佐证材料 entries across all items ([`evidence_count`]).
    pub evidence: u32,
    /// Read with the checklist definition the report carries: the reviewer
    /// has not loaded that checklist.
    pub checklist_not_loaded: bool,
    /// 序号 of the items whose stated self-score the checklist's rule
    /// refuses ([`validation::score_fault`]): never counted, the default is.
    pub invalid_scores: Vec<usize>,
}

impl Row {
    /// The content matches the fingerprint the report states.
    pub fn verified(&self) -> bool {
        self.digest == DigestStatus::Valid
    }

    /// Its figures can be trusted: the content matches its fingerprint and
    /// the scores it states are those its answers give. Only such reports
    /// enter averages, rankings and charts unless the reviewer counts one.
    pub fn trusted(&self) -> bool {
        self.verified() && self.summary_matches
    }

    pub fn unit_year(&self) -> UnitYear {
        self.assessment.unit_year()
    }

    /// What the resubmission rule looks at.
    pub fn candidate(&self) -> Candidate<'_> {
        Candidate {
            exported_at: &self.exported_at,
            updated_at: &self.assessment.updated_at,
            verified: self.verified(),
            content_id: &self.content_id,
            file: &self.file,
        }
    }
}

impl Row {
    /// Why it is not trusted ([`Row::trusted`]), one short phrase per finding.
    pub fn distrust(&self) -> Text {
        let mut why = Vec::new();
        match self.digest {
            DigestStatus::Valid => {}
            DigestStatus::Mismatch => why.push(b::Msg::AlteredShort),
            DigestStatus::Missing => why.push(b::Msg::NoFingerprintShort),
        }
        if !self.summary_matches {
            why.push(b::Msg::ScoresDifferShort);
        }
        joined(&why, |m, lang| m.tr(lang).to_string())
    }
}

/// Items joined as a list reads in each language: 、 in Chinese, “, ” in English.
pub fn joined<T>(items: &[T], show: impl Fn(&T, Lang) -> String) -> Text {
    let join = |lang: Lang, sep: &str| {
        items
            .iter()
            .map(|x| show(x, lang))
            .collect::<Vec<_>>()
            .join(sep)
    };
    Text::new(join(Lang::Zh, "、"), join(Lang::En, ", "))
}

impl Group {
    /// The reports left out of the figures, each unit with why: for the
    /// overview's and the printed summary's note.
    pub fn left_out_list(&self) -> Text {
        let list = |lang: Lang, sep: &str| {
            self.left_out()
                .map(|(_, r)| {
                    let (name, why) = (r.unit.name.trim(), r.distrust());
                    match lang {
                        Lang::Zh => format!("{name}（{}）", why.zh),
                        Lang::En => format!("{name} ({})", why.en),
                    }
                })
                .collect::<Vec<_>>()
                .join(sep)
        };
        Text::new(list(Lang::Zh, "；"), list(Lang::En, "; "))
    }
}

/// A unit and year in natural order: the unit's name (第3号 before 第20号), then the year.
#[derive(Clone, Debug, PartialEq, Eq)]
struct SlotKey(UnitYear);

impl Ord for SlotKey {
    fn cmp(&self, other: &Self) -> Ordering {
        natural_cmp(&self.0.unit, &other.0.unit).then(self.0.year.cmp(&other.0.year))
    }
}

impl PartialOrd for SlotKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The reports of one unit and year in a group, and which of them counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub unit_year: UnitYear,
    /// Indices into [`Group::reports`], newest first.
    pub reports: Vec<usize>,
    /// The index (into [`Group::reports`]) of the report that counts.
    pub counted: usize,
    pub basis: Basis,
}

impl Slot {
    /// The reviewer is asked to choose: the newest report does not verify.
    pub fn awaiting_choice(&self) -> bool {
        self.basis == Basis::AwaitingChoice
    }
}

/// The reports of one checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub reference: ChecklistRef,
    pub checklist: Rc<Checklist>,
    /// True when the definition came from the reports themselves (not one of
    /// the checklists given to [`Desk::add`]).
    pub embedded: bool,
    /// Every readable report of this checklist, in the order added (the
    /// order means nothing: use [`Group::counted`] and [`Group::slots`]).
    reports: Vec<Rc<Row>>,
    slots: BTreeMap<SlotKey, Slot>,
}

impl Group {
    pub fn reports(&self) -> &[Rc<Row>] {
        &self.reports
    }

    pub fn report(&self, i: usize) -> &Row {
        &self.reports[i]
    }

    /// One slot per unit and year, in natural order of the unit, then the year.
    pub fn slots(&self) -> impl Iterator<Item = &Slot> {
        self.slots.values()
    }

    /// The slot of a report.
    pub fn slot_of(&self, report: usize) -> Option<&Slot> {
        self.slots
            .get(&SlotKey(self.reports.get(report)?.unit_year()))
    }

    /// The counted reports, one per unit and year, in natural order of the
    /// unit, then the year, with their indices into [`Group::reports`].
    pub fn counted(&self) -> impl Iterator<Item = (usize, &Row)> {
        self.slots
            .values()
            .map(|s| (s.counted, self.reports[s.counted].as_ref()))
    }

    /// Whether the counted report of `slot` enters the figures — averages,
    /// rankings, charts, the matrix, the workbook's figures, the 汇总: a
    /// trusted report ([`Row::trusted`]), or one the reviewer chose to count.
    pub fn in_figures(&self, slot: &Slot) -> bool {
        slot.basis == Basis::Chosen || self.reports[slot.counted].trusted()
    }

    /// The counted reports that enter the figures ([`Group::in_figures`]),
    /// as [`Group::counted`].
    pub fn figures(&self) -> impl Iterator<Item = (usize, &Row)> {
        self.slots
            .values()
            .filter(|s| self.in_figures(s))
            .map(|s| (s.counted, self.reports[s.counted].as_ref()))
    }

    /// The counted reports left out of the figures until the reviewer counts
    /// them: altered, without a fingerprint, or stating other scores.
    pub fn left_out(&self) -> impl Iterator<Item = (usize, &Row)> {
        self.slots
            .values()
            .filter(|s| !self.in_figures(s))
            .map(|s| (s.counted, self.reports[s.counted].as_ref()))
    }

    /// How many reports count (one per unit and year).
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Applies the rule to one slot again (a report added, a choice made).
    fn decide(&mut self, key: &UnitYear, chosen: Option<&ReportKey>) {
        let Some(slot) = self.slots.get_mut(&SlotKey(key.clone())) else {
            return;
        };
        let candidates: Vec<Candidate> = slot
            .reports
            .iter()
            .map(|&i| self.reports[i].candidate())
            .collect();
        let d = resubmission::decide(&candidates, chosen);
        let before = slot.reports.clone();
        slot.reports = d.order.iter().map(|&i| before[i]).collect();
        slot.counted = before[d.counted];
        slot.basis = d.basis;
    }
}

/// What can still be read from a file that is not a valid report, so that
/// no finding hides another: its unit and year, and its fingerprint check.
#[derive(Clone, Debug, PartialEq)]
pub struct Partial {
    pub unit_year: Option<UnitYear>,
    pub digest: DigestStatus,
}

/// A file that is not a readable report.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    pub file: String,
    pub source: Source,
    pub error: ImportError,
    /// When the file is a report at all (its `format` says so), what it says.
    pub partial: Option<Partial>,
}

/// Why [`Desk::read`] could not read a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Failed {
    pub error: ImportError,
    pub partial: Option<Partial>,
}

impl From<ImportError> for Failed {
    fn from(error: ImportError) -> Failed {
        Failed {
            error,
            partial: None,
        }
    }
}

/// The definition a report was read with.
enum Definition<'a> {
    /// One of the reviewer's checklists.
    Given(&'a Rc<Checklist>),
    /// The report's own, already checked against the reference it states.
    Embedded(Box<Checklist>, &'a ChecklistRef),
}

/// The desk's counts, each of files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeskCounts {
    pub files: usize,
    /// One report per unit and year of each checklist.
    pub counted: usize,
    /// Readable reports that do not count (another report of the same unit and year does).
    pub superseded: usize,
    pub invalid: usize,
    /// Files with at least one finding that needs the reviewer's attention
    /// (listed under 问题文件).
    pub attention: usize,
    /// Units and years whose newest report does not verify: the reviewer chooses.
    pub awaiting: usize,
    /// Counted reports left out of the figures ([`Group::left_out`]).
    pub left_out: usize,
}

/// The reviewer desk: every file read so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Desk {
    groups: Vec<Group>,
    invalid: Vec<Invalid>,
    files: usize,
    /// The reviewer's choices: (checklist fingerprint, unit and year) → report.
    choices: BTreeMap<(String, UnitYear), ReportKey>,
    /// Where the files now being read come from ([`Desk::begin_selection`]).
    source: Source,
    /// How many files of each name were read.
    names: BTreeMap<String, u32>,
}

impl Desk {
    pub fn new() -> Desk {
        Desk::default()
    }

    /// An empty desk that remembers this one's choices (清空: the choices
    /// hold for the session, should the same files be read again).
    pub fn cleared(&self) -> Desk {
        Desk {
            choices: self.choices.clone(),
            ..Desk::default()
        }
    }

    /// The files read next come from a new selection of the reviewer's, at
    /// `read_at` (HH:MM:SS, local).
    pub fn begin_selection(&mut self, read_at: &str) {
        self.source = Source {
            selection: self.source.selection + 1,
            read_at: read_at.to_string(),
        };
    }

    /// A file as messages name it: its name, and where and when it was read
    /// when another file of the desk has the same name.
    pub fn label(&self, file: &str, source: &Source) -> Text {
        if self.names.get(file).copied().unwrap_or(0) < 2 || source.selection == 0 {
            return Text::new(file, file);
        }
        let m: Message = b::m::FileFrom {
            file: file.to_string(),
            selection: source.selection,
            at: source.read_at.clone(),
        }
        .into();
        Text::new(m.tr(Lang::Zh), m.tr(Lang::En))
    }

    /// Reads one file. `checklists` are the definitions known to the reviewer;
    /// a report answering another checklist is read with the definition it
    /// embeds, and counts under that checklist.
    pub fn add(&mut self, file_name: &str, bytes: &[u8], checklists: &[Rc<Checklist>]) {
        let read = Desk::read(bytes, checklists).map(|u| u.finish(None));
        self.add_read(file_name, read, checklists);
    }

    /// Lists a file that could not be read at all (`detail`: the browser's
    /// reason) among the invalid, saying so: it is not an empty file.
    pub fn add_unreadable(&mut self, file_name: &str, detail: &str) {
        let e = ImportError::Unreadable {
            detail: detail.to_string(),
        };
        self.add_read(file_name, Err(e.into()), &[]);
    }

    /// The first step of [`Desk::add`] in two steps: the file read and
    /// checked, with its digest still to compute (by the browser, for a
    /// batch at once; see [`import::Unhashed`]).
    pub fn read(bytes: &[u8], checklists: &[Rc<Checklist>]) -> Result<import::Unhashed, Failed> {
        let refs: Vec<&Checklist> = checklists.iter().map(|c| c.as_ref()).collect();
        import::read_unhashed(bytes, &refs).map_err(|error| Failed {
            partial: partial(bytes, &error),
            error,
        })
    }

    /// The second step: counts a file read by [`Desk::read`], its digest
    /// checked, under the same `checklists`.
    pub fn add_read(
        &mut self,
        file_name: &str,
        read: Result<Imported, Failed>,
        checklists: &[Rc<Checklist>],
    ) {
        self.files += 1;
        *self.names.entry(file_name.to_string()).or_default() += 1;
        let imported = match read {
            Ok(i) => i,
            Err(Failed { error, partial }) => {
                self.invalid.push(Invalid {
                    file: file_name.to_string(),
                    source: self.source.clone(),
                    error,
                    partial,
                });
                return;
            }
        };
        let Imported {
            mut stated,
            assessment,
            digest,
            summary_matches,
            source,
        } = imported;
        let embedded = source == import::ChecklistSource::Embedded;
        let g = match (source, stated.checklist_definition.take()) {
            (import::ChecklistSource::Embedded, Some(def)) => {
                self.group_for(Definition::Embedded(Box::new(def), &assessment.checklist))
            }
            (import::ChecklistSource::Given(i), _) => {
                self.group_for(Definition::Given(&checklists[i]))
            }
            (import::ChecklistSource::Embedded, None) => {
                unreachable!("an embedded source has a definition")
            }
        };
        let group = &mut self.groups[g];
        // When the stated summary matches it is the computed one: no need to score again.
        let summary = if summary_matches {
            stated.summary
        } else {
            scoring::summarize(&group.checklist, &assessment)
        };
        let statuses = group
            .checklist
            .items()
            .map(|i| assessment.status(&i.id))
            .collect();
        let fingerprint = stated.integrity.map(|i| i.digest).unwrap_or_default();
        let rule = group.checklist.score_rule();
        let invalid_scores = group
            .checklist
            .items()
            .enumerate()
            .filter(|(_, item)| {
                assessment
                    .answer(&item.id)
                    .and_then(|a| a.score)
                    .is_some_and(|s| validation::score_fault(item, s, rule).is_some())
            })
            .map(|(i, _)| i + 1)
            .collect();
        let content_id = match &digest {
            DigestCheck::Valid => fingerprint.clone(),
            DigestCheck::Mismatch { computed, .. } => computed.clone(),
            // Rare (an unsealed file): its answers stand for its content.
            DigestCheck::Missing => sha256_of(&assessment),
        };
        let row = Row {
            file: file_name.to_string(),
            source: self.source.clone(),
            unit: assessment.unit.clone(),
            year: assessment.year,
            evidence: evidence_count(&assessment),
            tally: summary.total,
            sections: summary
                .sections
                .iter()
                .map(|s| (s.tally.score, s.tally.max))
                .collect(),
            digest: DigestStatus::from(&digest),
            fingerprint,
            content_id,
            summary_matches,
            statuses,
            exported_at: stated.exported_at,
            checklist_not_loaded: embedded,
            invalid_scores,
            assessment,
        };
        let key = row.unit_year();
        let r = group.reports.len();
        group.reports.push(Rc::new(row));
        group
            .slots
            .entry(SlotKey(key.clone()))
            .or_insert_with(|| Slot {
                unit_year: key.clone(),
                reports: Vec::new(),
                counted: r,
                basis: Basis::Only,
            })
            .reports
            .push(r);
        let chosen = self
            .choices
            .get(&(group.reference.sha256.clone(), key.clone()));
        group.decide(&key, chosen);
    }

    /// The reviewer chooses which report of its unit and year counts
    /// (`report`: an index into the group's [`Group::reports`]).
    pub fn choose(&mut self, group: usize, report: usize) {
        self.set_choice(group, report, true);
    }

    /// Takes the reviewer's choice for the report's unit and year back: the
    /// rule decides again (a report counted anyway is left out again).
    pub fn unchoose(&mut self, group: usize, report: usize) {
        self.set_choice(group, report, false);
    }

    fn set_choice(&mut self, group: usize, report: usize, chosen: bool) {
        let Some(g) = self.groups.get_mut(group) else {
            return;
        };
        let Some(row) = g.reports.get(report) else {
            return;
        };
        let (key, choice) = (row.unit_year(), row.candidate().key());
        let at = (g.reference.sha256.clone(), key.clone());
        if chosen {
            self.choices.insert(at, choice.clone());
        } else {
            self.choices.remove(&at);
        }
        g.decide(&key, chosen.then_some(&choice));
    }

    /// The group of exactly this definition, created when it is the first.
    fn group_for(&mut self, def: Definition) -> usize {
        let checklist: &Checklist = match &def {
            Definition::Given(c) => c,
            Definition::Embedded(c, _) => c,
        };
        if let Some(g) = self.groups.iter().position(|g| {
            // The same shared definition needs no comparison (a thousand
            // reports of one checklist would compare it a thousand times).
            matches!(def, Definition::Given(c) if Rc::ptr_eq(c, &g.checklist))
                || g.checklist.id == checklist.id
                    && g.checklist.version == checklist.version
                    && *g.checklist == *checklist
        }) {
            return g;
        }
        let (reference, checklist, embedded) = match def {
            Definition::Embedded(c, stated) => (stated.clone(), Rc::new(*c), true),
            // A known definition is fingerprinted once, here.
            Definition::Given(c) => (c.reference(), Rc::clone(c), false),
        };
        self.groups.push(Group {
            reference,
            checklist,
            embedded,
            reports: Vec::new(),
            slots: BTreeMap::new(),
        });
        self.groups.len() - 1
    }

    /// One group per checklist (indices are stable as files are added; the
    /// order is that first seen and means nothing: see [`Desk::groups_by_size`]).
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Indices into [`Desk::groups`]: the group with the most counted
    /// reports first, equal ones by checklist id, version and fingerprint —
    /// whichever report happened to be read first.
    pub fn groups_by_size(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.groups.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&self.groups[a], &self.groups[b]);
            y.len()
                .cmp(&x.len())
                .then_with(|| x.reference.id.cmp(&y.reference.id))
                .then_with(|| x.reference.version.cmp(&y.reference.version))
                .then_with(|| x.reference.sha256.cmp(&y.reference.sha256))
        });
        order
    }

    /// Files that are not readable reports, in the order read.
    pub fn invalid(&self) -> &[Invalid] {
        &self.invalid
    }

    /// Files given to [`Desk::add`] so far.
    pub fn files(&self) -> usize {
        self.files
    }

    /// Reports that count, in all groups.
    pub fn accepted(&self) -> usize {
        self.groups.iter().map(Group::len).sum()
    }

    /// Every count the desk shows.
    pub fn counts(&self) -> DeskCounts {
        let counted = self.accepted();
        let readable: usize = self.groups.iter().map(|g| g.reports.len()).sum();
        DeskCounts {
            files: self.files,
            counted,
            superseded: readable - counted,
            invalid: self.invalid.len(),
            attention: verdicts::unsorted(self)
                .iter()
                .filter(|v| v.needs_attention())
                .count(),
            awaiting: self
                .groups
                .iter()
                .flat_map(|g| g.slots())
                .filter(|s| s.awaiting_choice())
                .count(),
            left_out: self.groups.iter().map(|g| g.left_out().count()).sum(),
        }
    }
}

/// What a file that failed to import still says, when it is a report at
/// all: its unit and year and its fingerprint check (computed here: such
/// files are few).
fn partial(bytes: &[u8], error: &ImportError) -> Option<Partial> {
    if matches!(
        error,
        ImportError::TooLarge { .. } | ImportError::Empty | ImportError::Binary
    ) {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let c = Canonical::of_json(bytes).ok()?;
    if c.member("format")? != format!("\"{REPORT_FORMAT}\"") {
        return None;
    }
    // A member of a member, as a string (canonical JSON: one way to write it).
    let inner = |outer: &str, name: &str| -> Option<String> {
        let o = Canonical::of_json(c.member(outer)?.as_bytes()).ok()?;
        serde_json::from_str(o.member(name)?).ok()
    };
    let unit = inner("unit", "name");
    let year = c.member("year").and_then(|y| y.parse::<i32>().ok());
    let unit_year = unit.zip(year).map(|(u, year)| UnitYear {
        unit: u.trim().to_string(),
        year,
    });
    let digest = match inner("integrity", "digest") {
        None => DigestStatus::Missing,
        Some(stated) => {
            let content = c.into_text_without("integrity");
            if sha256_bytes_hex(content.as_bytes()) == stated {
                DigestStatus::Valid
            } else {
                DigestStatus::Mismatch
            }
        }
    };
    Some(Partial { unit_year, digest })
}
