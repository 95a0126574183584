use sha1::{Digest, Sha1};

/// The CompShare request signature.
///
/// Every sent parameter except `Signature` takes part, `PublicKey` and `Action` included. Names
/// are sorted byte-wise (so `Backends.10` sorts before `Backends.2`), each `name + value` is
/// concatenated with no separator and no escaping, the private key is appended, and the result
/// is the lowercase hex SHA-1 of those UTF-8 bytes.
pub fn signature(params: &[(String, String)], private_key: &str) -> String {
    let mut sorted: Vec<&(String, String)> = params
        .iter()
        .filter(|(name, _)| name != "Signature")
        .collect();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut hasher = Sha1::new();
    for (name, value) in sorted {
        hasher.update(name.as_bytes());
        hasher.update(value.as_bytes());
    }
    hasher.update(private_key.as_bytes());
    format!("{:x}", hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn public_test_vector() {
        let params = pairs(&[
            ("Action", "DescribeUHostInstance"),
            ("Limit", "10"),
            ("Region", "cn-bj2"),
            ("PublicKey", "ucloudsomeone@example.com1296235120854146120"),
        ]);
        assert_eq!(
            signature(&params, "46f09bb9fab4f12dfc160dae12273d5332b5debe"),
            "cba5cf5ec4d4233d206b1b54951e3787350a642f"
        );
    }

    #[test]
    fn order_of_input_does_not_matter_and_signature_is_excluded() {
        let a = pairs(&[("B", "2"), ("A", "1"), ("Signature", "x")]);
        let b = pairs(&[("A", "1"), ("B", "2")]);
        assert_eq!(signature(&a, "k"), signature(&b, "k"));
    }

    #[test]
    fn names_sort_bytewise_not_numerically() {
        // "A.10" < "A.2" byte-wise, so the string hashed is A.10xA.2y + key.
        let params = pairs(&[("A.2", "y"), ("A.10", "x")]);
        let mut h = Sha1::new();
        h.update(b"A.10xA.2yk");
        assert_eq!(signature(&params, "k"), format!("{:x}", h.finalize()));
    }
}
