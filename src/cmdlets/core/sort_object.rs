//! Sort-Object: sorts its input by properties or script-block keys (case-insensitive
//! unless -CaseSensitive), -Descending, -Unique (case-insensitive), -Top/-Bottom.

use std::cmp::Ordering;

use crate::cmdlets::core::util::{self, Selector};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{Flow, FlowResult};
use crate::engine::registry::SortObjectArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct SortObject {
    items: Vec<Value>,
}

impl Cmdlet for SortObject {
    type Args = SortObjectArgs;

    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(item) = util::input_of(cx, &a.input_object) {
            self.items.push(item);
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let items = std::mem::take(&mut self.items);
        let sels = util::selectors(&a.property).map_err(Flow::error)?;
        let mut keyed = Vec::with_capacity(items.len());
        for (i, it) in items.into_iter().enumerate() {
            let mut keys = Vec::with_capacity(sels.len().max(1));
            if sels.is_empty() {
                keys.push(it.clone());
            } else {
                for s in &sels {
                    keys.push(util::select_value(cx, s, &it)?);
                }
            }
            keyed.push((keys, i, it));
        }
        let desc_for = |k: usize| -> bool {
            match sels.get(k) {
                Some(Selector::Calculated {
                    descending: Some(d),
                    ..
                }) => *d,
                _ => a.descending,
            }
        };
        // Worked out once, not per comparison.
        let descending: Vec<bool> = (0..sels.len().max(1)).map(desc_for).collect();
        let cs = a.case_sensitive;
        keyed.sort_by(|x, y| {
            for (k, desc) in descending.iter().enumerate() {
                let (ka, kb) = (
                    x.0.get(k).unwrap_or(&Value::Null),
                    y.0.get(k).unwrap_or(&Value::Null),
                );
                let o = util::compare_keys(ka, kb, cs);
                if o != Ordering::Equal {
                    return if *desc { o.reverse() } else { o };
                }
            }
            x.1.cmp(&y.1)
        });
        if a.unique {
            keyed.dedup_by(|x, y| {
                x.0.iter()
                    .zip(y.0.iter())
                    .all(|(p, q)| util::compare_keys(p, q, cs) == Ordering::Equal)
            });
        }
        let mut out: Vec<Value> = keyed.into_iter().map(|(_, _, v)| v).collect();
        if let Some(top) = a.top {
            out.truncate(top.max(0) as usize);
        }
        if let Some(bottom) = a.bottom {
            let n = bottom.max(0) as usize;
            let skip = out.len().saturating_sub(n);
            out = out.split_off(skip);
        }
        for v in out {
            cx.write(v)?;
        }
        Ok(())
    }
}
