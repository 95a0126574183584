//! Identifiers the mock makes up: request ids and resource ids (instances, disks, CFS,
//! bandwidth). Random per mock, never repeated within one.

use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};

/// A source of unique, unpredictable-looking numbers.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    seed: RandomState,
    counter: AtomicU64,
}

impl Ids {
    /// The next count, and a random-looking hash of it.
    fn next(&self) -> (u64, u64) {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        (n, self.seed.hash_one(n))
    }

    /// A request id shaped like a UUID (version 4), as `X-UCLOUD-REQUEST-UUID` carries.
    pub fn request_id(&self) -> String {
        let (n, a) = self.next();
        let b = self.seed.hash_one(!n);
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            0x8000 | (b >> 48 & 0x3fff),
            // The low bits carry the counter, so two ids of one mock never collide.
            (b & 0xffff_0000_0000) | (n & 0xffff_ffff),
        )
    }

    /// A resource id such as `udisk-k3j9x2ab`: the prefix and eight base-36 digits. The number
    /// they spell is the count times an odd number plus a random offset, modulo 2^41 (which
    /// fits in eight digits): a bijection, so ids never repeat, that does not look like a
    /// counter.
    pub fn resource_id(&self, prefix: &str) -> String {
        const BITS: u32 = 41;
        let (n, _) = self.next();
        let offset = self.seed.hash_one(u64::MAX);
        let value = n.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(offset) & ((1 << BITS) - 1);
        let mut digits = [0u8; 8];
        let mut rest = value;
        for d in digits.iter_mut().rev() {
            *d = b"0123456789abcdefghijklmnopqrstuvwxyz"[(rest % 36) as usize];
            rest /= 36;
        }
        format!("{prefix}-{}", String::from_utf8_lossy(&digits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_well_formed_and_unique() {
        let ids = Ids::default();
        let mut seen = HashSet::new();
        for _ in 0..10_000 {
            let id = ids.request_id();
            assert_eq!(id.len(), 36, "{id}");
            assert_eq!(&id[14..15], "4", "{id}");
            assert!(seen.insert(id));
            let uhost = ids.resource_id("uhost");
            assert!(uhost.starts_with("uhost-") && uhost.len() == 14, "{uhost}");
            assert!(seen.insert(uhost));
        }
    }
}
