//! Select-Object: picks properties (names, wildcards, calculated properties) into new
//! objects, expands one property, or takes -First/-Last/-Skip/-Index/-Unique objects.
//! -First stops the commands upstream once it has enough.

use std::collections::VecDeque;

use crate::cmdlets::core::util::{self, Selector};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, Flow, FlowResult};
use crate::engine::ops;
use crate::engine::registry::SelectObjectArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct SelectObject {
    selectors: Vec<Selector>,
    seen: usize,
    emitted: usize,
    tail: VecDeque<Value>,
    unique: Vec<Value>,
    buffered: Vec<Value>,
}

impl SelectObject {
    fn project(&self, a: &SelectObjectArgs, cx: &mut Cx, item: Value) -> FlowResult<Vec<Value>> {
        if let Some(exp) = &a.expand_property {
            let mut out = Vec::new();
            let v = match util::property_of(&item, exp) {
                Some(v) => v,
                None => {
                    let v = cx.interp.get_member(&item, exp).map_err(Flow::error)?;
                    if v.is_null() && !matches!(item, Value::Object(_))
                        || (v.is_null()
                            && !util::property_names(&item)
                                .iter()
                                .any(|p| p.eq_ignore_ascii_case(exp)))
                    {
                        let e = ErrorRecord::new(
                            format!("Property \"{}\" cannot be found.", exp),
                            "ExpandPropertyNotFound",
                            ErrorCategory::InvalidArgument,
                        )
                        .with_target(item.clone());
                        cx.write_error(e)?;
                        return Ok(Vec::new());
                    }
                    v
                }
            };
            match v {
                Value::Array(arr) => out.extend(arr.borrow().iter().cloned()),
                other => out.push(other),
            }
            return Ok(out);
        }
        if self.selectors.is_empty() && a.exclude_property.is_empty() {
            return Ok(vec![item]);
        }
        let sels = if self.selectors.is_empty() {
            util::property_names(&item)
                .into_iter()
                .map(Selector::Name)
                .collect()
        } else {
            util::expand_names(&self.selectors, &item)
        };
        let mut o = PsObject::new();
        for s in &sels {
            let label = s.label();
            if a.exclude_property.iter().any(|x| {
                ops::wildcard_regex(x, false)
                    .map(|r| r.is_match(&label))
                    .unwrap_or(false)
            }) {
                continue;
            }
            let v = util::select_value(cx, s, &item)?;
            o.set(&label, v);
        }
        Ok(vec![Value::object(o)])
    }

    fn emit(&mut self, a: &SelectObjectArgs, cx: &mut Cx, v: Value) -> FlowResult<()> {
        if a.unique {
            // Select-Object -Unique compares case-sensitively.
            if self.unique.iter().any(|u| same(u, &v)) {
                return Ok(());
            }
            self.unique.push(v.clone());
        }
        cx.write(v)
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.props.len() == y.props.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((k1, v1), (k2, v2))| k1 == k2 && ops::equals(v1, v2, true))
        }
        _ => ops::equals(a, b, true) && a.type_name() == b.type_name(),
    }
}

impl Cmdlet for SelectObject {
    type Args = SelectObjectArgs;

    fn begin(&mut self, a: &Self::Args, _cx: &mut Cx) -> FlowResult<()> {
        self.selectors = util::selectors(&a.property).map_err(Flow::error)?;
        Ok(())
    }

    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(item) = util::input_of(cx, &a.input_object) else {
            return Ok(());
        };
        let idx = self.seen;
        self.seen += 1;
        if !a.index.is_empty() {
            if a.index.iter().any(|i| *i >= 0 && *i as usize == idx) {
                for v in self.project(a, cx, item)? {
                    self.emit(a, cx, v)?;
                }
            }
            return Ok(());
        }
        if let Some(skip) = a.skip {
            if idx < skip.max(0) as usize {
                return Ok(());
            }
        }
        if let Some(last) = a.last {
            self.tail.push_back(item);
            if self.tail.len() > last.max(0) as usize {
                self.tail.pop_front();
            }
            return Ok(());
        }
        if let Some(first) = a.first {
            if self.emitted >= first.max(0) as usize {
                return Err(cx.stop_upstream());
            }
        }
        if a.skip_last.is_some() {
            self.buffered.push(item);
            return Ok(());
        }
        for v in self.project(a, cx, item)? {
            self.emit(a, cx, v)?;
        }
        self.emitted += 1;
        if let Some(first) = a.first {
            if self.emitted >= first.max(0) as usize {
                return Err(cx.stop_upstream());
            }
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let mut pending: Vec<Value> = self.tail.drain(..).collect();
        if let Some(n) = a.skip_last {
            let keep = self.buffered.len().saturating_sub(n.max(0) as usize);
            pending.extend(self.buffered.drain(..).take(keep));
        }
        if a.first == Some(0) {
            return Ok(());
        }
        for item in pending {
            for v in self.project(a, cx, item)? {
                self.emit(a, cx, v)?;
            }
        }
        Ok(())
    }
}
