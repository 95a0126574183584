//! The importer never panics: deterministic mutations of every fixture page (byte flips,
//! deleted, duplicated and swapped lines, truncation, inserted markup and random bytes), over
//! existing specs that are sometimes garbage too.

mod support;

use std::panic::{AssertUnwindSafe, catch_unwind};

/// xorshift64*: the same cases on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const PAGES: &[&str] = &[
    "seed/DescribeCompShareImages.md",
    "formats/compshare-style.md",
    "formats/ucloud-style.md",
    "formats/ucloud-docs-style.md",
    "variants/reordered-columns.md",
    "variants/br-enums.md",
    "variants/several-tables.md",
    "variants/ucloud-style-guess.md",
    "variants/enum-phrasings.md",
    "variants/example-only-members.md",
];

/// Pieces that make parsers take unusual paths.
const SNIPPETS: &[&str] = &[
    "|",
    "\\|",
    "||",
    "| a | b |\n|---|---|\n",
    "#",
    "## 请求参数\n",
    "### X 元素主要字段\n",
    "#### 数据模型\n",
    "```",
    "`",
    "<br />",
    "<br",
    "**",
    "[*M*](#M)",
    "array[[*",
    "Array of ",
    ".N.",
    ".N",
    "枚举值：",
    "枚举值[\"",
    "> ",
    "- A ",
    "默认值：",
    "默认",
    "取值范围 1\\~",
    "范围：[",
    "最大 ",
    "最长 ",
    "最多 ",
    "或",
    "（",
    "）",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "：",
    "、",
    "\u{0}",
    "\u{FEFF}",
    "é",
    "数据",
    "9999999999999999999999",
    "-1",
    "1.5e400",
    "Object",
    "object",
    "Map<",
    "&lt;",
    "响应示例\n{\"A\":",
    "| Name | String | 是 | 描述 | `1` |\n",
];

fn mutate(rng: &mut Rng, text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let mut lines: Vec<Vec<u8>> = bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
        match rng.below(8) {
            0 if !bytes.is_empty() => {
                let at = rng.below(bytes.len());
                bytes[at] ^= 1 << rng.below(8);
                continue;
            }
            1 => {
                let at = rng.below(bytes.len() + 1);
                bytes.truncate(at);
                continue;
            }
            2 => {
                let at = rng.below(bytes.len() + 1);
                let snippet = SNIPPETS[rng.below(SNIPPETS.len())].as_bytes();
                bytes.splice(at..at, snippet.iter().copied());
                continue;
            }
            3 => {
                let at = rng.below(bytes.len() + 1);
                let junk: Vec<u8> = (0..rng.below(16)).map(|_| rng.next() as u8).collect();
                bytes.splice(at..at, junk);
                continue;
            }
            4 if !lines.is_empty() => {
                let at = rng.below(lines.len());
                lines.remove(at);
            }
            5 if !lines.is_empty() => {
                let at = rng.below(lines.len());
                let line = lines[at].clone();
                lines.insert(at, line);
            }
            6 if lines.len() > 1 => {
                let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                lines.swap(a, b);
            }
            _ if !lines.is_empty() => {
                let at = rng.below(lines.len());
                lines[at] = SNIPPETS[rng.below(SNIPPETS.len())].as_bytes().to_vec();
            }
            _ => {}
        }
        bytes = lines.join(&b'\n');
    }
    bytes
}

fn import_bytes(pages: &[Vec<u8>], existing: &[codegen::SpecFile]) {
    let pages: Vec<import::Page> = pages
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let text = String::from_utf8_lossy(b).into_owned();
            match i % 2 {
                0 => import::Page::new(format!("case{i}.md"), text),
                _ => import::Page::found_in("dir", format!("dir/case{i}.md"), text),
            }
        })
        .collect();
    let plan = import::import(&pages, existing, "specs");
    for w in &plan.warnings {
        let _ = w.to_string();
    }
    let _ = plan.writable();
    let _ = plan.summary().to_string();
}

#[test]
fn mutated_pages_never_panic() {
    let texts: Vec<String> = PAGES
        .iter()
        .map(|p| std::fs::read_to_string(support::fixtures().join(p)).unwrap())
        .collect();
    let real = support::specs();
    let small: Vec<codegen::SpecFile> = real
        .iter()
        .filter(|f| {
            f.path == "service.yaml"
                || f.path.contains("DescribeCompShareImages")
                || f.path.contains("GetCompShareInstancePrice")
                || f.path.contains("CompShareImage.yaml")
                || f.path.contains("StopCompShareInstance")
        })
        .cloned()
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..2000 {
        let text = &texts[case % texts.len()];
        let mut pages = vec![mutate(&mut rng, text)];
        if case % 7 == 0 {
            let other = rng.below(texts.len());
            pages.push(mutate(&mut rng, &texts[other]));
        }
        let existing: Vec<codegen::SpecFile> = match case % 10 {
            // Garbage where specs should be.
            0 => small
                .iter()
                .map(|f| codegen::SpecFile {
                    path: f.path.clone(),
                    bytes: mutate(&mut rng, &String::from_utf8_lossy(&f.bytes)),
                })
                .collect(),
            // With the service file, so that codegen's checks run too.
            1 if case % 30 == 1 => small.clone(),
            2..=4 => small
                .iter()
                .filter(|f| f.path != "service.yaml")
                .cloned()
                .collect(),
            _ => Vec::new(),
        };
        let result = catch_unwind(AssertUnwindSafe(|| import_bytes(&pages, &existing)));
        assert!(
            result.is_ok(),
            "case {case} panicked; page:\n{}",
            String::from_utf8_lossy(&pages[0])
        );
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(42);
    let markup = b"|#`*[]()<>.N\n -:";
    for case in 0..500 {
        let len = rng.below(400);
        let bytes: Vec<u8> = (0..len)
            .map(|_| match rng.below(4) {
                0 => markup[rng.below(markup.len())],
                _ => rng.next() as u8,
            })
            .collect();
        let result = catch_unwind(AssertUnwindSafe(|| {
            import_bytes(std::slice::from_ref(&bytes), &[])
        }));
        assert!(result.is_ok(), "case {case} panicked: {bytes:?}");
    }
}
