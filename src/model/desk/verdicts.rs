//! Every finding about every file, none hiding another: a file can be at
//! once a second report of its unit and year, altered, and inconsistent in
//! its scores, and says all three. Listed in an order that does not depend on
//! the order the files were read (file name in natural order, then content).

use crate::model::messages::bureau as b;
use std::cmp::Ordering;

use super::natural::natural_cmp;
use super::resubmission::Basis;
use super::{Desk, DigestStatus, Group, Row, Slot};
use crate::model::assessment::UnitYear;
use crate::model::import::ImportError;
use crate::model::messages::{Message, Msg};
use crate::model::text::{Lang, Text};

/// One finding about a file.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// Not a readable report (the reason).
    Invalid(ImportError),
    /// 文件内容与数字指纹不符.
    Altered,
    /// The report has no fingerprint.
    NoFingerprint,
    /// The stated scores differ from those computed from the answers.
    ScoreInconsistent,
    /// Self-scores the checklist's rule refuses (the items' 序号): not counted.
    InvalidScores(Vec<usize>),
    /// The counted report of its unit and year, but not trusted: left out of
    /// the figures until the reviewer counts it.
    LeftOut,
    /// Read with the checklist definition it carries: the reviewer has not
    /// loaded that checklist (the report is grouped under it, apart).
    ChecklistNotLoaded { title: Text, version: String },
    /// The newest report of its unit and year, but it does not verify: not
    /// counted until the reviewer chooses.
    NewestUnverified,
    /// Counts for now: a newer report of its unit and year does not verify.
    CountedPending { newest: Text },
    /// The reviewer chose this report.
    Chosen { of: usize },
    /// Another report of the same unit and year counts (`basis`: why).
    Superseded { by: Text, basis: Basis },
    /// A copy of the same content as the counted report.
    SameContent { counted: Text },
    /// A file that is not a readable report, for a unit and year whose report
    /// `counted` counts.
    OtherCounted { counted: Text },
}

impl Finding {
    /// Whether it asks for the reviewer's attention (listed under 问题文件);
    /// the others only say where a file stands.
    pub fn needs_attention(&self) -> bool {
        matches!(
            self,
            Finding::Invalid(_)
                | Finding::Altered
                | Finding::NoFingerprint
                | Finding::ScoreInconsistent
                | Finding::InvalidScores(_)
                | Finding::LeftOut
                | Finding::ChecklistNotLoaded { .. }
                | Finding::NewestUnverified
                | Finding::CountedPending { .. }
        )
    }

    /// A stable name for the kind of finding (data attributes, CSV, tests).
    pub fn kind(&self) -> &'static str {
        match self {
            Finding::Invalid(_) => "invalid",
            Finding::Altered => "altered",
            Finding::NoFingerprint => "no_fingerprint",
            Finding::ScoreInconsistent => "score_inconsistent",
            Finding::InvalidScores(_) => "invalid_scores",
            Finding::LeftOut => "left_out",
            Finding::ChecklistNotLoaded { .. } => "checklist_not_loaded",
            Finding::NewestUnverified => "newest_unverified",
            Finding::CountedPending { .. } => "counted_pending",
            Finding::Chosen { .. } => "chosen",
            Finding::Superseded { .. } => "superseded",
            Finding::SameContent { .. } => "same_content",
            Finding::OtherCounted { .. } => "other_counted",
        }
    }

    pub fn message(&self) -> Message {
        match self {
            Finding::Invalid(e) => e.message(),
            Finding::Altered => b::Msg::DeskTampered.into(),
            Finding::NoFingerprint => b::Msg::DeskNoFingerprint.into(),
            Finding::ScoreInconsistent => b::Msg::DeskSummaryMismatch.into(),
            Finding::InvalidScores(items) => b::m::DeskInvalidScores {
                items: super::joined(items, |n, _| n.to_string()),
            }
            .into(),
            Finding::LeftOut => b::Msg::DeskLeftOutFinding.into(),
            Finding::ChecklistNotLoaded { title, version } => b::m::DeskChecklistNotLoaded {
                title: title.clone(),
                version: version.clone(),
            }
            .into(),
            Finding::NewestUnverified => b::Msg::DeskNewestUnverified.into(),
            Finding::CountedPending { newest } => b::m::DeskCountedPending {
                newest: newest.clone(),
            }
            .into(),
            Finding::Chosen { of: 1 } => b::Msg::DeskCountedAnyway.into(),
            Finding::Chosen { of } => b::m::DeskChosen { n: *of }.into(),
            Finding::Superseded { by, basis } => match basis {
                Basis::Chosen => b::m::DeskNotChosen { by: by.clone() }.into(),
                Basis::AwaitingChoice => b::m::DeskSupersededPending { by: by.clone() }.into(),
                Basis::Only | Basis::Newest => b::m::DeskSuperseded { by: by.clone() }.into(),
            },
            Finding::SameContent { counted } => b::m::DeskSameContent {
                counted: counted.clone(),
            }
            .into(),
            Finding::OtherCounted { counted } => b::m::DeskOtherCounted {
                counted: counted.clone(),
            }
            .into(),
        }
    }
}

/// Where a file stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// `groups()[group].report(report)` counts for its unit and year.
    Counted { group: usize, report: usize },
    /// A readable report that does not count: another of its unit and year does.
    NotCounted { group: usize, report: usize },
    /// `invalid()[index]`.
    Invalid { index: usize },
}

/// One file and every finding about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub file: String,
    /// Where and when it was read.
    pub source: super::Source,
    pub unit_year: Option<UnitYear>,
    pub place: Place,
    pub findings: Vec<Finding>,
    /// Orders copies of one file name by content (see [`verdicts`]).
    content: String,
}

