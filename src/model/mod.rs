//! The domain model: pure Rust, no browser APIs, tested natively. The
//! checklist definition, the assessment and its edits, scoring, validation,
//! the report format with its canonical digest, and import.

pub mod annual;
pub mod assessment;
pub mod calendar;
pub mod canonical;
pub mod checklist;
pub mod desk;
pub mod document;
pub mod draft;
pub mod edition;
pub mod field_names;
pub mod import;
pub mod intake;
pub mod merge;
pub mod messages;
pub mod points;
pub mod report;
pub mod report_doc;
pub mod scoring;
#[cfg(feature = "tables")]
pub mod table;
pub mod text;
pub mod validation;

pub use assessment::{
    Answer, AnswerField, Assessment, Edit, Evidence, EvidenceField, FollowUp, FollowUpStatus,
    Status, UnitField, UnitInfo, UnitType, UnitYear,
};
pub use checklist::Checklist;
pub use text::{Lang, Text};
