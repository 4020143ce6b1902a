//! Draft storage. Every save goes to localStorage (synchronous, read at
//! start-up) and to an IndexedDB mirror (durable once committed); on start-up
//! the newer copy of each draft wins. Also the tab lock that lets two tabs on
//! the same draft notice each other (claims, pings: see `ui::hooks::tab_lock`).

use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::*;

use crate::model::draft::{newest, DraftRecord};
use crate::model::messages::Msg;

const DRAFT_PREFIX: &str = "selfcheck.draft.";
const LOCK_PREFIX: &str = "selfcheck.lock.";
const PING_PREFIX: &str = "selfcheck.ping.";
const LEFT_PREFIX: &str = "selfcheck.left.";
const LAST_KEY: &str = "selfcheck.last";
/// How often the tab holding a draft renews its claim.
pub const HEARTBEAT_MS: u32 = 2000;
/// A claim not renewed for this long is not trusted either way: its tab
/// may be gone or only throttled in the background, so it is pinged.
pub const LOCK_STALE_MS: f64 = 6000.0;
/// How long a paused tab waits after the holder's page went away before it
/// resumes: a reload of the holder takes the draft again well within it.
pub const LEAVING_GRACE_MS: f64 = 3000.0;

#[wasm_bindgen(module = "/src/browser/idb.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = idbPut)]
    async fn idb_put(key: &str, value: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbDelete)]
    async fn idb_delete(key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbGetAll)]
    async fn idb_get_all() -> Result<JsValue, JsValue>;
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// Drafts in localStorage, newest save first.
pub fn list() -> Vec<DraftRecord> {
    let Some(s) = local() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    let mut out: Vec<DraftRecord> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(DRAFT_PREFIX))
        .filter_map(|k| s.get_item(&k).ok().flatten())
        .filter_map(|v| DraftRecord::from_json(&v))
        .collect();
    out.sort_by(|a, b| b.saved_at.cmp(&a.saved_at));
    out
}

pub fn load(id: &str) -> Option<DraftRecord> {
    let json = local()?.get_item(&draft_key(id)).ok().flatten()?;
    DraftRecord::from_json(&json)
}

/// Why saving failed: a message of the catalogue.
pub type SaveError = Msg;

/// Saves a draft to both stores. The result is localStorage's: the IndexedDB
/// write completes in the background (and is checked again at start-up).
pub fn save(record: &DraftRecord) -> Result<(), SaveError> {
    save_then(record, || {})
}

/// Like [`save`]; when localStorage took the draft, `committed` runs once the
/// IndexedDB write has finished (or failed): only then does a killed browser
/// keep the change, since localStorage reaches the disk seconds later.
pub fn save_then(
    record: &DraftRecord,
    committed: impl FnOnce() + 'static,
) -> Result<(), SaveError> {
    let json = record.to_json();
    let key = draft_key(&record.id);
    let result = save_local(&key, &json);
    let ok = result.is_ok();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = idb_put(&key, &json).await {
            gloo::console::warn!("IndexedDB save failed", e);
        }
        if ok {
            committed();
        }
    });
    result
}

fn save_local(key: &str, json: &str) -> Result<(), SaveError> {
    let s = local().ok_or(Msg::StorageDisabled)?;
    s.set_item(key, json).map_err(|e| {
        let name = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .unwrap_or_default();
        if name.contains("Quota") {
            Msg::StorageFull
        } else {
            Msg::StorageRefused
        }
    })
}

pub fn delete(id: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(&draft_key(id));
        let _ = s.remove_item(&format!("{LOCK_PREFIX}{id}"));
    }
    let key = draft_key(id);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = idb_delete(&key).await;
    });
}

