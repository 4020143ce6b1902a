//! Component tests in headless Chromium (wasm-bindgen-test): rendering, the
//! reducer's transitions, inline validation messages and the answer keys.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use selfcheck::model::draft::Step;
use selfcheck::model::{Answer, AnswerField, Checklist, Edit, Lang, Status, UnitInfo};
use selfcheck::ui::item_card::ItemCard;
use selfcheck::ui::state::{Action, AppState};
use selfcheck::ui::{ChecklistHandle, ChecklistView, ChecklistViewProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn checklist_view_renders_every_item_with_its_id() {
    let root = mount();
    let props = ChecklistViewProps {
        checklist: ChecklistHandle::builtin(),
        lang: Lang::Zh,
        nested: false,
    };
    yew::Renderer::<ChecklistView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let c = Checklist::builtin();
    assert_eq!(
        root.query_selector_all("[data-item-id]").unwrap().length() as usize,
        c.items().count()
    );
    let first = c.items().next().unwrap();
    let node = root
        .query_selector(&format!("[data-item-id=\"{}\"]", first.id))
        .unwrap()
        .unwrap();
    assert!(node.text_content().unwrap().contains(&first.duty.zh));
    assert_eq!(
        root.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        c.title.zh
    );
}

#[wasm_bindgen_test]
async fn checklist_view_renders_english() {
    let root = mount();
    let props = ChecklistViewProps {
        checklist: ChecklistHandle::builtin(),
        lang: Lang::En,
        nested: false,
    };
    yew::Renderer::<ChecklistView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        Checklist::builtin().title.en
    );
}

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(
        Lang::Zh,
        vec![Rc::new(Checklist::builtin().clone())],
    ))
}

fn created() -> Rc<AppState> {
    let s = state();
    let checklist = s.builtin();
    s.reduce(Action::Created {
        id: "d1".into(),
        unit: UnitInfo::default(),
        year: 2026,
        at: "t0".into(),
        checklist,
    })
}

#[wasm_bindgen_test]
fn reducer_creates_edits_and_tracks_unsaved_changes() {
    let s = created();
    let o = s.open().unwrap();
    assert_eq!(o.step, Step::Section(0));
    assert!(s.needs_save());
    let s = s.reduce(Action::Saved {
        revision: 1,
        time: "10:00:00".into(),
        saved_at: "2027-01-01T10:00:00Z".into(),
    });
    assert!(!s.needs_save());
    let s = s.reduce(Action::Edited {
        edit: Edit::Status("thinking.rules".into(), Status::Done),
        at: "t1".into(),
    });
    let o = s.open().unwrap();
    assert_eq!(o.revision, 2);
    assert_eq!(o.assessment.updated_at, "t1");
    assert_eq!(o.assessment.status("thinking.rules"), Some(Status::Done));
    assert!(s.needs_save());
    // An edit that changes nothing is not a change.
    let again = s.clone().reduce(Action::Edited {
        edit: Edit::Status("thinking.rules".into(), Status::Done),
        at: "t2".into(),
    });
    assert_eq!(again.open().unwrap().revision, 2);
}

#[wasm_bindgen_test]
fn reducer_navigates_and_clamps_steps() {
    let s = created().reduce(Action::SteppedTo(Step::Section(99)));
    assert_eq!(s.open().unwrap().step, Step::Finish);
    assert!(s.open().unwrap().show_all_issues);
    let s = s.reduce(Action::FixAsked {
        item: Some("environment.lectures".into()),
        field: "due".into(),
    });
    let o = s.open().unwrap();
    assert_eq!(o.step, Step::Section(5));
    assert_eq!(
        o.focus,
        Some((Some("environment.lectures".into()), "due".into()))
    );
    let s = s.reduce(Action::Focused).reduce(Action::FixAsked {
        item: None,
        field: "name".into(),
    });
    assert_eq!(s.open().unwrap().step, Step::Unit);
}

#[wasm_bindgen_test]
fn reducer_pauses_saving_on_conflict_until_taken_over() {
    let s = created().reduce(Action::HeldElsewhere);
    assert!(!s.needs_save());
    let s = s.reduce(Action::TookOver);
    assert!(s.needs_save());
    let s = s.reduce(Action::SaveFailed(
        selfcheck::model::messages::Msg::StorageFull,
    ));
    assert_eq!(
        s.save,
        selfcheck::ui::state::SaveState::Failed(selfcheck::model::messages::Msg::StorageFull)
    );
    let s = s.reduce(Action::WentHome);
    assert!(s.open().is_none());
    assert_eq!(s.screen, selfcheck::ui::state::Screen::Start);
}

#[wasm_bindgen_test]
fn reducer_loads_a_record_where_the_user_left_it() {
    let s = created().reduce(Action::SteppedTo(Step::Section(3)));
    let record = s.record("t9").unwrap();
    let fresh = state().reduce(Action::Opened(Box::new(record.clone())));
    let o = fresh.open().unwrap();
    assert_eq!(o.step, Step::Section(3));
    assert_eq!(o.revision, record.revision);
    assert!(!fresh.needs_save());
}

/// Renders one item card inside a real reducer, as the app does.
#[derive(Properties, PartialEq)]
struct HarnessProps {
    answer: Option<Answer>,
    show_all: bool,
}

