use std::fmt;

/// A CompShare API key pair.
///
/// The private key never leaves this type except to sign: `Debug` redacts it, and no error or
/// log line carries it.
#[derive(Clone, PartialEq, Eq)]
pub struct Credential {
    public_key: String,
    private_key: String,
}

impl Credential {
    /// A key pair.
    pub fn new(public_key: impl Into<String>, private_key: impl Into<String>) -> Self {
        Self {
            public_key: public_key.into(),
            private_key: private_key.into(),
        }
    }

    /// The public key, which is sent with every request.
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    /// Signs a set of parameters with this key; see [`crate::signature`].
    pub fn sign(&self, params: &[(String, String)]) -> String {
        crate::signature(params, &self.private_key)
    }
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credential")
            .field("public_key", &self.public_key)
            .field("private_key", &"<redacted>")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_private_key() {
        let c = Credential::new("pub-123", "very-secret-private-key");
        let shown = format!("{c:?} {c:#?}");
        assert!(!shown.contains("very-secret-private-key"), "{shown}");
        assert!(shown.contains("pub-123"));
        assert!(shown.contains("<redacted>"));
    }
}