/// Drafts whose IndexedDB copy is newer than localStorage's (after a crash),
/// written back to localStorage so the two agree again.
pub async fn recover() -> Vec<DraftRecord> {
    let Ok(values) = idb_get_all().await else {
        return Vec::new();
    };
    let mut newer = Vec::new();
    for v in js_sys::Array::from(&values).iter() {
        let Some(rec) = v.as_string().and_then(|j| DraftRecord::from_json(&j)) else {
            continue;
        };
        let best = match load(&rec.id) {
            Some(cur) => newest(cur.clone(), rec.clone()),
            None => rec.clone(),
        };
        if best == rec && load(&rec.id).as_ref() != Some(&rec) {
            if let Some(s) = local() {
                let _ = s.set_item(&draft_key(&rec.id), &rec.to_json());
            }
            newer.push(rec);
        }
    }
    newer
}

/// The draft that was open last, to reopen after a reload.
pub fn last_open() -> Option<String> {
    LocalStorage::get::<String>(LAST_KEY).ok()
}

pub fn set_last_open(id: Option<&str>) {
    match id {
        Some(id) => {
            let _ = LocalStorage::set(LAST_KEY, id);
        }
        None => LocalStorage::delete(LAST_KEY),
    }
}

/// A tab's claim on a draft: the tab, when it took the draft and when it
/// last renewed the claim (ms since the epoch). The newest take holds the
/// draft: a renewal never outranks a take, so a holder whose heartbeat
/// fires just after another tab took the draft over (before it has seen
/// that) cannot take it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub tab: String,
    pub since: f64,
    pub at: f64,
    /// The holder's page went away (`pagehide`: closed, reloaded, navigated);
    /// `at` is when. A reload takes the draft again within a moment, so a
    /// paused tab waits [`LEAVING_GRACE_MS`] before resuming.
    pub leaving: bool,
}

impl Claim {
    /// Renewed within [`LOCK_STALE_MS`]: its tab was alive a moment ago.
    pub fn fresh(&self) -> bool {
        !self.leaving && js_sys::Date::now() - self.at < LOCK_STALE_MS
    }

    /// Its page went away longer than [`LEAVING_GRACE_MS`] ago: not reloaded.
    pub fn gone(&self) -> bool {
        self.leaving && js_sys::Date::now() - self.at >= LEAVING_GRACE_MS
    }

    /// Another tab took the draft after this tab did (or holds it while
    /// this tab does not).
    pub fn outranks_mine(&self, tab: &str) -> bool {
        self.tab != tab
            && HELD.with(|h| {
                h.borrow()
                    .as_ref()
                    .is_none_or(|(_, since)| self.since > *since)
            })
    }
}

thread_local! {
    /// The draft this tab holds and when it took it.
    static HELD: std::cell::RefCell<Option<(String, f64)>> = const { std::cell::RefCell::new(None) };
}

fn parse_claim(v: &str) -> Option<Claim> {
    let mut parts = v.split(' ');
    let tab = parts.next()?.to_string();
    let since: f64 = parts.next()?.parse().ok()?;
    // A claim written before takes were told from renewals: "tab time".
    let at = parts.next().map_or(Some(since), |a| a.parse().ok())?;
    let leaving = parts.next() == Some("leaving");
    Some(Claim {
        tab,
        since,
        at,
        leaving,
    })
}

/// The claim on the draft, fresh or not.
pub fn claim_of(id: &str) -> Option<Claim> {
    parse_claim(&local()?.get_item(&format!("{LOCK_PREFIX}{id}")).ok()??)
}

fn write_claim(id: &str, tab: &str, since: f64, leaving: bool) {
    if let Some(s) = local() {
        let flag = if leaving { " leaving" } else { "" };
        let value = format!("{tab} {since} {}{flag}", js_sys::Date::now());
        let _ = s.set_item(&format!("{LOCK_PREFIX}{id}"), &value);
    }
}

/// This tab takes the draft (opened with nobody holding it, or taken over).
pub fn take(id: &str, tab: &str) {
    let since = js_sys::Date::now();
    HELD.with(|h| *h.borrow_mut() = Some((id.to_string(), since)));
    write_claim(id, tab, since, false);
}

/// Renews this tab's claim (the heartbeat, and the answer to a ping).
pub fn renew(id: &str, tab: &str) {
    let since = HELD.with(|h| match &*h.borrow() {
        Some((held, since)) if held == id => Some(*since),
        _ => None,
    });
    match since {
        Some(since) => write_claim(id, tab, since, false),
        None => take(id, tab),
    }
}

