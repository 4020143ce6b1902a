//! The desk's state and what changes it: the files read (this year's and,
//! for comparison, last year's), the tab, the group, the filters, what is
//! shown over the list, and where the list was scrolled. Kept here, in the
//! desk's own component, never in the app's state: the desk keeps its set
//! until the reviewer clears it.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::intake::ingest;
use super::rects::RectFilter;
use super::units::UnitsFilter;
use super::{focus, scroll_y, Dash, Open, Shared, Tab, View};
use crate::model::desk::dashboard;
use crate::model::Checklist;

/// Dashboards of one snapshot (and day), by group.
#[derive(Default)]
pub(super) struct DashCache {
    of: Option<(Shared, String)>,
    by_group: Vec<(usize, Dash)>,
}

impl DashCache {
    /// The dashboard of group `gi` of `desk` as of `today`, computed once.
    fn get(&mut self, desk: &Shared, gi: usize, today: &str) -> Option<Dash> {
        let g = desk.0.groups().get(gi)?;
        let key = (desk.clone(), today.to_string());
        if self.of.as_ref() != Some(&key) {
            *self = DashCache {
                of: Some(key),
                by_group: Vec::new(),
            };
        }
        if let Some((_, d)) = self.by_group.iter().find(|(i, _)| *i == gi) {
            return Some(d.clone());
        }
        let d = Dash(Rc::new(dashboard::dashboard(g, today)));
        self.by_group.push((gi, d.clone()));
        Some(d)
    }
}

/// One handle per piece of the desk's state.
#[derive(Clone)]
pub(super) struct DeskState {
    pub desk: UseStateHandle<Shared>,
    pub last: UseStateHandle<Shared>,
    pub progress: UseStateHandle<Option<(usize, usize)>>,
    pub elapsed: UseStateHandle<Option<f64>>,
    pub tab: UseStateHandle<Tab>,
    /// None until the reviewer picks a group: then the largest one is shown.
    pub group_ix: UseStateHandle<Option<usize>>,
    pub view: UseStateHandle<View>,
    pub units_filter: UseStateHandle<UnitsFilter>,
    pub rect_filter: UseStateHandle<RectFilter>,
    /// The place in the printed summary's title, as typed.
    pub title: UseStateHandle<String>,
    /// Where the list was scrolled when a report was opened.
    saved_scroll: Rc<RefCell<f64>>,
    dashes: Rc<RefCell<DashCache>>,
}

#[hook]
pub(super) fn use_desk() -> DeskState {
    let state = DeskState {
        desk: use_state(Shared::new),
        last: use_state(Shared::new),
        progress: use_state(|| None),
        elapsed: use_state(|| None),
        tab: use_state(|| Tab::Overview),
        group_ix: use_state(|| None),
        view: use_state(|| View::List),
        units_filter: use_state(UnitsFilter::default),
        rect_filter: use_state(RectFilter::default),
        title: use_state(String::new),
        saved_scroll: use_mut_ref(|| 0.0),
        dashes: use_mut_ref(DashCache::default),
    };
    // A report or the summary shown: from its top, its heading focused.
    use_effect_with((*state.view).clone(), |v| {
        if *v != View::List {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            focus("desk-view-h");
        }
    });
    state
}

impl DeskState {
    /// The group shown: the one chosen, else the largest.
    pub fn group(&self) -> usize {
        let d = &self.desk.0;
        (*self.group_ix)
            .or_else(|| d.groups_by_size().first().copied())
            .unwrap_or(0)
            .min(d.groups().len().saturating_sub(1))
    }

    /// The dashboard of group `gi` of the current snapshot.
    pub fn dashboard(&self, gi: usize, today: &str) -> Option<Dash> {
        self.dashes.borrow_mut().get(&self.desk, gi, today)
    }

