//! 汇总审阅 — the reviewer desk for the county Justice Bureau: many report
//! files read and verified in the browser (nothing uploaded), shown as the
//! county at a glance (总体情况), a units table, a duty matrix, a
//! rectification tracker, the units with several reports and every problem
//! file, each exportable as CSV and printable. The rules live in
//! `model::desk`; this is only their view.
//!
//! The reviewer's place is kept: a report opened with 查看 replaces the list
//! only on screen (the list stays in the page, hidden), and 返回 brings back
//! its tab, filters and scroll position. The loaded set stays until 清空.

mod excel;
mod files;
mod intake;
mod matrix;
mod overview;
mod print_summary;
mod rects;
mod report;
mod state;
mod units;

use crate::model::messages::bureau as b;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::{clock, download, storage};
use crate::model::desk::{self, dashboard, Desk, Group};
use crate::model::messages::Msg;
use crate::model::{Checklist, Lang};
use files::{ProblemFiles, SeveralReports};
use intake::{desk_intake, IntakeProps};
use matrix::DutyMatrix;
use overview::Overview;
use rects::RectTracker;
use units::UnitsTable;

#[derive(Properties, PartialEq)]
pub struct DeskRootProps {
    pub lang: Lang,
    /// Counts the times the desk was shown: each time, the checklists are read
    /// again (the user may have loaded one on the start screen meanwhile).
    pub shown: u32,
}

