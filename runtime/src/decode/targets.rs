//! Storage for each kind of field: scalars, enums, models, and lists of them.

use serde_json::Value;

use super::{Elements, Object, Scalar, Target};
use crate::enums::WireEnum;
use crate::json::ToJson;

/// A scalar field type, read tolerantly.
pub trait FromScalar: Sized {
    /// The value, if the scalar means one of this type.
    fn from_scalar(value: Scalar<'_>) -> Option<Self>;
}

impl FromScalar for String {
    fn from_scalar(value: Scalar<'_>) -> Option<Self> {
        Some(match value {
            Scalar::Str(s) => s.to_owned(),
            Scalar::I64(i) => i.to_string(),
            Scalar::U64(u) => u.to_string(),
            Scalar::F64(f) => Value::from(f).to_string(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Null => return None,
        })
    }
}

impl FromScalar for i64 {
    fn from_scalar(value: Scalar<'_>) -> Option<Self> {
        match value {
            Scalar::I64(i) => Some(i),
            Scalar::U64(u) => i64::try_from(u).ok(),
            Scalar::F64(f) => whole(f),
            Scalar::Str(s) => {
                let s = s.trim();
                s.parse().ok().or_else(|| s.parse().ok().and_then(whole))
            }
            Scalar::Bool(_) | Scalar::Null => None,
        }
    }
}

/// An exact integer from a float: the range check keeps the cast exact.
fn whole(f: f64) -> Option<i64> {
    (f.fract() == 0.0 && f.abs() < 9.0e18).then_some(f as i64)
}

impl FromScalar for f64 {
    fn from_scalar(value: Scalar<'_>) -> Option<Self> {
        match value {
            Scalar::I64(i) => Some(i as f64),
            Scalar::U64(u) => Some(u as f64),
            Scalar::F64(f) => Some(f),
            Scalar::Str(s) => s.trim().parse().ok().filter(|f: &f64| f.is_finite()),
            Scalar::Bool(_) | Scalar::Null => None,
        }
    }
}

impl FromScalar for bool {
    fn from_scalar(value: Scalar<'_>) -> Option<Self> {
        match value {
            Scalar::Bool(b) => Some(b),
            Scalar::I64(0) | Scalar::U64(0) => Some(false),
            Scalar::I64(1) | Scalar::U64(1) => Some(true),
            // Some fields are the strings "True"/"False" or "Yes"/"No".
            Scalar::Str(s) => {
                let s = s.trim();
                let is = |word: &str| s.eq_ignore_ascii_case(word);
                if is("true") || is("yes") {
                    Some(true)
                } else if is("false") || is("no") {
                    Some(false)
                } else {
                    None
                }
            }
            _ => None,
        }
    }
}

impl<E: WireEnum> FromScalar for E {
    fn from_scalar(value: Scalar<'_>) -> Option<Self> {
        match value {
            Scalar::Str(s) => E::from_wire(s),
            Scalar::Null => None,
            other => E::from_wire(&String::from_scalar(other)?),
        }
    }
}

/// A scalar or enum a list can hold.
pub trait Item: ToJson + Sized {
    /// The element, if a scalar makes one.
    fn item_from_scalar(value: Scalar<'_>) -> Option<Self>;
}

macro_rules! scalar_items {
    ($($t:ty),*) => {$(
        impl Target for Option<$t> {
            fn scalar(&mut self, value: Scalar<'_>) -> bool {
                store(self, <$t>::from_scalar(value).map(Some))
            }
        }

        impl Target for $t {
            fn scalar(&mut self, value: Scalar<'_>) -> bool {
                store(self, <$t>::from_scalar(value))
            }
        }

        impl Item for $t {
            fn item_from_scalar(value: Scalar<'_>) -> Option<Self> {
                <$t>::from_scalar(value)
            }
        }
    )*};
}

scalar_items!(String, i64, f64, bool);

fn store<T>(slot: &mut T, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = v;
            true
        }
        None => false,
    }
}

impl<E: WireEnum> Target for Option<E> {
    fn scalar(&mut self, value: Scalar<'_>) -> bool {
        store(self, E::from_scalar(value).map(Some))
    }
}

impl<E: WireEnum> Target for E {
    fn scalar(&mut self, value: Scalar<'_>) -> bool {
        store(self, E::from_scalar(value))
    }
}

impl<E: WireEnum + ToJson> Item for E {
    fn item_from_scalar(value: Scalar<'_>) -> Option<Self> {
        E::from_scalar(value)
    }
}

impl<T: Item> Target for Vec<T> {
    fn scalar(&mut self, _: Scalar<'_>) -> bool {
        false
    }

