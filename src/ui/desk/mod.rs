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

mod files;
mod intake;
mod matrix;
mod overview;
mod print_summary;
mod rects;
mod report;
mod units;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::{clock, download};
use crate::model::desk::{self, dashboard, Desk, Group};
use crate::model::messages::{m, Msg};
use crate::model::{Checklist, Lang};
use files::{ProblemFiles, SeveralReports};
use intake::{desk_intake, ingest, IntakeProps};
use matrix::DutyMatrix;
use overview::Overview;
use rects::{RectFilter, RectTracker};
use units::{UnitsFilter, UnitsTable};

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
        Export::Units => (Msg::CsvUnits, desk::units_csv(g, lang)),
        Export::Matrix => (Msg::CsvMatrix, desk::matrix_csv(g, lang)),
        Export::Rectifications => (Msg::CsvRect, desk::rectifications_csv(g, today, lang)),
        Export::Files => (Msg::CsvFiles, desk::csv::files_csv(d, lang)),
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
    let desk = use_state(Shared::new);
    let last = use_state(Shared::new);
    let progress = use_state(|| None::<(usize, usize)>);
    let elapsed = use_state(|| None::<f64>);
    let tab = use_state(|| Tab::Overview);
    // None until the reviewer picks a group: then the largest one is shown.
    let group_ix = use_state(|| None::<usize>);
    let view = use_state(|| View::List);
    let units_filter = use_state(UnitsFilter::default);
    let rect_filter = use_state(RectFilter::default);
    let title = use_state(String::new);
    // Where the list was scrolled when a report was opened.
    let saved_scroll = use_mut_ref(|| 0.0);
    // Dashboards of this snapshot, by group.
    let dashes: Rc<RefCell<(usize, HashMap<usize, Dash>)>> = use_mut_ref(|| (0, HashMap::new()));
    let today = clock::today();

    let take = {
        let (desk, progress, elapsed) = (desk.clone(), progress.clone(), elapsed.clone());
        let (dashes, group_ix, today) = (dashes.clone(), group_ix.clone(), today.clone());
        let library = props.library.clone();
        Callback::from(move |picked: Vec<web_sys::File>| {
            let (desk, progress, elapsed) = (desk.clone(), progress.clone(), elapsed.clone());
            let (dashes, group_ix, today) = (dashes.clone(), group_ix.clone(), today.clone());
            let library = library.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (d, mut spent) = ingest(picked, &desk.0, &library, &progress).await;
                // The county's figures for the group shown first are part of the processing.
                let t0 = js_sys::Date::now();
                let d = Rc::new(d);
                let gi = (*group_ix).or_else(|| d.groups_by_size().first().copied());
                let mut cache = dashes.borrow_mut();
                cache.0 = Rc::as_ptr(&d) as usize;
                cache.1.clear();
                if let Some(gi) = gi.filter(|&g| g < d.groups().len()) {
                    let dash = dashboard::dashboard(&d.groups()[gi], &today);
                    cache.1.insert(gi, Dash(Rc::new(dash)));
                }
                drop(cache);
                spent += js_sys::Date::now() - t0;
                elapsed.set(Some(spent));
                progress.set(None);
                desk.set(Shared(d));
            });
        })
    };
    let take_last = {
        let (last, progress) = (last.clone(), progress.clone());
        let library = props.library.clone();
        Callback::from(move |picked: Vec<web_sys::File>| {
            let (last, progress) = (last.clone(), progress.clone());
            let library = library.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (d, _) = ingest(picked, &last.0, &library, &progress).await;
                progress.set(None);
                last.set(Shared(Rc::new(d)));
            });
        })
    };
    let clear = {
        let (desk, last, elapsed, group_ix) = (
            desk.clone(),
            last.clone(),
            elapsed.clone(),
            group_ix.clone(),
        );
        let (view, tab) = (view.clone(), tab.clone());
        Callback::from(move |_| {
            desk.set(Shared(Rc::new(desk.0.cleared())));
            last.set(Shared::new());
            elapsed.set(None);
            group_ix.set(None);
            view.set(View::List);
            tab.set(Tab::Overview);
        })
    };

    let shared = (*desk).clone();
    let d = shared.0.clone();
    let order = d.groups_by_size();
    let gi = (*group_ix)
        .or_else(|| order.first().copied())
        .unwrap_or(0)
        .min(d.groups().len().saturating_sub(1));
    let group = d.groups().get(gi);
    let dash = group.map(|g| {
        let mut cache = dashes.borrow_mut();
        let key = Rc::as_ptr(&d) as usize;
        if cache.0 != key {
            *cache = (key, HashMap::new());
        }
        cache
            .1
            .entry(gi)
            .or_insert_with(|| Dash(Rc::new(dashboard::dashboard(g, &today))))
            .clone()
    });

    // Opening a report keeps the list's place; coming back restores it.
    let open = {
        let (view, saved_scroll) = (view.clone(), saved_scroll.clone());
        Callback::from(move |(group, report, from): Open| {
            *saved_scroll.borrow_mut() = scroll_y();
            view.set(View::Report {
                group,
                report,
                from,
            });
        })
    };
    use_effect_with((*view).clone(), |v| {
        if *v != View::List {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            focus("desk-view-h");
        }
    });
    let back = {
        let (view, saved_scroll) = (view.clone(), saved_scroll.clone());
        Callback::from(move |_| {
            let from = match &*view {
                View::Report { from, .. } => from.clone(),
                _ => "desk-print-summary".to_string(),
            };
            view.set(View::List);
            let y = *saved_scroll.borrow();
            // After the list is shown again.
            gloo::timers::callback::Timeout::new(0, move || {
                gloo::utils::window().scroll_to_with_x_and_y(0.0, y);
                focus(&from);
            })
            .forget();
        })
    };
    let choose = {
        let desk = desk.clone();
        Callback::from(move |(g, report): (usize, usize)| {
            let mut d = (*desk.0).clone();
            d.choose(g, report);
            desk.set(Shared(Rc::new(d)));
        })
    };

    let overlay = match (&*view, group) {
        (View::Report { group, report, .. }, _) => d
            .groups()
            .get(*group)
            .filter(|g| *report < g.reports().len())
            .map(|g| report::read_only_report(g, *report, &today, lang, back.clone())),
        (View::PrintSummary, Some(g)) => Some(print_summary::print_summary(
            &print_summary::SummaryDoc {
                desk: &d,
                group: g,
                dash: &dash.as_ref().expect("a group has a dashboard").0,
                title: &title,
                today: &today,
                lang,
            },
            back.clone(),
            {
                let t = title.clone();
                Callback::from(move |v: String| t.set(v))
            },
        )),
        _ => None,
    };

    let body = match (group, *tab) {
        (_, Tab::Problems) => html! {
            <ProblemFiles desk={ shared.clone() } {lang} on_open={ open.clone() } />
        },
        (_, Tab::Several) => html! {
            <SeveralReports desk={ shared.clone() } {lang} on_open={ open.clone() } on_choose={ choose.clone() } />
        },
        (None, _) => html! { <p class="hint">{ Msg::DeskEmpty.tr(lang) }</p> },
        (Some(_), Tab::Overview) => html! {
            <Overview desk={ shared.clone() } last={ (*last).clone() } group={gi} dash={ dash.clone().expect("a group has a dashboard") }
                      {lang} on_open={ open.clone() } on_last={ take_last.clone() } />
        },
        (Some(_), Tab::Units) => html! {
            <UnitsTable desk={ shared.clone() } group={gi} {lang} filter={ (*units_filter).clone() }
                        on_filter={ { let f = units_filter.clone(); Callback::from(move |v| f.set(v)) } }
                        on_open={ open.clone() } />
        },
        (Some(_), Tab::Matrix) => {
            html! { <DutyMatrix desk={ shared.clone() } group={gi} {lang} /> }
        }
        (Some(_), Tab::Rectifications) => html! {
            <RectTracker desk={ shared.clone() } group={gi} {lang} today={ today.clone() } filter={ (*rect_filter).clone() }
                         on_filter={ { let f = rect_filter.clone(); Callback::from(move |v| f.set(v)) } } />
        },
    };
    let on_export = {
        let (d, today) = (d.clone(), today.clone());
        Callback::from(move |kind| {
            if let Some(g) = d.groups().get(gi) {
                export_csv(&d, g, kind, &today, lang);
            }
        })
    };
    let on_group = {
        let gx = group_ix.clone();
        Callback::from(move |i| gx.set(Some(i)))
    };
    let on_tab = {
        let tab = tab.clone();
        Callback::from(move |t| tab.set(t))
    };
    let print_summary = {
        let (view, saved_scroll) = (view.clone(), saved_scroll.clone());
        Callback::from(move |_: MouseEvent| {
            *saved_scroll.borrow_mut() = scroll_y();
            view.set(View::PrintSummary);
        })
    };
    // Once per snapshot: a keystroke in a filter does not recount a thousand files.
    let counts = *use_memo(shared.clone(), |s| s.0.counts());
    let several = d
        .groups()
        .iter()
        .flat_map(|g| g.slots())
        .filter(|s| s.reports.len() > 1)
        .count();
    html! { <>
        <section class="desk" aria-labelledby="desk-h" hidden={ overlay.is_some() }>
            <h1 id="desk-h">{ Msg::Desk.tr(lang) }</h1>
            <p>{ Msg::DeskIntro.tr(lang) }</p>
            { desk_intake(&IntakeProps { desk: &d, counts, progress: *progress, elapsed: *elapsed, lang, on_files: take, on_clear: clear }) }
            if counts.awaiting > 0 {
                <div class="panel notice-warn" role="note">
                    <p>{ m::DeskAwaiting { n: counts.awaiting }.tr(lang) }</p>
                    <button type="button" class="secondary" onclick={ on_tab.reform(|_| Tab::Several) }>{ Msg::DeskGoChoose.tr(lang) }</button>
                </div>
            }
            { intake::group_select(&d, gi, lang, on_group) }
            { intake::desk_tabs(*tab, several, counts.attention, lang, on_tab) }
            if group.is_some() {
                <div class="desk-actions">
                    <button type="button" class="secondary" onclick={ on_export.reform(|_| Export::Units) }>{ Msg::ExportUnits.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ on_export.reform(|_| Export::Matrix) }>{ Msg::ExportMatrix.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ on_export.reform(|_| Export::Rectifications) }>{ Msg::ExportRect.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ on_export.reform(|_| Export::Files) }>{ Msg::ExportFiles.tr(lang) }</button>
                    <button type="button" class="secondary" id="desk-print-summary" onclick={ print_summary }>{ Msg::PrintSummary.tr(lang) }</button>
                </div>
            }
            <div role="tabpanel" class="tab-panel" aria-label={ tab_label(*tab, lang) }>{ body }</div>
        </section>
        { overlay.unwrap_or_default() }
    </> }
}

/// A tab's name (its panel is labelled with it).
pub(crate) fn tab_label(t: Tab, lang: Lang) -> &'static str {
    tab_msg(t).tr(lang)
}

pub(crate) fn tab_msg(t: Tab) -> Msg {
    match t {
        Tab::Overview => Msg::DeskOverview,
        Tab::Units => Msg::DeskUnits,
        Tab::Matrix => Msg::DeskMatrix,
        Tab::Rectifications => Msg::DeskRect,
        Tab::Several => Msg::DeskSeveral,
        Tab::Problems => Msg::DeskProblems,
    }
}