impl Verdict {
    /// The file as the lists name it (with where and when it was read when
    /// another file has its name).
    pub fn label(&self, desk: &Desk) -> Text {
        desk.label(&self.file, &self.source)
    }

    pub fn needs_attention(&self) -> bool {
        self.findings.iter().any(Finding::needs_attention)
    }

    pub fn counted(&self) -> bool {
        matches!(self.place, Place::Counted { .. })
    }

    /// Every finding in `lang`, joined.
    pub fn text(&self, lang: Lang) -> String {
        self.findings
            .iter()
            .map(|f| f.message().tr(lang))
            .collect::<Vec<_>>()
            .join(Msg::ListSeparator.tr(lang))
    }
}

/// The findings about one readable report of a group (of `desk`, which
/// names other files apart when two have one name).
pub fn row_findings(desk: &Desk, g: &Group, report: usize) -> Vec<Finding> {
    let row = g.report(report);
    let mut out = Vec::new();
    match row.digest {
        DigestStatus::Valid => {}
        DigestStatus::Mismatch => out.push(Finding::Altered),
        DigestStatus::Missing => out.push(Finding::NoFingerprint),
    }
    if !row.summary_matches {
        out.push(Finding::ScoreInconsistent);
    }
    if !row.invalid_scores.is_empty() {
        out.push(Finding::InvalidScores(row.invalid_scores.clone()));
    }
    if row.checklist_not_loaded {
        out.push(Finding::ChecklistNotLoaded {
            title: g.checklist.title.clone(),
            version: g.reference.version.clone(),
        });
    }
    if let Some(slot) = g.slot_of(report) {
        out.extend(slot_findings(desk, g, slot, report, row));
        if slot.counted == report && !g.in_figures(slot) {
            out.push(Finding::LeftOut);
        }
    }
    out
}

/// Where a report stands among the reports of its unit and year.
fn slot_findings(desk: &Desk, g: &Group, slot: &Slot, report: usize, row: &Row) -> Option<Finding> {
    let counted = g.report(slot.counted);
    let label = |r: &Row| desk.label(&r.file, &r.source);
    let newest = slot.reports[0];
    if report == slot.counted {
        return match slot.basis {
            Basis::Only | Basis::Newest => None,
            Basis::Chosen => Some(Finding::Chosen {
                of: slot.reports.len(),
            }),
            Basis::AwaitingChoice if report == newest => Some(Finding::NewestUnverified),
            Basis::AwaitingChoice => Some(Finding::CountedPending {
                newest: label(g.report(newest)),
            }),
        };
    }
    if slot.basis == Basis::AwaitingChoice && report == newest {
        return Some(Finding::NewestUnverified);
    }
    if row.content_id == counted.content_id {
        return Some(Finding::SameContent {
            counted: label(counted),
        });
    }
    Some(Finding::Superseded {
        by: label(counted),
        basis: slot.basis,
    })
}

/// Every file given to the desk with every finding about it, in natural
/// order of the file name, then by content.
pub fn verdicts(desk: &Desk) -> Vec<Verdict> {
    let mut out = unsorted(desk);
    out.sort_by(order);
    out
}

/// [`verdicts`] in no particular order (for counting).
pub(super) fn unsorted(desk: &Desk) -> Vec<Verdict> {
    let mut out = Vec::with_capacity(desk.files());
    for (gi, g) in desk.groups().iter().enumerate() {
        for (ri, row) in g.reports().iter().enumerate() {
            let counted = g.slot_of(ri).is_some_and(|s| s.counted == ri);
            out.push(Verdict {
                file: row.file.clone(),
                source: row.source.clone(),
                unit_year: Some(row.unit_year()),
                place: if counted {
                    Place::Counted {
                        group: gi,
                        report: ri,
                    }
                } else {
                    Place::NotCounted {
                        group: gi,
                        report: ri,
                    }
                },
                findings: row_findings(desk, g, ri),
                content: row.content_id.clone(),
            });
        }
    }
    for (i, inv) in desk.invalid().iter().enumerate() {
        let mut findings = vec![Finding::Invalid(inv.error.clone())];
        let mut unit_year = None;
        if let Some(p) = &inv.partial {
            match p.digest {
                DigestStatus::Valid => {}
                DigestStatus::Mismatch => findings.push(Finding::Altered),
                DigestStatus::Missing => findings.push(Finding::NoFingerprint),
            }
            unit_year = p.unit_year.clone();
            if let Some(counted) = unit_year.as_ref().and_then(|k| counted_label(desk, k)) {
                findings.push(Finding::OtherCounted { counted });
            }
        }
        out.push(Verdict {
            file: inv.file.clone(),
            source: inv.source.clone(),
            unit_year,
            place: Place::Invalid { index: i },
            content: inv.error.message().tr(Lang::Zh),
            findings,
        });
    }
    out
}

/// The counted report of a unit and year in any group, by its label (the
/// first file name in natural order when several checklists have one).
fn counted_label(desk: &Desk, key: &UnitYear) -> Option<Text> {
    desk.groups()
        .iter()
        .flat_map(|g| {
            g.slots()
                .filter(|s| s.unit_year == *key)
                .map(|s| g.report(s.counted))
        })
        .min_by(|a, b| natural_cmp(&a.file, &b.file))
        .map(|r| desk.label(&r.file, &r.source))
}

fn order(a: &Verdict, b: &Verdict) -> Ordering {
    natural_cmp(&a.file, &b.file)
        .then_with(|| a.content.cmp(&b.content))
        .then_with(|| a.source.selection.cmp(&b.source.selection))
}
