//! Opening a report file in the app (打开自查报告文件, 以上年度报告为基础开始):
//! what becomes of the file is decided here, as a value the interface
//! applies — open it as a draft, ask whether to replace a draft of the same
//! unit and year, or refuse it with the reason.

use std::rc::Rc;

use super::assessment::Assessment;
use super::checklist::Checklist;
use super::draft::{DraftRecord, Step, DRAFT_VERSION};
use super::import::{import, DigestCheck, ImportError};

/// Why the file was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Continue or view the report itself: it opens on its results.
    Open,
    /// Start next year's self-assessment from it: its unit and rectifications carry over.
    CarryForward,
}

/// A report read into a new draft, with what the user must be told.
#[derive(Clone, Debug, PartialEq)]
pub struct Intake {
    pub record: DraftRecord,
    /// The file's content no longer matches its fingerprint.
    pub tampered: bool,
    /// The checklist the report carried, not yet available here: keep it.
    pub carried_checklist: Option<Rc<Checklist>>,
}

/// What to do with a report file.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// No draft of the same unit and year: open the new one.
    Open(Intake),
    /// A draft of the same unit and year exists (`existing` is its id): the
    /// user chooses to replace it or keep both.
    Ask { intake: Intake, existing: String },
    /// Not a report this app can open; nothing changes.
    Refused(ImportError),
}

/// Decides what becomes of a report file, given the checklists and drafts
/// here; `id` and `now` are the new draft's id and the current time.
pub fn decide(
    bytes: &[u8],
    library: &[Rc<Checklist>],
    drafts: &[DraftRecord],
    purpose: Purpose,
    id: String,
    now: &str,
) -> Decision {
    let refs: Vec<&Checklist> = library.iter().map(|c| c.as_ref()).collect();
    let imported = match import(bytes, &refs) {
        Ok(i) => i,
        Err(e) => return Decision::Refused(e),
    };
    let carried = imported.checklist_from_report();
    let checklist = Rc::new(imported.checklist(&refs).clone());
    let tampered = imported.digest != DigestCheck::Valid;
    let (assessment, step) = match purpose {
        Purpose::Open => (imported.assessment, Step::Summary),
        Purpose::CarryForward => (
            Assessment::carry_forward(&checklist, &imported.assessment, now),
            Step::Unit,
        ),
    };
    let existing = drafts
        .iter()
        .find(|d| d.assessment.unit_year() == assessment.unit_year())
        .map(|d| d.id.clone());
    let intake = Intake {
        record: DraftRecord {
            version: DRAFT_VERSION,
            id,
            assessment,
            step,
            revision: 1,
            saved_at: now.to_string(),
        },
        tampered,
        carried_checklist: carried.then_some(checklist),
    };
    match existing {
        Some(existing) => Decision::Ask { intake, existing },
        None => Decision::Open(intake),
    }
}
