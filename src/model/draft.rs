//! Drafts as they are kept in the browser: the assessment plus where the user
//! was, with a revision counter so the newest copy wins when two stores differ.
//! Older draft versions are migrated here.

use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::canonical::Canonical;
use super::checklist::Checklist;
use super::validation;

/// The draft record version this build writes.
pub const DRAFT_VERSION: u32 = 1;

/// Where the user is in the walk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "view", content = "index", rename_all = "snake_case")]
pub enum Step {
    /// 单位基本信息
    #[default]
    Unit,
    /// One section of the checklist, by index.
    Section(usize),
    /// 检查并完成
    Finish,
    /// 自查结果
    Summary,
    /// 打印预览: the printable report.
    Print,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftRecord {
    pub version: u32,
    pub id: String,
    pub assessment: Assessment,
    pub step: Step,
    /// Grows by one with every save; the larger wins.
    pub revision: u64,
    /// RFC 3339 time of the last save.
    pub saved_at: String,
}

/// What the start screen lists for a saved draft.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftMeta {
    pub id: String,
    pub unit_name: String,
    pub year: i32,
    /// 完成度 in [0, 1] ([`validation::progress`]).
    pub progress: f64,
    pub saved_at: String,
    /// The fingerprint of the checklist the draft answers.
    pub checklist_sha256: String,
}

impl DraftRecord {
    pub fn meta(&self, checklist: &Checklist) -> DraftMeta {
        DraftMeta {
            id: self.id.clone(),
            unit_name: self.assessment.unit.name.clone(),
            year: self.assessment.year,
            progress: validation::progress(checklist, &self.assessment),
            saved_at: self.saved_at.clone(),
            checklist_sha256: self.assessment.checklist.sha256.clone(),
        }
    }

    /// Reads a stored draft, migrating older versions; `None` for anything unreadable.
    pub fn from_json(json: &str) -> Option<DraftRecord> {
        #[derive(Deserialize)]
        struct Version {
            version: u64,
        }
        let parsed = Canonical::parsed(json.as_bytes()).ok()?;
        match parsed.read::<Version>().ok()?.version {
            1 => parsed.read().ok(),
            _ => None,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a draft always serialises")
    }
}

/// The newer of two copies of the same draft (by revision, then save time).
pub fn newest(a: DraftRecord, b: DraftRecord) -> DraftRecord {
    if (b.revision, &b.saved_at) > (a.revision, &a.saved_at) {
        b
    } else {
        a
    }
}
