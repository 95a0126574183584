//! `client.rs`: the service's facts from `service.yaml`, and the `Client` every action method
//! hangs off. Everything else a call does is in the runtime.
//!
//! ```ignore
//! pub const SERVICE: rt::Service = rt::Service { name, env_prefix, config_dir, base_url, region, zone, user_agent };
//! pub struct Client { inner: rt::Client }
//! impl Client { new, from_env, with_transport, config, runtime, send }
//! ```

use quote::quote;

use super::{File, docs};
use crate::ir::Service;

pub fn emit(s: &Service) -> File {
    let mut file = File::new("The client, and the facts of the service it calls.");
    let (name, prefix, dir, base_url, region, zone) = (
        &s.name,
        &s.env_prefix,
        &s.config_dir,
        &s.base_url,
        &s.region,
        &s.zone,
    );
    let agent = format!("{}-rust/", s.crate_name);
    let client_doc = docs::attrs(&format!(
        "The {name} API client. Cheap to clone: clones share one connection pool.\n\n\
         Each action has a method here that returns a fluent builder; a request built as a \
         struct goes through [`Client::send`]."
    ));
    let from_env_doc = docs::attrs(&format!(
        "A client configured from the `{prefix}_*` environment variables and the profile file \
         (`~/.config/{dir}/config.json`), over the service's defaults; see \
         [`runtime::config`](crate::runtime::config) for every setting."
    ));
    file.push(quote! {
        use crate::rt;

        /// The service this crate calls: its name, where the client's settings come from, and
        /// its defaults.
        pub const SERVICE: rt::Service = rt::Service {
            name: #name,
            env_prefix: #prefix,
            config_dir: #dir,
            base_url: #base_url,
            region: #region,
            zone: #zone,
            user_agent: ::core::concat!(#agent, ::core::env!("CARGO_PKG_VERSION")),
        };

        #client_doc
        #[derive(Clone, Debug)]
        pub struct Client {
            inner: rt::Client,
        }

        impl Client {
            /// A client with this config, over HTTPS.
            pub fn new(config: crate::Config) -> ::core::result::Result<Self, crate::ConfigError> {
                ::core::result::Result::Ok(Self { inner: rt::Client::new(&SERVICE, config)? })
            }

            #from_env_doc
            pub fn from_env() -> ::core::result::Result<Self, crate::ConfigError> {
                Self::new(crate::Config::from_env(&SERVICE)?)
            }

            /// A client that sends through `transport` instead of the network, such as an
            /// in-process test double.
            pub fn with_transport(
                config: crate::Config,
                transport: impl crate::runtime::transport::Transport,
            ) -> ::core::result::Result<Self, crate::ConfigError> {
                ::core::result::Result::Ok(Self {
                    inner: rt::Client::with_transport(&SERVICE, config, ::std::boxed::Box::new(transport))?,
                })
            }

            /// The config this client was built with.
            pub fn config(&self) -> &crate::Config {
                self.inner.config()
            }

            /// The runtime client underneath, for lower-level calls.
            pub fn runtime(&self) -> &crate::runtime::Client {
                &self.inner
            }

            /// Fills the request's unset common params from the config, validates it, sends it,
            /// and decodes the response.
            pub async fn send<A: crate::Action>(&self, request: A) -> ::core::result::Result<A::Response, crate::Error> {
                self.inner.send(request).await
            }
        }
    });
    file
}
