//! SHA-256 by the browser's WebCrypto: native code, several times faster than
//! the WebAssembly SHA-256 and run off the main thread, for the reviewer desk's
//! batches of reports. WebCrypto exists only in a secure context (https,
//! `localhost`, a file opened from disk); on a plain-HTTP intranet address
//! there is none, and the caller hashes in Rust instead: same result, slower.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::canonical::sha256_hex_of;

/// The browser's SubtleCrypto, when the page may use it.
fn subtle() -> Option<web_sys::SubtleCrypto> {
    let window = web_sys::window()?;
    if !window.is_secure_context() {
        return None;
    }
    let crypto = window.crypto().ok()?;
    // Some engines expose `crypto` but leave `subtle` undefined.
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into()).ok()?;
    subtle.dyn_into().ok()
}

/// The lowercase hex SHA-256 of each input, in order, all computed at once;
/// `None` when WebCrypto is unavailable or fails, for the caller to hash in
/// Rust. An input of `None` stays `None`.
pub async fn sha256_hex_all(inputs: &[Option<&[u8]>]) -> Option<Vec<Option<String>>> {
    let subtle = subtle()?;
    let pending = js_sys::Array::new();
    for input in inputs {
        let promise = match input {
            // WebCrypto copies the bytes before it returns, so a view into
            // the wasm memory is safe to pass.
            Some(bytes) => subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok()?,
            None => js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL),
        };
        pending.push(&promise);
    }
    let done = JsFuture::from(js_sys::Promise::all(&pending)).await.ok()?;
    let done: js_sys::Array = done.dyn_into().ok()?;
    let mut out = Vec::with_capacity(inputs.len());
    for (value, input) in done.iter().zip(inputs) {
        out.push(match input {
            Some(_) => {
                let buffer: js_sys::ArrayBuffer = value.dyn_into().ok()?;
                Some(sha256_hex_of(&js_sys::Uint8Array::new(&buffer).to_vec())?)
            }
            None => None,
        });
    }
    Some(out)
}
