//! The app's state and the one reducer that changes it. Pure: no browser
//! calls, so every transition is testable; times and ids arrive inside
//! actions. The state shows exactly one [`Screen`]; actions are events
//! (what happened), and notices are catalogue messages rendered in the
//! language current when they are shown.

use std::rc::Rc;

use yew::Reducible;

use crate::browser::lazy::Tool;
use crate::model::checklist::ChecklistRef;
use crate::model::draft::{DraftMeta, DraftRecord, Step, DRAFT_VERSION};
use crate::model::edition::Edition;
use crate::model::intake::Intake;
use crate::model::merge::merge3;
use crate::model::messages::{m, Message, Msg};
use crate::model::{Assessment, Checklist, Edit, Lang, UnitInfo};

/// What the save machinery last reported.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum SaveState {
    #[default]
    Idle,
    /// Saved at this local time (HH:MM:SS).
    Saved(String),
    /// Saving failed, for this reason. Persistent until a save succeeds.
    Failed(Msg),
}

/// The draft being worked on.
#[derive(Clone, Debug, PartialEq)]
pub struct Open {
    pub id: String,
    /// The checklist this draft answers.
    pub checklist: Rc<Checklist>,
    pub assessment: Assessment,
    pub step: Step,
    /// Bumped by every change; the saver writes when it differs from `saved_revision`.
    pub revision: u64,
    pub saved_revision: u64,
    /// Whether this tab may save the draft (the tab guard, `hooks::tab_lock`).
    pub hold: Hold,
    /// `saved_at` of the stored copy as this tab last read or wrote it: a
    /// different one in storage means another tab saved since.
    pub stored_at: String,
    /// While paused: the draft as stored when saving paused (this tab had
    /// nothing unsaved then), the common version both tabs' changes start
    /// from; `None` when not known.
    pub base: Option<Box<Assessment>>,
    /// The user visited 检查并完成: show every problem inline, not just answered items'.
    pub show_all_issues: bool,
    /// A field to focus after the next render: (item id or None for the unit, field key).
    pub focus: Option<(Option<String>, String)>,
}

/// Whether this tab may write the open draft. Only a living tab that holds
/// the same draft pauses another; see `hooks::tab_lock` for how it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    /// Just opened: asking whether a living tab holds it (about a second).
    Checking,
    /// This tab holds the draft and saves it.
    Mine,
    /// Another living tab holds it: saving is paused until that tab goes
    /// (then it resumes by itself) or the user saves from here.
    Paused,
    /// The other tab went, but both tabs changed the draft: the user chooses.
    BothChanged,
}

impl Hold {
    /// Saving is paused and the page says so.
    pub fn paused(self) -> bool {
        matches!(self, Hold::Paused | Hold::BothChanged)
    }

    /// Why saving is paused, for the top bar.
    pub fn why_paused(self) -> Option<Msg> {
        match self {
            Hold::Paused => Some(Msg::SavePausedHint),
            Hold::BothChanged => Some(Msg::SaveChoiceHint),
            _ => None,
        }
    }
}

/// The one screen the app shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    /// 首页: new assessment, drafts, files, checklists.
    Start,
    /// The checklist's full text (检查清单全文).
    Checklist,
    /// The reviewer desk (汇总审阅), in the bureau's own module.
    Desk,
    /// The county's checklist tools (县司法局工具), in the bureau's own module.
    County,
    /// An open draft, at its step (unit, a section, finish, results, print).
    Draft(Box<Open>),
}

impl Screen {
    /// The bureau's tool this screen shows, if it is one.
    pub fn tool(&self) -> Option<Tool> {
        match self {
            Screen::Desk => Some(Tool::Desk),
            Screen::County => Some(Tool::County),
            _ => None,
        }
    }
}

/// A report read from a file, waiting for the user's choice because a draft
/// of the same unit and year exists (`existing` is its id).
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub intake: Intake,
    pub existing: String,
}

