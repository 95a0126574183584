use crate::decode::Decode;
use crate::form::EncodeForm;
use crate::validate::Validate;

/// One API action's request. Generated for every action.
pub trait Action: EncodeForm + Validate + Send {
    /// The wire name, sent as `Action=`.
    const NAME: &'static str;
    /// Whether a failed attempt may be sent again. False for create-like actions.
    const RETRYABLE: bool;
    type Response: Decode + Default + Send;

    /// The common params this action has, for filling from the config.
    fn common(&mut self) -> Common<'_>;
}

/// Mutable access to the common params an action declares; `None` where it has no such param.
#[derive(Default)]
pub struct Common<'a> {
    pub region: Option<&'a mut Option<String>>,
    pub zone: Option<&'a mut Option<String>>,
    pub project_id: Option<&'a mut Option<String>>,
}

impl Common<'_> {
    /// Fills each unset param from its default.
    pub fn fill(self, region: &str, zone: Option<&str>, project_id: Option<&str>) {
        fill(self.region, Some(region));
        fill(self.zone, zone);
        fill(self.project_id, project_id);
    }
}

fn fill(slot: Option<&mut Option<String>>, default: Option<&str>) {
    if let (Some(slot @ None), Some(default)) = (slot, default) {
        *slot = Some(default.to_owned());
    }
}