#[function_component]
fn Harness(props: &HarnessProps) -> Html {
    let s = use_reducer(|| (*created()).clone());
    let on_edit = {
        let d = s.dispatcher();
        Callback::from(move |edit| {
            d.dispatch(Action::Edited {
                edit,
                at: "t".into(),
            })
        })
    };
    let answer = s
        .open()
        .and_then(|o| o.assessment.answer("thinking.rules").cloned())
        .or_else(|| props.answer.clone());
    html! {
        <ItemCard checklist={ ChecklistHandle(s.builtin()) } section={0} position={0} number={1}
                  {answer} show_all_issues={ props.show_all } lang={ Lang::Zh } {on_edit} />
    }
}

async fn render_card(answer: Option<Answer>, show_all: bool) -> web_sys::Element {
    let root = mount();
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), HarnessProps { answer, show_all })
        .render();
    yew::scheduler::flush().await;
    root
}

fn text(root: &web_sys::Element) -> String {
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn an_untouched_item_shows_no_complaint_until_the_finish_step() {
    let root = render_card(None, false).await;
    assert!(!text(&root).contains("尚未作答"));
    assert!(root.query_selector(".error").unwrap().is_none());
    let root = render_card(None, true).await;
    assert!(text(&root).contains("尚未作答"));
}

fn errors(root: &web_sys::Element) -> Vec<String> {
    let list = root.query_selector_all(".error").unwrap();
    (0..list.length())
        .map(|i| list.get(i).unwrap().text_content().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn not_done_shows_no_error_before_a_field_is_left() {
    let answer = Answer {
        status: Some(Status::NotDone),
        ..Answer::default()
    };
    let root = render_card(Some(answer), false).await;
    assert_eq!(errors(&root), Vec::<String>::new(), "nothing red yet");
    let problem = root
        .query_selector("[id='thinking.rules-problem']")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(problem.get_attribute("aria-invalid"), None);
    assert_eq!(
        problem.get_attribute("aria-required").as_deref(),
        Some("true")
    );
    // Leaving the field shows its error, and only its.
    problem.focus().unwrap();
    problem.blur().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(errors(&root), ["请填写存在问题"]);
    assert_eq!(
        problem.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        problem.get_attribute("aria-describedby").as_deref(),
        Some("thinking.rules-problem-err")
    );
}

#[wasm_bindgen_test]
async fn not_done_shows_each_missing_follow_up_at_the_finish_step() {
    let answer = Answer {
        status: Some(Status::NotDone),
        ..Answer::default()
    };
    let root = render_card(Some(answer), true).await;
    assert_eq!(
        errors(&root),
        [
            "请填写存在问题",
            "请填写整改措施",
            "请填写整改责任人",
            "请填写整改完成时限"
        ]
    );
    let due = root
        .query_selector("[id='thinking.rules-due']")
        .unwrap()
        .unwrap();
    assert_eq!(
        due.get_attribute("aria-describedby").as_deref(),
        Some("thinking.rules-due-err")
    );
}

#[wasm_bindgen_test]
async fn not_applicable_asks_for_a_reason_and_hides_the_score() {
    let answer = Answer {
        status: Some(Status::NotApplicable),
        ..Answer::default()
    };
    let root = render_card(Some(answer.clone()), false).await;
    assert!(
        !text(&root).contains("选择“不适用”须说明理由"),
        "not before the field is left"
    );
    let root = render_card(Some(answer), true).await;
    assert!(text(&root).contains("选择“不适用”须说明理由"));
    assert!(root
        .query_selector("[id='thinking.rules-score']")
        .unwrap()
        .is_none());
    let answer = Answer {
        status: Some(Status::NotApplicable),
        na_reason: "无此职能".into(),
        ..Answer::default()
    };
    let root = render_card(Some(answer), true).await;
    assert!(root.query_selector(".error").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn keys_one_to_four_answer_the_focused_item() {
    let root = render_card(None, false).await;
    let card = root.query_selector("article").unwrap().unwrap();
    let press = |key: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let e =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        card.dispatch_event(&e).unwrap();
    };
    press("2");
    yew::scheduler::flush().await;
    let checked = |id: &str| {
        root.query_selector(&format!("[id='{id}']"))
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlInputElement>()
            .checked()
    };
    assert!(checked("thinking.rules-status-partial"));
    assert!(text(&root).contains("存在问题"));
    press("4");
    yew::scheduler::flush().await;
    assert!(checked("thinking.rules-status-not_applicable"));
    assert!(!text(&root).contains("存在问题"));
}

#[wasm_bindgen_test]
fn edits_made_through_the_reducer_reach_the_model_rules() {
    let s = created().reduce(Action::Edited {
        edit: Edit::Text("thinking.rules".into(), AnswerField::Notes, "说明".into()),
        at: "t".into(),
    });
    let issues =
        selfcheck::model::validation::validate(&s.builtin(), &s.open().unwrap().assessment);
    assert!(issues
        .iter()
        .any(|i| i.item_id.as_deref() == Some("thinking.rules") && i.field == "status"));
}

#[wasm_bindgen_test]
async fn webcrypto_digests_equal_the_rust_ones_in_order() {
    use selfcheck::browser::digest::sha256_hex_all;
    use selfcheck::model::canonical::sha256_bytes_hex;
    // The test page is served from localhost, a secure context: WebCrypto is there.
    let big: Vec<u8> = (0..100_000u32).map(|i| (i * 31 % 251) as u8).collect();
    let inputs: [Option<&[u8]>; 4] = [Some(b""), Some("法治政府".as_bytes()), None, Some(&big)];
    let got = sha256_hex_all(&inputs)
        .await
        .expect("WebCrypto in a secure context");
    let want: Vec<Option<String>> = inputs.iter().map(|i| i.map(sha256_bytes_hex)).collect();
    assert_eq!(got, want);
    assert_eq!(
        got[0].as_deref(),
        Some("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    );
}
