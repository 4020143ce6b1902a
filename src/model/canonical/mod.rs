//! Canonical JSON (RFC 8785, JCS) and the SHA-256 fingerprint built on it.
//! The same bytes are produced by any conforming JCS implementation, which is
//! what lets a reviewer recompute a report's digest outside this app.
//!
//! JSON text is canonicalised in two steps over serde_json's parse: every
//! number and literal (and string with escapes) is written once, in
//! canonical form, to a buffer, beside a light tree that says where each lies
//! and borrows the other strings from the text; the tree is then walked with each
//! object's members sorted, copying every byte once. The reviewer desk
//! digests a thousand reports: building a `serde_json::Value` (an owned
//! string and a B-tree node for every member) and reordering bytes level by
//! level made this the largest share of its work. Only non-integer numbers go
//! through `serde_jcs` (ECMAScript number formatting). The known-answer test
//! against an independent implementation guards the output.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use sha2::{Digest, Sha256};

mod read;
pub use read::{Found, Problem, ReadError, Wanted};

/// The canonical form of a JSON text, with where each top-level member lies
/// in it (when the text is an object).
pub struct Canonical<'de> {
    /// The canonical JSON text (UTF-8 by construction: it is made of slices
    /// of the strings read and of ASCII).
    pub text: String,
    top: Vec<Member>,
    /// The value read, members sorted, for [`Canonical::read`].
    tree: Node<'de>,
    scalars: String,
}

/// A top-level member: its name, the whole `"name":value` and the value.
struct Member {
    name: String,
    whole: Range<usize>,
    value: Range<usize>,
}

