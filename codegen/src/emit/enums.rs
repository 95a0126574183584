//! Enums: closed ones reject unknown values, open ones keep them in a catch-all variant.

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
        "Open: values this SDK does not know yet are kept in the catch-all variant."
    });
    let doc = docs::attrs(&doc);
    let variants: Vec<TokenStream> = e
        .variants
        .iter()
        .map(|v| {
            let ident = ident(&v.ident);
            let mut text = docs::code(&v.wire);
            if !v.description.is_empty() {
                text.push_str(": ");
                text.push_str(&docs::escape(&v.description));
            }
            let doc = docs::attrs(&text);
            quote! { #doc #ident, }
        })
        .collect();
    let idents: Vec<_> = e.variants.iter().map(|v| ident(&v.ident)).collect();
    let wires: Vec<&str> = e.variants.iter().map(|v| v.wire.as_str()).collect();

    let (catch_all, catch_all_str, unknown, default) = if e.closed {
        (
            quote!(),
            quote!(),
            quote!(_ => return ::core::option::Option::None,),
            quote!(),
        )
    } else {
        (
            quote! {
                /// A value this SDK does not know yet.
                #other(::std::string::String),
            },
            quote!(Self::#other(value) => value,),
            quote!(_ => Self::#other(text.to_owned()),),
            quote! {
                /// An empty unknown value, which validation reports as missing.
                impl ::core::default::Default for #name {
                    fn default() -> Self {
                        Self::#other(::std::string::String::new())
                    }
                }
            },
        )
    };
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
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

        #default

        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for #name {
            type Err = rt::UnknownValue;

            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                rt::parse_enum(text)
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
