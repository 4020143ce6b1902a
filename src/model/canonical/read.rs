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
/// The problem is typed, so that a message can say in words which field
/// and what it expected; never serde's English text.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadError {
    pub problem: Problem,
    pub path: Option<String>,
}

/// What was wrong with a value.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A value of another kind than the one wanted.
    Kind { wanted: Wanted, found: Found },
    /// The right kind, but a value out of range (a year of 99999999999).
    Value { found: Found },
    /// A required member is not there (its name).
    Missing(String),
    /// A member the format does not have (its name).
    Unknown(String),
    /// A word the format does not know (the value and the words it knows).
    Variant {
        found: String,
        allowed: &'static [&'static str],
    },
    /// Anything else serde reports (rare), as its text.
    Other(String),
}

/// The kind of value a field wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    Number,
    Text,
    Bool,
    List,
    Object,
    /// The reader could not tell (a value read through a visitor of its own).
    Other,
}

/// What a wrong value was, to quote it.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Text(String),
    Number(String),
    Bool(bool),
    Null,
    List,
    Object,
    Other,
}

impl Found {
    /// As serde says it (the checklist's own messages quote it).
    fn serde(&self) -> String {
        match self {
            Found::Text(s) => format!("string {s:?}"),
            Found::Number(n) if n.contains(['.', 'e', 'E']) => format!("floating point `{n}`"),
            Found::Number(n) => format!("integer `{n}`"),
            Found::Bool(b) => format!("boolean `{b}`"),
            Found::Null => "null".into(),
            Found::List => "sequence".into(),
            Found::Object => "map".into(),
            Found::Other => "value".into(),
        }
    }
}

impl Wanted {
    fn serde(self) -> &'static str {
        match self {
            Wanted::Number => "a number",
            Wanted::Text => "a string",
            Wanted::Bool => "a boolean",
            Wanted::List => "a sequence",
            Wanted::Object => "a map",
            Wanted::Other => "another type",
        }
    }
}

impl From<de::Unexpected<'_>> for Found {
    fn from(u: de::Unexpected) -> Found {
        use de::Unexpected as U;
        match u {
            U::Str(s) => Found::Text(s.to_string()),
            U::Signed(n) => Found::Number(n.to_string()),
            U::Unsigned(n) => Found::Number(n.to_string()),
            U::Float(n) => Found::Number(n.to_string()),
            U::Bool(b) => Found::Bool(b),
            U::Unit | U::Option => Found::Null,
            U::Seq => Found::List,
            U::Map => Found::Object,
            _ => Found::Other,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if let Some(p) = &self.path {
            write!(f, "{p}: ")?;
        }
        match &self.problem {
            Problem::Kind { wanted, found } => {
                write!(
                    f,
                    "invalid type: {}, expected {}",
                    found.serde(),
                    wanted.serde()
                )
            }
            Problem::Value { found } => write!(f, "invalid value: {}", found.serde()),
            Problem::Missing(name) => write!(f, "missing field `{name}`"),
            Problem::Unknown(name) => write!(f, "unknown field `{name}`"),
            Problem::Variant { found, allowed } => {
                write!(f, "unknown variant `{found}`, expected one of {allowed:?}")
            }
            Problem::Other(text) => f.write_str(text),
        }
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    fn of(problem: Problem) -> ReadError {
        ReadError {
            problem,
            path: None,
        }
    }

    /// The problem in a few words (English), for the checklist's and the
    /// edition's own messages.
    pub fn detail(&self) -> String {
        ReadError::of(self.problem.clone()).to_string()
    }
}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ReadError::of(Problem::Other(msg.to_string()))
    }
    fn invalid_type(unexp: de::Unexpected, _exp: &dyn de::Expected) -> Self {
        ReadError::of(Problem::Kind {
            wanted: Wanted::Other,
            found: unexp.into(),
        })
    }
    fn invalid_value(unexp: de::Unexpected, _exp: &dyn de::Expected) -> Self {
        ReadError::of(Problem::Value {
            found: unexp.into(),
        })
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        ReadError::of(Problem::Variant {
            found: variant.to_string(),
            allowed: expected,
        })
    }
    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        ReadError::of(Problem::Unknown(field.to_string()))
    }
    fn missing_field(field: &'static str) -> Self {
        ReadError::of(Problem::Missing(field.to_string()))
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
            // A string with escapes.
            Node::Scalar(r) if self.scalars[r.clone()].starts_with('"') => {
                return self.deserialize_any(EnumFromString {
                    name,
                    variants,
                    visitor,
                });
            }
            _ => Err(kind(self.node, self.scalars).wanted(Wanted::Text)),
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
            other => Err(other.wanted(Wanted::Text)),
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
            other => Err(other.wanted(Wanted::Object)),
        };
        result.map_err(|e| self.at(e))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let result = match kind(self.node, self.scalars) {
            Kind::Seq(items) => visitor.visit_seq(self.elements(items)),
            other => Err(other.wanted(Wanted::List)),
        };
        result.map_err(|e| self.at(e))
    }

    // Numbers and booleans say what they wanted when the value is of
    // another kind; a number of the right kind goes on to its visitor.
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.number(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.number(visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.number(visitor)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.number(visitor)
    }
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match kind(self.node, self.scalars) {
            Kind::Bool(b) => visitor.visit_bool(b).map_err(|e| self.at(e)),
            other => Err(self.at(other.wanted(Wanted::Bool))),
        }
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i64 i128 u8 u16 u128 f32 char
        bytes byte_buf unit unit_struct tuple tuple_struct
    }
}

impl<'de> Value<'_, 'de, '_> {
    fn number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.is_number()?;
        self.deserialize_any(visitor)
    }

    /// Not generic, so that each number type read adds only a call.
    #[inline(never)]
    fn is_number(&self) -> Result<(), ReadError> {
        let k = kind(self.node, self.scalars);
        if k.is_number() {
            Ok(())
        } else {
            Err(self.at(k.wanted(Wanted::Number)))
        }
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
    /// The error for a value of this kind where `wanted` was expected (not
    /// inlined: every type read would carry a copy).
    #[inline(never)]
    fn wanted(self, wanted: Wanted) -> ReadError {
        let found = match self {
            Kind::Bad(e) => return e,
            Kind::Str(s) => Found::Text(s.to_string()),
            Kind::String(s) => Found::Text(s),
            Kind::Unit => Found::Null,
            Kind::Bool(b) => Found::Bool(b),
            Kind::F64(f) => Found::Number(f.to_string()),
            Kind::I64(i) => Found::Number(i.to_string()),
            Kind::U64(u) => Found::Number(u.to_string()),
            Kind::Seq(_) => Found::List,
            Kind::Map(_) => Found::Object,
        };
        ReadError::of(Problem::Kind { wanted, found })
    }

    fn is_number(&self) -> bool {
        matches!(self, Kind::F64(_) | Kind::I64(_) | Kind::U64(_))
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
        self.visitor.visit_enum(d).map_err(|e| match e.problem {
            Problem::Variant { found, allowed } => E::unknown_variant(&found, allowed),
            _ => E::custom(e.detail()),
        })
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