    fn array(&mut self) -> Option<&mut dyn Elements> {
        Some(self)
    }
}

impl<T: Item> Elements for Vec<T> {
    fn scalar(&mut self, value: Scalar<'_>) -> bool {
        match T::item_from_scalar(value) {
            Some(v) => {
                self.push(v);
                true
            }
            None => false,
        }
    }

    fn object(&mut self) -> Option<&mut dyn Object> {
        None
    }

    fn stored(&self) -> usize {
        self.len()
    }

    fn element_json(&self, index: usize) -> Value {
        match self.get(index) {
            Some(item) => item.to_json(),
            None => Value::Null,
        }
    }

    fn done(&mut self) {
        if self.len() < SHRINK_BELOW {
            self.shrink_to_fit();
        }
    }
}

/// Lists shorter than this drop their spare capacity when decoded.
const SHRINK_BELOW: usize = 64;

/// Views a field's storage as the wrapper that gives it the right [`Target`]. Models get
/// wrappers because a blanket impl over `Option<M>` would overlap the one for enums.
macro_rules! view {
    ($(#[$doc:meta] $name:ident($inner:ty) via $fn:ident;)*) => {$(
        #[$doc]
        #[repr(transparent)]
        pub struct $name<M>($inner);

        /// The field's storage as a [`Target`].
        pub fn $fn<M: Object + Default + ToJson>(field: &mut $inner) -> &mut dyn Target {
            // SAFETY: the wrapper is `repr(transparent)` over exactly this type, so the two
            // references have the same layout, and the borrow is carried over unchanged.
            unsafe { &mut *(field as *mut $inner as *mut $name<M>) }
        }
    )*};
}

view! {
    /// An optional model field.
    ModelSlot(Option<M>) via model;
    /// An optional model field on a cycle of models.
    BoxedSlot(Option<Box<M>>) via boxed;
    /// A model field the spec marks as always present.
    RequiredSlot(M) via required_model;
    /// A list of models.
    ModelList(Vec<M>) via models;
}

impl<M: Object + Default> Target for ModelSlot<M> {
    fn scalar(&mut self, _: Scalar<'_>) -> bool {
        false
    }

    fn object(&mut self) -> Option<&mut dyn Object> {
        Some(self.0.insert(M::default()))
    }
}

impl<M: Object + Default> Target for BoxedSlot<M> {
    fn scalar(&mut self, _: Scalar<'_>) -> bool {
        false
    }

    fn object(&mut self) -> Option<&mut dyn Object> {
        Some(&mut **self.0.insert(Box::default()))
    }
}

impl<M: Object> Target for RequiredSlot<M> {
    fn scalar(&mut self, _: Scalar<'_>) -> bool {
        false
    }

    fn object(&mut self) -> Option<&mut dyn Object> {
        Some(&mut self.0)
    }
}

impl<M: Object + Default + ToJson> Target for ModelList<M> {
    fn scalar(&mut self, _: Scalar<'_>) -> bool {
        false
    }

    fn array(&mut self) -> Option<&mut dyn Elements> {
        Some(self)
    }
}

impl<M: Object + Default + ToJson> Elements for ModelList<M> {
    fn scalar(&mut self, _: Scalar<'_>) -> bool {
        false
    }

    fn object(&mut self) -> Option<&mut dyn Object> {
        self.0.push(M::default());
        self.0.last_mut().map(|m| m as &mut dyn Object)
    }

    fn stored(&self) -> usize {
        self.0.len()
    }

    fn element_json(&self, index: usize) -> Value {
        match self.0.get(index) {
            Some(item) => item.to_json(),
            None => Value::Null,
        }
    }

    fn done(&mut self) {
        // Small lists give back the spare room of their first allocation (four elements);
        // shrinking a long one would copy it.
        if self.0.len() < SHRINK_BELOW {
            self.0.shrink_to_fit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_read_from_words_in_any_case() {
        let read = |s| bool::from_scalar(Scalar::Str(s));
        for yes in ["true", "True", " TRUE ", "yes", "Yes"] {
            assert_eq!(read(yes), Some(true), "{yes}");
        }
        for no in ["false", "FALSE", "no", " No"] {
            assert_eq!(read(no), Some(false), "{no}");
        }
        for neither in ["", "y", "truee", "1"] {
            assert_eq!(read(neither), None, "{neither}");
        }
    }
}
