//! The default answers of list actions (those whose schema has `paging`): their items are a
//! list of their own, the response example's, paged by the request's offset and limit, with
//! the total saying how many there are. The docs' examples hold one item and a made-up total
//! (DescribeCompShareImages' says 2), which a client paging through them would never reach.

use compshare::runtime::schema::PagingInfo;
use serde_json::{Map, Value};

/// A list action's items.
#[derive(Debug)]
pub(crate) struct Paged {
    info: PagingInfo,
    items: Vec<Value>,
}

impl Paged {
    /// Takes the items of `body` as the whole list, and makes `body` its first page with the
    /// true total.
    pub fn new(info: PagingInfo, body: &mut Map<String, Value>) -> Self {
        let items = match body.get(info.items) {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        let paged = Self { info, items };
        paged.apply(&[], body);
        paged
    }

    /// Whether the request gives an offset or a limit, so the first page may not do.
    pub fn asked(&self, params: &[(String, String)]) -> bool {
        (params.iter()).any(|(k, _)| k == self.info.offset || k == self.info.limit)
    }

    /// Puts the page the request asks for, and the total, into `body`.
    pub fn apply(&self, params: &[(String, String)], body: &mut Map<String, Value>) {
        let number = |name: &str| {
            (params.iter())
                .find(|(k, _)| k == name)
                .and_then(|(_, v)| v.trim().parse::<i64>().ok())
        };
        let offset = usize::try_from(number(self.info.offset).unwrap_or(0)).unwrap_or(0);
        let limit = number(self.info.limit).unwrap_or(self.info.page_size);
        let limit = usize::try_from(limit).unwrap_or(0);
        let page: Vec<Value> = self
            .items
            .iter()
            .skip(offset)
            .take(limit)
            .cloned()
            .collect();
        body.insert(self.info.items.to_owned(), Value::Array(page));
        if let Some(total) = self.info.total {
            body.insert(total.to_owned(), Value::from(self.items.len()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const INFO: PagingInfo = PagingInfo {
        offset: "Offset",
        limit: "Limit",
        page_size: 2,
        items: "Set",
        total: Some("Total"),
    };

    fn params(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn pages_come_from_one_list_with_its_true_total() {
        let mut body = json!({"Set": [1, 2, 3], "Total": 8, "Other": "kept"});
        let body = body.as_object_mut().unwrap();
        let paged = Paged::new(INFO, body);
        assert_eq!(
            json!(body),
            json!({"Set": [1, 2], "Total": 3, "Other": "kept"})
        );
        assert!(!paged.asked(&params(&[("Region", "x")])));
        let asked = params(&[("Offset", "1"), ("Limit", "5")]);
        assert!(paged.asked(&asked));
        paged.apply(&asked, body);
        assert_eq!(json!(body["Set"]), json!([2, 3]));
        paged.apply(&params(&[("Offset", "7")]), body);
        assert_eq!(
            (json!(body["Set"]), json!(body["Total"])),
            (json!([]), json!(3))
        );
        let mut empty = Map::new();
        Paged::new(INFO, &mut empty);
        assert_eq!(json!(empty), json!({"Set": [], "Total": 0}));
    }
}
