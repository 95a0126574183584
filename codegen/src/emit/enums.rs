//! Enums: closed ones reject unknown values, open ones keep them in an `Unknown` variant that
//! only parsing can make.
//!
//! ```ignore
//! #[non_exhaustive] // a spec may add values, to closed enums too
//! pub enum State { Running, Stopped, Unknown(crate::UnknownEnumValue) }
//! impl State { pub const VALUES: &[&str]; pub fn as_str(&self) -> &str }
//! impl rt::WireEnum for State { .. }   // wire text both ways
//! impl Display, FromStr, From<&str> (open), Default (open), Serialize, Deserialize, rt::ToJson
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use crate::ir::Enum;
use crate::naming::ident;

pub fn emit(e: &Enum) -> TokenStream {
    let name = ident(&e.name);
    let other = ident(&e.other);
    let mut doc = docs::escape(&e.description);
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    doc.push_str(if e.closed {
        "Closed: the API accepts only these values."
    } else {
        "Open: values this SDK does not document are kept in the `Unknown` variant, which only parsing makes."
    });
    let doc = docs::attrs(&doc);
    let variants = e.variants.iter().map(|v| {
        let ident = ident(&v.ident);
        let mut text = docs::code(&v.wire);
        if !v.description.is_empty() {
            text.push_str(": ");
            text.push_str(&docs::escape(&v.description));
        }
        let doc = docs::attrs(&text);
        quote! { #doc #ident, }
    });
    let idents: Vec<_> = e.variants.iter().map(|v| ident(&v.ident)).collect();
    let wires: Vec<&str> = e.variants.iter().map(|v| v.wire.as_str()).collect();

    let open = !e.closed;
    let catch_all = open.then(|| {
        quote! {
            /// A value this SDK does not document, as sent; see [`as_str`](Self::as_str).
            #other(crate::UnknownEnumValue),
        }
    });
    let catch_all_str = open.then(|| quote!(Self::#other(value) => value.as_str(),));
    let unknown = if open {
        quote!(_ => Self::#other(rt::unknown_enum_value(text)),)
    } else {
        quote!(_ => return ::core::option::Option::None,)
    };
    let open_impls = open.then(|| {
        quote! {
            /// An empty unknown value, which validation reports as missing.
            impl ::core::default::Default for #name {
                fn default() -> Self {
                    Self::#other(rt::unknown_enum_value(""))
                }
            }

            /// Any text: a documented value becomes its variant, any other is kept as unknown.
            impl ::core::convert::From<&str> for #name {
                fn from(text: &str) -> Self {
                    rt::parse_enum(text).unwrap_or_else(|_| Self::#other(rt::unknown_enum_value(text)))
                }
            }
        }
    });
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            #catch_all
        }

        impl #name {
            /// The documented values, as sent on the wire.
            pub const VALUES: &'static [&'static str] = &[#(#wires),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #wires,)*
                    #catch_all_str
                }
            }
        }

        impl rt::WireEnum for #name {
            const VALUES: &'static [&'static str] = Self::VALUES;

            fn as_str(&self) -> &str {
                self.as_str()
            }

            fn from_wire(text: &str) -> ::core::option::Option<Self> {
                ::core::option::Option::Some(match text {
                    #(#wires => Self::#idents,)*
                    #unknown
                })
            }
        }

        #open_impls

        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for #name {
            type Err = crate::UnknownValue;

            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                rt::parse_enum(text)
            }
        }

        impl rt::ToJson for #name {
            fn to_json(&self) -> ::serde_json::Value {
                rt::enum_json(self)
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                rt::deserialize_enum(deserializer)
            }
        }
    }
}
