//! Flattening typed requests into the form parameters the API reads.
//!
//! An array becomes `Name.0`, `Name.1`, ...; an array of objects becomes `Name.N.Field`; an
//! object becomes `Name.Field`. Absent optional values are not sent.

/// A scalar that can be sent as one form value.
pub trait FormValue {
    /// The value as sent.
    fn form_value(&self) -> String;
}

impl FormValue for str {
    fn form_value(&self) -> String {
        self.to_owned()
    }
}

impl FormValue for String {
    fn form_value(&self) -> String {
        self.clone()
    }
}

impl FormValue for i64 {
    fn form_value(&self) -> String {
        self.to_string()
    }
}

impl FormValue for bool {
    fn form_value(&self) -> String {
        if *self { "true" } else { "false" }.to_owned()
    }
}

impl FormValue for f64 {
    fn form_value(&self) -> String {
        format_float(*self)
    }
}

/// Formats a float the way the API gateway expects: a whole number is sent as an integer
/// (`42.0` becomes `42`), and exponent notation is never used.
pub fn format_float(value: f64) -> String {
    if value == 0.0 {
        // Also folds -0.0, which Display would print as "-0".
        return "0".to_owned();
    }
    // Display on f64 prints the shortest round-trip digits without an exponent and drops the
    // fractional part of whole numbers.
    value.to_string()
}

/// Something that writes itself as a group of form fields: a request or a nested request object.
pub trait EncodeForm {
    /// Writes every field that is set.
    fn encode_form(&self, w: &mut FormWriter<'_>);
}

impl<T: EncodeForm + ?Sized> EncodeForm for Box<T> {
    fn encode_form(&self, w: &mut FormWriter<'_>) {
        (**self).encode_form(w)
    }
}

/// Writes form fields under a name prefix.
pub struct FormWriter<'a> {
    out: &'a mut Vec<(String, String)>,
    prefix: String,
}

impl<'a> FormWriter<'a> {
    /// A writer appending to `out`.
    pub fn new(out: &'a mut Vec<(String, String)>) -> Self {
        Self {
            out,
            prefix: String::new(),
        }
    }

    fn name(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    fn nested(&mut self, name: String) -> FormWriter<'_> {
        FormWriter {
            prefix: format!("{name}."),
            out: self.out,
        }
    }

    /// One value, always sent.
    pub fn put(&mut self, name: &str, value: &dyn FormValue) {
        let name = self.name(name);
        self.out.push((name, value.form_value()));
    }

    /// One value, sent only when present.
    pub fn opt<T: FormValue>(&mut self, name: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.put(name, value);
        }
    }

    /// An array of scalars: `Name.0`, `Name.1`, ...
    pub fn list<T: FormValue>(&mut self, name: &str, values: &[T]) {
        for (i, value) in values.iter().enumerate() {
            self.put(&format!("{name}.{i}"), value);
        }
    }

    /// A nested object: `Name.Field`.
    pub fn object(&mut self, name: &str, value: &dyn EncodeForm) {
        let name = self.name(name);
        value.encode_form(&mut self.nested(name));
    }

    /// A nested object, sent only when present.
    pub fn opt_object<T: EncodeForm>(&mut self, name: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.object(name, value);
        }
    }

    /// An array of objects: `Name.N.Field`.
    pub fn objects<T: EncodeForm>(&mut self, name: &str, values: &[T]) {
        for (i, value) in values.iter().enumerate() {
            self.object(&format!("{name}.{i}"), value);
        }
    }
}

/// The `application/x-www-form-urlencoded` body of signed params.
pub fn encode_body(params: &[(String, String)]) -> Vec<u8> {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish()
        .into_bytes()
}

/// Flattens a JSON object the way the official SDKs flatten a request dictionary.
///
/// Typed requests go through [`EncodeForm`]; this is for untyped input and for checking the
/// encoding against the reference implementation.
pub fn flatten_json(value: &serde_json::Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let serde_json::Value::Object(map) = value {
        for (name, value) in map {
            flatten_into(&mut out, name, value);
        }
    }
    out
}

fn flatten_into(out: &mut Vec<(String, String)>, name: &str, value: &serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push((name.to_owned(), b.form_value())),
        Value::Number(n) => {
            let text = match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => i.to_string(),
                (None, Some(u), _) => u.to_string(),
                (None, None, Some(f)) => format_float(f),
                _ => n.to_string(),
            };
            out.push((name.to_owned(), text));
        }
        Value::String(s) => out.push((name.to_owned(), s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                flatten_into(out, &format!("{name}.{i}"), item);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                flatten_into(out, &format!("{name}.{key}"), item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Disk {
        size: i64,
        boot: Option<bool>,
    }

    impl EncodeForm for Disk {
        fn encode_form(&self, w: &mut FormWriter<'_>) {
            w.put("Size", &self.size);
            w.opt("IsBoot", &self.boot);
        }
    }

    #[test]
    fn floats_never_use_exponents_and_whole_numbers_are_integers() {
        assert_eq!(format_float(42.0), "42");
        assert_eq!(format_float(-0.0), "0");
        assert_eq!(format_float(0.5), "0.5");
        assert_eq!(format_float(1.5e-7), "0.00000015");
        assert_eq!(format_float(1e21), "1000000000000000000000");
        assert_eq!(format_float(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn nested_arrays_and_objects_flatten_with_zero_based_indices() {
        let mut out = Vec::new();
        let mut w = FormWriter::new(&mut out);
        w.list("Ids", &["a".to_owned(), "b".to_owned()]);
        w.objects(
            "Disks",
            &[
                Disk {
                    size: 60,
                    boot: Some(true),
                },
                Disk {
                    size: 100,
                    boot: None,
                },
            ],
        );
        w.opt::<i64>("Absent", &None);
        w.opt_object(
            "One",
            &Some(Disk {
                size: 1,
                boot: Some(false),
            }),
        );
        let got: Vec<String> = out.iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(
            got,
            [
                "Ids.0=a",
                "Ids.1=b",
                "Disks.0.Size=60",
                "Disks.0.IsBoot=true",
                "Disks.1.Size=100",
                "One.Size=1",
                "One.IsBoot=false",
            ]
        );
    }

    #[test]
    fn json_flattening_matches_the_dictionary_rules() {
        let v = serde_json::json!({"A": [1, {"B": 2.0, "C": null}], "D": {"E": false}, "F": "x"});
        let got: Vec<String> = flatten_json(&v)
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        assert_eq!(got, ["A.0=1", "A.1.B=2", "D.E=false", "F=x"]);
    }
}
