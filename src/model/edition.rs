//! The county edition (本县分发版): the single-file edition of the app with
//! a county's checklist built in, made in the browser with no build tools.
//!
//! The single file (`selfcheck-standalone.html`, written by
//! scripts/post-build.mjs) carries an empty slot,
//! `<script type="application/json" id="county-edition"></script>`: a data
//! block the browser never executes, so its content is outside the page's
//! CSP script hashes. A county edition is that file with the slot holding an
//! [`Edition`] as JSON (and the page title naming the checklist); the app
//! reads the slot when it starts. Nothing else in the file changes, so every
//! hash in its CSP stays valid.

use serde::{Deserialize, Serialize};

use super::canonical::{self, ParseError};
use super::checklist::{Checklist, DefinitionProblem};
use super::messages::{m, Message, Msg};
use super::text::Lang;

/// The `format` of the slot's content.
pub const EDITION_FORMAT: &str = "selfcheck-county-edition";
pub const EDITION_FORMAT_VERSION: u32 = 1;
/// The id of the slot element in the single file.
pub const SLOT_ID: &str = "county-edition";
/// The slot's opening tag exactly as scripts/post-build.mjs writes it.
pub const SLOT_OPEN: &str = r#"<script type="application/json" id="county-edition">"#;

/// What a county edition carries: who hands it out, its checklist, and
/// whether that checklist is the only one offered for a new assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub format: String,
    pub format_version: u32,
    /// Who hands the edition out, e.g. X县司法局.
    pub issuer: String,
    /// 新建自查 offers only this checklist (not the built-in one).
    pub only: bool,
    pub checklist: Checklist,
}

/// Why an edition cannot be read or made.
#[derive(Clone, Debug, PartialEq)]
pub enum EditionError {
    /// The slot's content is not an edition (e.g. edited by hand).
    Invalid { detail: String },
    /// The page given as the single file has no slot (or more than one).
    NoSlot,
}

impl EditionError {
    pub fn message(&self) -> Message {
        match self {
            EditionError::Invalid { detail } => m::EditionInvalid {
                detail: detail.clone(),
            }
            .into(),
            EditionError::NoSlot => Msg::EditionNoSlot.into(),
        }
    }
}

impl Edition {
    pub fn new(issuer: &str, only: bool, checklist: Checklist) -> Edition {
        Edition {
            format: EDITION_FORMAT.into(),
            format_version: EDITION_FORMAT_VERSION,
            issuer: issuer.trim().to_string(),
            only,
            checklist,
        }
    }

    /// Reads the slot's content (`Ok(None)` for the empty slot of the
    /// ordinary single file), checking the checklist as any definition.
    pub fn read(slot: &str) -> Result<Option<Edition>, EditionError> {
        if slot.trim().is_empty() {
            return Ok(None);
        }
        let invalid = |detail: String| EditionError::Invalid { detail };
        // The app's one JSON reader (serde_json's typed one is not in the app).
        let e: Edition = canonical::parse(slot).map_err(|e| match e {
            ParseError::Syntax(e) => invalid(e.to_string()),
            ParseError::Type(e) => invalid(format!(
                "{}: {}",
                e.path.clone().unwrap_or_default(),
                e.detail()
            )),
        })?;
        if e.format != EDITION_FORMAT || e.format_version != EDITION_FORMAT_VERSION {
            return Err(invalid(format!("format {} {}", e.format, e.format_version)));
        }
        if let Some(DefinitionProblem { path, message }) = e.checklist.problems().into_iter().next()
        {
            return Err(invalid(format!("{path}: {}", message.tr(Lang::Zh))));
        }
        Ok(Some(e))
    }

    /// The slot's content: JSON with every `<` escaped (`\u003c`), so no
    /// text in the checklist can close the script element early.
    pub fn slot_json(&self) -> String {
        serde_json::to_string(self)
            .expect("an edition always serialises")
            .replace('<', "\\u003c")
    }

    /// The county edition: `single_file` (the single-file edition's HTML) with
    /// this edition in its slot and its checklist's title as the page title,
    /// for the units: without the Justice Bureau's own modules (the reviewer
    /// desk, the checklist tools and the desk's Excel writer, which a unit
    /// never opens), under half the file. The bureau keeps the full single file.
    pub fn embed(&self, single_file: &str) -> Result<String, EditionError> {
        let single_file = BUREAU_MODULES
            .iter()
            .fold(single_file.to_string(), |page, m| without_module(&page, m));
        let (before, rest) = single_file
            .as_str()
            .split_once(SLOT_OPEN)
            .ok_or(EditionError::NoSlot)?;
        let (_, after) = rest.split_once("</script>").ok_or(EditionError::NoSlot)?;
        if after.contains(SLOT_OPEN) {
            return Err(EditionError::NoSlot);
        }
        let page = format!("{before}{SLOT_OPEN}{}</script>{after}", self.slot_json());
        Ok(with_title(&page, &self.title()))
    }

    /// The page title: the checklist's, with who hands it out.
    pub fn title(&self) -> String {
        m::EditionTitle {
            title: self.checklist.title.zh.clone(),
            issuer: self.issuer.clone(),
        }
        .tr(Lang::Zh)
    }

