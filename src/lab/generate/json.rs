//! A borrowed, stack-built JSON tree for the action-specific payloads.
//!
//! Payload shapes differ per action, so a derived struct per action would be unwieldy; building a
//! `serde_json::Value` per record would allocate a map per object. These borrowed nodes live in
//! the caller's stack frame and serialize without any allocation.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

#[derive(Debug, Clone, Copy)]
pub enum Val<'a> {
    Null,
    Bool(bool),
    Num(i64),
    Str(&'a str),
    Obj(&'a [(&'a str, Val<'a>)]),
    Arr(&'a [Val<'a>]),
}

/// The empty object `{}` that `CloudTrail` writes for absent nested structures.
pub const EMPTY: Val<'static> = Val::Obj(&[]);

impl Serialize for Val<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match *self {
            Val::Null => ser.serialize_unit(),
            Val::Bool(b) => ser.serialize_bool(b),
            Val::Num(n) => ser.serialize_i64(n),
            Val::Str(s) => ser.serialize_str(s),
            Val::Obj(fields) => {
                let mut map = ser.serialize_map(Some(fields.len()))?;
                for (key, value) in fields {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
            Val::Arr(items) => {
                let mut seq = ser.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_values_serialize_as_json() {
        let owned = String::from("q\"1");
        let v = Val::Obj(&[
            ("a", Val::Arr(&[Val::Num(1), Val::Null, Val::Bool(true)])),
            ("b", Val::Obj(&[("c", Val::Str(&owned))])),
            ("d", EMPTY),
        ]);
        let text = serde_json::to_string(&v).expect("in-memory serialization");
        assert_eq!(text, r#"{"a":[1,null,true],"b":{"c":"q\"1"},"d":{}}"#);
    }
}
