//! The sessions in this crate's README.md are tests: each command runs against the stateful
//! mock on 127.0.0.1 and its output must match the page.

use compshare_mock::{Mock, PRIVATE_KEY, PUBLIC_KEY};

#[test]
fn readme_sessions() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let mock = runtime.block_on(async { Mock::builder().stateful().start().await.unwrap() });
    let dir = std::env::temp_dir().join(format!("compshare-cli-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let profile = dir.join("config.json");
    trycmd::TestCases::new()
        .register_bin("compshare", trycmd::cargo::cargo_bin!("compshare"))
        .env("COMPSHARE_BASE_URL", mock.url())
        .env("COMPSHARE_PUBLIC_KEY", PUBLIC_KEY)
        .env("COMPSHARE_PRIVATE_KEY", PRIVATE_KEY)
        .env("COMPSHARE_CONFIG_FILE", profile.to_string_lossy())
        .env("HOME", dir.to_string_lossy())
        .case("README.md")
        .run();
    drop(mock);
    std::fs::remove_dir_all(dir).unwrap();
}