impl<'de> Canonical<'de> {
    /// Canonicalises JSON text given as bytes; invalid UTF-8 in a string is
    /// an error like any other.
    pub fn of_json(json: &'de [u8]) -> Result<Canonical<'de>, serde_json::Error> {
        let (tree, scalars) = parse_tree(json)?;
        // The canonical form is about as long as the text without its
        // whitespace: reserving that once spares copying it as it grows.
        let mut text = String::with_capacity(json.len());
        let mut top = Vec::new();
        emit(&mut text, &mut top, &scalars, &tree, true);
        Ok(Canonical {
            text,
            top,
            tree,
            scalars,
        })
    }

    /// The parsed value, without its canonical text, to [`Canonical::read`]
    /// as one type or several.
    pub fn parsed(json: &'de [u8]) -> Result<Canonical<'de>, serde_json::Error> {
        let (tree, scalars) = parse_tree(json)?;
        Ok(Canonical {
            text: String::new(),
            top: Vec::new(),
            tree,
            scalars,
        })
    }

    /// Reads the value as `T` from what was parsed: the same content as the
    /// canonical text, without parsing JSON a second time. A member name
    /// written twice counts once, the last one, as in the canonical form.
    pub fn read<T: de::Deserialize<'de>>(&self) -> Result<T, ReadError> {
        read::read(&self.tree, &self.scalars)
    }

    /// True when the text was a JSON object.
    pub fn is_object(&self) -> bool {
        self.text.starts_with('{')
    }

    /// The canonical bytes of a top-level member's value.
    pub fn member(&self, name: &str) -> Option<&str> {
        self.top
            .iter()
            .find(|m| m.name == name)
            .map(|m| &self.text[m.value.clone()])
    }

    /// Lowercase hex SHA-256 of the canonical bytes.
    pub fn sha256(&self) -> String {
        sha256_bytes_hex(self.text.as_bytes())
    }

    /// The canonical form without the top-level member `name`: the same
    /// bytes as canonicalising the value without it, which is what a
    /// report's digest is computed over.
    pub fn into_text_without(self, name: &str) -> String {
        let mut text = self.text;
        let Some(i) = self.top.iter().position(|m| m.name == name) else {
            return text;
        };
        let whole = &self.top[i].whole;
        // Take the member out with the comma that joins it to its neighbour.
        let cut = if i > 0 {
            whole.start - 1..whole.end
        } else if self.top.len() > 1 {
            whole.start..whole.end + 1
        } else {
            whole.clone()
        };
        text.replace_range(cut, "");
        text
    }
}

/// Parses JSON into the tree, every object's members in canonical order.
fn parse_tree(json: &[u8]) -> Result<(Node<'_>, String), serde_json::Error> {
    // Numbers, literals and escaped strings: a small part of a report.
    let mut scalars = String::with_capacity(json.len() / 8);
    // One check of the whole text is faster than serde_json's check of each
    // string read from bytes (and a string read from `str` is not checked again).
    let json = std::str::from_utf8(json)
        .map_err(|_| <serde_json::Error as de::Error>::custom("invalid UTF-8"))?;
    let mut de = serde_json::Deserializer::from_str(json);
    let mut tree = Seed(&mut scalars).deserialize(&mut de)?;
    de.end()?;
    sort(&mut tree);
    Ok((tree, scalars))
}

/// Orders every object's members by name; of a name written twice only the
/// last is kept (the sort is stable, so it is the later of the two).
fn sort(node: &mut Node) {
    match node {
        Node::Array(items) => items.iter_mut().for_each(sort),
        Node::Object(members) => {
            members.sort_by(|a, b| utf16_order(&a.0, &b.0));
            let mut i = 0;
            while i + 1 < members.len() {
                if members[i].0 == members[i + 1].0 {
                    members.remove(i);
                } else {
                    i += 1;
                }
            }
            members.iter_mut().for_each(|(_, v)| sort(v));
        }
        Node::Scalar(_) | Node::Str(_) => {}
    }
}

/// Why JSON text could not be read as a value of some type.
#[derive(Debug)]
pub enum ParseError {
    /// Not well-formed JSON (with its line and column).
    Syntax(serde_json::Error),
    /// Well-formed, but not of the type (with the path of the member).
    Type(ReadError),
}

/// Reads JSON text as `T`. The app reads every file and stored record
/// through this one reader (as reports are read), so the code that reads
/// each type exists once in the download.
pub fn parse<T: de::DeserializeOwned>(json: &str) -> Result<T, ParseError> {
    let tree = Canonical::parsed(json.as_bytes()).map_err(ParseError::Syntax)?;
    tree.read().map_err(ParseError::Type)
}

/// Writes `node` (already sorted) in canonical form; records the top-level
/// members when `at_top`.
fn emit(text: &mut String, top: &mut Vec<Member>, scalars: &str, node: &Node, at_top: bool) {
    match node {
        Node::Scalar(r) => text.push_str(&scalars[r.clone()]),
        Node::Str(s) => write_plain(text, s),
        Node::Array(items) => {
            text.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    text.push(',');
                }
                emit(text, top, scalars, item, false);
            }
            text.push(']');
        }
        Node::Object(members) => {
            text.push('{');
            for (i, (name, value)) in members.iter().enumerate() {
                if i > 0 {
                    text.push(',');
                }
                let begin = text.len();
                match name {
                    Cow::Borrowed(plain) => write_plain(text, plain),
                    Cow::Owned(escaped) => write_str(text, escaped),
                }
                text.push(':');
                let at = text.len();
                emit(text, top, scalars, value, false);
                if at_top {
                    top.push(Member {
                        name: name.to_string(),
                        whole: begin..text.len(),
                        value: at..text.len(),
                    });
                }
            }
            text.push('}');
        }
    }
}

