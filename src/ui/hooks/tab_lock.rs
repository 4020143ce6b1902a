//! The tab guard: one tab at a time saves a draft, and only a living tab
//! that holds the same draft pauses another. The same in Chromium 80+ and
//! Firefox ESR 78+, with nothing but localStorage and its `storage` event:
//!
//! - The holder writes a claim (its tab id, when it took the draft, when it
//!   last renewed the claim) and renews it every [`storage::HEARTBEAT_MS`];
//!   the newest take holds the draft, so a late renewal of a tab that has
//!   not yet seen another's take-over never wins. It gives the claim up on `pagehide` — the tab
//!   closed, reloaded, the address typed again, the page put in the
//!   back-forward cache — and when it leaves the draft.
//! - A tab opening the draft takes it at once when nobody claims it. When
//!   another tab's claim is there (a killed browser left it, or a tab really
//!   holds the draft), it pings and waits [`PROBE_MS`]: a living holder
//!   answers by renewing its claim (a storage event reaches it even when its
//!   timers are throttled in the background); a gone one cannot.
//! - A paused tab resumes by itself when the holder gives the claim up, or
//!   stops renewing it and does not answer a ping (`Action::HolderLeft`).
//!
//! `hooks::storage_sync` is the other half: it answers pings and notices
//! another tab's claim or write.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::{Interval, Timeout};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::Latest;
use crate::browser::storage;
use crate::ui::state::{Action, AppState, Hold};

/// How long a tab waits for the holder of a claim to answer its ping.
const PROBE_MS: u32 = 1000;
/// How often a paused tab looks whether the holder is still there.
const WATCH_MS: u32 = 1000;

type Dispatch = UseReducerDispatcher<AppState>;

/// Holds the open draft for this tab, or pauses; returns this tab's id.
#[hook]
pub fn use_tab_lock(state: &AppState, latest: Latest, dispatch: Dispatch) -> String {
    let tab = (*use_memo((), |_| crate::browser::clock::random_id())).clone();
    let open_id = state.open().map(|o| o.id.clone());
    use_effect_with(open_id, |id| storage::set_last_open(id.as_deref()));
    let key = state.open().map(|o| (o.id.clone(), o.hold));
    {
        let (tab, dispatch) = (tab.clone(), dispatch.clone());
        use_effect_with(key, move |key| {
            let running: Box<dyn std::any::Any> = match key {
                Some((id, Hold::Checking)) => Box::new(check(id, &tab, dispatch)),
                Some((id, Hold::Mine)) => Box::new(keep(id, &tab, dispatch)),
                Some((id, Hold::Paused)) => Box::new(watch(id, &tab, dispatch)),
                _ => Box::new(()),
            };
            let key = key.clone();
            move || {
                drop(running);
                if let Some((id, Hold::Mine)) = key {
                    storage::release(&id, &tab);
                }
            }
        });
    }
    {
        let tab = tab.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            // After autosave's own pagehide listener (registered first) has saved.
            let hide =
                EventListener::new(&window, "pagehide", move |_| match latest.borrow().open() {
                    Some(o) if o.hold == Hold::Mine => storage::leave(&o.id, &tab),
                    Some(o) if o.hold.paused() => storage::viewer_left(&o.id),
                    _ => {}
                });
            let show = EventListener::new(&window, "pageshow", move |e| {
                let persisted = e
                    .dyn_ref::<web_sys::PageTransitionEvent>()
                    .is_some_and(|e| e.persisted());
                if persisted {
                    dispatch.dispatch(Action::Reshown);
                }
            });
            move || drop((hide, show))
        });
    }
    // Leaving a paused window with changes it could not save: the browser
    // asks first. Only while that is so: a beforeunload listener keeps a page
    // out of Firefox's back-forward cache.
    let unsaved = state
        .open()
        .is_some_and(|o| o.hold.paused() && o.revision != o.saved_revision);
    use_effect_with(unsaved, |&unsaved| {
        let listener = unsaved.then(|| {
            EventListener::new_with_options(
                &gloo::utils::window(),
                "beforeunload",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                |e| {
                    e.prevent_default();
                    if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        e.set_return_value("unsaved");
                    }
                },
            )
        });
        move || drop(listener)
    });
    tab
}

/// Takes the draft when nobody claims it (or its holder's page went away);
/// else pings the claim's tab and, after [`PROBE_MS`], pauses if it
/// answered and takes the draft if not.
fn check(id: &str, tab: &str, d: Dispatch) -> Option<Timeout> {
    match storage::claim_of(id) {
        Some(c) if c.tab != tab && !c.leaving => {
            let since = js_sys::Date::now();
            storage::ping(id, tab);
            let (id, tab) = (id.to_string(), tab.to_string());
            Some(Timeout::new(PROBE_MS, move || {
                if answered(&id, &tab, since) {
                    d.dispatch(Action::HeldElsewhere);
                } else {
                    d.dispatch(Action::Held);
                }
            }))
        }
        _ => {
            d.dispatch(Action::Held);
            None
        }
    }
}

/// Another tab renewed its claim on the draft at or after `since`.
fn answered(id: &str, tab: &str, since: f64) -> bool {
    storage::claim_of(id).is_some_and(|c| c.tab != tab && c.at >= since)
}

/// Takes the draft now and renews the claim while held; pauses when
/// another tab has taken it since (a renewal of an older claim is
/// overwritten: that tab is about to see this one's take and pause).
fn keep(id: &str, tab: &str, d: Dispatch) -> Interval {
    storage::take(id, tab);
    let (id, tab) = (id.to_string(), tab.to_string());
    Interval::new(storage::HEARTBEAT_MS, move || {
        match storage::claim_of(&id) {
            Some(c) if c.outranks_mine(&tab) => d.dispatch(Action::HeldElsewhere),
            _ => storage::renew(&id, &tab),
        }
    })
}

/// While paused: the holder is gone when nobody claims the draft, when its
/// page went away and did not come back within the grace (a reload does),
/// or when its claim is old and a ping gets no answer within [`PROBE_MS`].
fn watch(id: &str, tab: &str, d: Dispatch) -> Interval {
    let (id, tab) = (id.to_string(), tab.to_string());
    let pinged: Rc<Cell<Option<f64>>> = Rc::default();
    Interval::new(WATCH_MS, move || {
        let gone = match storage::claim_of(&id) {
            None => true,
            Some(c) if c.tab == tab => true,
            Some(c) if c.leaving => c.gone(),
            Some(c) if c.fresh() => {
                pinged.set(None);
                false
            }
            Some(_) => match pinged.get() {
                None => {
                    pinged.set(Some(js_sys::Date::now()));
                    storage::ping(&id, &tab);
                    false
                }
                Some(at) if answered(&id, &tab, at) => {
                    pinged.set(None);
                    false
                }
                Some(at) => js_sys::Date::now() - at >= f64::from(PROBE_MS),
            },
        };
        if gone {
            d.dispatch(Action::HolderLeft(storage::load(&id).map(Box::new)));
        }
    })
}