/// The desk as its own app (src/bin/desk.rs): the checklists this browser
/// knows, and the desk in the page's main landmark while it is shown.
#[function_component]
pub fn DeskRoot(props: &DeskRootProps) -> Html {
    let library = use_memo(props.shown, |_| {
        let mut library = vec![Rc::new(Checklist::builtin().clone())];
        library.extend(storage::list_checklists().into_iter().map(Rc::new));
        library
    });
    html! {
        <main id="desk-main" class="desk-main">
            <ReviewDesk library={ (*library).clone() } lang={ props.lang } />
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct DeskProps {
    pub library: Vec<Rc<Checklist>>,
    pub lang: Lang,
}

/// The desk as the views read it; equal only when it is the same snapshot,
/// so comparing props never walks a thousand reports.
#[derive(Clone)]
pub(crate) struct Shared(pub Rc<Desk>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Shared {
    fn new() -> Shared {
        Shared(Rc::new(Desk::new()))
    }

    pub fn group(&self, i: usize) -> &Group {
        &self.0.groups()[i]
    }
}

/// A dashboard computed once per snapshot and group (the benchmark's timed
/// processing includes the first one).
#[derive(Clone)]
pub(crate) struct Dash(pub Rc<dashboard::Dashboard>);

impl PartialEq for Dash {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Tab {
    Overview,
    Units,
    Matrix,
    Rectifications,
    Several,
    Problems,
}

/// What the desk shows: the tabs, one report read-only, or the printable summary.
#[derive(Clone, PartialEq)]
enum View {
    List,
    /// A report of a group, opened from the element with id `from` (focused again on return).
    Report {
        group: usize,
        report: usize,
        from: String,
    },
    PrintSummary,
}

/// A report to open: its group, its index in the group, and the id of the
/// button that opened it.
pub(crate) type Open = (usize, usize, String);

/// Downloads one of the desk's CSV exports.
fn export_csv(d: &Desk, g: &Group, kind: Export, today: &str, lang: Lang) {
    let (name, text) = match kind {
        Export::Units => (b::Msg::CsvUnits, desk::units_csv(g, lang)),
        Export::Matrix => (b::Msg::CsvMatrix, desk::matrix_csv(g, lang)),
        Export::Rectifications => (b::Msg::CsvRect, desk::rectifications_csv(g, today, lang)),
        Export::Files => (b::Msg::CsvFiles, desk::csv::files_csv(d, lang)),
    };
    let _ = download::save_text(
        &format!("{}.csv", name.tr(lang)),
        &text,
        "text/csv;charset=utf-8",
    );
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Export {
    Units,
    Matrix,
    Rectifications,
    Files,
}

/// The window's vertical scroll position.
fn scroll_y() -> f64 {
    gloo::utils::window().scroll_y().unwrap_or(0.0)
}

/// Focuses the element with this id, if it is there.
fn focus(id: &str) {
    if let Some(e) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}

#[function_component]
pub fn ReviewDesk(props: &DeskProps) -> Html {
    let lang = props.lang;
    let s = state::use_desk();
    let today = clock::today();
    let shared = (*s.desk).clone();
    // Once per snapshot: a keystroke in a filter does not recount a thousand files.
    let counts = *use_memo(shared.clone(), |s| s.0.counts());
    let d = shared.0.clone();
    let gi = s.group();
    let group = d.groups().get(gi);
    let dash = s.dashboard(gi, &today);
    let overlay = overlay(&s, group.zip(dash.as_ref()), &today, lang);
    let several = d
        .groups()
        .iter()
        .flat_map(|g| g.slots())
        .filter(|s| s.reports.len() > 1)
        .count();
    let on_export = {
        let (d, today) = (d.clone(), today.clone());
        Callback::from(move |kind| {
            if let Some(g) = d.groups().get(gi) {
                export_csv(&d, g, kind, &today, lang);
            }
        })
    };
    let on_tab = s.on_tab();
    let intake = IntakeProps {
        desk: &d,
        counts,
        progress: *s.progress,
        elapsed: *s.elapsed,
        lang,
        on_files: s.on_files(props.library.clone(), today.clone()),
        on_clear: s.on_clear(),
    };
    html! { <>
        <section class="desk" aria-labelledby="desk-h" hidden={ overlay.is_some() }>
            <h1 id="desk-h">{ Msg::Desk.tr(lang) }</h1>
            <p>{ b::Msg::DeskIntro.tr(lang) }</p>
            { desk_intake(&intake) }
            if counts.awaiting > 0 {
                <div class="panel notice-warn" role="note">
                    <p>{ b::m::DeskAwaiting { n: counts.awaiting }.tr(lang) }</p>
                    <button type="button" class="secondary" onclick={ on_tab.reform(|_| Tab::Several) }>{ b::Msg::DeskGoChoose.tr(lang) }</button>
                </div>
            }
            { intake::group_select(&d, gi, lang, s.on_group()) }
            { intake::desk_tabs(*s.tab, several, counts.attention, lang, on_tab) }
            if group.is_some() {
                <div class="desk-actions">
                    <excel::ExcelButton desk={ shared.clone() } group={ gi } {lang} />
                    <button type="button" class="secondary" onclick={ on_export.reform(|_| Export::Units) }>{ b::Msg::ExportUnits.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ on_export.reform(|_| Export::Matrix) }>{ b::Msg::ExportMatrix.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ on_export.reform(|_| Export::Rectifications) }>{ b::Msg::ExportRect.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ on_export.reform(|_| Export::Files) }>{ b::Msg::ExportFiles.tr(lang) }</button>
                    <button type="button" class="secondary" id="desk-print-summary" onclick={ s.on_print_summary() }>{ b::Msg::PrintSummary.tr(lang) }</button>
                </div>
            }
            <div role="tabpanel" class="tab-panel" aria-label={ tab_label(*s.tab, lang) }>
                { tab_body(&s, gi, dash.clone(), &props.library, &today, lang) }
            </div>
        </section>
        { overlay.unwrap_or_default() }
    </> }
}

/// What is shown over the list: a report read-only, or the printable summary.
fn overlay(
    s: &state::DeskState,
    shown: Option<(&Group, &Dash)>,
    today: &str,
    lang: Lang,
) -> Option<Html> {
    let d = &s.desk.0;
    match (&*s.view, shown) {
        (View::Report { group, report, .. }, _) => d
            .groups()
            .get(*group)
            .filter(|g| *report < g.reports().len())
            .map(|g| report::read_only_report(d, g, *report, today, lang, s.on_back())),
        (View::PrintSummary, Some((g, dash))) => {
            let t = s.title.clone();
            Some(print_summary::print_summary(
                &print_summary::SummaryDoc {
                    desk: d,
                    group: g,
                    dash: &dash.0,
                    title: &s.title,
                    today,
                    lang,
                },
                s.on_back(),
                Callback::from(move |v: String| t.set(v)),
            ))
        }
        _ => None,
    }
}

/// The current tab's panel; `dash` is the shown group's dashboard (`None`: no group yet).
fn tab_body(
    s: &state::DeskState,
    gi: usize,
    dash: Option<Dash>,
    library: &[Rc<Checklist>],
    today: &str,
    lang: Lang,
) -> Html {
    let desk = (*s.desk).clone();
    let open = s.on_open();
    match (dash, *s.tab) {
        (_, Tab::Problems) => html! { <ProblemFiles {desk} {lang} on_open={ open } /> },
        (_, Tab::Several) => html! {
            <SeveralReports {desk} {lang} on_open={ open } on_choose={ s.on_choose() } />
        },
        (None, _) => html! { <p class="hint">{ b::Msg::DeskEmpty.tr(lang) }</p> },
        (Some(dash), Tab::Overview) => html! {
            <Overview {desk} last={ (*s.last).clone() } group={gi} {dash} {lang} on_open={ open }
                      on_last={ s.on_last_files(library.to_vec()) } />
        },
        (Some(_), Tab::Units) => html! {
            <UnitsTable {desk} group={gi} {lang} filter={ (*s.units_filter).clone() }
                        on_filter={ { let f = s.units_filter.clone(); Callback::from(move |v| f.set(v)) } } on_open={ open }
                        on_count={ s.on_choose() } on_uncount={ s.on_unchoose() } />
        },
        (Some(_), Tab::Matrix) => html! { <DutyMatrix {desk} group={gi} {lang} /> },
        (Some(_), Tab::Rectifications) => html! {
            <RectTracker {desk} group={gi} {lang} today={ today.to_string() } filter={ (*s.rect_filter).clone() }
                         on_filter={ { let f = s.rect_filter.clone(); Callback::from(move |v| f.set(v)) } } />
        },
    }
}

/// A tab's name (its panel is labelled with it).
pub(crate) fn tab_label(t: Tab, lang: Lang) -> &'static str {
    tab_msg(t).tr(lang)
}

pub(crate) fn tab_msg(t: Tab) -> b::Msg {
    match t {
        Tab::Overview => b::Msg::DeskOverview,
        Tab::Units => b::Msg::DeskUnits,
        Tab::Matrix => b::Msg::DeskMatrix,
        Tab::Rectifications => b::Msg::DeskRect,
        Tab::Several => b::Msg::DeskSeveral,
        Tab::Problems => b::Msg::DeskProblems,
    }
}
