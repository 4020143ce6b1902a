//! Canonical JSON (RFC 8785, JCS) and the SHA-256 fingerprint built on it.
//! The same bytes are produced by any conforming JCS implementation, which is
//! what lets a reviewer recompute a report's digest outside this app.
//!
//! The structure (sorted members, no whitespace) is written here directly and
//! only non-integer numbers go through `serde_jcs` (ECMAScript number
//! formatting): serde_jcs alone allocates for every value, which made the
//! digest the largest cost of reading a thousand reports on the reviewer desk
//! (measured 3× slower). The known-answer test against an independent
//! implementation guards the output.

use serde_json::Value;
use sha2::{Digest, Sha256};

fn write(out: &mut Vec<u8>, value: &Value, skip_integrity: bool) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                out.extend_from_slice(u.to_string().as_bytes());
            } else if let Some(i) = n.as_i64() {
                out.extend_from_slice(i.to_string().as_bytes());
            } else {
                out.extend_from_slice(&serde_jcs::to_vec(n).expect("a JSON number canonicalises"));
            }
        }
        // serde_json escapes exactly what JCS requires: quote, backslash and
        // control characters (short forms where they exist, else \u00xx).
        Value::String(s) => serde_json::to_writer(&mut *out, s).expect("writing to memory"),
        Value::Array(items) => {
            out.push(b'[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write(out, v, false);
            }
            out.push(b']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map
                .keys()
                .filter(|k| !(skip_integrity && k.as_str() == "integrity"))
                .collect();
            // JCS orders members by their UTF-16 code units.
            keys.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
            out.push(b'{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                serde_json::to_writer(&mut *out, k).expect("writing to memory");
                out.push(b':');
                write(out, &map[k], false);
            }
            out.push(b'}');
        }
    }
}

/// The RFC 8785 canonical serialisation of a JSON value.
pub fn canonical_bytes(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 * 1024);
    write(&mut out, value, false);
    out
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
/// top-level `integrity` member left out.
pub fn report_digest(report: &Value) -> String {
    let mut out = Vec::with_capacity(16 * 1024);
    write(&mut out, report, true);
    sha256_bytes_hex(&out)
}
