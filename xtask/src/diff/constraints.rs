//! What values a request accepts: bounds and enum values, compared one by one.

use codegen::spec::{Bound, BoundKind, EnumSpec, FieldSpec};

use super::change::Side;
use super::checks::CheckId;
use super::compare::{Cx, Row, Subject, by_name, keys};
use super::fields::Owner;
use super::rust;

impl Cx<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn enum_values(
        &mut self,
        s: &Subject,
        owner: &Owner,
        path: &str,
        h: &FieldSpec,
        be: &EnumSpec,
        he: &EnumSpec,
        closed: bool,
    ) {
        let ty = rust::enum_name(h).unwrap_or_default();
        let request = owner.is_request();
        let at = self.place(Side::Head, &he.loc);
        let (bc, hc) = (
            be.closed && closed && request,
            he.closed && closed && request,
        );
        if bc != hc {
            let (check, before, after, effect) = if hc {
                (
                    CheckId::EnumClosed,
                    "open",
                    "closed",
                    format!(
                        "`{ty}` loses its catch-all: values other than the listed ones can no longer be sent"
                    ),
                )
            } else {
                (
                    CheckId::EnumOpened,
                    "closed",
                    "open",
                    format!(
                        "`{ty}` gains a catch-all variant holding values it does not list; integer casts of its values (`as isize`) no longer compile"
                    ),
                )
            };
            self.push(
                s,
                Row {
                    check,
                    path: path.to_owned(),
                    before: before.into(),
                    after: after.into(),
                    effect,
                    at: at.clone(),
                },
            );
        }
        let bmap = by_name(&be.values, |v| &v.value.value);
        let hmap = by_name(&he.values, |v| &v.value.value);
        for value in keys(&bmap, &hmap) {
            let variant = format!("`{ty}::{}`", rust::variant(value));
            match (bmap.get(value), hmap.get(value)) {
                (Some(_), None) => {
                    let also = if hc {
                        format!("; `{value}` can no longer be sent")
                    } else {
                        String::new()
                    };
                    self.push(
                        s,
                        Row {
                            check: CheckId::EnumValueRemoved,
                            path: path.to_owned(),
                            before: value.to_owned(),
                            after: String::new(),
                            effect: format!("{variant} is gone{also}"),
                            at: at.clone(),
                        },
                    );
                }
                (None, Some(v)) => {
                    let at = self.place(Side::Head, &v.value.loc);
                    self.push(
                        s,
                        Row {
                            check: CheckId::EnumValueAdded,
                            path: path.to_owned(),
                            before: String::new(),
                            after: value.to_owned(),
                            effect: format!("new variant {variant}"),
                            at,
                        },
                    );
                }
                (Some(x), Some(y)) => {
                    let at = self.place(Side::Head, &y.value.loc);
                    self.text(
                        s,
                        CheckId::DescriptionChanged,
                        &format!("{path} = {value}"),
                        &x.description,
                        &y.description,
                        format!("the doc comment of {variant}"),
                        at,
                    );
                }
                (None, None) => {}
            }
        }
    }

    pub(super) fn bounds(
        &mut self,
        s: &Subject,
        request: bool,
        path: &str,
        b: &FieldSpec,
        h: &FieldSpec,
    ) {
        let name = rust::field(&h.name.value);
        for kind in BoundKind::ALL {
            let (x, y) = (
                b.bound(kind).map(|x| x.value),
                h.bound(kind).map(|y| y.value),
            );
            if x == y {
                continue;
            }
            let at = match h.bound(kind) {
                Some(y) => self.place(Side::Head, &y.loc),
                None => self.place(Side::Head, &h.loc),
            };
            let shown = |v: Option<Bound>| {
                v.map(|v| format!("{} {}", kind.key(), number(v.number())))
                    .unwrap_or_default()
            };
            let (before, after) = (shown(x), shown(y));
            if !request {
                let effect = format!(
                    "nothing: responses are never rejected on constraint grounds; the doc comment of `{name}` changes"
                );
                self.push(
                    s,
                    Row {
                        check: CheckId::ResponseConstraintChanged,
                        path: path.to_owned(),
                        before,
                        after,
                        effect,
                        at,
                    },
                );
                continue;
            }
            let (check, effect) = match (x, y) {
                (None, Some(y)) => (
                    CheckId::ConstraintAdded,
                    format!(
                        "calls with {} now fail validation before sending",
                        failing(&name, y)
                    ),
                ),
                (Some(x), None) => (
                    CheckId::ConstraintRemoved,
                    format!("calls with {} are now sent", failing(&name, x)),
                ),
                (Some(x), Some(y)) => {
                    let tighter = match kind {
                        BoundKind::Min => y.number() > x.number(),
                        _ => y.number() < x.number(),
                    };
                    if tighter {
                        (
                            CheckId::ConstraintTightened,
                            format!(
                                "calls with {} now fail validation before sending (the limit was {})",
                                failing(&name, y),
                                number(x.number())
                            ),
                        )
                    } else {
                        (
                            CheckId::ConstraintLoosened,
                            format!(
                                "calls with {} now pass validation (the limit is now {})",
                                failing(&name, x),
                                number(y.number())
                            ),
                        )
                    }
                }
                (None, None) => continue,
            };
            self.push(
                s,
                Row {
                    check,
                    path: path.to_owned(),
                    before,
                    after,
                    effect,
                    at,
                },
            );
        }
    }
}

/// The values a bound rejects, in words: "`memory` < 1024".
fn failing(name: &str, bound: Bound) -> String {
    match bound {
        Bound::Min(n) => format!("`{name}` < {}", number(n)),
        Bound::Max(n) => format!("`{name}` > {}", number(n)),
        Bound::MaxLength(n) => format!("`{name}` longer than {n} characters"),
        Bound::MaxItems(n) => format!("more than {n} `{name}`"),
    }
}

fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}
