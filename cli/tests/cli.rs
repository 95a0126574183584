//! The `compshare` binary against the mock on 127.0.0.1: help, calls, queries, tables, paging,
//! dry runs, exit codes, profiles, waits and a hung server.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use compshare::models::CompShareInstanceSet;
use compshare::runtime::testing::{MockServer, Reply};
use compshare::{DescribeCompShareInstanceRequest, DescribeCompShareInstanceResponse};
use compshare_mock::{Mock, PRIVATE_KEY, PUBLIC_KEY};

/// Runs the binary with only the given settings in its environment.
fn compshare(url: &str, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_compshare"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", "/nonexistent")
        .env("COMPSHARE_BASE_URL", url)
        .env("COMPSHARE_CONFIG_FILE", "/nonexistent/config.json");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

const KEYS: &[(&str, &str)] = &[
    ("COMPSHARE_PUBLIC_KEY", PUBLIC_KEY),
    ("COMPSHARE_PRIVATE_KEY", PRIVATE_KEY),
];

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// Creates an instance with `gpus` GPUs through the CLI, and gives its id.
fn create_instance(url: &str, gpus: u32) -> String {
    let gpus = gpus.to_string();
    let o = compshare(
        url,
        KEYS,
        &[
            "create-comp-share-instance",
            "--machine-type",
            "G",
            "--gpu",
            &gpus,
            "--memory",
            "65536",
            "--cpu",
            "16",
            "--gpu-type",
            "4090",
            "--comp-share-image-id",
            "compshareImage-x",
            "--disks",
            "is-boot=true,type=CLOUD_SSD,size=100",
            "--query",
            "UHostIds[0]",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    json(&o).as_str().unwrap().to_owned()
}

#[test]
fn action_help_shows_the_summary_defaults_limits_and_values() {
    let o = compshare(
        "http://127.0.0.1:9",
        &[],
        &["describe-comp-share-images", "--help"],
    );
    assert!(o.status.success());
    let help = stdout(&o);
    for part in [
        "获取算力平台镜像信息",
        "API action: DescribeCompShareImages",
        "--image-type <VALUE>",
        "[possible values: System, App, Game, Other]",
        "--limit <INT>",
        "Limits: at most 100",
        "Default (the server's, when omitted): 20",
        "--param <NAME=VALUE>",
        "--all",
        "--dry-run",
    ] {
        assert!(help.contains(part), "no {part:?} in\n{help}");
    }
    let o = compshare(
        "http://127.0.0.1:9",
        &[],
        &["get-comp-share-instance-price", "--help"],
    );
    let help = stdout(&o);
    assert!(
        help.contains("key=value pairs separated by commas"),
        "{help}"
    );
    assert!(help.contains("type=x,size=1,is-boot=true"), "{help}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_prints_the_response_and_a_query_selects_from_it() {
    let mock = Mock::builder().stateful().start().await.unwrap();
    let url = mock.url();
    let created = tokio::task::spawn_blocking(move || {
        let ids: Vec<String> = (1..=3).map(|n| create_instance(&url, n)).collect();
        let listed = compshare(
            &url,
            KEYS,
            &["describe-comp-share-instance", "--query", "UHostSet[].GPU"],
        );
        assert_eq!(json(&listed), serde_json::json!([1, 2, 3]));
        let table = compshare(
            &url,
            KEYS,
            &["describe-comp-share-instance", "--output", "table"],
        );
        let text = stdout(&table);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(
            lines[0].starts_with("CompShareImageId") && lines[0].contains("UHostId"),
            "{text}"
        );
        assert!(lines[1].contains(&ids[0]), "{text}");
        // Every page, two at a time, streamed as one array.
        let all = compshare(
            &url,
            KEYS,
            &["describe-comp-share-instance", "--all", "--limit", "2"],
        );
        assert!(all.status.success(), "{}", stderr(&all));
        let items = json(&all);
        let got: Vec<&str> = items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["UHostId"].as_str().unwrap())
            .collect();
        assert_eq!(got, ids);
        let all = compshare(
            &url,
            KEYS,
            &[
                "describe-comp-share-instance",
                "--all",
                "--limit",
                "2",
                "--query",
                "length(@)",
            ],
        );
        assert_eq!(json(&all), serde_json::json!(3));
        ids
    })
    .await
    .unwrap();
    let created_requests = mock
        .requests()
        .iter()
        .filter(|r| r.action.as_deref() == Some("CreateCompShareInstance"))
        .count();
    assert_eq!(created_requests, created.len());
    let pages: Vec<_> = mock
        .received::<DescribeCompShareInstanceRequest>()
        .into_iter()
        .filter(|r| r.limit == Some(2))
        .map(|r| r.offset)
        .collect();
    assert_eq!(pages, [Some(0), Some(2), Some(0), Some(2)]);
}

/// An invalid invocation: its environment, its arguments, and what stderr must say.
type Case = (
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
    &'static [&'static str],
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_requests_and_settings_exit_2_and_send_nothing() {
    let mock = Mock::start().await;
    let url = mock.url();
    const BAD_TIMEOUT: &[(&str, &str)] = &[KEYS[0], KEYS[1], ("COMPSHARE_TIMEOUT", "abc")];
    let cases: &'static [Case] = &[
        (
            KEYS,
            &[
                "describe-comp-share-images",
                "--limit",
                "101",
                "--param",
                "Bogus=1",
            ],
            &[
                "Limit must be at most 100 (got \"101\")",
                "nothing was sent",
            ],
        ),
        // clap refuses values outside a closed enum, missing required flags and bad numbers.
        (
            KEYS,
            &["describe-comp-share-images", "--image-type", "Bogus"],
            &["[possible values: System, App, Game, Other]"],
        ),
        // A documented action that production does not serve is refused with its reason.
        (
            KEYS,
            &[
                "get-software-url",
                "--uhost-id",
                "uhost-x",
                "--software",
                "JupyterLab",
            ],
            &[
                "GetSoftwareURL is not served in production: ",
                "compshare-cli 0.5.6",
                "nothing was sent",
            ],
        ),
        (
            KEYS,
            &["create-comp-share-instance", "--gpu", "1"],
            &["--machine-type <TEXT>"],
        ),
        (
            KEYS,
            &["describe-comp-share-images", "--limit", "many"],
            &["invalid value 'many'"],
        ),
        (
            KEYS,
            &["describe-comp-share-images", "--limit", "-1"],
            &["Limit must be at least 0"],
        ),
        // A bad setting names its source.
        (
            BAD_TIMEOUT,
            &["describe-comp-share-images"],
            &["COMPSHARE_TIMEOUT=\"abc\" is not valid"],
        ),
        (
            KEYS,
            &["describe-comp-share-images", "--timeout", "soon"],
            &["--timeout=\"soon\""],
        ),
        // Without keys an invalid request is still reported as such.
        (
            &[],
            &["describe-comp-share-images", "--limit", "101"],
            &["Limit must be at most 100"],
        ),
        (
            &[],
            &["describe-comp-share-images"],
            &["no credentials: set COMPSHARE_PUBLIC_KEY"],
        ),
    ];
    tokio::task::spawn_blocking(move || {
        for (env, args, expected) in cases {
            let o = compshare(&url, env, args);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
            for part in *expected {
                assert!(
                    stderr(&o).contains(part),
                    "{args:?}: no {part:?} in {}",
                    stderr(&o)
                );
            }
        }
    })
    .await
    .unwrap();
    assert!(mock.requests().is_empty(), "{:?}", mock.requests());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dry_run_prints_the_exact_form_without_the_signature_and_sends_nothing() {
    let mock = Mock::start().await;
    let url = mock.url();
    let out = tokio::task::spawn_blocking(move || {
        compshare(
            &url,
            KEYS,
            &[
                "describe-comp-share-images",
                "--dry-run",
                "--limit",
                "5",
                "--name",
                "a b&c",
                "--region",
                "cn-sh2",
            ],
        )
    })
    .await
    .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text,
        format!(
            "POST {}\nContent-Type: application/x-www-form-urlencoded\n\nRegion=cn-sh2&Zone=cn-wlcb-01&Name=a+b%26c&Limit=5&Action=DescribeCompShareImages&PublicKey={PUBLIC_KEY}&Signature=<redacted>\n",
            mock.url()
        )
    );
    assert!(!text.contains(PRIVATE_KEY));
    assert!(mock.requests().is_empty());
    // A JSON-bodied action shows its JSON body.
    let url = mock.url();
    let out = tokio::task::spawn_blocking(move || {
        compshare(
            &url,
            &[],
            &[
                "get-comp-share-instance-monitor",
                "--dry-run",
                "--uhost-ids",
                "uhost-1",
                "--uhost-ids",
                "uhost-2",
                "--start-time",
                "1",
                "--end-time",
                "2",
            ],
        )
    })
    .await
    .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}{text}", stderr(&out));
    assert!(text.contains("Content-Type: application/json"), "{text}");
    assert!(text.contains("\"Signature\": \"<redacted>\""), "{text}");
    assert!(
        text.contains("\"UHostIds\": [\n    \"uhost-1\",\n    \"uhost-2\"\n  ]"),
        "{text}"
    );
    assert!(
        text.contains("\"PublicKey\": \"<no public key configured>\""),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_errors_exit_1_with_the_code_message_and_request_id() {
    let mock = Mock::start().await;
    mock.on::<DescribeCompShareInstanceRequest>()
        .fail(226601, "实例已欠费");
    let url = mock.url();
    let o = tokio::task::spawn_blocking(move || {
        compshare(&url, KEYS, &["describe-comp-share-instance"])
    })
    .await
    .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("DescribeCompShareInstance: API error 226601: 实例已欠费"),
        "{err}"
    );
    assert!(
        err.contains("request id: ") && !err.contains("(none in the answer)"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn configure_writes_a_profile_the_next_call_uses() {
    let mock = Mock::start().await;
    let url = mock.url();
    let dir = std::env::temp_dir().join(format!("compshare-cli-{}", std::process::id()));
    let file: PathBuf = dir.join("config.json");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&file, r#"{"current_profile": "old", "profiles": {"old": {"public_key": "o", "private_key": "p"}}, "language": "zh"}"#).unwrap();
    let path = file.to_str().unwrap().to_owned();
    let env = [("COMPSHARE_CONFIG_FILE", path.as_str())];
    let o = tokio::task::spawn_blocking({
        let (url, env) = (url.clone(), env.map(|(k, v)| (k, v.to_owned())));
        move || {
            let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let o = compshare(
                &url,
                &env,
                &[
                    "configure",
                    "--profile",
                    "work",
                    "--public-key",
                    PUBLIC_KEY,
                    "--private-key",
                    PRIVATE_KEY,
                    "--region",
                    "cn-sh2",
                    "--project-id",
                    "org-1",
                ],
            );
            assert!(o.status.success(), "{}", stderr(&o));
            compshare(
                &url,
                &env,
                &["describe-comp-share-images", "--profile", "work"],
            )
        }
    })
    .await
    .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved["current_profile"], "work");
    assert_eq!(saved["language"], "zh", "other tools' keys are kept");
    assert_eq!(saved["profiles"]["old"]["public_key"], "o");
    assert_eq!(saved["profiles"]["work"]["region"], "cn-sh2");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let sent = &mock.requests()[0];
    assert_eq!(sent.param("Region"), Some("cn-sh2"));
    assert_eq!(sent.param("ProjectId"), Some("org-1"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wait_succeeds_stops_on_a_failure_state_and_times_out() {
    let mock = Mock::builder()
        .stateful()
        .transition_delay(Duration::from_millis(1500))
        .start()
        .await
        .unwrap();
    let broken = Mock::start().await;
    let mut host = CompShareInstanceSet::default();
    host.u_host_id = Some("uhost-broken".into());
    host.state = Some("Install Fail".into());
    let mut described = DescribeCompShareInstanceResponse::default();
    described.u_host_set = vec![host];
    broken
        .on::<DescribeCompShareInstanceRequest>()
        .respond(described);
    let (url, broken_url) = (mock.url(), broken.url());
    tokio::task::spawn_blocking(move || {
        let id = create_instance(&url, 1);
        let started = Instant::now();
        let o = compshare(
            &url,
            KEYS,
            &[
                "wait",
                "instance-running",
                "--uhost-id",
                &id,
                "--interval",
                "1",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            started.elapsed() >= Duration::from_millis(1400),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(
            json(&o),
            serde_json::json!({"UHostId": id, "State": "Running"})
        );

        let o = compshare(
            &broken_url,
            KEYS,
            &[
                "wait",
                "instance-running",
                "--uhost-id",
                "uhost-broken",
                "--interval",
                "1",
            ],
        );
        assert_eq!(o.status.code(), Some(1));
        assert!(
            stderr(&o).contains(
                "instance uhost-broken did not become Running: it reached `Install Fail`"
            ),
            "{}",
            stderr(&o)
        );

        let started = Instant::now();
        let o = compshare(
            &url,
            KEYS,
            &[
                "wait",
                "instance-stopped",
                "--uhost-id",
                &id,
                "--interval",
                "1",
                "--timeout",
                "2",
            ],
        );
        assert_eq!(o.status.code(), Some(1));
        assert!(
            stderr(&o).contains("timed out after 2s (last seen `Running`)"),
            "{}",
            stderr(&o)
        );
        // Only a lower bound: a loaded machine may take longer, never shorter.
        assert!(started.elapsed() >= Duration::from_secs(2));
    })
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compshare_timeout_2_ends_a_hung_create_after_one_send() {
    let server = MockServer::start(|_| Reply::hang()).await;
    let url = server.url();
    let env = [KEYS[0], KEYS[1], ("COMPSHARE_TIMEOUT", "2")];
    let started = Instant::now();
    let o = tokio::task::spawn_blocking(move || {
        compshare(&url, &env, &["create-comp-share-team", "--name", "team"])
    })
    .await
    .unwrap();
    let took = started.elapsed();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("timed out") || stderr(&o).contains("timeout"),
        "{}",
        stderr(&o)
    );
    assert!(took >= Duration::from_secs(2), "{took:?}");
    assert_eq!(
        server.requests().len(),
        1,
        "a create-like action is sent once"
    );
}

#[test]
fn verbose_logs_each_attempt_without_a_secret() {
    let o = compshare(
        "http://127.0.0.1:9",
        KEYS,
        &[
            "describe-comp-share-images",
            "-vv",
            "--max-attempts",
            "1",
            "--name",
            "x",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("DescribeCompShareImages") && err.contains("attempt"),
        "{err}"
    );
    assert!(!err.contains(PRIVATE_KEY), "{err}");
    assert!(!err.contains("Signature="), "{err}");
}

#[test]
fn completions_cover_every_action() {
    let o = compshare("http://127.0.0.1:9", &[], &["completions", "bash"]);
    assert!(o.status.success());
    let script = stdout(&o);
    assert!(script.contains("describe-comp-share-images") && script.contains("--image-type"));
    assert!(
        script.contains("describe-cfs") && script.contains("create-comp-share-share-bandwidth")
    );
    let o = compshare("http://127.0.0.1:9", &[], &["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_closed_stdout_ends_the_output_without_a_panic() {
    use std::io::{BufRead, BufReader};
    // `compshare completions bash | head -1`: the script is far larger than a pipe's buffer.
    let mut child = Command::new(env!("CARGO_BIN_EXE_compshare"))
        .args(["completions", "bash"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("_compshare"), "{first}");
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_values_are_accepted_and_unavailable_actions_are_hidden() {
    let mock = Mock::start().await;
    let url = mock.url();
    let o = tokio::task::spawn_blocking(move || {
        compshare(
            &url,
            KEYS,
            &["describe-comp-share-images", "--image-type", "Game"],
        )
    })
    .await
    .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(json(&o)["RetCode"], 0);
    let sent = mock.requests();
    assert_eq!(sent.len(), 1);
    assert!(
        sent[0]
            .params
            .contains(&("ImageType".into(), "Game".into())),
        "{:?}",
        sent[0].params
    );

    let help = stdout(&compshare("http://127.0.0.1:9", &[], &["--help"]));
    assert!(help.contains("describe-cfs"), "{help}");
    for hidden in [
        "get-software-url",
        "add-favorite-image",
        "describe-favorite-images",
        "remove-favorite-image",
    ] {
        assert!(!help.contains(hidden), "{hidden} is listed:\n{help}");
    }
    let o = compshare(
        "http://127.0.0.1:9",
        &[],
        &["describe-favorite-images", "--help"],
    );
    assert!(
        stdout(&o).contains("Not served in production:"),
        "{}",
        stdout(&o)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_setting_exits_2_and_sends_nothing() {
    let mock = Mock::start().await;
    let url = mock.url();
    let dir = std::env::temp_dir().join(format!("compshare-cli-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let profile = dir.join("config.json");
    std::fs::write(
        &profile,
        r#"{"profiles": {"default": {"public_key": "p", "private_key": "s", "region": ""}}}"#,
    )
    .unwrap();
    let profile = profile.to_str().unwrap().to_owned();
    tokio::task::spawn_blocking(move || {
        let call = ["describe-comp-share-images"];
        // (environment, arguments, the message expected)
        type EmptyCase<'a> = (Vec<(&'a str, &'a str)>, Vec<&'a str>, String);
        let mut cases: Vec<EmptyCase> = Vec::new();
        for var in [
            "COMPSHARE_PUBLIC_KEY",
            "COMPSHARE_PRIVATE_KEY",
            "COMPSHARE_PROFILE",
            "COMPSHARE_CONFIG_FILE",
            "COMPSHARE_BASE_URL",
            "COMPSHARE_REGION",
            "COMPSHARE_ZONE",
            "COMPSHARE_PROJECT_ID",
            "COMPSHARE_TIMEOUT",
            "COMPSHARE_MAX_ATTEMPTS",
            "COMPSHARE_MAX_RESPONSE_BYTES",
        ] {
            let env = vec![KEYS[0], KEYS[1], (var, "")];
            cases.push((env.clone(), call.to_vec(), format!("{var} set but empty")));
            let dry = vec![call[0], "--dry-run"];
            cases.push((env, dry, format!("{var} set but empty")));
        }
        for flag in [
            "--base-url",
            "--region",
            "--zone",
            "--project-id",
            "--timeout",
            "--max-attempts",
            "--profile",
            "--config-file",
        ] {
            let args = vec![call[0], flag, ""];
            cases.push((KEYS.to_vec(), args, format!("{flag} set but empty")));
        }
        let from_file = vec![("COMPSHARE_CONFIG_FILE", profile.as_str())];
        cases.push((
            from_file,
            call.to_vec(),
            "`region` of profile \"default\" set but empty".to_owned(),
        ));
        for (env, args, expected) in cases {
            let o = compshare(&url, &env, &args);
            assert_eq!(o.status.code(), Some(2), "{env:?} {args:?}: {}", stderr(&o));
            assert!(
                stderr(&o).contains(&expected),
                "{env:?} {args:?}: {}",
                stderr(&o)
            );
            assert!(
                !stdout(&o).contains("https://api.compshare.cn"),
                "{}",
                stdout(&o)
            );
        }
    })
    .await
    .unwrap();
    assert!(mock.requests().is_empty(), "{:?}", mock.requests());
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_query_that_fails_after_the_call_prints_the_answer_and_exits_1() {
    let mock = Mock::builder().stateful().start().await.unwrap();
    let url = mock.url();
    let o = tokio::task::spawn_blocking(move || {
        compshare(
            &url,
            KEYS,
            &[
                "create-comp-share-instance",
                "--machine-type",
                "G",
                "--gpu",
                "1",
                "--memory",
                "65536",
                "--cpu",
                "16",
                "--gpu-type",
                "4090",
                "--comp-share-image-id",
                "compshareImage-x",
                "--disks",
                "is-boot=true,type=CLOUD_SSD,size=100",
                "--query",
                "length(RetCode)",
            ],
        )
    })
    .await
    .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--query could not be evaluated"),
        "{}",
        stderr(&o)
    );
    let answer = json(&o);
    assert_eq!(
        answer["UHostIds"].as_array().map(Vec::len),
        Some(1),
        "{answer}"
    );
    assert_eq!(mock.requests().len(), 1);
    // A query that does not parse is refused before anything is sent.
    let url = mock.url();
    let o = tokio::task::spawn_blocking(move || {
        compshare(
            &url,
            KEYS,
            &["describe-comp-share-instance", "--query", "[?"],
        )
    })
    .await
    .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(mock.requests().len(), 1);
}

/// Each action's example request, read from the generated wire snapshots.
fn example_requests() -> Vec<(String, Vec<(String, String)>)> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../generated/tests/wire/snapshots"
    );
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with("__example_request.snap") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let body = text.splitn(3, "---\n").nth(2).expect("an insta snapshot");
        let (mut action, mut params) = (None, Vec::new());
        for line in body.lines().filter(|l| !l.is_empty()) {
            let (k, v) = line.split_once('=').expect("Name=Value");
            match k {
                "Action" => action = Some(v.to_owned()),
                "PublicKey" | "Signature" => {}
                _ => params.push((k.to_owned(), v.to_owned())),
            }
        }
        out.push((action.unwrap(), params));
    }
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_output_is_every_response_example_member_for_member() {
    let server = MockServer::start(|request| {
        // A JSON body (GetCompShareInstanceMonitor) carries the action as a member.
        let action = request.param("Action").unwrap_or_else(|| {
            serde_json::from_slice::<serde_json::Value>(&request.body).unwrap_or_default()["Action"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        });
        let example = compshare::by_name(&action)
            .and_then(|e| e.response_example)
            .unwrap_or(r#"{"RetCode": 0}"#);
        Reply::json(serde_json::from_str(example).unwrap())
    })
    .await;
    let url = server.url();
    let compared = tokio::task::spawn_blocking(move || {
        let help = stdout(&compshare(&url, &[], &["--help"]));
        let mut compared = 0;
        for (action, params) in example_requests() {
            let info = compshare::schema::ACTIONS
                .iter()
                .find(|a| a.name == action)
                .unwrap();
            let entry = compshare::by_name(&action).unwrap();
            let (Some(example), false, None) =
                (entry.response_example, info.download, info.unavailable)
            else {
                continue;
            };
            let command = subcommand_of(&help, &action);
            let mut args = vec![command];
            for (name, value) in params {
                args.push("--param".to_owned());
                args.push(format!("{name}={value}"));
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let o = compshare(&url, KEYS, &args);
            assert!(o.status.success(), "{action}: {}", stderr(&o));
            let expected: serde_json::Value = serde_json::from_str(example).unwrap();
            assert_eq!(json(&o), expected, "{action}");
            compared += 1;
        }
        compared
    })
    .await
    .unwrap();
    eprintln!("{compared} response examples printed member for member");
    assert!(compared >= 95, "{compared}");
}

/// The subcommand of `action`, found in `compshare --help`: its name without dashes is the
/// action's name in lower case.
fn subcommand_of(help: &str, action: &str) -> String {
    help.lines()
        .filter_map(|l| l.strip_prefix("  ")?.split_whitespace().next())
        .find(|name| name.replace('-', "") == action.to_lowercase())
        .unwrap_or_else(|| panic!("no subcommand for {action}"))
        .to_owned()
}

#[test]
fn param_sends_any_wire_param_as_written() {
    let o = compshare(
        "http://127.0.0.1:9",
        KEYS,
        &[
            "describe-comp-share-images",
            "--param",
            "NewField=1",
            "--param",
            "Limit=007",
            "--dry-run",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let body = stdout(&o);
    assert!(
        body.contains("NewField=1") && body.contains("Limit=007"),
        "{body}"
    );
    assert!(
        stderr(&o).contains("note: NewField is not a param of DescribeCompShareImages"),
        "{}",
        stderr(&o)
    );
    // A required param may come by name too.
    let o = compshare(
        "http://127.0.0.1:9",
        KEYS,
        &[
            "stop-comp-share-instance",
            "--param",
            "UHostId=uhost-1",
            "--dry-run",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("UHostId=uhost-1"), "{}", stdout(&o));
}

#[test]
fn a_bad_setting_and_a_bad_param_are_reported_together() {
    let env = [KEYS[0], KEYS[1], ("COMPSHARE_TIMEOUT", "abc")];
    let o = compshare(
        "http://127.0.0.1:9",
        &env,
        &["describe-comp-share-images", "--limit", "101"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    for part in [
        "COMPSHARE_TIMEOUT=\"abc\" is not valid",
        "Limit must be at most 100",
    ] {
        assert!(stderr(&o).contains(part), "no {part:?} in {}", stderr(&o));
    }
}
