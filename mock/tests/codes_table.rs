//! The README's table of the mock's codes is the mock's: every code the mock answers with is in
//! it, every code in it is one the mock answers with, and a few are answered as it says.

use compshare_mock::{Mock, codes};

/// The codes in README.md's table under `| RetCode | When |`.
fn documented() -> Vec<i64> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let table = readme
        .split("| RetCode | When |")
        .nth(1)
        .expect("README has the mock's table of codes");
    let mut out: Vec<i64> = table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .flat_map(|l| {
            let cell = l.split('|').nth(1).unwrap_or_default().to_owned();
            cell.split('/')
                .map(|c| c.trim().parse::<i64>().expect("a code"))
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn the_table_lists_exactly_the_codes_the_mock_answers_with() {
    let mut answered = vec![
        codes::MISSING_ACTION,
        codes::NO_SUCH_ACTION,
        codes::MISSING_SIGNATURE,
        codes::BAD_SIGNATURE,
        codes::NO_SUCH_USER,
        codes::INVALID_PARAMS,
        codes::NO_SUCH_INSTANCE,
        codes::WRONG_INSTANCE_STATE,
        codes::NO_SUCH_DISK,
        codes::NO_SUCH_CFS,
        codes::NO_SUCH_BANDWIDTH,
        codes::WRONG_RESOURCE_STATE,
        codes::TOO_MANY_RESOURCES,
        codes::NO_MATCHING_RULE,
    ];
    answered.sort();
    assert_eq!(documented(), answered);
}

#[tokio::test]
async fn codes_are_answered_as_the_table_says() {
    let mock = Mock::builder().stateful().start().await.unwrap();
    let client = mock.client();
    let code = |r: Result<serde_json::Value, compshare::Error>| r.unwrap_err().code();
    // 161: a documented action production does not serve.
    let r = compshare::call(
        &client,
        "GetSoftwareURL",
        &params(&[("UHostId", "u"), ("Software", "x")]),
    )
    .await;
    assert_eq!(code(r), Some(codes::NO_SUCH_ACTION));
    // 240: no such instance.
    let r = compshare::call(
        &client,
        "StopCompShareInstance",
        &params(&[("UHostId", "uhost-none")]),
    )
    .await;
    assert_eq!(code(r), Some(codes::NO_SUCH_INSTANCE));
    // 250: rules exist and none answers.
    mock.on::<compshare::DescribeCompShareImagesRequest>()
        .matching(|r| r.limit == Some(1))
        .fail(153, "never");
    let r = compshare::call(
        &client,
        "DescribeCompShareImages",
        &params(&[("Limit", "2")]),
    )
    .await;
    assert_eq!(code(r), Some(codes::NO_MATCHING_RULE));
}

fn params(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
