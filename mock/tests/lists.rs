//! List actions' default answers: one list, paged by `Offset` and `Limit`, with a true total,
//! so that a client paging through them ends.

mod support;

use compshare_mock::{Mock, PRIVATE_KEY, PUBLIC_KEY};
use futures_util::StreamExt;
use support::{post_form, signed};

#[tokio::test]
async fn default_lists_are_paged_and_their_totals_true() {
    let mock = Mock::start().await;
    let client = mock.client();
    let first = client.describe_comp_share_images().send().await.unwrap();
    // The docs' example says TotalCount 2 and holds one image.
    assert_eq!((first.total_count, first.image_set.len()), (Some(1), 1));
    let past = client
        .describe_comp_share_images()
        .offset(1)
        .limit(10)
        .send()
        .await
        .unwrap();
    assert_eq!((past.total_count, past.image_set.len()), (Some(1), 0));

    // The SDK's paginator stops after the one image.
    let items: Vec<_> = client
        .describe_comp_share_images()
        .limit(1)
        .paginate()
        .items()
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    assert!(items.iter().all(Result::is_ok));

    // Every list action, raw: a page past the end holds no items and the same total.
    for info in compshare::schema::ACTIONS {
        let (Some(paging), None) = (info.paging, info.unavailable) else {
            continue;
        };
        let examples = support::examples();
        let mut params: Vec<(&str, &str)> = examples[info.name]
            .iter()
            .filter(|(k, _)| k != paging.offset && k != paging.limit)
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let mut first = params.clone();
        first.extend([(paging.offset, "0"), (paging.limit, "100")]);
        let all = post_form(
            &mock.url(),
            &signed(info.name, &first, PUBLIC_KEY, PRIVATE_KEY),
        )
        .await;
        assert_eq!(all.code(), 0, "{}: {:?}", info.name, all.body);
        let count = all.body[paging.items].as_array().unwrap().len();
        let past = count.to_string();
        params.extend([(paging.offset, past.as_str()), (paging.limit, "1")]);
        let none = post_form(
            &mock.url(),
            &signed(info.name, &params, PUBLIC_KEY, PRIVATE_KEY),
        )
        .await;
        assert_eq!(
            none.body[paging.items],
            serde_json::json!([]),
            "{}",
            info.name
        );
        if let Some(total) = paging.total {
            assert_eq!(all.body[total], count, "{}", info.name);
            assert_eq!(none.body[total], count, "{}", info.name);
        }
    }
}
