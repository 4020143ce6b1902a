//! 汇总审阅 — the reviewer desk's intake. The county Justice Bureau reads
//! hundreds to thousands of report files at once. Every file ends up somewhere
//! visible: accepted as a row of the group of its checklist, or listed as
//! rejected (unreadable, invalid, or a duplicate of an earlier file for the
//! same unit and year) with the reason. Tampered reports are rows too, and are
//! also listed as flagged. Reports of different checklists are never mixed.
//!
//! Everything here is pure and incremental: the interface feeds files one by
//! one ([`Desk::add`]) and can show progress between chunks. The views of a
//! [`Group`] (units table, duty matrix, rectification tracker) are in
//! [`views`], their CSV exports in [`csv`].

pub mod csv;
pub mod views;
pub mod workbook;

use std::collections::HashMap;
use std::rc::Rc;

use super::assessment::{Assessment, Status, UnitInfo, UnitYear};
use super::checklist::{Checklist, ChecklistRef};
use super::import::{self, DigestCheck, ImportError, Imported};
use super::messages::{m, Message, Msg};
use super::scoring::{self, Tally};

pub use csv::{fingerprint_cell, matrix_csv, rectifications_csv, units_csv};
pub use views::{matrix, rectifications, status_label, unit_labels, ItemRate, RectRow, UnitColumn};

/// The reason given for a report whose content no longer matches its digest.
pub fn tampered_reason() -> Message {
    Msg::DeskTampered.into()
}

/// What the fingerprint check of a row found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DigestStatus {
    /// The content matches its fingerprint.
    Valid,
    /// 文件内容与数字指纹不符 — the row is also in [`Desk::flagged`].
    Mismatch,
    /// The report carries no fingerprint — the row is also in [`Desk::flagged`].
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

    pub fn label(self) -> Msg {
        match self {
            DigestStatus::Valid => Msg::DigestValid,
            DigestStatus::Mismatch => Msg::DigestMismatchShort,
            DigestStatus::Missing => Msg::DigestNone,
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

/// One accepted report.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub file: String,
    pub unit: UnitInfo,
    pub year: i32,
    pub assessment: Assessment,
    /// The total computed from the answers (the stated one is never trusted).
    pub tally: Tally,
    pub digest: DigestStatus,
    /// The fingerprint the file states (lowercase hex), empty when it has none.
    pub fingerprint: String,
    /// False when the summary the file states differs from the computed one.
    pub summary_matches: bool,
    /// Each item's answer, in checklist order (`None`: 未作答).
    pub statuses: Vec<Option<Status>>,
}

/// The reports of one checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub reference: ChecklistRef,
    pub checklist: Rc<Checklist>,
    /// True when the definition came from the reports themselves (not one of
    /// the checklists given to [`Desk::add`]).
    pub embedded: bool,
    /// Accepted reports in the order they were added.
    pub rows: Vec<Row>,
    /// Each row's unit and year → its index in `rows`.
    seen: HashMap<UnitYear, usize>,
}

/// Why a file is not among the rows.
#[derive(Clone, Debug, PartialEq)]
pub enum RejectKind {
    /// Not a readable, valid report.
    Invalid(ImportError),
    /// The same [`UnitYear`] (unit name trimmed, year) as a row of the same checklist:
    /// `of` is that row's file name.
    Duplicate {
        of: String,
        group: usize,
        row: usize,
    },
}

/// A file listed with the reason it was not accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    pub file: String,
    pub reason: Message,
    pub kind: RejectKind,
}

/// Why an accepted row deserves attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlagKind {
    /// The content does not match the fingerprint.
    Tampered,
    /// The report has no fingerprint at all.
    NoFingerprint,
    /// The stated scores differ from those computed from the answers (the
    /// computed ones are shown).
    SummaryMismatch,
}

/// A row that is accepted but flagged; a row may be flagged more than once.
#[derive(Clone, Debug, PartialEq)]
pub struct Flagged {
    pub file: String,
    pub group: usize,
    pub row: usize,
    pub kind: FlagKind,
    pub reason: Message,
}

/// What became of a file given to [`Desk::add`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Now `groups()[group].rows[row]` (possibly also flagged).
    Accepted { group: usize, row: usize },
    /// Now `rejected()[index]`.
    Rejected { index: usize },
}

/// The definition a report was read with.
enum Definition<'a> {
    /// One of the reviewer's checklists.
    Given(&'a Rc<Checklist>),
    /// The report's own, already checked against the reference it states.
    Embedded(Box<Checklist>, &'a ChecklistRef),
}

/// The reviewer desk: every file read so far, sorted into groups, rejected and flagged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Desk {
    groups: Vec<Group>,
    rejected: Vec<Rejected>,
    flagged: Vec<Flagged>,
    files: usize,
}

impl Desk {
    pub fn new() -> Desk {
        Desk::default()
    }