/// The whole state of the app.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// Every checklist available: the built-in one first, then those the user loaded.
    pub library: Rc<Vec<Rc<Checklist>>>,
    pub drafts: Rc<Vec<DraftMeta>>,
    pub screen: Screen,
    pub save: SaveState,
    /// Messages for the user (a refused file, a checklist loaded…), until dismissed.
    pub notices: Vec<Message>,
    /// The replace-or-keep-both question, while it is asked.
    pub pending: Option<Box<Pending>>,
    /// The county edition (本县分发版) this page is, if it is one: its
    /// checklist is in `library` and is the one a new assessment uses.
    pub edition: Option<Rc<Edition>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    LanguageChosen(Lang),
    DraftsListed(Vec<DraftMeta>),
    /// A new assessment was started with this id, unit and year, at this time.
    Created {
        id: String,
        unit: UnitInfo,
        year: i32,
        at: String,
        checklist: Rc<Checklist>,
    },
    /// A stored draft was opened; it shows where the user left it.
    Opened(Box<DraftRecord>),
    /// The user went back to the start screen.
    WentHome,
    ChecklistShown,
    DeskShown,
    CountyToolsShown,
    /// The checklists were read again from the browser's storage.
    LibraryReloaded(Vec<Rc<Checklist>>),
    Edited {
        edit: Edit,
        at: String,
    },
    SteppedTo(Step),
    /// The user chose a field to fix (from the finish step's list).
    FixAsked {
        item: Option<String>,
        field: String,
    },
    Focused,
    Saved {
        revision: u64,
        /// Local time, HH:MM:SS, for the top bar.
        time: String,
        /// The record's `saved_at`.
        saved_at: String,
    },
    SaveFailed(Msg),
    /// This tab holds the open draft (no living tab did).
    Held,
    /// A living tab holds or wrote the open draft.
    HeldElsewhere,
    /// The tab that held the open draft went away; `stored` is the draft as
    /// it left it in storage.
    HolderLeft(Option<Box<DraftRecord>>),
    /// Another tab opened the draft this tab holds (and paused there).
    OpenedElsewhere,
    /// That paused tab went away.
    ViewerLeft,
    /// The page came back from the browser's back-forward cache: ask again.
    Reshown,
    /// The user kept this tab's version: it overwrites the other's.
    TookOver,
    /// Messages for the user, replacing those shown.
    Noticed(Vec<Message>),
    NoticesDismissed,
    /// A report file needs the replace-or-keep-both choice.
    ChoiceAsked(Box<Pending>),
    /// The user answered (or cancelled) that choice.
    ChoiceMade,
    ChecklistKept(Rc<Checklist>),
    /// A custom checklist was removed (by its fingerprint).
    ChecklistRemoved(String),
}

impl AppState {
    pub fn new(lang: Lang, library: Vec<Rc<Checklist>>) -> AppState {
        AppState {
            lang,
            library: Rc::new(library),
            drafts: Rc::new(Vec::new()),
            screen: Screen::Start,
            save: SaveState::Idle,
            notices: Vec::new(),
            pending: None,
            edition: None,
        }
    }

    /// This state as the county edition `e`, its checklist in the library.
    pub fn with_edition(mut self, e: Edition) -> AppState {
        self.keep_checklist(Rc::new(e.checklist.clone()));
        self.edition = Some(Rc::new(e));
        self
    }

    /// The checklist a new assessment uses unless another is chosen: the
    /// county edition's, else the built-in one.
    pub fn default_checklist(&self) -> Rc<Checklist> {
        self.edition
            .as_ref()
            .and_then(|e| self.library.iter().find(|c| ***c == e.checklist).cloned())
            .unwrap_or_else(|| self.builtin())
    }

    /// The open draft, when the screen shows one.
    pub fn open(&self) -> Option<&Open> {
        match &self.screen {
            Screen::Draft(o) => Some(o),
            _ => None,
        }
    }

    fn open_mut(&mut self) -> Option<&mut Open> {
        match &mut self.screen {
            Screen::Draft(o) => Some(o),
            _ => None,
        }
    }

    /// The record the saver writes for the open draft.
    pub fn record(&self, saved_at: &str) -> Option<DraftRecord> {
        self.open().map(|o| DraftRecord {
            version: DRAFT_VERSION,
            id: o.id.clone(),
            assessment: o.assessment.clone(),
            step: o.step,
            revision: o.revision,
            saved_at: saved_at.to_string(),
        })
    }