/// Where the parts of a value lie in the buffer of canonical scalars.
enum Node<'a> {
    Scalar(Range<usize>),
    /// A string without escapes, still in the text read.
    Str(&'a str),
    Array(Vec<Node<'a>>),
    /// Members in the order written.
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

/// Reads one value, writing its scalars to the buffer.
struct Seed<'w>(&'w mut String);

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Node<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl Seed<'_> {
    fn scalar<E>(self, write: impl FnOnce(&mut String)) -> Result<Node<'static>, E> {
        let from = self.0.len();
        write(self.0);
        Ok(Node::Scalar(from..self.0.len()))
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        self.scalar(|o| o.push_str("null"))
    }
    fn visit_bool<E>(self, b: bool) -> Result<Node<'de>, E> {
        self.scalar(|o| o.push_str(if b { "true" } else { "false" }))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Node<'de>, E> {
        self.scalar(|o| o.push_str(itoa::Buffer::new().format(i)))
    }
    fn visit_u64<E>(self, u: u64) -> Result<Node<'de>, E> {
        self.scalar(|o| o.push_str(itoa::Buffer::new().format(u)))
    }
    fn visit_f64<E>(self, f: f64) -> Result<Node<'de>, E> {
        self.scalar(|o| write_float(o, f))
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Str(s))
    }
    fn visit_str<E>(self, s: &str) -> Result<Node<'de>, E> {
        self.scalar(|o| write_str(o, s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Seed(&mut *self.0))? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(name) = map.next_key_seed(KeySeed)? {
            let value = map.next_value_seed(Seed(&mut *self.0))?;
            members.push((name, value));
        }
        Ok(Node::Object(members))
    }
}

/// Reads an object key, borrowing it when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string key")
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(s))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s.to_owned()))
    }
}

fn write_str(out: &mut String, s: &str) {
    // serde_json escapes exactly what JCS requires: quote, backslash and
    // control characters (short forms where they exist, else \u00xx).
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(&serde_json::to_string(s).expect("a string serialises"));
    } else {
        out.push('"');
        out.push_str(s);
        out.push('"');
    }
}

fn write_float(out: &mut String, f: f64) {
    // ECMAScript prints integral values below 1e21 without a fraction or
    // exponent (and -0 as 0); scores such as 2.0 take this path.
    if f.fract() == 0.0 && f.abs() < 1e15 {
        out.push_str(itoa::Buffer::new().format(f as i64));
    } else {
        out.push_str(&serde_jcs::to_string(&f).expect("a JSON number canonicalises"));
    }
}

/// A string that had no escapes in the text read: JSON allows no quote,
/// backslash or control character unescaped, so it needs none here either.
fn write_plain(out: &mut String, s: &str) {
    out.push('"');
    out.push_str(s);
    out.push('"');
}

/// JCS orders members by the UTF-16 code units of their names. That is the
/// order of their UTF-8 bytes except between U+E000–U+FFFF and characters
/// beyond U+FFFF, whose UTF-8 lead bytes are 0xEE and above.
fn utf16_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    match x.iter().zip(y).position(|(p, q)| p != q) {
        None => x.len().cmp(&y.len()),
        Some(i) if x[i] < 0xEE && y[i] < 0xEE => x[i].cmp(&y[i]),
        Some(_) => a.encode_utf16().cmp(b.encode_utf16()),
    }
}

/// The RFC 8785 canonical serialisation of a JSON text.
pub fn canonical_bytes(text: &str) -> Result<Vec<u8>, serde_json::Error> {
    Canonical::of_json(text.as_bytes()).map(|c| c.text.into_bytes())
}

/// Lowercase hex SHA-256 of arbitrary bytes.
pub fn sha256_bytes_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// The same lowercase hex for a SHA-256 computed elsewhere (the browser's
/// WebCrypto), or `None` when `digest` is not 32 bytes long.
pub fn sha256_hex_of(digest: &[u8]) -> Option<String> {
    (digest.len() == 32).then(|| {
        format!(
            "{:x}",
            sha2::digest::Output::<Sha256>::clone_from_slice(digest)
        )
    })
}

/// Lowercase hex SHA-256 of the canonical form of anything serialisable
/// (a checklist, a value in a test).
pub fn sha256_of<T: serde::Serialize>(value: &T) -> String {
    let text = serde_json::to_string(value).expect("the model always serialises");
    let c = Canonical::of_json(text.as_bytes()).expect("serde_json reads what it wrote");
    c.sha256()
}

/// The digest of a report: the canonical form of the report with its
/// top-level `integrity` member left out.
pub fn report_digest<T: serde::Serialize>(report: &T) -> String {
    let text = serde_json::to_string(report).expect("the model always serialises");
    let c = Canonical::of_json(text.as_bytes()).expect("serde_json reads what it wrote");
    sha256_bytes_hex(c.into_text_without("integrity").as_bytes())
}
