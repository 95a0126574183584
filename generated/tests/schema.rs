//! The actions as data: response members name models that exist, and documented actions that
//! production does not serve say so.

use compshare::runtime::schema::{ParamInfo, ParamKind};
use compshare::schema::{ACTIONS, MODELS, model};

fn models_named(members: &[ParamInfo]) -> Vec<&'static str> {
    members
        .iter()
        .filter_map(|m| match m.kind {
            ParamKind::Model(name) => Some(name),
            _ => None,
        })
        .collect()
}

#[test]
fn every_model_a_member_names_is_in_the_table() {
    assert!(MODELS.windows(2).all(|w| w[0].name < w[1].name), "sorted");
    let mut named = 0;
    for action in ACTIONS {
        for name in models_named(action.response) {
            assert!(model(name).is_some(), "{}: no model {name}", action.name);
            named += 1;
        }
        // Request params are expanded, never named.
        assert!(models_named(action.params).is_empty(), "{}", action.name);
    }
    for m in MODELS {
        for name in models_named(m.fields) {
            assert!(model(name).is_some(), "{}: no model {name}", m.name);
        }
    }
    assert!(named > 50, "{named}");
    assert!(model("NoSuchModel").is_none());
}

#[test]
fn response_members_carry_types_and_enums() {
    let instances = ACTIONS
        .iter()
        .find(|a| a.name == "DescribeCompShareInstance")
        .unwrap();
    let set = instances
        .response
        .iter()
        .find(|m| m.name == "UHostSet")
        .unwrap();
    assert!(set.list);
    assert!(matches!(set.kind, ParamKind::Model("CompShareInstanceSet")));
    let instance = model("CompShareInstanceSet").unwrap();
    let state = instance.fields.iter().find(|f| f.name == "State").unwrap();
    let ParamKind::Enum { values, closed } = state.kind else {
        panic!("{:?}", state.kind)
    };
    assert!(!closed, "response enums are open");
    assert!(values.contains(&"Running"), "{values:?}");
    assert!(instance.fields.iter().any(|f| f.name == "Region"));
    let total = instances
        .response
        .iter()
        .find(|m| m.name == "TotalCount")
        .unwrap();
    assert!(matches!(total.kind, ParamKind::Integer));
}

#[test]
fn actions_production_does_not_serve_say_why() {
    let unavailable: Vec<&str> = ACTIONS
        .iter()
        .filter(|a| a.unavailable.is_some())
        .map(|a| a.name)
        .collect();
    assert_eq!(
        unavailable,
        [
            "AddFavoriteImage",
            "DescribeFavoriteImages",
            "GetSoftwareURL",
            "RemoveFavoriteImage"
        ]
    );
    for a in ACTIONS.iter().filter(|a| a.unavailable.is_some()) {
        assert!(
            a.unavailable.unwrap().contains("compshare-cli 0.5.6"),
            "{}: {:?}",
            a.name,
            a.unavailable
        );
    }
}

#[test]
fn image_type_takes_the_live_values_and_refuses_others() {
    use compshare::actions::describe_comp_share_images::ImageType;
    use compshare::{Client, Config, Credential};

    let names: Vec<&str> = [
        ImageType::System,
        ImageType::App,
        ImageType::Game,
        ImageType::Other,
    ]
    .iter()
    .map(ImageType::as_str)
    .collect();
    assert_eq!(names, ["System", "App", "Game", "Other"]);
    let client = Client::new(Config::new(Credential::new("pk", "sk"))).unwrap();
    let params = |v: &str| vec![("ImageType".to_owned(), v.to_owned())];
    for live in ["Game", "Other"] {
        let sent = compshare::prepare(&client, "DescribeCompShareImages", &params(live)).unwrap();
        assert!(
            sent.contains(&("ImageType".to_owned(), live.to_owned())),
            "{sent:?}"
        );
    }
    let Err(compshare::Error::Validation(e)) =
        compshare::prepare(&client, "DescribeCompShareImages", &params("Bogus"))
    else {
        panic!("Bogus was accepted")
    };
    assert_eq!(e.violations.len(), 1, "{e}");
    assert_eq!(e.violations[0].field, "ImageType");
}
