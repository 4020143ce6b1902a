//! Canonical JSON (RFC 8785, JCS) and the SHA-256 fingerprint built on it.
//! The same bytes are produced by any conforming JCS implementation, which is
//! what lets a reviewer recompute a report's digest outside this app.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The RFC 8785 canonical serialisation of a JSON value.
pub fn canonical_bytes(value: &Value) -> Vec<u8> {
    // serde_jcs only fails on values JSON cannot hold (non-string map keys),
    // which a serde_json::Value never contains.
    serde_jcs::to_vec(value).expect("a JSON value always canonicalises")
}

/// Lowercase hex SHA-256 of arbitrary bytes.
pub fn sha256_bytes_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Lowercase hex SHA-256 of the canonical form of `value`.
pub fn sha256_hex(value: &Value) -> String {
    sha256_bytes_hex(&canonical_bytes(value))
}

/// The digest of a report: the canonical form of the report with its
/// `integrity` member removed.
pub fn report_digest(report: &Value) -> String {
    match report {
        Value::Object(map) if map.contains_key("integrity") => {
            let mut without = map.clone();
            without.remove("integrity");
            sha256_hex(&Value::Object(without))
        }
        other => sha256_hex(other),
    }
}
