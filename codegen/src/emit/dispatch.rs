//! `dispatch.rs`: every action by wire name, for by-name calls.
//!
//! ```ignore
//! pub const ACTION_NAMES: &[&str] = &["AttachCompshareDisk", ..];
//! static TABLE: &[rt::ByName] = &[rt::ByName::of::<..Request>(), ..];
//! pub async fn call(client, action, params) -> Result<serde_json::Value, crate::Error>;
//! pub fn prepare(client, action, params) -> Result<Vec<(String, String)>, crate::Error>;
//! ```

use quote::quote;

use super::File;
use crate::ir::Service;
use crate::naming::ident;

pub fn emit(s: &Service) -> File {
    let mut file = File::new("Every action by wire name, for by-name calls.");
    let names: Vec<&str> = s.actions.iter().map(|a| a.wire.as_str()).collect();
    let entries = s.actions.iter().map(|a| {
        let module = ident(&a.module);
        let request = ident(&a.request_type);
        let example = a
            .response_example
            .as_ref()
            .map(|json| quote!(.with_example(#json)));
        quote!(rt::ByName::of::<crate::actions::#module::#request>() #example,)
    });
    file.push(quote! {
        use crate::rt;

        /// The wire name of every action, sorted.
        pub const ACTION_NAMES: &[&str] = &[#(#names),*];

        /// Every action by name, sorted like [`ACTION_NAMES`].
        static TABLE: &[rt::ByName] = &[#(#entries)*];

        /// Calls an action by its wire name with wire-style params such as `Limit=20`,
        /// `UHostIds.0=uhost-1` or `Disks.0.Size=60`, and returns the response as JSON: the
        /// typed response with everything the server sent, the envelope's `Action` and
        /// `RetCode` included.
        ///
        /// The params are read into the action's typed request, so its types and validation
        /// apply: every problem (an unknown name, a bad number, a value outside a closed enum,
        /// a broken constraint) is reported in one [`Error::Validation`](crate::Error::Validation),
        /// and nothing is sent.
        pub async fn call(
            client: &crate::Client,
            action: &str,
            params: &[(::std::string::String, ::std::string::String)],
        ) -> ::core::result::Result<::serde_json::Value, crate::Error> {
            let entry = rt::find(TABLE, action)?;
            client.runtime().call_by_name(entry, params).await
        }

        /// What [`call`] would send, without sending it: the action's params read, filled from
        /// the config, validated and encoded (without `Action`, `PublicKey` and `Signature`).
        pub fn prepare(
            client: &crate::Client,
            action: &str,
            params: &[(::std::string::String, ::std::string::String)],
        ) -> ::core::result::Result<::std::vec::Vec<(::std::string::String, ::std::string::String)>, crate::Error> {
            let entry = rt::find(TABLE, action)?;
            ::core::result::Result::Ok((entry.prepare)(client.runtime(), params)?)
        }

        /// The by-name entry of an action, for tools built on the generated crate.
        #[doc(hidden)]
        pub fn by_name(action: &str) -> ::core::option::Option<&'static rt::ByName> {
            rt::find(TABLE, action).ok()
        }
    });
    file
}