    /// Reads picked files into the set. The time shown includes the
    /// dashboard of the group shown first.
    pub fn on_files(
        &self,
        library: Vec<Rc<Checklist>>,
        today: String,
    ) -> Callback<Vec<web_sys::File>> {
        let s = self.clone();
        Callback::from(move |picked: Vec<web_sys::File>| {
            let (s, library, today) = (s.clone(), library.clone(), today.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (d, mut spent) = ingest(picked, &s.desk.0, &library, &s.progress).await;
                let t0 = js_sys::Date::now();
                let d = Shared(Rc::new(d));
                let gi = (*s.group_ix).or_else(|| d.0.groups_by_size().first().copied());
                if let Some(gi) = gi {
                    s.dashes.borrow_mut().get(&d, gi, &today);
                }
                spent += js_sys::Date::now() - t0;
                s.elapsed.set(Some(spent));
                s.progress.set(None);
                s.desk.set(d);
            });
        })
    }

    /// Reads last year's reports, for the comparison only.
    pub fn on_last_files(&self, library: Vec<Rc<Checklist>>) -> Callback<Vec<web_sys::File>> {
        let s = self.clone();
        Callback::from(move |picked: Vec<web_sys::File>| {
            let (s, library) = (s.clone(), library.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (d, _) = ingest(picked, &s.last.0, &library, &s.progress).await;
                s.progress.set(None);
                s.last.set(Shared(Rc::new(d)));
            });
        })
    }

    /// 清空: an empty set (the reviewer's choices are kept for the session).
    pub fn on_clear(&self) -> Callback<()> {
        let s = self.clone();
        Callback::from(move |_| {
            s.desk.set(Shared(Rc::new(s.desk.0.cleared())));
            s.last.set(Shared::new());
            s.elapsed.set(None);
            s.group_ix.set(None);
            s.view.set(View::List);
            s.tab.set(Tab::Overview);
        })
    }

    /// 查看: shows a report over the list, remembering where the list was.
    pub fn on_open(&self) -> Callback<Open> {
        let s = self.clone();
        Callback::from(move |(group, report, from): Open| {
            *s.saved_scroll.borrow_mut() = scroll_y();
            s.view.set(View::Report {
                group,
                report,
                from,
            });
        })
    }

    /// 打印汇总: shows the printable summary over the list.
    pub fn on_print_summary(&self) -> Callback<MouseEvent> {
        let s = self.clone();
        Callback::from(move |_| {
            *s.saved_scroll.borrow_mut() = scroll_y();
            s.view.set(View::PrintSummary);
        })
    }

    /// 返回列表: the list again, scrolled where it was, the button that
    /// opened the view focused.
    pub fn on_back(&self) -> Callback<()> {
        let s = self.clone();
        Callback::from(move |_| {
            let from = match &*s.view {
                View::Report { from, .. } => from.clone(),
                _ => "desk-print-summary".to_string(),
            };
            s.view.set(View::List);
            let y = *s.saved_scroll.borrow();
            // Once the list is shown again.
            gloo::timers::callback::Timeout::new(0, move || {
                gloo::utils::window().scroll_to_with_x_and_y(0.0, y);
                focus(&from);
            })
            .forget();
        })
    }

    /// The reviewer chooses which report of its unit and year counts.
    pub fn on_choose(&self) -> Callback<(usize, usize)> {
        self.on_choice(true)
    }

    /// The reviewer takes a choice back (不计入统计): the rule decides again.
    pub fn on_unchoose(&self) -> Callback<(usize, usize)> {
        self.on_choice(false)
    }

    fn on_choice(&self, chosen: bool) -> Callback<(usize, usize)> {
        let desk = self.desk.clone();
        Callback::from(move |(g, report): (usize, usize)| {
            let mut d = (*desk.0).clone();
            if chosen {
                d.choose(g, report);
            } else {
                d.unchoose(g, report);
            }
            desk.set(Shared(Rc::new(d)));
        })
    }

    pub fn on_tab(&self) -> Callback<Tab> {
        let tab = self.tab.clone();
        Callback::from(move |t| tab.set(t))
    }

    pub fn on_group(&self) -> Callback<usize> {
        let g = self.group_ix.clone();
        Callback::from(move |i| g.set(Some(i)))
    }
}
