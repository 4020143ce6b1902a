//! The county edition (本县分发版): the slot the single file carries (as
//! scripts/post-build.mjs writes it), an edition put into it and read back,
//! and the app state of a page that is a county edition.

use std::rc::Rc;

use selfcheck::model::edition::{Edition, SLOT_OPEN};
use selfcheck::model::Checklist;
use selfcheck::model::Lang;
use selfcheck::ui::state::{Action, AppState};
use yew::Reducible;

const POST_BUILD: &str = include_str!("../scripts/post-build.mjs");
const COUNTY: &str = include_str!("../examples/county-checklist.json");

fn county() -> Checklist {
    Checklist::parse(COUNTY).unwrap()
}

#[test]
fn the_single_file_carries_the_empty_slot_the_model_fills() {
    // Exactly the tag the model looks for, empty, before the scripts.
    let slot = format!("{SLOT_OPEN}</script>");
    assert_eq!(
        POST_BUILD.matches(&slot).count(),
        1,
        "post-build.mjs writes {slot}"
    );
    let at = POST_BUILD.find(&slot).unwrap();
    assert!(at < POST_BUILD.find("<script>${boot}</script>").unwrap());
}

#[test]
fn a_county_checklist_goes_into_a_single_file_and_comes_back_unchanged() {
    let page = format!(
        "<!doctype html>\n<html lang=\"zh-CN\"><head><title>自查（单文件版）</title>\n{SLOT_OPEN}</script>\n\
         <script>boot</script>\n<script type=\"module\">start</script></head><body></body></html>\n"
    );
    let e = Edition::new("X县司法局", true, county());
    let made = e.embed(&page).unwrap();
    let start = made.find(SLOT_OPEN).unwrap() + SLOT_OPEN.len();
    let end = start + made[start..].find("</script>").unwrap();
    let back = Edition::read(&made[start..end]).unwrap().unwrap();
    assert_eq!(back.checklist.sha256(), county().sha256());
    assert!(back.only);
    // The executable scripts are exactly as they were: their CSP hashes hold.
    assert!(made.contains("<script>boot</script>\n<script type=\"module\">start</script>"));
    assert_eq!(
        e.file_name(),
        "X县2027年度镇乡（部门）法治政府建设考核细则（示例）（X县司法局分发版）.html"
    );
    assert_eq!(Edition::read("").unwrap(), None);
}

#[test]
fn a_county_edition_offers_its_checklist_first_and_keeps_it() {
    let builtin = Rc::new(Checklist::builtin().clone());
    let s = AppState::new(Lang::Zh, vec![builtin.clone()]);
    assert_eq!(s.default_checklist(), builtin);
    let s = Rc::new(s.with_edition(Edition::new("X县司法局", true, county())));
    assert_eq!(s.library.len(), 2);
    assert_eq!(*s.default_checklist(), county());
    // Its checklist cannot be removed from the page that carries it.
    let s = s.reduce(Action::ChecklistRemoved(county().sha256()));
    assert_eq!(*s.default_checklist(), county());
    assert_eq!(s.library.len(), 2);
}
