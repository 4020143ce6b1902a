//! The county edition's slot (see `model::edition`): what the page carries
//! in `<script type="application/json" id="county-edition">`, and, for the
//! county's tools, the single-file edition's HTML to make a new edition from.

use crate::model::edition::SLOT_ID;

/// The slot's text; `None` where the page has no slot (the hosted app).
pub fn slot() -> Option<String> {
    gloo::utils::document()
        .get_element_by_id(SLOT_ID)
        .and_then(|e| e.text_content())
}

/// The single-file edition's HTML: this very page when it is the single
/// file (rebuilt from its head, which the app never changes, and its
/// original body), else `selfcheck-standalone.html` from the site the app
/// came from.
#[cfg(feature = "county")]
pub async fn single_file() -> Result<String, String> {
    use wasm_bindgen::JsCast;
    let doc = gloo::utils::document();
    if doc.get_element_by_id("wasm-base64").is_some() {
        let root = doc.document_element().ok_or("no document element")?;
        let copy: web_sys::Element = root
            .clone_node_with_deep(true)
            .map_err(|e| format!("{e:?}"))?
            .unchecked_into();
        copy.set_attribute("lang", "zh-CN").ok();
        if let Ok(Some(body)) = copy.query_selector("body") {
            body.set_inner_html(
                "\n<noscript>本工具需要启用 JavaScript 才能运行。This tool needs JavaScript.</noscript>\n",
            );
        }
        return Ok(format!("<!doctype html>\n{}\n", copy.outer_html()));
    }
    let url = web_sys::Url::new_with_base(
        "selfcheck-standalone.html",
        &doc.base_uri().ok().flatten().unwrap_or_default(),
    )
    .map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(gloo::utils::window().fetch_with_str(&url.href()))
            .await
            .map_err(|e| format!("{e:?}"))?
            .unchecked_into();
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".into())
}
