//! The MCP server's figures, side by side with compshare-cli's own `compshare-mcp`: start-up
//! (spawn to a finished `initialize` handshake) and one read call's round trip, both measured
//! by the official Python MCP client (`mcp` 2.3.0, in `target/pyenv`) against the release
//! build of `compshare-mock` on 127.0.0.1, in the same run.
//!
//! `compshare mcp` reads with `call_read DescribeCompShareImages {"Limit": 5}`;
//! `compshare-mcp` with `compshare_read ["image", "list", "--limit", "5"]`, which sends the same
//! request. compshare-cli has no base-URL setting, so its server is started as `compshare-mcp`
//! starts it, with a runner whose child CLI points `DEFAULT_BASE_URL` at the mock (the shim the
//! mock's interop tests use, `mock/tests/python/compshare_cli.py`).

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

/// The targets: start-up within 50 ms, a read 20× faster than compshare-mcp's.
const STARTUP_TARGET_MS: f64 = 50.0;
const SPEEDUP_TARGET: f64 = 20.0;

pub struct Mcp {
    pub ours_startup_s: f64,
    pub ours_call_s: f64,
    pub theirs_startup_s: f64,
    pub theirs_call_s: f64,
}

/// The client side: spawns each server, times the handshake and the calls, prints JSON.
const CLIENT: &str = r#"
import asyncio, json, statistics, sys, time
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

def params(spec, env):
    return StdioServerParameters(command=spec[0], args=spec[1:], env=env)

async def startup(server, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        async with stdio_client(server) as (r, w):
            async with ClientSession(r, w) as s:
                await s.initialize()
                times.append(time.perf_counter() - start)
    return statistics.median(times)

async def calls(server, tool, args, expect, runs):
    async with stdio_client(server) as (r, w):
        async with ClientSession(r, w) as s:
            await s.initialize()
            times = []
            for i in range(runs + 2):
                start = time.perf_counter()
                result = await s.call_tool(tool, args)
                elapsed = time.perf_counter() - start
                text = result.content[0].text
                if result.is_error or expect not in text:
                    sys.exit(f"{tool} failed: {text[:500]}")
                if i >= 2:
                    times.append(elapsed)
    return statistics.median(times)

async def main():
    spec = json.loads(sys.argv[1])
    out = {}
    for side in ("ours", "theirs"):
        s = spec[side]
        server = params(s["command"], spec["env"])
        out[side] = {
            "startup_s": await startup(server, s["startups"]),
            "call_s": await calls(server, s["tool"], s["args"], s["expect"], s["calls"]),
        }
    print(json.dumps(out))

asyncio.run(main())
"#;

/// compshare-mcp's own server, with its child CLI pointed at the mock.
const THEIRS: &str = r#"
import sys
from compshare_cli.mcp_server import CompShareRunner, create_server
shim, url = sys.argv[1], sys.argv[2]
create_server(CompShareRunner(command_prefix=[sys.executable, shim, url])).run(transport="stdio")
"#;

/// Builds the release binaries, starts the mock, and measures both servers.
pub fn run(root: &Path, target: &Path, python: &Path) -> Result<Mcp, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .args([
            "build",
            "--quiet",
            "--release",
            "-p",
            "compshare-cli",
            "-p",
            "compshare-mock",
        ])
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("building compshare-cli and compshare-mock failed".into());
    }
    let dir = target.join("bench/mcp");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let client = dir.join("client.py");
    let theirs = dir.join("compshare_mcp_at.py");
    for (path, text) in [(&client, CLIENT), (&theirs, THEIRS)] {
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let mock = Mock::start(&target.join("release/compshare-mock"))?;
    let py = |p: &Path| p.to_string_lossy().into_owned();
    let spec = serde_json::json!({
        "env": {
            "COMPSHARE_BASE_URL": mock.url,
            "COMPSHARE_PUBLIC_KEY": "bench-public-key",
            "COMPSHARE_PRIVATE_KEY": "bench-private-key",
            "COMPSHARE_CONFIG_FILE": py(&dir.join("no-config.json")),
            "COMPSHARE_INSIGHTS_URL": "",
        },
        "ours": {
            "command": [py(&target.join("release/compshare")), "mcp"],
            "tool": "call_read",
            "args": {"action": "DescribeCompShareImages", "params": {"Limit": 5}},
            "expect": "\"ImageSet\"",
            "startups": 30,
            "calls": 200,
        },
        "theirs": {
            "command": [py(python), py(&theirs), py(&root.join("mock/tests/python/compshare_cli.py")), mock.url],
            "tool": "compshare_read",
            "args": {"args": ["image", "list", "--limit", "5"]},
            "expect": "\"items\"",
            "startups": 10,
            "calls": 10,
        },
    });
    let output = Command::new(python)
        .arg(&client)
        .arg(spec.to_string())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    if !output.status.success() {
        return Err(format!(
            "the MCP bench client failed:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let v: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("the MCP bench client's output: {e}"))?;
    let n = |side: &str, key: &str| {
        v[side][key]
            .as_f64()
            .ok_or_else(|| format!("no {side}.{key} in {v}"))
    };
    Ok(Mcp {
        ours_startup_s: n("ours", "startup_s")?,
        ours_call_s: n("ours", "call_s")?,
        theirs_startup_s: n("theirs", "startup_s")?,
        theirs_call_s: n("theirs", "call_s")?,
    })
}

/// The Markdown section.
pub fn section(out: &mut String, m: &Mcp) {
    let ms = |s: f64| format!("{:.1} ms", s * 1e3);
    let _ = writeln!(
        out,
        "## MCP server (release build; the official Python MCP client, against compshare-mock)\n\n\
         | figure | `compshare mcp` | compshare-cli 0.5.6 `compshare-mcp` | ratio |\n|---|---|---|---|\n\
         | start-up: spawn to a finished `initialize` (median) | {} | {} | {:.1}× faster |\n\
         | one read: DescribeCompShareImages, Limit 5 (median round trip) | {} | {} | {:.1}× faster |\n",
        ms(m.ours_startup_s),
        ms(m.theirs_startup_s),
        m.theirs_startup_s / m.ours_startup_s,
        ms(m.ours_call_s),
        ms(m.theirs_call_s),
        m.theirs_call_s / m.ours_call_s,
    );
    let startup_ok = m.ours_startup_s * 1e3 <= STARTUP_TARGET_MS;
    let speedup_ok = m.theirs_call_s / m.ours_call_s >= SPEEDUP_TARGET;
    let _ = writeln!(
        out,
        "Targets: start-up within {STARTUP_TARGET_MS} ms ({}), a read at least {SPEEDUP_TARGET}× faster than compshare-mcp's ({}).\n",
        if startup_ok { "met" } else { "MISSED" },
        if speedup_ok { "met" } else { "MISSED" },
    );
}

/// The release `compshare-mock` server, killed when dropped.
struct Mock {
    child: Child,
    url: String,
}

impl Mock {
    fn start(binary: &Path) -> Result<Self, String> {
        let mut child = Command::new(binary)
            .args([
                "--port",
                "0",
                "--public-key",
                "bench-public-key",
                "--private-key",
                "bench-private-key",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
        let mut line = String::new();
        let stdout = child.stdout.take().ok_or("no stdout")?;
        BufReader::new(stdout)
            .read_line(&mut line)
            .map_err(|e| format!("compshare-mock: {e}"))?;
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .ok_or_else(|| format!("compshare-mock said {line:?}"))?
            .to_owned();
        Ok(Mock { child, url })
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
