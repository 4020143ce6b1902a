//! Reading files the user picks. Evidence files are only fingerprinted: their
//! content is hashed in memory and never stored or sent.

use crate::model::canonical::sha256_bytes_hex;
use crate::model::messages::{m, Message};
use crate::model::Evidence;
use wasm_bindgen::JsValue;

/// A picked file the browser could not read (moved, locked, permission denied).
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub name: String,
    /// The browser's own words.
    pub detail: String,
}

impl From<Unreadable> for Message {
    fn from(e: Unreadable) -> Message {
        m::FileUnreadable {
            name: e.name,
            detail: e.detail,
        }
        .into()
    }
}

/// Reads a picked file completely.
pub async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, Unreadable> {
    let name = file.name();
    let file = gloo::file::File::from(file);
    gloo::file::futures::read_as_bytes(&file)
        .await
        .map_err(|e| Unreadable {
            name,
            detail: e.to_string(),
        })
}

/// Reads several picked files at once (the browser reads them in parallel):
/// each file's bytes, or the browser's reason it could not be read.
pub async fn read_many(files: &[web_sys::File]) -> Vec<Result<Vec<u8>, String>> {
    use wasm_bindgen::JsCast;
    let reads: js_sys::Array = files
        .iter()
        .map(|f| JsValue::from(f.array_buffer()))
        .collect();
    let settled =
        match wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all_settled(&reads)).await {
            Ok(v) => js_sys::Array::from(&v),
            Err(e) => return files.iter().map(|_| Err(format!("{e:?}"))).collect(),
        };
    settled
        .iter()
        .map(|outcome| {
            let field =
                |name: &str| js_sys::Reflect::get(&outcome, &name.into()).unwrap_or_default();
            match field("value").dyn_into::<js_sys::ArrayBuffer>() {
                Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => Err(field("reason")
                    .as_string()
                    .or_else(|| {
                        field("reason")
                            .dyn_ref::<js_sys::Error>()
                            .map(|e| String::from(e.message()))
                    })
                    .unwrap_or_else(|| "NotReadableError".into())),
            }
        })
        .collect()
}

/// The name, size and SHA-256 of a picked file.
pub async fn fingerprint(file: web_sys::File) -> Result<Evidence, Unreadable> {
    let name = file.name();
    let bytes = read_bytes(file).await?;
    // A scanned PDF can be tens of megabytes: the browser's SHA-256 where it has one.
    let sha256 = super::digest::sha256_hex_all(&[Some(&bytes)])
        .await
        .and_then(|mut done| done.pop().flatten())
        .unwrap_or_else(|| sha256_bytes_hex(&bytes));
    Ok(Evidence::File {
        name,
        size: bytes.len() as u64,
        sha256,
    })
}

fn to_vec(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// The files chosen in a file input's `change` event; the input is emptied so
/// choosing the same file again fires again.
pub fn take_picked(e: &web_sys::Event) -> Vec<web_sys::File> {
    use wasm_bindgen::JsCast;
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = to_vec(input.files());
    input.set_value("");
    files
}

/// The files dropped in a `drop` event (its default, opening the file, is prevented).
pub fn dropped(e: &web_sys::DragEvent) -> Vec<web_sys::File> {
    e.prevent_default();
    to_vec(e.data_transfer().and_then(|d| d.files()))
}
