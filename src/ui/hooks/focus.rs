//! Focus requests: a new step focuses its heading (for screen readers) and
//! scrolls to the top, unless a field was asked for (from the finish list),
//! which is then focused and brought into view.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::state::{Action, AppState};

fn focus_element(id: &str, centre: bool) -> bool {
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return false;
    };
    let el: web_sys::HtmlElement = el.unchecked_into();
    if centre {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
    let _ = el.focus();
    true
}

#[hook]
pub fn use_focus_requests(state: &AppState, dispatch: UseReducerDispatcher<AppState>) {
    let step = state.open().map(|o| o.step);
    let asked = state.open().and_then(|o| o.focus.clone());
    let pending = asked.is_some();
    use_effect_with(step, move |step| {
        if step.is_some() && !pending && focus_element("step-h", false) {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    use_effect_with(asked, move |asked| {
        if let Some((item, field)) = asked {
            let id = match item {
                Some(item) => format!("{item}-{field}"),
                None => format!("unit-{field}"),
            };
            focus_element(&id, true);
            dispatch.dispatch(Action::Focused);
        }
    });
}
