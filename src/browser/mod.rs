//! Browser glue: the only code that touches browser globals (storage, time,
//! the document). Kept thin so the model and the components stay testable.

pub mod prefs;