    /// Reads one file. `checklists` are the definitions known to the reviewer;
    /// a report answering another checklist is read with the definition it
    /// embeds, and counts under that checklist.
    pub fn add(&mut self, file_name: &str, bytes: &[u8], checklists: &[Rc<Checklist>]) -> Outcome {
        let read = Desk::read(bytes, checklists).map(|u| u.finish(None));
        self.add_read(file_name, read, checklists)
    }

    /// Lists a file that could not be read at all (`detail`: the browser's
    /// reason) among the rejected, saying so: it is not an empty file.
    pub fn add_unreadable(&mut self, file_name: &str, detail: &str) -> Outcome {
        let e = ImportError::Unreadable {
            detail: detail.to_string(),
        };
        self.add_read(file_name, Err(e), &[])
    }

    /// The first step of [`Desk::add`] in two steps: the file read and
    /// checked, with its digest still to compute (by the browser, for a
    /// batch at once; see [`import::Unhashed`]).
    pub fn read(
        bytes: &[u8],
        checklists: &[Rc<Checklist>],
    ) -> Result<import::Unhashed, ImportError> {
        let refs: Vec<&Checklist> = checklists.iter().map(|c| c.as_ref()).collect();
        import::read_unhashed(bytes, &refs)
    }

    /// The second step: counts a file read by [`Desk::read`], its digest
    /// checked, under the same `checklists`.
    pub fn add_read(
        &mut self,
        file_name: &str,
        read: Result<Imported, ImportError>,
        checklists: &[Rc<Checklist>],
    ) -> Outcome {
        self.files += 1;
        let imported = match read {
            Ok(i) => i,
            Err(e) => {
                return self.reject(file_name, e.message(), RejectKind::Invalid(e));
            }
        };
        let Imported {
            mut stated,
            assessment,
            digest,
            summary_matches,
            source,
        } = imported;
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
        let key = assessment.unit_year();
        if let Some(&earlier) = self.groups[g].seen.get(&key) {
            let of = self.groups[g].rows[earlier].file.clone();
            let reason = m::DeskDuplicate {
                of: of.clone(),
                unit: key.unit.clone(),
                year: key.year,
            }
            .into();
            return self.reject(
                file_name,
                reason,
                RejectKind::Duplicate {
                    of,
                    group: g,
                    row: earlier,
                },
            );
        }
        let group = &mut self.groups[g];
        // When the stated summary matches it is the computed one: no need to score again.
        let tally = if summary_matches {
            stated.summary.total
        } else {
            scoring::summarize(&group.checklist, &assessment).total
        };
        let statuses = group
            .checklist
            .items()
            .map(|i| assessment.status(&i.id))
            .collect();
        let digest_status = DigestStatus::from(&digest);
        let row = Row {
            file: file_name.to_string(),
            unit: assessment.unit.clone(),
            year: assessment.year,
            assessment,
            tally,
            digest: digest_status,
            fingerprint: stated.integrity.map(|i| i.digest).unwrap_or_default(),
            summary_matches,
            statuses,
        };
        let r = group.rows.len();
        group.rows.push(row);
        group.seen.insert(key, r);
        let mut flag = |kind, reason| {
            self.flagged.push(Flagged {
                file: file_name.to_string(),
                group: g,
                row: r,
                kind,
                reason,
            })
        };
        match digest_status {
            DigestStatus::Valid => {}
            DigestStatus::Mismatch => flag(FlagKind::Tampered, tampered_reason()),
            DigestStatus::Missing => flag(FlagKind::NoFingerprint, Msg::DeskNoFingerprint.into()),
        }
        if !summary_matches {
            flag(FlagKind::SummaryMismatch, Msg::DeskSummaryMismatch.into());
        }
        Outcome::Accepted { group: g, row: r }
    }

    fn reject(&mut self, file: &str, reason: Message, kind: RejectKind) -> Outcome {
        self.rejected.push(Rejected {
            file: file.to_string(),
            reason,
            kind,
        });
        Outcome::Rejected {
            index: self.rejected.len() - 1,
        }
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
            rows: Vec::new(),
            seen: HashMap::new(),
        });
        self.groups.len() - 1
    }

    /// One group per checklist, in the order first seen.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Indices into [`Desk::groups`], the group with the most reports first
    /// (of equal ones, the first read): the order to offer them to the
    /// reviewer, whichever report happened to be read first.
    pub fn groups_by_size(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.groups.len()).collect();
        order.sort_by_key(|&g| std::cmp::Reverse(self.groups[g].rows.len()));
        order
    }

    /// Unreadable, invalid and duplicate files, in the order read.
    pub fn rejected(&self) -> &[Rejected] {
        &self.rejected
    }

    /// Accepted rows needing attention (tampered, no fingerprint, wrong summary).
    pub fn flagged(&self) -> &[Flagged] {
        &self.flagged
    }

    /// Files given to [`Desk::add`] so far.
    pub fn files(&self) -> usize {
        self.files
    }

    /// Rows in all groups.
    pub fn accepted(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }
}
