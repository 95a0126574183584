//! `cargo xtask bench`: every figure of BENCHMARKS.md in one run, printed as Markdown with
//! the ratios. `--only client|scale|compile` runs one part.
//!
//! - client: per-call overhead and decoding a 1,000-instance page, against the official Python
//!   SDK over a transport that answers the same bodies; memory under a 2 GiB stream; and the
//!   MCP server's start-up and read round trip against compshare-cli's `compshare-mcp` (`mcp`);
//! - scale: codegen of 80, 1,000 and 5,000 actions by the xtask binary, wall time and peak
//!   memory, writing everything, then finding everything current, then after one spec edit;
//! - compile: the generated crate's clean build and its rebuild after one spec edit, and the
//!   first `cargo xtask codegen` on a fresh clone.

mod client;
mod compile;
mod mcp;
mod process;
mod scale;
mod target;

pub use target::{fallback, from_metadata, target_dir, target_dir_with};

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

/// The parts of the benchmark.
pub const PARTS: [&str; 3] = ["client", "scale", "compile"];

/// The spec set sizes of the scale part.
const SIZES: [usize; 3] = [80, 1000, 5000];

pub fn run(root: &Path, parts: &[&str], python: Option<&Path>) -> Result<String, String> {
    let target = target_dir(root);
    let mut out = String::new();
    let _ = writeln!(out, "# `cargo xtask bench` on {}\n", machine());
    if parts.contains(&"client") {
        let python = python.ok_or("the client figures need the Python SDK")?;
        client_section(&mut out, &client::run(root, &target, python)?);
        mcp::section(&mut out, &mcp::run(root, &target, python)?);
    }
    if parts.contains(&"scale") {
        scale_section(&mut out, root, &target)?;
    }
    if parts.contains(&"compile") {
        compile_section(&mut out, &compile::run(root, &target)?);
    }
    Ok(out)
}

fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cores} cores ({cpu})")
}

fn time(ns: f64) -> String {
    match ns {
        n if n >= 1e9 => format!("{:.2} s", n / 1e9),
        n if n >= 1e6 => format!("{:.1} ms", n / 1e6),
        n => format!("{:.1} µs", n / 1e3),
    }
}

fn mb(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1e6)
}

fn client_section(out: &mut String, c: &client::Client) {
    let _ = writeln!(
        out,
        "## Client overhead (release build; median of batches)\n\n\
         | figure | Rust | Python SDK | ratio |\n|---|---|---|---|"
    );
    let _ = writeln!(
        out,
        "| one seed call (validate, encode, sign, form-encode, transport, read and decode 3 images) | {} | {} | {:.1}× faster |",
        time(c.rust_call_ns),
        time(c.python_call_ns),
        c.python_call_ns / c.rust_call_ns
    );
    let _ = writeln!(
        out,
        "| decode a 1,000-instance DescribeCompShareInstance page ({}) and free it | {} | {} | {:.1}× faster |",
        mb(c.body_bytes),
        time(c.rust_page_ns),
        time(c.python_page_ns),
        c.python_page_ns / c.rust_page_ns
    );
    let _ = writeln!(
        out,
        "| peak memory while decoding it, the body included | {} ({:.2}× the body; {} allocations) | {} ({:.2}× the body) | {:.1}× less |\n",
        mb(c.rust_page_peak),
        c.rust_page_peak / c.body_bytes,
        c.rust_page_allocations,
        mb(c.python_page_peak),
        c.python_page_peak / c.body_bytes,
        c.python_page_peak / c.rust_page_peak
    );
    let _ = writeln!(
        out,
        "With mimalloc as the Rust side's global allocator (one line in a service's `main.rs`), \
         the seed call takes {} ({:.1}× faster than Python) and the page {} ({:.1}× faster).\n",
        time(c.mimalloc_call_ns),
        c.python_call_ns / c.mimalloc_call_ns,
        time(c.mimalloc_page_ns),
        c.python_page_ns / c.mimalloc_page_ns,
    );
    let b = &c.bounded;
    let field = |k: &str| b.get(k).and_then(serde_json::Value::as_f64).unwrap_or(0.0);
    let _ = writeln!(
        out,
        "A loopback server streaming {} at a client with the default limit of {}: the call fails \
         with `ResponseTooLarge`, with {} allocated at the peak and {} resident.\n",
        mb(field("streamed_bytes")),
        mb(field("limit_bytes")),
        mb(field("peak_bytes")),
        mb(field("max_rss_bytes")),
    );
}

fn scale_section(out: &mut String, root: &Path, target: &Path) -> Result<(), String> {
    let xtask = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut rows = Vec::new();
    for actions in SIZES {
        let scratch = scale::scratch_dir(target, actions);
        scale::synthetic_specs(root, &scratch, actions)?;
        rows.push(scale::measure(&xtask, &scratch, actions)?);
    }
    // Removed at the end: ext4 without a journal skips inodes freed in the last 30 s when it
    // creates files, so thousands of fresh deletions slow the next size's first run down.
    for actions in SIZES {
        let _ = std::fs::remove_dir_all(scale::scratch_dir(target, actions));
    }
    let _ = writeln!(
        out,
        "## Codegen at scale (the xtask binary, as `cargo xtask codegen` runs it)\n\n\
         Spec sets are the real actions, then copies of them under new names sharing the real \
         models. The first run writes every file into an empty `generated/`; the second finds \
         every file current; the third follows a change to one action's summary, which \
         re-renders its files and those made from every action.\n\n\
         | actions | files | first run | peak memory | per action | again, nothing to write | peak memory | after one edit |\n\
         |---|---|---|---|---|---|---|---|"
    );
    for r in &rows {
        let ns = |d: Duration| d.as_nanos() as f64;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            r.actions,
            r.files,
            time(ns(r.first.wall)),
            mb(r.first.peak_rss as f64),
            time(ns(r.first.wall) / r.actions as f64),
            time(ns(r.again.wall)),
            mb(r.again.peak_rss as f64),
            time(ns(r.edited.wall)),
        );
    }
    out.push('\n');
    Ok(())
}

fn compile_section(out: &mut String, c: &compile::Compile) {
    let _ = writeln!(
        out,
        "## Compile time (debug)\n\n| what | time |\n|---|---|\n\
         | clean build of the `compshare` crate alone, its dependencies built | {:.1} s |\n\
         | rebuild after one spec edit: `cargo xtask codegen` and `cargo build -p compshare` | {:.1} s |\n\
         | first `cargo xtask codegen` on a fresh clone, its build included | {:.1} s |\n",
        c.clean_build.as_secs_f64(),
        c.incremental_build.as_secs_f64(),
        c.fresh_clone_codegen.as_secs_f64(),
    );
}