    /// True when the open draft has changes not yet saved and saving is allowed.
    pub fn needs_save(&self) -> bool {
        self.open()
            .is_some_and(|o| o.revision != o.saved_revision && o.hold == Hold::Mine)
    }

    /// The checklist a draft answers, if it is available.
    pub fn resolve(&self, r: &ChecklistRef) -> Option<Rc<Checklist>> {
        self.library.iter().find(|c| c.answers_to(r)).cloned()
    }

    /// The built-in checklist.
    pub fn builtin(&self) -> Rc<Checklist> {
        self.library[0].clone()
    }

    fn show(&mut self, open: Open) {
        self.screen = Screen::Draft(Box::new(open));
        self.save = SaveState::Idle;
    }

    fn open_record(&mut self, r: DraftRecord) {
        let Some(checklist) = self.resolve(&r.assessment.checklist) else {
            let r = &r.assessment.checklist;
            self.notices.push(
                m::MissingChecklist {
                    id: r.id.clone(),
                    version: r.version.clone(),
                }
                .into(),
            );
            return;
        };
        let step = clamp(&checklist, r.step);
        self.show(Open {
            id: r.id,
            checklist,
            assessment: r.assessment,
            step,
            revision: r.revision,
            saved_revision: r.revision,
            hold: Hold::Checking,
            stored_at: r.saved_at,
            base: None,
            show_all_issues: shows_all_issues(step),
            focus: None,
        });
    }

    fn set_hold(&mut self, hold: Hold) {
        if let Some(o) = self.open_mut() {
            o.hold = hold;
        }
    }

    /// The other tab went: resume saving, with its version when only it
    /// changed the draft since this tab last saved or read it; when both
    /// did, the user chooses.
    fn holder_left(&mut self, stored: Option<DraftRecord>) {
        let Some(o) = self.open_mut() else { return };
        if !o.hold.paused() {
            return;
        }
        let ours = o.revision != o.saved_revision;
        let theirs = stored.filter(|r| r.saved_at != o.stored_at && r.id == o.id);
        let merged = match (&o.base, &theirs) {
            (Some(base), Some(r)) if ours => merge3(base, &o.assessment, &r.assessment),
            _ => None,
        };
        let notice = match (ours, theirs) {
            // Both changed different things: both kept, and saved.
            (true, Some(r)) if merged.is_some() => {
                o.assessment = merged.expect("checked");
                o.revision = o.revision.max(r.revision) + 1;
                o.stored_at = r.saved_at;
                o.hold = Hold::Mine;
                Msg::SavingResumedMerged
            }
            (true, Some(_)) => {
                o.hold = Hold::BothChanged;
                return;
            }
            (false, Some(r)) => {
                o.assessment = r.assessment;
                o.revision = o.revision.max(r.revision) + 1;
                o.saved_revision = o.revision;
                o.stored_at = r.saved_at;
                o.hold = Hold::Mine;
                Msg::SavingResumedTheirs
            }
            (_, None) => {
                o.hold = Hold::Mine;
                Msg::SavingResumed
            }
        };
        self.forget(Msg::OpenedElsewhere);
        self.notices.push(notice.into());
    }

    /// Takes a notice away that is no longer true.
    fn forget(&mut self, m: Msg) {
        self.notices.retain(|n| *n != Message::from(m));
    }

    fn keep_checklist(&mut self, c: Rc<Checklist>) {
        if !self.library.iter().any(|x| x.sha256() == c.sha256()) {
            Rc::make_mut(&mut self.library).push(c);
        }
    }

    fn remove_checklist(&mut self, sha256: &str) {
        let edition = self.edition.as_ref().map(|e| e.checklist.sha256());
        Rc::make_mut(&mut self.library).retain(|c| {
            c.sha256() != sha256 || c.is_builtin() || edition.as_deref() == Some(sha256)
        });
    }
}

fn clamp(checklist: &Checklist, step: Step) -> Step {
    match step {
        Step::Section(i) if i >= checklist.section_count() => Step::Finish,
        s => s,
    }
}

/// From 检查并完成 on, every problem shows inline.
fn shows_all_issues(step: Step) -> bool {
    matches!(step, Step::Finish | Step::Summary | Step::Print)
}

