//! Running a command and measuring it: wall time and the peak resident memory of the process.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of a command took.
#[derive(Clone, Copy, Debug)]
pub struct Measured {
    pub wall: Duration,
    /// The child's peak resident set size, in bytes.
    pub peak_rss: u64,
}

/// Runs `program args...` in `dir` with `env`, discarding its output unless it fails.
pub fn run(
    dir: &Path,
    program: &Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> Result<(Measured, String), String> {
    let start = Instant::now();
    let mut child = Command::new(program)
        .current_dir(dir)
        .args(args)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    let pid = child.id() as libc::pid_t;
    let read = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_string(&mut text);
            }
            text
        })
    };
    let stdout = read(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = read(child.stderr.take().map(|p| Box::new(p) as _));
    // wait4 reaps the child and reports its own rusage, which `Child::wait` cannot.
    let (status, peak_rss) = wait4(pid);
    let wall = start.elapsed();
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    if status != 0 {
        return Err(format!(
            "{} {} failed:\n{stderr}",
            program.display(),
            args.join(" ")
        ));
    }
    Ok((Measured { wall, peak_rss }, stdout))
}

/// Waits for `pid`; its exit status and peak resident size.
fn wait4(pid: libc::pid_t) -> (i32, u64) {
    let mut status = 0;
    // SAFETY: rusage is plain data, and wait4 only writes into the two out-parameters.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet reaped; the pointers are valid for the call.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if r < 0 {
        return (-1, 0);
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    // ru_maxrss is in kilobytes on Linux.
    (code, usage.ru_maxrss as u64 * 1024)
}
