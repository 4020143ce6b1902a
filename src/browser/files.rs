//! Reading files the user picks. Evidence files are only fingerprinted: their
//! content is hashed in memory and never stored or sent.

use crate::model::canonical::sha256_bytes_hex;
use crate::model::Evidence;

/// Reads a picked file completely.
pub async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let file = gloo::file::File::from(file);
    gloo::file::futures::read_as_bytes(&file)
        .await
        .map_err(|e| e.to_string())
}

/// The name, size and SHA-256 of a picked file.
pub async fn fingerprint(file: web_sys::File) -> Result<Evidence, String> {
    let name = file.name();
    let bytes = read_bytes(file).await?;
    Ok(Evidence::File {
        name,
        size: bytes.len() as u64,
        sha256: sha256_bytes_hex(&bytes),
    })
}