    /// The file name to save: the title, safe on Windows, macOS and Linux.
    pub fn file_name(&self) -> String {
        format!("{}.html", super::document::safe_stem(&self.title(), 80))
    }
}

/// The on-demand modules a unit's edition leaves out: the bureau's tools
/// and the desk's Excel writer.
pub const BUREAU_MODULES: [&str; 2] = ["bureau", "sheets"];

/// `page` without an on-demand module inlined by `scripts/post-build.mjs`:
/// its wasm block (`id="NAME-wasm-base64"`) and its glue (`data-module="NAME"`).
/// A script's text never holds `</script>`, so each ends at the first one.
pub fn without_module(page: &str, name: &str) -> String {
    let mut out = page.to_string();
    for open in [
        format!("<script type=\"application/octet-stream\" id=\"{name}-wasm-base64\">"),
        format!("<script type=\"module\" data-module=\"{name}\">"),
    ] {
        if let Some(start) = out.find(&open) {
            if let Some(len) = out[start..].find("</script>") {
                let mut end = start + len + "</script>".len();
                if out[end..].starts_with('\n') {
                    end += 1;
                }
                out.replace_range(start..end, "");
            }
        }
    }
    out
}

/// `page` with its first `<title>` holding `title` (HTML-escaped).
fn with_title(page: &str, title: &str) -> String {
    let escaped = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    match (page.find("<title>"), page.find("</title>")) {
        (Some(a), Some(b)) if a < b => format!("{}<title>{escaped}{}", &page[..a], &page[b..]),
        _ => page.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html>\n<html><head><title>自查（单文件版）</title>\n\
        <script type=\"application/json\" id=\"county-edition\"></script>\n\
        <script>boot()</script></head><body></body></html>\n";

    fn edition() -> Edition {
        let mut c = Checklist::builtin().clone();
        c.title.zh = "X县考核细则</script><script>alert(1)</script>".into();
        Edition::new(" X县司法局 ", true, c)
    }

    #[test]
    fn a_units_edition_leaves_the_bureau_module_out_and_nothing_else() {
        let page = "<head>\n<script type=\"application/json\" id=\"county-edition\"></script>\n\
            <script type=\"application/octet-stream\" id=\"bureau-wasm-base64\">\nQUJD\n</script>\n\
            <script type=\"module\" data-module=\"bureau\">window.x = 1;</script>\n\
            <script type=\"application/octet-stream\" id=\"office-wasm-base64\">\nREVG\n</script>\n\
            <script type=\"module\" data-module=\"office\">window.y = 2;</script>\n\
            <script>boot()</script>\n</head>";
        let made = edition().embed(page).unwrap();
        assert!(!made.contains("bureau") && !made.contains("QUJD") && !made.contains("window.x"));
        assert!(made.contains("id=\"office-wasm-base64\">\nREVG\n</script>\n<script type=\"module\" data-module=\"office\">window.y = 2;</script>\n<script>boot()</script>"));
        // A page without the module is left as it is.
        assert_eq!(without_module(PAGE, BUREAU_MODULES[0]), PAGE);
    }

    #[test]
    fn an_edition_goes_into_the_slot_and_reads_back() {
        let e = edition();
        let page = e.embed(PAGE).unwrap();
        // Only the slot and the title changed; the executable script is untouched.
        assert!(page.contains("<script>boot()</script></head>"));
        assert_eq!(page.matches("</script>").count(), 2);
        let start = page.find(SLOT_OPEN).unwrap() + SLOT_OPEN.len();
        let len = page[start..].find("</script>").unwrap();
        let read = Edition::read(&page[start..start + len]).unwrap().unwrap();
        assert_eq!(read, e);
        assert_eq!(read.issuer, "X县司法局");
        assert!(page.contains("<title>X县考核细则&lt;/script&gt;"));
        // An edition made from an edition replaces the first.
        let again = Edition::new("Y县司法局", false, Checklist::builtin().clone());
        let twice = again.embed(&page).unwrap();
        assert_eq!(twice.matches(SLOT_OPEN).count(), 1);
        assert!(twice.contains("Y县司法局") && !twice.contains("X县司法局"));
    }

    #[test]
    fn the_empty_slot_is_no_edition_and_a_broken_one_says_why() {
        assert_eq!(Edition::read(""), Ok(None));
        assert_eq!(Edition::read("\n  "), Ok(None));
        assert!(matches!(
            Edition::read("{"),
            Err(EditionError::Invalid { .. })
        ));
        let mut e = edition();
        e.checklist.version = String::new();
        let err = Edition::read(&e.slot_json()).unwrap_err();
        assert!(err.message().tr(Lang::Zh).contains("version"), "{err:?}");
        assert_eq!(
            edition().embed("<html>no slot</html>"),
            Err(EditionError::NoSlot)
        );
    }

    #[test]
    fn the_file_name_is_safe() {
        let e = edition();
        assert!(e.file_name().ends_with(".html"));
        assert!(!e.file_name().contains('/') && !e.file_name().contains('<'));
    }
}