impl Open {
    fn edit(&mut self, edit: Edit, at: String) {
        let before = self.assessment.clone();
        self.assessment.apply(&self.checklist, edit);
        if self.assessment != before {
            self.assessment.updated_at = at;
            self.revision += 1;
        }
    }

    fn step_to(&mut self, step: Step) {
        let step = clamp(&self.checklist, step);
        if self.step != step {
            self.step = step;
            self.revision += 1;
        }
        self.show_all_issues |= shows_all_issues(step);
    }

    fn fix(&mut self, item: Option<String>, field: String) {
        let step = match &item {
            None => Step::Unit,
            Some(id) => Step::Section(self.checklist.section_of(id).unwrap_or(0)),
        };
        if self.step != step {
            self.step = step;
            self.revision += 1;
        }
        self.focus = Some((item, field));
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = Rc::unwrap_or_clone(self);
        match action {
            Action::LanguageChosen(lang) => s.lang = lang,
            Action::DraftsListed(d) => s.drafts = Rc::new(d),
            Action::Created {
                id,
                unit,
                year,
                at,
                checklist,
            } => {
                let assessment = Assessment::new(&checklist, unit, year, &at);
                s.show(Open {
                    id,
                    checklist,
                    assessment,
                    step: Step::Section(0),
                    revision: 1,
                    saved_revision: 0,
                    // A new draft's id is new: no other tab can hold it.
                    hold: Hold::Mine,
                    stored_at: String::new(),
                    base: None,
                    show_all_issues: false,
                    focus: None,
                });
                s.notices.clear();
            }
            Action::Opened(r) => {
                s.notices.clear();
                s.open_record(*r);
            }
            Action::WentHome => {
                s.screen = Screen::Start;
                s.save = SaveState::Idle;
            }
            Action::ChecklistShown => s.screen = Screen::Checklist,
            Action::DeskShown => s.screen = Screen::Desk,
            Action::CountyToolsShown => s.screen = Screen::County,
            Action::LibraryReloaded(library) => s.library = Rc::new(library),
            Action::Edited { edit, at } => {
                if let Some(o) = s.open_mut() {
                    o.edit(edit, at);
                }
            }
            Action::SteppedTo(step) => {
                if let Some(o) = s.open_mut() {
                    o.step_to(step);
                }
            }
            Action::FixAsked { item, field } => {
                if let Some(o) = s.open_mut() {
                    o.fix(item, field);
                }
            }
            Action::Focused => {
                if let Some(o) = s.open_mut() {
                    o.focus = None;
                }
            }
            Action::Saved {
                revision,
                time,
                saved_at,
            } => {
                if let Some(o) = s.open_mut() {
                    o.saved_revision = o.saved_revision.max(revision);
                    o.stored_at = saved_at;
                }
                s.save = SaveState::Saved(time);
            }
            Action::SaveFailed(reason) => s.save = SaveState::Failed(reason),
            Action::Held => s.set_hold(Hold::Mine),
            Action::HeldElsewhere => {
                if let Some(o) = s.open_mut().filter(|o| !o.hold.paused()) {
                    o.hold = Hold::Paused;
                    o.base =
                        (o.revision == o.saved_revision).then(|| Box::new(o.assessment.clone()));
                    s.forget(Msg::OpenedElsewhere);
                }
            }
            Action::ViewerLeft => s.forget(Msg::OpenedElsewhere),
            Action::HolderLeft(stored) => s.holder_left(stored.map(|r| *r)),
            Action::OpenedElsewhere => {
                let m: Message = Msg::OpenedElsewhere.into();
                if s.open().is_some_and(|o| o.hold == Hold::Mine) && !s.notices.contains(&m) {
                    s.notices.push(m);
                }
            }
            Action::Reshown => s.set_hold(Hold::Checking),
            Action::TookOver => {
                if let Some(o) = s.open_mut() {
                    o.hold = Hold::Mine;
                    o.revision += 1;
                }
            }
            Action::Noticed(m) => s.notices = m,
            Action::NoticesDismissed => s.notices.clear(),
            Action::ChoiceAsked(p) => s.pending = Some(p),
            Action::ChoiceMade => s.pending = None,
            Action::ChecklistKept(c) => s.keep_checklist(c),
            Action::ChecklistRemoved(sha) => s.remove_checklist(&sha),
        }
        Rc::new(s)
    }
}
