//! Compare-Object: the differences between two sets, as objects with InputObject and
//! SideIndicator (`<=` only in the reference, `=>` only in the difference; `==` with
//! -IncludeEqual).

use crate::cmdlets::core::util::{self, Selector};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{Flow, FlowResult};
use crate::engine::ops;
use crate::engine::registry::CompareObjectArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct CompareObject {
    difference: Vec<Value>,
}

fn key(cx: &mut Cx, sels: &[Selector], v: &Value) -> FlowResult<Vec<Value>> {
    if sels.is_empty() {
        return Ok(vec![v.clone()]);
    }
    let mut out = Vec::new();
    for s in sels {
        out.push(util::select_value(cx, s, v)?);
    }
    Ok(out)
}

impl Cmdlet for CompareObject {
    type Args = CompareObjectArgs;

    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        match &cx.input {
            Some(v) => self.difference.push(v.clone()),
            None => self
                .difference
                .extend(a.difference_object.iter().flat_map(|v| v.enumerate())),
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let sels = util::selectors(&a.property).map_err(Flow::error)?;
        let reference: Vec<Value> = a
            .reference_object
            .iter()
            .flat_map(|v| v.enumerate())
            .collect();
        let difference = std::mem::take(&mut self.difference);
        let cs = a.case_sensitive;
        let mut rkeys = Vec::new();
        for r in &reference {
            rkeys.push(key(cx, &sels, r)?);
        }
        let mut dkeys = Vec::new();
        for d in &difference {
            dkeys.push(key(cx, &sels, d)?);
        }
        let eq = |x: &[Value], y: &[Value]| {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| ops::equals(p, q, cs))
        };
        let mut used = vec![false; difference.len()];
        let mut results: Vec<(Value, Vec<Value>, &str)> = Vec::new();
        for (i, rk) in rkeys.iter().enumerate() {
            match (0..difference.len()).find(|j| !used[*j] && eq(rk, &dkeys[*j])) {
                Some(j) => {
                    used[j] = true;
                    if a.include_equal {
                        results.push((reference[i].clone(), rk.clone(), "=="));
                    }
                }
                None => {
                    if !a.exclude_different {
                        results.push((reference[i].clone(), rk.clone(), "<="));
                    }
                }
            }
        }
        let mut diffs = Vec::new();
        for (j, d) in difference.iter().enumerate() {
            if !used[j] && !a.exclude_different {
                diffs.push((d.clone(), dkeys[j].clone(), "=>"));
            }
        }
        // PowerShell lists the difference-only objects first, then the reference-only.
        let mut ordered: Vec<_> = results.iter().filter(|r| r.2 == "==").cloned().collect();
        ordered.extend(diffs);
        ordered.extend(results.iter().filter(|r| r.2 == "<=").cloned());
        for (obj, keys, side) in ordered {
            if a.pass_thru {
                cx.write(obj)?;
                continue;
            }
            let mut o = PsObject::new();
            if sels.is_empty() {
                o.set("InputObject", obj);
            } else {
                for (s, k) in sels.iter().zip(keys) {
                    o.set(&s.label(), k);
                }
            }
            o.set("SideIndicator", Value::str(side));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}
