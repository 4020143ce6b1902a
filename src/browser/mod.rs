//! Browser glue: the only code that touches browser globals (storage, time,
//! downloads, files). Kept thin so the model and the components stay testable.

pub mod clock;
pub mod digest;
pub mod download;
pub mod edition;
pub mod files;
pub mod lazy;
pub mod prefs;
pub mod storage;

/// Opens the browser's print dialog (print to paper or save as PDF).
pub fn print() {
    let _ = gloo::utils::window().print();
}
