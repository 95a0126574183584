//! What each action does to the account, decided from the specs: read-only, write, or
//! destructive. The verb that starts the action's name decides by default; [`OVERRIDES`] fixes
//! the exceptions. An action whose verb is in neither table is unclassified, and the server
//! refuses it (a test fails first: a new verb must be classified here).
//!
//! Also here: the price action that goes with a write (shown before it is confirmed), and the
//! list action that shows a write's resource (to check after an unknown outcome).

use compshare::runtime::schema::ActionInfo;

/// What an action does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Reads only; safe to call at any time.
    Read,
    /// Changes or creates resources, or costs money; nothing is lost.
    Write,
    /// Deletes, releases, detaches or wipes something.
    Destructive,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Read => "read",
            Class::Write => "write",
            Class::Destructive => "destructive",
        }
    }
}

/// Verbs, as the first word of an action's name, and their class.
const VERBS: &[(&str, Class)] = &[
    ("Describe", Class::Read),
    ("Get", Class::Read),
    ("List", Class::Read),
    ("Check", Class::Read),
    ("Download", Class::Read),
    ("Add", Class::Write),
    ("Attach", Class::Write),
    ("Copy", Class::Write),
    ("Create", Class::Write),
    ("Modify", Class::Write),
    ("Publish", Class::Write),
    ("Reboot", Class::Write),
    ("Reset", Class::Write),
    ("Resize", Class::Write),
    ("Set", Class::Write),
    ("Start", Class::Write),
    ("Stop", Class::Write),
    ("Switch", Class::Write),
    ("Update", Class::Write),
    ("Delete", Class::Destructive),
    ("Detach", Class::Destructive),
    // Simulates a power cut: what was not written to disk is lost.
    ("Poweroff", Class::Destructive),
    ("Reinstall", Class::Destructive),
    ("Release", Class::Destructive),
    ("Remove", Class::Destructive),
    ("Terminate", Class::Destructive),
];

/// Actions whose verb misleads, with the reason.
const OVERRIDES: &[(&str, Class, &str)] = &[
    (
        "DeleteCompShareImageFavorite",
        Class::Write,
        "un-favorites a community image; nothing is lost",
    ),
    (
        "RemoveFavoriteImage",
        Class::Write,
        "un-favorites an image; nothing is lost",
    ),
    (
        "DeleteCompShareStopScheduler",
        Class::Write,
        "cancels a scheduled shutdown; the instance keeps running",
    ),
];

/// The verb an action's name starts with: its first capitalized word.
pub fn verb(name: &str) -> &str {
    let end = name
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_ascii_uppercase())
        .map_or(name.len(), |(i, _)| i);
    &name[..end]
}

/// The class of the action named `name`, or `None` when its verb is not classified.
pub fn class(name: &str) -> Option<Class> {
    if let Some((_, class, _)) = OVERRIDES.iter().find(|(n, ..)| *n == name) {
        return Some(*class);
    }
    let verb = verb(name);
    VERBS.iter().find(|(v, _)| *v == verb).map(|(_, c)| *c)
}

/// The MCP hints for one action: read-only, destructive, idempotent.
pub fn hints(info: &ActionInfo, class: Class) -> (bool, bool, bool) {
    let idempotent = class == Class::Read || info.retryable;
    (
        class == Class::Read,
        class == Class::Destructive,
        idempotent,
    )
}

/// Price actions whose names do not follow from their write's.
const PRICE_TABLE: &[(&str, &str)] = &[
    ("TerminateCompShareInstance", "GetCompShareRefundPrice"),
    (
        "ResizeCompShareDisk",
        "GetCompShareAttachedDiskUpgradePrice",
    ),
];

/// The price action that goes with a write: `Create{X}` ↔ `Get{X}Price`, `Resize{X}` and
/// `Modify{X}` ↔ `Get{X}UpgradePrice`, `Delete{X}`, `Terminate{X}` and `Release{X}` ↔
/// `Get{X}RefundPrice`, `Renew{X}` ↔ `Get{X}RenewPrice`, where `{X}` may also take the
/// `CompShare` prefix (`CreateCFS` ↔ `GetCompShareCFSPrice`); [`PRICE_TABLE`] for the rest.
pub fn price_action(name: &str) -> Option<&'static str> {
    if let Some((_, price)) = PRICE_TABLE.iter().find(|(n, _)| *n == name) {
        return Some(price);
    }
    let verb = verb(name);
    let suffix = match verb {
        "Create" => "Price",
        "Resize" | "Modify" | "Upgrade" => "UpgradePrice",
        "Delete" | "Terminate" | "Release" => "RefundPrice",
        "Renew" => "RenewPrice",
        _ => return None,
    };
    let noun = &name[verb.len()..];
    let mut candidates = vec![format!("Get{noun}{suffix}")];
    if !noun.to_ascii_lowercase().starts_with("compshare") {
        candidates.push(format!("GetCompShare{noun}{suffix}"));
    }
    candidates
        .iter()
        .find_map(|c| find(|a| a.name.eq_ignore_ascii_case(c)))
}

/// The read action that lists a write's resource, for checking its state after an unknown
/// outcome: `Describe{X}` for `{Verb}{X}` (`CreateAndAttachCompshareDisk` →
/// `DescribeCompshareDisk`).
pub fn check_action(name: &str) -> Option<&'static str> {
    let mut rest = &name[verb(name).len()..];
    while let Some(stripped) = rest.strip_prefix("And") {
        rest = &stripped[verb(stripped).len()..];
    }
    let mut noun = rest;
    // `StopCompShareInstance` → `DescribeCompShareInstance`; `ModifyCompShareInstanceName` →
    // the longest prefix of the noun that has a Describe action.
    while !noun.is_empty() {
        let wanted = format!("Describe{noun}");
        if let Some(found) = find(|a| a.name == wanted) {
            return Some(found);
        }
        noun = match noun[..noun.len() - 1].rfind(|c: char| c.is_ascii_uppercase()) {
            Some(i) if i > 0 => &noun[..i],
            _ => "",
        };
    }
    None
}

