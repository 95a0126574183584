//! Command-line names for wire names: `DescribeCompShareImages` → `describe-comp-share-images`,
//! `UHostIds` → `uhost-ids`.

use heck::ToKebabCase;

/// Words the API writes as one, which a plain kebab case would split (`u-host`).
const JOINED: &[(&str, &str)] = &[("u", "host"), ("ul", "host"), ("u", "disk")];

/// The kebab-case name of a wire name.
pub fn kebab(wire: &str) -> String {
    let kebab = wire.to_kebab_case();
    let words: Vec<&str> = kebab.split('-').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        match words.get(i + 1) {
            Some(next) if JOINED.contains(&(words[i], *next)) => {
                out.push(format!("{}{next}", words[i]));
                i += 2;
            }
            _ => {
                out.push(words[i].to_owned());
                i += 1;
            }
        }
    }
    out.join("-")
}

#[cfg(test)]
mod tests {
    use super::kebab;

    #[test]
    fn keeps_the_api_s_one_word_names_whole() {
        assert_eq!(
            kebab("DescribeCompShareImages"),
            "describe-comp-share-images"
        );
        assert_eq!(kebab("UHostIds"), "uhost-ids");
        assert_eq!(kebab("CreateULHostInstance"), "create-ulhost-instance");
        assert_eq!(kebab("UDiskId"), "udisk-id");
        assert_eq!(kebab("AttachUS3"), "attach-us3");
        assert_eq!(kebab("IsBoot"), "is-boot");
        assert_eq!(kebab("MenuHost"), "menu-host");
    }
}
