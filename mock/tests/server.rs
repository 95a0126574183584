//! The standalone server: its ready line, its flags, and its request log.

mod support;

use std::process::{Command, Stdio};

use compshare_mock::codes;
use support::{Server, post_form, signed};

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_compshare-mock"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[tokio::test]
async fn it_prints_one_ready_line_and_serves_every_action() {
    let server = Server::start(&["--port", "0", "--public-key", "PK", "--private-key", "SK"]);
    let params = signed(
        "DescribeCompShareImages",
        &[("Region", "cn-wlcb")],
        "PK",
        "SK",
    );
    let raw = post_form(&server.url, &params).await;
    assert_eq!(raw.code(), 0);
    assert!(raw.request_id.is_some());
    let wrong = signed("DescribeCompShareImages", &[], "PK", "not-SK");
    assert_eq!(
        post_form(&server.url, &wrong).await.code(),
        codes::BAD_SIGNATURE
    );
    // Nothing is logged without -v.
    assert_eq!(server.stop(), "");
}

#[tokio::test]
async fn verbose_logs_each_request_without_signatures_or_secrets() {
    let server = Server::start(&[
        "--public-key",
        "PK",
        "--private-key",
        "very-secret-private-key",
        "-v",
    ]);
    let create = signed(
        "CreateCompShareInstance",
        &[
            ("Region", "cn-wlcb"),
            ("Zone", "cn-wlcb-01"),
            ("CompShareImageId", "compshareImage-xxxx"),
            ("MachineType", "G"),
            ("GpuType", "4090"),
            ("GPU", "1"),
            ("CPU", "16"),
            ("Memory", "65536"),
            ("Password", "hunter2-password"),
        ],
        "PK",
        "very-secret-private-key",
    );
    let signature = create.last().unwrap().1.clone();
    assert_eq!(post_form(&server.url, &create).await.code(), 0);
    let bad = signed("DescribeCompShareImages", &[("Limit", "101")], "PK", "x");
    assert_eq!(post_form(&server.url, &bad).await.code(), 171);

    let log = server.stop();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(
        lines[0].starts_with("compshare-mock: POST form CreateCompShareInstance "),
        "{log}"
    );
    assert!(
        lines[0].contains("GpuType=4090") && lines[0].ends_with("-> RetCode 0"),
        "{log}"
    );
    assert!(
        lines[1].contains("Limit=101 -> RetCode 171: Signature VerifyAC Error"),
        "{log}"
    );
    for secret in [
        &signature,
        "hunter2-password",
        "very-secret-private-key",
        "PK",
    ] {
        assert!(!log.contains(secret), "{secret} in {log}");
    }
}

#[test]
fn bad_flags_and_unusable_ports_are_one_line_errors_with_status_2() {
    for args in [
        &["--port", "not-a-port"][..],
        &["--port"][..],
        &["--colour"][..],
        &["--stateful=yes"][..],
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, Some(2), "{args:?}");
        assert_eq!(stdout, "", "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("compshare-mock: "), "{stderr}");
    }

    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (code, stdout, stderr) = run(&["--port", &port]);
    assert_eq!((code, stdout.as_str()), (Some(2), ""));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "compshare-mock: cannot listen on 127.0.0.1:{port}: "
        )),
        "{stderr}"
    );

    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("usage: compshare-mock"));
}

#[tokio::test]
async fn stateful_mode_is_opt_in() {
    let stateless = Server::start(&[]);
    let stateful = Server::start(&["--stateful"]);
    let stop = signed(
        "StopCompShareInstance",
        &[
            ("Region", "cn-wlcb"),
            ("Zone", "cn-wlcb-01"),
            ("UHostId", "uhost-nope"),
        ],
        compshare_mock::PUBLIC_KEY,
        compshare_mock::PRIVATE_KEY,
    );
    assert_eq!(post_form(&stateless.url, &stop).await.code(), 0);
    assert_eq!(
        post_form(&stateful.url, &stop).await.code(),
        codes::NO_SUCH_INSTANCE
    );
}
