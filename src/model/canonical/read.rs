//! Reading typed values (a report) from the tree the canonical pass built,
//! so a report is parsed once, not twice: this is serde's `Deserializer` over
//! that tree, keeping the path of the value being read (`answers[3].status`)
//! for the message when something does not fit.

use std::borrow::Cow;
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

use super::Node;

/// Why a value did not fit the type, and where (`None`: the whole value).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadError {
    pub message: String,
    pub path: Option<String>,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{p}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ReadError {
            message: msg.to_string(),
            path: None,
        }
    }
}

/// Where a value lies: a chain from the value up to the root.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Member(&'p str, &'p Path<'p>),
    Element(usize, &'p Path<'p>),
}

impl Path<'_> {
    fn render(&self) -> Option<String> {
        match self {
            Path::Root => None,
            Path::Member(name, parent) => Some(match parent.render() {
                Some(p) => format!("{p}.{name}"),
                None => (*name).to_string(),
            }),
            Path::Element(i, parent) => {
                Some(format!("{}[{i}]", parent.render().unwrap_or_default()))
            }
        }
    }
}

pub(super) fn read<'de, T: de::Deserialize<'de>>(
    tree: &Node<'de>,
    scalars: &str,
) -> Result<T, ReadError> {
    T::deserialize(Value {
        node: tree,
        scalars,
        path: &Path::Root,
    })
}

/// One value of the tree, as a serde `Deserializer`.
struct Value<'a, 'de, 'p> {
    node: &'a Node<'de>,
    scalars: &'a str,
    path: &'p Path<'p>,
}

impl<'a, 'de, 'p> Value<'a, 'de, 'p> {
    /// Errors name the innermost value they arose in.
    fn at(&self, mut e: ReadError) -> ReadError {
        if e.path.is_none() {
            e.path = self.path.render();
        }
        e
    }

    fn elements(&self, items: &'a [Node<'de>]) -> Elements<'a, 'de, 'p> {
        Elements {
            items: items.iter(),
            index: 0,
            scalars: self.scalars,
            path: self.path,
        }
    }

    fn members(&self, members: &'a [(Cow<'de, str>, Node<'de>)]) -> Members<'a, 'de, 'p> {
        Members {
            members,
            next: 0,
            scalars: self.scalars,
            path: self.path,
        }
    }

    fn scalar(&self) -> Option<&str> {
        match self.node {
            Node::Scalar(r) => Some(&self.scalars[r.clone()]),
            _ => None,
        }
    }
}

impl<'de> Deserializer<'de> for Value<'_, 'de, '_> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        // Kept small: it is instantiated for every type read.
        let result = match kind(self.node, self.scalars) {
            Kind::Str(s) => visitor.visit_borrowed_str(s),
            Kind::String(s) => visitor.visit_string(s),
            Kind::Unit => visitor.visit_unit(),
            Kind::Bool(b) => visitor.visit_bool(b),
            Kind::F64(f) => visitor.visit_f64(f),
            Kind::I64(i) => visitor.visit_i64(i),
            Kind::U64(u) => visitor.visit_u64(u),
            Kind::Seq(items) => visitor.visit_seq(self.elements(items)),
            Kind::Map(members) => visitor.visit_map(self.members(members)),
            Kind::Bad(e) => Err(e),
        };
        result.map_err(|e| self.at(e))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        if self.scalar() == Some("null") {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        // Every enum of the formats is written as a plain string.
        let result = match self.node {
            Node::Str(s) => visitor.visit_enum((*s).into_deserializer()),
            Node::Scalar(_) => {
                return self.deserialize_any(EnumFromString {
                    name,
                    variants,
                    visitor,
                });
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &"a string")),
        };
        result.map_err(|e| self.at(e))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }

    // The types a format asks for most, each handling only what it accepts
    // (so that the code instantiated for every type read stays small).
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let result = match kind(self.node, self.scalars) {
            Kind::Str(s) => visitor.visit_borrowed_str(s),
            Kind::String(s) => visitor.visit_string(s),
            other => Err(other.invalid(&visitor)),
        };
        result.map_err(|e| self.at(e))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let result = match kind(self.node, self.scalars) {
            Kind::Map(members) => visitor.visit_map(self.members(members)),
            other => Err(other.invalid(&visitor)),
        };
        result.map_err(|e| self.at(e))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let result = match kind(self.node, self.scalars) {
            Kind::Seq(items) => visitor.visit_seq(self.elements(items)),
            other => Err(other.invalid(&visitor)),
        };
        result.map_err(|e| self.at(e))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit unit_struct tuple tuple_struct
    }
}

