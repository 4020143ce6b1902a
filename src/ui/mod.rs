//! The interface: Yew function components, one small component per visual
//! element. Every string comes from [`i18n`]; every rule comes from the model.

mod app;
mod checklist_view;
pub mod i18n;

pub use app::App;
pub use checklist_view::{ChecklistHandle, ChecklistView, ChecklistViewProps};