fn find(pred: impl Fn(&ActionInfo) -> bool) -> Option<&'static str> {
    compshare::schema::ACTIONS
        .iter()
        .find(|a| pred(a))
        .map(|a| a.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_classified() {
        let unclassified: Vec<&str> = compshare::schema::ACTIONS
            .iter()
            .map(|a| a.name)
            .filter(|n| class(n).is_none())
            .collect();
        assert!(
            unclassified.is_empty(),
            "classify these actions' verbs in cli/src/mcp/classify.rs (VERBS, or OVERRIDES for one action): {unclassified:?}"
        );
        for (name, ..) in OVERRIDES {
            assert!(
                compshare::schema::ACTIONS.iter().any(|a| a.name == *name),
                "override for unknown action {name}"
            );
        }
    }

    #[test]
    fn verbs_decide_and_overrides_win() {
        let cases = [
            ("DescribeCompShareImages", Class::Read),
            ("GetCompShareInstancePrice", Class::Read),
            ("ListCompShareTeam", Class::Read),
            ("CheckCompShareResourceCapacity", Class::Read),
            ("DownloadTeamOrder", Class::Read),
            ("CreateCompShareInstance", Class::Write),
            ("StopCompShareInstance", Class::Write),
            ("ResizeCompShareInstance", Class::Write),
            ("TerminateCompShareInstance", Class::Destructive),
            ("DeleteCFS", Class::Destructive),
            ("DetachCompshareDisk", Class::Destructive),
            ("ReinstallCompShareInstance", Class::Destructive),
            ("DeleteCompShareImageFavorite", Class::Write),
        ];
        for (name, want) in cases {
            assert_eq!(class(name), Some(want), "{name}");
        }
        assert_eq!(class("FrobnicateThing"), None);
        assert_eq!(verb("DescribeULHostInstance"), "Describe");
    }

    #[test]
    fn every_read_is_idempotent_and_writes_are_not_read_only() {
        for info in compshare::schema::ACTIONS {
            let class = class(info.name).unwrap();
            let (read_only, destructive, idempotent) = hints(info, class);
            assert_eq!(read_only, class == Class::Read, "{}", info.name);
            assert!(!(read_only && destructive), "{}", info.name);
            if read_only {
                assert!(idempotent, "{}", info.name);
            }
            if !info.retryable && class != Class::Read {
                assert!(!idempotent, "{} is create-like", info.name);
            }
        }
    }

    #[test]
    fn price_actions_pair_with_their_writes() {
        let pairs = [
            ("CreateCompShareInstance", "GetCompShareInstancePrice"),
            (
                "ResizeCompShareInstance",
                "GetCompShareInstanceUpgradePrice",
            ),
            ("TerminateCompShareInstance", "GetCompShareRefundPrice"),
            ("CreateCFS", "GetCompShareCFSPrice"),
            ("ResizeCFS", "GetCompShareCFSUpgradePrice"),
            ("DeleteCFS", "GetCompShareCFSRefundPrice"),
            (
                "CreateCompShareShareBandwidth",
                "GetCompShareShareBandwidthPrice",
            ),
            (
                "ModifyCompShareShareBandwidth",
                "GetCompShareShareBandwidthUpgradePrice",
            ),
            (
                "DeleteCompShareShareBandwidth",
                "GetCompShareShareBandwidthRefundPrice",
            ),
            (
                "ResizeCompShareDisk",
                "GetCompShareAttachedDiskUpgradePrice",
            ),
            ("CreateULHostInstance", "GetULHostInstancePrice"),
        ];
        for (write, price) in pairs {
            assert_eq!(price_action(write), Some(price), "{write}");
        }
        for (write, price) in PRICE_TABLE {
            assert!(class(write).is_some_and(|c| c != Class::Read), "{write}");
            assert!(find(|a| a.name == *price).is_some(), "{price}");
        }
        // Every write-side price action is paired with some write; the rest are listed.
        const STANDALONE: &[&str] = &["GetCompShareInstanceUserPrice", "GetULHostRenewPrice"];
        let paired: Vec<&str> = compshare::schema::ACTIONS
            .iter()
            .filter_map(|a| price_action(a.name))
            .collect();
        for info in compshare::schema::ACTIONS {
            if info.name.starts_with("Get") && info.name.ends_with("Price") {
                assert!(
                    paired.contains(&info.name) || STANDALONE.contains(&info.name),
                    "{} pairs with no write: add it to PRICE_TABLE or STANDALONE",
                    info.name
                );
            }
        }
        assert_eq!(price_action("StopCompShareInstance"), None);
        assert_eq!(price_action("DescribeCompShareInstance"), None);
    }

    #[test]
    fn writes_name_the_list_that_shows_their_resource() {
        let cases = [
            ("CreateCompShareInstance", Some("DescribeCompShareInstance")),
            (
                "ModifyCompShareInstanceName",
                Some("DescribeCompShareInstance"),
            ),
            ("CreateCFS", Some("DescribeCFS")),
            (
                "CreateAndAttachCompshareDisk",
                Some("DescribeCompshareDisk"),
            ),
            (
                "CreateCompShareShareBandwidth",
                Some("DescribeCompShareShareBandwidth"),
            ),
        ];
        for (write, check) in cases {
            assert_eq!(check_action(write), check, "{write}");
        }
    }
}
