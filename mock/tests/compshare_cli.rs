//! The platform's own CLI, compshare-cli 0.5.6, drives the standalone mock (`--stateful`)
//! through real flows: instances from create to delete, image lists, data disks, CFS and
//! shared bandwidth. Each command runs with `--json` through `tests/python/compshare_cli.py`,
//! and the tests assert on its JSON document and exit status.
//!
//! compshare-cli comes from the virtualenv `cargo xtask test` installs; without it these tests
//! fail and say so.

mod support;

use std::path::PathBuf;
use std::process::Command;

use serde_json::{Value, json};
use support::Server;

const PUBLIC_KEY: &str = "compshare-cli-public-key";
const PRIVATE_KEY: &str = "compshare-cli-private-key";

/// A stateful mock and a compshare-cli pointed at it, with a profile directory of its own.
struct Cli {
    server: Server,
    python: PathBuf,
    home: PathBuf,
}

impl Cli {
    /// `None`, after saying so, where compshare-cli is not installed.
    fn start(name: &str) -> Option<Self> {
        let Some(python) = testkit::cli_python() else {
            testkit::skipped(&format!("compshare_cli ({name})"));
            return None;
        };
        let server = Server::start(&[
            "--public-key",
            PUBLIC_KEY,
            "--private-key",
            PRIVATE_KEY,
            "--stateful",
        ]);
        let home =
            std::env::temp_dir().join(format!("compshare-mock-cli-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&home).unwrap();
        Some(Self {
            server,
            python,
            home,
        })
    }

    /// Runs `compshare --json ARGS` and returns its exit status and JSON document.
    fn run(&self, args: &[&str]) -> (i32, Value) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/compshare_cli.py");
        // Nothing from the caller's environment: no profile, proxy or language of theirs.
        let out = Command::new(&self.python)
            .env_clear()
            .envs([
                ("COMPSHARE_PUBLIC_KEY", PUBLIC_KEY),
                ("COMPSHARE_PRIVATE_KEY", PRIVATE_KEY),
                ("COMPSHARE_LANG", "en"),
                ("COMPSHARE_INSIGHTS_URL", ""),
            ])
            .env("COMPSHARE_CONFIG_FILE", self.home.join("config.json"))
            .env("COMPSHARE_TEMPLATE_FILE", self.home.join("templates.json"))
            .env("XDG_CONFIG_HOME", &self.home)
            .env("HOME", &self.home)
            .arg(script)
            .arg(&self.server.url)
            .arg("--json")
            .args(args)
            .output()
            .expect("start Python");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let document = serde_json::from_str(&stdout).unwrap_or_else(|_| {
            panic!(
                "compshare {args:?} printed no JSON document\nstdout: {stdout}\nstderr: {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out.status.code().unwrap_or(-1), document)
    }

    /// Runs a command that must succeed, and returns its `data`.
    fn ok(&self, args: &[&str]) -> Value {
        let (status, document) = self.run(args);
        assert_eq!(status, 0, "compshare {args:?}: {document}");
        assert_eq!(document["ok"], true, "compshare {args:?}: {document}");
        document["data"].clone()
    }

    /// Runs a command that must fail with an API error, and returns its `RetCode`.
    fn api_error(&self, args: &[&str]) -> i64 {
        let (status, document) = self.run(args);
        assert_eq!(status, 1, "compshare {args:?}: {document}");
        assert_eq!(document["error"]["code"], "api_error", "{document}");
        document["error"]["details"]["ret_code"].as_i64().unwrap()
    }

    /// `instance create` of one 4090 instance in `zone`, waiting until it runs; its id.
    fn create_instance(&self, name: &str, zone: &str, extra: &[&str]) -> String {
        let mut args = vec![
            "instance",
            "create",
            "--gpu",
            "4090",
            "--count",
            "1",
            "--cpu",
            "16",
            "--memory",
            "64GiB",
            "--image",
            "compshareImage-base",
            "--region",
            "cn-wlcb",
            "--zone",
            zone,
            "--name",
            name,
            "--charge",
            "Postpay",
            "--wait",
            "--yes",
        ];
        args.extend(extra);
        let created = self.ok(&args);
        let id = created["instance"]["UHostIds"][0]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(created["final"][0]["UHostSet"][0]["State"], "Running");
        id
    }
}

impl Drop for Cli {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

fn items(data: &Value) -> &Vec<Value> {
    data["items"].as_array().expect("a list")
}

#[test]
fn compshare_cli_runs_an_instance_from_create_to_delete() {
    let Some(cli) = Cli::start("instances") else {
        return;
    };
    assert!(items(&cli.ok(&["instance", "list"])).is_empty());

    let id = cli.create_instance("trainer", "cn-wlcb-01", &[]);
    assert!(id.starts_with("uhost-"), "{id}");
    let listed = cli.ok(&["instance", "list"]);
    assert_eq!(
        items(&listed)[0],
        json!({
            "UHostId": id, "Name": "trainer", "State": "Running", "GpuType": "4090", "GPU": 1,
            "CPU": 16, "Memory": 65536, "Region": "cn-wlcb", "Zone": "cn-wlcb-01",
            "ChargeType": "Postpay", "InstancePrice": null,
        })
    );
    let shown = &cli.ok(&["instance", "show", &id])["UHostSet"][0];
    assert_eq!(shown["CompShareImageId"], "compshareImage-base");
    assert_eq!(shown["MachineType"], "G");
    assert_eq!(
        shown["DiskSet"],
        json!([{"DiskType": "CLOUD_SSD", "IsBoot": true, "Size": 100}])
    );

    for (command, state) in [
        ("stop", "Stopped"),
        ("start", "Running"),
        ("reboot", "Running"),
    ] {
        // Only start asks for no confirmation.
        let yes: &[&str] = if command == "start" { &[] } else { &["--yes"] };
        let moved = cli.ok(&[&["instance", command, &id, "--wait"][..], yes].concat());
        assert_eq!(moved["failed"], json!([]), "{command}: {moved}");
        let final_state = &moved["succeeded"][0]["final"]["UHostSet"][0]["State"];
        assert_eq!(final_state, state, "{command}");
    }
    // A running instance cannot start: the mock's own code for a wrong state.
    let (status, refused) = cli.run(&["instance", "start", &id]);
    assert_eq!(status, 1, "{refused}");
    let error = &refused["error"];
    assert_eq!(error["code"], "partial_failure", "{refused}");
    assert_eq!(
        error["details"]["failed"][0]["error"]["ret_code"], 241,
        "{refused}"
    );

    let deleted = cli.ok(&["instance", "delete", &id, "--wait", "--yes"]);
    assert_eq!(deleted["succeeded"][0]["final"]["UHostSet"], json!([]));
    assert!(items(&cli.ok(&["instance", "list"])).is_empty());
    let (status, missing) = cli.run(&["instance", "show", &id]);
    assert_eq!(status, 2, "{missing}");
    assert_eq!(
        missing["error"]["message"],
        format!("Instance {id} was not found.")
    );
}

#[test]
fn compshare_cli_lists_platform_and_community_images() {
    let Some(cli) = Cli::start("images") else {
        return;
    };
    // Platform images are asked for per image type, Game and Other included.
    let platform = cli.ok(&["image", "list"]);
    assert!(!items(&platform).is_empty(), "{platform}");
    assert!(items(&platform)[0].get("CompShareImageId").is_some());
    let community = cli.ok(&["image", "list", "--source", "community"]);
    assert!(community["items"].is_array(), "{community}");
}

#[test]
fn compshare_cli_creates_resizes_moves_and_deletes_a_data_disk() {
    let Some(cli) = Cli::start("disks") else {
        return;
    };
    assert!(items(&cli.ok(&["storage", "disk", "list"])).is_empty());
    let host = cli.create_instance("disk-host", "cn-wlcb-01", &[]);

    let create = [
        "storage",
        "disk",
        "create",
        "--instance",
        &host,
        "--size",
        "200GiB",
    ];
    let disk = cli.ok(&[&create[..], &["--name", "data", "--yes"]].concat())["UDiskId"]
        .as_str()
        .unwrap()
        .to_owned();
    let listed = cli.ok(&["storage", "disk", "list"]);
    assert_eq!(
        items(&listed)[0],
        json!({
            "ResourceId": disk, "Name": "data", "Configuration": "200GB",
            "DiskType": "SSDDataDisk", "Status": "InUse", "MountInstance": host,
            "Zone": "cn-wlcb-01",
        })
    );
    cli.ok(&[
        "storage", "disk", "resize", &disk, "--size", "300GiB", "--yes",
    ]);
    let detach = ["storage", "disk", "detach", &disk, "--instance", &host];
    cli.ok(&[&detach[..], &["--device", "/dev/vdb", "--yes"]].concat());
    let listed = cli.ok(&["storage", "disk", "list"]);
    assert_eq!(items(&listed)[0]["Status"], "Available");
    assert_eq!(items(&listed)[0]["Configuration"], "300GB");
    let attached = cli.ok(&["storage", "disk", "attach", &disk, "--instance", &host]);
    assert_eq!(attached["DeviceName"], "/dev/vdb");
    let shown = &cli.ok(&["instance", "show", &host, "--disks"])["UHostSet"][0];
    assert_eq!(shown["DiskSet"][1]["DiskId"], disk.as_str(), "{shown}");

    cli.ok(&["storage", "disk", "delete", &disk, "--yes"]);
    assert!(items(&cli.ok(&["storage", "disk", "list"])).is_empty());
    let gone = ["storage", "disk", "delete", &disk, "--region", "cn-wlcb"];
    let code = cli.api_error(&[&gone[..], &["--zone", "cn-wlcb-01", "--yes"]].concat());
    assert_eq!(code, 242);
}

#[test]
fn compshare_cli_buys_resizes_mounts_and_deletes_cfs() {
    let Some(cli) = Cli::start("cfs") else {
        return;
    };
    assert!(items(&cli.ok(&["storage", "cfs", "list"])).is_empty());
    let pod_zone = ["--region", "cn-wlcb", "--zone", "cn-wlcb-02"];
    let create = [
        "storage", "cfs", "create", "--name", "train", "--size", "100GiB",
    ];
    cli.ok(&[&create[..], &pod_zone, &["--yes"]].concat());
    let listed = cli.ok(&["storage", "cfs", "list"]);
    let cfs = items(&listed)[0]["CfsId"].as_str().unwrap().to_owned();
    assert_eq!(items(&listed)[0]["Size"], 100);
    assert_eq!(items(&listed)[0]["ZoneId"], 2);

    let resize = ["storage", "cfs", "resize", &cfs, "--size", "200GiB"];
    cli.ok(&[&resize[..], &pod_zone, &["--yes"]].concat());
    // A container instance created with --cfs mounts the zone's CFS.
    let pod = cli.create_instance("pod", "cn-wlcb-02", &["--cfs"]);
    assert!(pod.starts_with("cpod-"), "{pod}");
    let shown = &cli.ok(&["storage", "cfs", "show", &cfs])["CFSSet"][0];
    assert_eq!(shown["Size"], 200);
    assert_eq!(shown["MountedUHostIds"], json!([pod]));

    let delete = ["storage", "cfs", "delete", &cfs];
    let delete = [&delete[..], &pod_zone, &["--yes"]].concat();
    assert_eq!(cli.api_error(&delete), 245, "a mounted CFS stays");
    cli.ok(&["storage", "cfs", "detach", "--instance", &pod, "--yes"]);
    cli.ok(&delete);
    assert!(items(&cli.ok(&["storage", "cfs", "list"])).is_empty());
    assert_eq!(cli.api_error(&delete), 243);
}

#[test]
fn compshare_cli_buys_resizes_and_deletes_shared_bandwidth() {
    let Some(cli) = Cli::start("bandwidth") else {
        return;
    };
    assert!(items(&cli.ok(&["bandwidth", "list"])).is_empty());
    let zone = ["--region", "cn-wlcb", "--zone", "cn-wlcb-01"];
    let create = [
        &["bandwidth", "create", "--bandwidth", "100"][..],
        &zone,
        &["--yes"],
    ]
    .concat();
    let created = cli.ok(&create);
    let id = created["created"]["CompanyShareBandwidth"]["ShareBandwidthId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(cli.api_error(&create), 245, "one per zone");

    let listed = cli.ok(&["bandwidth", "list"]);
    let row = &items(&listed)[0];
    assert_eq!(
        (&row["ShareBandwidthId"], &row["Zone"], &row["Bandwidth"]),
        (&json!(id), &json!("cn-wlcb-01"), &json!(100))
    );
    cli.ok(&[
        &["bandwidth", "resize", &id, "--bandwidth", "200"][..],
        &zone,
        &["--yes"],
    ]
    .concat());
    assert_eq!(items(&cli.ok(&["bandwidth", "list"]))[0]["Bandwidth"], 200);
    let delete = [&["bandwidth", "delete", &id][..], &zone, &["--yes"]].concat();
    cli.ok(&delete);
    assert!(items(&cli.ok(&["bandwidth", "list"])).is_empty());
    assert_eq!(cli.api_error(&delete), 244);
}
