//! The PDF objects a letter is built from (ISO 32000-1 §7.3), for writing
//! only: what [`encode`](super::encode) builds and
//! [`writer`](super::writer) writes.
//!
//! Our own rather than lopdf's, which the reader still uses: a lopdf
//! dictionary is an `IndexMap` keyed by owned byte vectors and hashed with
//! SipHash, so each of the thousand-odd entries of a letter (most in the
//! structure tree) cost an allocation and a hash, some 0.4 million
//! instructions a letter in all. A letter's dictionaries hold a handful of
//! entries whose keys are nearly all literals: a vector of pairs, keys
//! borrowed, is searched faster than a hash is computed. Objects are kept
//! in a vector indexed by their number, which [`Document::new_object_id`]
//! hands out in order.

use std::borrow::Cow;

/// An object's number and generation: every object foikit writes is of
/// generation 0.
pub type ObjectId = (u32, u16);

/// A name's bytes, without the `/`: nearly always a literal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name(Cow<'static, [u8]>);

impl Name {
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl From<&'static str> for Name {
    fn from(name: &'static str) -> Name {
        Name(Cow::Borrowed(name.as_bytes()))
    }
}

impl From<Vec<u8>> for Name {
    fn from(name: Vec<u8>) -> Name {
        Name(Cow::Owned(name))
    }
}

impl From<String> for Name {
    fn from(name: String) -> Name {
        Name(Cow::Owned(name.into_bytes()))
    }
}

/// How a string is written: both mean the same bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StringFormat {
    Literal,
    Hexadecimal,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Object {
    Boolean(bool),
    Integer(i64),
    Real(f32),
    Name(Name),
    String(Vec<u8>, StringFormat),
    Array(Vec<Object>),
    Dictionary(Dictionary),
    Stream(Stream),
    Reference(ObjectId),
}

impl Object {
    /// A literal string of `text`'s bytes.
    pub fn string_literal(text: impl Into<String>) -> Object {
        Object::String(text.into().into_bytes(), StringFormat::Literal)
    }

    pub fn as_stream(&self) -> Option<&Stream> {
        match self {
            Object::Stream(stream) => Some(stream),
            _ => None,
        }
    }

    pub fn as_dict_mut(&mut self) -> Option<&mut Dictionary> {
        match self {
            Object::Dictionary(dict) => Some(dict),
            Object::Stream(stream) => Some(&mut stream.dict),
            _ => None,
        }
    }

    #[cfg(test)]
    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Object::Name(name) => Some(name.as_bytes()),
            _ => None,
        }
    }
}

impl From<bool> for Object {
    fn from(value: bool) -> Object {
        Object::Boolean(value)
    }
}

/// Every integer type a letter's numbers come in is a PDF integer.
macro_rules! integer_objects {
    ($($t:ty),+) => {$(
        impl From<$t> for Object {
            fn from(value: $t) -> Object {
                Object::Integer(i64::from(value))
            }
        }
    )+};
}
integer_objects!(i64, i32, u32, u16, u8);

impl From<f32> for Object {
    fn from(value: f32) -> Object {
        Object::Real(value)
    }
}

/// A string slice becomes a name, as in `"Type" => "Page"`.
impl From<&'static str> for Object {
    fn from(name: &'static str) -> Object {
        Object::Name(name.into())
    }
}

impl From<String> for Object {
    fn from(name: String) -> Object {
        Object::Name(name.into())
    }
}

impl From<Name> for Object {
    fn from(name: Name) -> Object {
        Object::Name(name)
    }
}

impl From<ObjectId> for Object {
    fn from(id: ObjectId) -> Object {
        Object::Reference(id)
    }
}

impl From<Vec<Object>> for Object {
    fn from(items: Vec<Object>) -> Object {
        Object::Array(items)
    }
}

impl From<Dictionary> for Object {
    fn from(dict: Dictionary) -> Object {
        Object::Dictionary(dict)
    }
}

impl From<Stream> for Object {
    fn from(stream: Stream) -> Object {
        Object::Stream(stream)
    }
}

/// A dictionary: its entries in the order they were first set, which is
/// the order they are written in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dictionary(Vec<(Name, Object)>);

impl Dictionary {
    pub fn new() -> Dictionary {
        Dictionary(Vec::new())
    }

    pub fn with_capacity(capacity: usize) -> Dictionary {
        Dictionary(Vec::with_capacity(capacity))
    }

    /// Sets `key` to `value`: in its place if the key is there already,
    /// otherwise last.
    pub fn set(&mut self, key: impl Into<Name>, value: impl Into<Object>) {
        let key = key.into();
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, slot)) => *slot = value,
            None => self.0.push((key, value)),
        }
    }

    #[cfg(test)]
    pub fn get(&self, key: &[u8]) -> Option<&Object> {
        self.0.iter().find(|(k, _)| k.as_bytes() == key).map(|(_, v)| v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&[u8], &Object)> {
        self.0.iter().map(|(k, v)| (k.as_bytes(), v))
    }
}

/// A stream: its dictionary and content. `/Length` is the writer's to
/// write, from the content.
#[derive(Clone, Debug, PartialEq)]
pub struct Stream {
    pub dict: Dictionary,
    pub content: Vec<u8>,
}

impl Stream {
    pub fn new(dict: Dictionary, content: Vec<u8>) -> Stream {
        Stream { dict, content }
    }
}

/// A dictionary of `key => value` pairs, keys set in the order given.
macro_rules! dictionary {
    () => { $crate::render::pdf::object::Dictionary::new() };
    ($($key:expr => $value:expr),+ $(,)?) => {{
        let mut dict = $crate::render::pdf::object::Dictionary::with_capacity([$(stringify!($key)),+].len());
        $(dict.set($key, $value);)+
        dict
    }};
}
pub(crate) use dictionary;

/// The objects of one file, by number.
#[derive(Default)]
pub struct Document {
    /// Object `n` at index `n - 1`; `None` while a number is given out
    /// but its object not yet made.
    objects: Vec<Option<Object>>,
}

impl Document {
    pub fn new() -> Document {
        Document::default()
    }

    /// A number for an object made later with [`Document::insert`].
    pub fn new_object_id(&mut self) -> ObjectId {
        self.objects.push(None);
        (self.objects.len() as u32, 0)
    }

    /// Adds `object` under a new number.
    pub fn add_object(&mut self, object: impl Into<Object>) -> ObjectId {
        self.objects.push(Some(object.into()));
        (self.objects.len() as u32, 0)
    }

    /// Makes the object numbered `id`, given out by
    /// [`Document::new_object_id`].
    pub fn insert(&mut self, id: ObjectId, object: impl Into<Object>) {
        if let Some(slot) = (id.0 as usize).checked_sub(1).and_then(|i| self.objects.get_mut(i)) {
            *slot = Some(object.into());
        }
    }

    #[cfg(test)]
    pub fn get_object(&self, id: ObjectId) -> Option<&Object> {
        self.objects.get((id.0 as usize).checked_sub(1)?)?.as_ref()
    }

    pub fn get_object_mut(&mut self, id: ObjectId) -> Option<&mut Object> {
        self.objects.get_mut((id.0 as usize).checked_sub(1)?)?.as_mut()
    }

    /// The highest number given out.
    pub fn max_id(&self) -> u32 {
        self.objects.len() as u32
    }

    /// Every object made, in order of number.
    pub fn iter(&self) -> impl Iterator<Item = (ObjectId, &Object)> {
        self.objects.iter().enumerate().filter_map(|(i, o)| Some((((i + 1) as u32, 0), o.as_ref()?)))
    }
}