/// What a value is, worked out once for all the types that read it.
enum Kind<'a, 'de> {
    Str(&'de str),
    String(String),
    Unit,
    Bool(bool),
    F64(f64),
    I64(i64),
    U64(u64),
    Seq(&'a [Node<'de>]),
    Map(&'a [(Cow<'de, str>, Node<'de>)]),
    Bad(ReadError),
}

impl Kind<'_, '_> {
    /// The error for a value of this kind where another was expected.
    fn invalid(self, expected: &dyn de::Expected) -> ReadError {
        let unexpected = match &self {
            Kind::Bad(e) => return e.clone(),
            Kind::Str(s) => de::Unexpected::Str(s),
            Kind::String(s) => de::Unexpected::Str(s),
            Kind::Unit => de::Unexpected::Unit,
            Kind::Bool(b) => de::Unexpected::Bool(*b),
            Kind::F64(f) => de::Unexpected::Float(*f),
            Kind::I64(i) => de::Unexpected::Signed(*i),
            Kind::U64(u) => de::Unexpected::Unsigned(*u),
            Kind::Seq(_) => de::Unexpected::Seq,
            Kind::Map(_) => de::Unexpected::Map,
        };
        de::Error::invalid_type(unexpected, expected)
    }
}

fn kind<'a, 'de>(node: &'a Node<'de>, scalars: &str) -> Kind<'a, 'de> {
    let bad = |e: &dyn fmt::Display| Kind::Bad(de::Error::custom(e));
    match node {
        Node::Str(s) => Kind::Str(s),
        Node::Array(items) => Kind::Seq(items),
        Node::Object(members) => Kind::Map(members),
        Node::Scalar(r) => {
            // The canonical form of a literal, a number or a string with escapes.
            let t = &scalars[r.clone()];
            match t.as_bytes()[0] {
                b'n' => Kind::Unit,
                b't' => Kind::Bool(true),
                b'f' => Kind::Bool(false),
                b'"' => serde_json::from_str(t).map_or_else(|e| bad(&e), Kind::String),
                _ if t.contains(['.', 'e', 'E']) => t.parse().map_or_else(|e| bad(&e), Kind::F64),
                b'-' => t.parse().map_or_else(|e| bad(&e), Kind::I64),
                _ => t.parse().map_or_else(|e| bad(&e), Kind::U64),
            }
        }
    }
}

/// An enum written as a string with escapes: read the string, then the variant.
struct EnumFromString<V> {
    name: &'static str,
    variants: &'static [&'static str],
    visitor: V,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for EnumFromString<V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "one of {:?} ({})", self.variants, self.name)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<V::Value, E> {
        let d: de::value::StrDeserializer<ReadError> = s.into_deserializer();
        self.visitor.visit_enum(d).map_err(|e| E::custom(e.message))
    }
}

struct Elements<'a, 'de, 'p> {
    items: std::slice::Iter<'a, Node<'de>>,
    index: usize,
    scalars: &'a str,
    path: &'p Path<'p>,
}

impl<'de> SeqAccess<'de> for Elements<'_, 'de, '_> {
    type Error = ReadError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        let Some(node) = self.items.next() else {
            return Ok(None);
        };
        let path = Path::Element(self.index, self.path);
        self.index += 1;
        seed.deserialize(Value {
            node,
            scalars: self.scalars,
            path: &path,
        })
        .map(Some)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object's members, in canonical order (a name written twice is there
/// once, the last written).
struct Members<'a, 'de, 'p> {
    members: &'a [(Cow<'de, str>, Node<'de>)],
    next: usize,
    scalars: &'a str,
    path: &'p Path<'p>,
}

impl<'de> MapAccess<'de> for Members<'_, 'de, '_> {
    type Error = ReadError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        match self.members.get(self.next) {
            None => Ok(None),
            Some((name, _)) => seed.deserialize(Name(name)).map(Some),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        let (name, node) = &self.members[self.next];
        self.next += 1;
        let path = Path::Member(name, self.path);
        seed.deserialize(Value {
            node,
            scalars: self.scalars,
            path: &path,
        })
    }
}

/// A member name, borrowed from the text when it had no escapes.
struct Name<'a, 'de>(&'a Cow<'de, str>);

impl<'de> Deserializer<'de> for Name<'_, 'de> {
    type Error = ReadError;
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_str(s),
        }
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}
