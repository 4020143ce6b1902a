//! The app's state and the one reducer that changes it. Pure: no browser
//! calls, so every transition is testable; times arrive inside actions.

use std::rc::Rc;

use yew::Reducible;

use crate::model::draft::{DraftMeta, DraftRecord, Step, DRAFT_VERSION};
use crate::model::{Assessment, Checklist, Edit, Lang, UnitInfo};

/// What the save machinery last reported.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum SaveState {
    #[default]
    Idle,
    /// Saved at this local time (HH:MM:SS).
    Saved(String),
    /// Saving failed; the message says why. Persistent until a save succeeds.
    Failed(crate::model::messages::Msg),
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
    /// Another tab changed this draft: saving pauses until the user decides.
    pub conflict: bool,
    /// The user visited 检查并完成: show every problem inline, not just answered items'.
    pub show_all_issues: bool,
    /// A field to focus after the next render: (item id or None for the unit, field key).
    pub focus: Option<(Option<String>, String)>,
}

/// The whole state of the app.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// Every checklist available: the built-in one first, then those the user loaded.
    pub library: Vec<Rc<Checklist>>,
    pub drafts: Vec<DraftMeta>,
    pub open: Option<Open>,
    /// Showing the checklist's full text (from the start screen).
    pub browsing: bool,
    /// Showing the reviewer desk (汇总审阅).
    pub reviewing: bool,
    pub save: SaveState,
    /// A message for the start screen (e.g. a refused file), zh and en already chosen.
    pub notice: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    DraftsListed(Vec<DraftMeta>),
    /// Start a new assessment with this id, unit and year, at this time.
    Create {
        id: String,
        unit: UnitInfo,
        year: i32,
        at: String,
        checklist: Rc<Checklist>,
    },
    /// Open a stored draft where the user left it.
    Load(Box<DraftRecord>),
    Close,
    Browse(bool),
    Review(bool),
    Edit {
        edit: Edit,
        at: String,
    },
    GoTo(Step),
    /// Go to a field (from the finish step's list) and focus it.
    Fix {
        item: Option<String>,
        field: String,
    },
    FocusDone,
    Saved {
        revision: u64,
        time: String,
    },
    SaveFailed(crate::model::messages::Msg),
    /// Another tab wrote the open draft.
    ExternalChange,
    /// Keep this tab's version and overwrite the other's.
    TakeOver,
    Notice(Option<String>),
    /// The checklists available changed (one loaded or removed).
    Library(Vec<Rc<Checklist>>),
}

impl AppState {
    pub fn new(lang: Lang, library: Vec<Rc<Checklist>>) -> AppState {
        AppState {
            lang,
            library,
            drafts: Vec::new(),
            open: None,
            browsing: false,
            reviewing: false,
            save: SaveState::Idle,
            notice: None,
        }
    }

    /// The record the saver writes for the open draft.
    pub fn record(&self, saved_at: &str) -> Option<DraftRecord> {
        self.open.as_ref().map(|o| DraftRecord {
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
        self.open
            .as_ref()
            .is_some_and(|o| o.revision != o.saved_revision && !o.conflict)
    }

    fn open_mut(&mut self) -> Option<&mut Open> {
        self.open.as_mut()
    }

    /// The checklist a draft answers, if it is available.
    pub fn resolve(&self, r: &crate::model::checklist::ChecklistRef) -> Option<Rc<Checklist>> {
        self.library.iter().find(|c| c.answers_to(r)).cloned()
    }

    /// The built-in checklist.
    pub fn builtin(&self) -> Rc<Checklist> {
        self.library[0].clone()
    }
}

fn clamp(checklist: &Checklist, step: Step) -> Step {
    match step {
        Step::Section(i) if i >= checklist.section_count() => Step::Finish,
        s => s,
    }
}

impl AppState {
    fn missing_checklist(&self, r: &crate::model::checklist::ChecklistRef) -> String {
        crate::model::messages::Message::MissingChecklist {
            id: r.id.clone(),
            version: r.version.clone(),
        }
        .tr(self.lang)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::DraftsListed(d) => s.drafts = d,
            Action::Create {
                id,
                unit,
                year,
                at,
                checklist,
            } => {
                let assessment = Assessment::new(&checklist, unit, year, &at);
                s.open = Some(Open {
                    id,
                    checklist,
                    assessment,
                    step: Step::Section(0),
                    revision: 1,
                    saved_revision: 0,
                    conflict: false,
                    show_all_issues: false,
                    focus: None,
                });
                s.save = SaveState::Idle;
                s.browsing = false;
                s.notice = None;
            }
            Action::Load(r) => {
                let r = *r;
                let Some(checklist) = s.resolve(&r.assessment.checklist) else {
                    s.notice = Some(s.missing_checklist(&r.assessment.checklist));
                    return Rc::new(s);
                };
                let step = clamp(&checklist, r.step);
                s.open = Some(Open {
                    id: r.id,
                    checklist,
                    assessment: r.assessment,
                    step,
                    revision: r.revision,
                    saved_revision: r.revision,
                    conflict: false,
                    show_all_issues: matches!(step, Step::Finish | Step::Summary | Step::Print),
                    focus: None,
                });
                s.save = SaveState::Idle;
                s.browsing = false;
                s.notice = None;
            }
            Action::Close => {
                s.open = None;
                s.save = SaveState::Idle;
            }
            Action::Browse(b) => s.browsing = b,
            Action::Review(r) => s.reviewing = r,
            Action::Edit { edit, at } => {
                if let Some(o) = s.open_mut() {
                    let before = o.assessment.clone();
                    let checklist = o.checklist.clone();
                    o.assessment.apply(&checklist, edit);
                    if o.assessment != before {
                        o.assessment.updated_at = at;
                        o.revision += 1;
                    }
                }
            }
            Action::GoTo(step) => {
                if let Some(o) = s.open_mut() {
                    let step = clamp(&o.checklist, step);
                    if o.step != step {
                        o.step = step;
                        o.revision += 1;
                    }
                    if matches!(step, Step::Finish | Step::Summary | Step::Print) {
                        o.show_all_issues = true;
                    }
                }
            }
            Action::Fix { item, field } => {
                if let Some(o) = s.open_mut() {
                    let step = match &item {
                        None => Step::Unit,
                        Some(id) => Step::Section(o.checklist.section_of(id).unwrap_or(0)),
                    };
                    if o.step != step {
                        o.step = step;
                        o.revision += 1;
                    }
                    o.focus = Some((item, field));
                }
            }
            Action::FocusDone => {
                if let Some(o) = s.open_mut() {
                    o.focus = None;
                }
            }
            Action::Saved { revision, time } => {
                if let Some(o) = s.open_mut() {
                    o.saved_revision = o.saved_revision.max(revision);
                }
                s.save = SaveState::Saved(time);
            }
            Action::SaveFailed(msg) => s.save = SaveState::Failed(msg),
            Action::ExternalChange => {
                if let Some(o) = s.open_mut() {
                    o.conflict = true;
                }
            }
            Action::TakeOver => {
                if let Some(o) = s.open_mut() {
                    o.conflict = false;
                    o.revision += 1;
                }
            }
            Action::Notice(n) => s.notice = n,
            Action::Library(l) => s.library = l,
        }
        Rc::new(s)
    }
}