/// The page holding the draft goes away (`pagehide`): its claim says so,
/// and the tab no longer holds it. Another tab may take it at once; a
/// paused one waits a moment, for a reload takes it again.
pub fn leave(id: &str, tab: &str) {
    let since = HELD.with(|h| h.borrow_mut().take().map(|(_, since)| since));
    if let Some(since) = since.filter(|_| claim_of(id).is_some_and(|c| c.tab == tab)) {
        write_claim(id, tab, since, true);
    }
}

/// A paused tab on the draft goes away: the holder no longer says another
/// window has the draft open.
pub fn viewer_left(id: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(
            &format!("{LEFT_PREFIX}{id}"),
            &js_sys::Date::now().to_string(),
        );
    }
}

/// Gives the draft up, if this tab holds it.
pub fn release(id: &str, tab: &str) {
    HELD.with(|h| {
        if h.borrow().as_ref().is_some_and(|(held, _)| held == id) {
            *h.borrow_mut() = None;
        }
    });
    if claim_of(id).is_some_and(|c| c.tab == tab) {
        if let Some(s) = local() {
            let _ = s.remove_item(&format!("{LOCK_PREFIX}{id}"));
        }
    }
}

/// Asks whoever holds the draft to renew its claim at once: a living tab
/// answers (a storage event reaches it even when its timers are throttled
/// in the background); a closed one cannot.
pub fn ping(id: &str, tab: &str) {
    if let Some(s) = local() {
        let value = format!("{tab} {}", js_sys::Date::now());
        let _ = s.set_item(&format!("{PING_PREFIX}{id}"), &value);
    }
}

/// What a storage event from another tab was about.
#[derive(Debug, PartialEq)]
pub enum External {
    /// The draft itself was written.
    Draft(String),
    /// A tab claimed the draft (its claim), or gave it up (`None`).
    Lock {
        draft: String,
        claim: Option<Claim>,
    },
    /// A tab asked who holds the draft.
    Ping(String),
    /// A paused tab on the draft went away.
    Left(String),
    Other,
}

pub fn classify(key: &str, new_value: Option<&str>) -> External {
    if let Some(id) = key.strip_prefix(DRAFT_PREFIX) {
        External::Draft(id.to_string())
    } else if let Some(id) = key.strip_prefix(LOCK_PREFIX) {
        External::Lock {
            draft: id.to_string(),
            claim: new_value.and_then(parse_claim),
        }
    } else if let Some(id) = key.strip_prefix(PING_PREFIX) {
        External::Ping(id.to_string())
    } else if let Some(id) = key.strip_prefix(LEFT_PREFIX) {
        External::Left(id.to_string())
    } else {
        External::Other
    }
}

const CHECKLIST_PREFIX: &str = "selfcheck.checklist.";

/// Custom checklist definitions the user loaded, oldest first.
pub fn list_checklists() -> Vec<crate::model::Checklist> {
    let Some(s) = local() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    let mut out: Vec<(String, crate::model::Checklist)> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(CHECKLIST_PREFIX))
        .filter_map(|k| s.get_item(&k).ok().flatten())
        .filter_map(|v| {
            let (at, json) = v.split_once('\n')?;
            Some((at.to_string(), crate::model::Checklist::parse(json).ok()?))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.into_iter().map(|(_, c)| c).collect()
}

/// Keeps a custom checklist definition (stored with the time it was loaded).
pub fn save_checklist(c: &crate::model::Checklist, at: &str) -> Result<(), SaveError> {
    let json = serde_json::to_string(c).expect("a checklist always serialises");
    local()
        .and_then(|s| {
            s.set_item(
                &format!("{CHECKLIST_PREFIX}{}", c.sha256()),
                &format!("{at}\n{json}"),
            )
            .ok()
        })
        .ok_or(Msg::ChecklistStoreRefused)
}

pub fn delete_checklist(sha256: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(&format!("{CHECKLIST_PREFIX}{sha256}"));
    }
}
