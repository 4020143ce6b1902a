//! The interface: Yew function components, one small component per visual
//! element, state in one reducer ([`state`]). Every string comes from
//! the model's one catalogue ([`crate::model::messages`]); every rule comes from the model.

mod annual;
mod app;
mod banners;
pub mod chart;
mod checklist_view;
#[cfg(feature = "county")]
pub mod county;
pub mod desk;
mod due;
mod evidence;
mod finish;
mod follow_ups;
pub mod hooks;
pub mod item_card;
pub mod print;
pub mod start;
pub mod state;
mod summary;
mod topbar;
mod unit_form;
mod walk;
pub mod widgets;
mod word;

pub use app::App;
pub use checklist_view::{ChecklistHandle, ChecklistView, ChecklistViewProps};
