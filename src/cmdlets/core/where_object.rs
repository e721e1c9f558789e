//! Where-Object: keeps the input objects for which a script block is true, or (the
//! simplified form) whose property compares true with a value: `? State -eq Online`.

use crate::cmdlets::core::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::WhereObjectArgs;
use crate::engine::value::Value;
use crate::lang::ast::{BinOp, Case, CmpOp};

#[derive(Default)]
pub struct WhereObject;

/// The comparison the simplified syntax selected, and whether it is case-sensitive.
fn operator(a: &WhereObjectArgs) -> Option<(BinOp, bool)> {
    let table: [(bool, CmpOp, bool); 28] = [
        (a.eq, CmpOp::Eq, false),
        (a.ceq, CmpOp::Eq, true),
        (a.ne, CmpOp::Ne, false),
        (a.cne, CmpOp::Ne, true),
        (a.gt, CmpOp::Gt, false),
        (a.cgt, CmpOp::Gt, true),
        (a.ge, CmpOp::Ge, false),
        (a.cge, CmpOp::Ge, true),
        (a.lt, CmpOp::Lt, false),
        (a.clt, CmpOp::Lt, true),
        (a.le, CmpOp::Le, false),
        (a.cle, CmpOp::Le, true),
        (a.like, CmpOp::Like, false),
        (a.clike, CmpOp::Like, true),
        (a.not_like, CmpOp::NotLike, false),
        (a.cnot_like, CmpOp::NotLike, true),
        (a.match_, CmpOp::Match, false),
        (a.cmatch, CmpOp::Match, true),
        (a.not_match, CmpOp::NotMatch, false),
        (a.cnot_match, CmpOp::NotMatch, true),
        (a.contains, CmpOp::Contains, false),
        (a.ccontains, CmpOp::Contains, true),
        (a.not_contains, CmpOp::NotContains, false),
        (a.cnot_contains, CmpOp::NotContains, true),
        (a.in_, CmpOp::In, false),
        (a.cin, CmpOp::In, true),
        (a.not_in, CmpOp::NotIn, false),
        (a.cnot_in, CmpOp::NotIn, true),
    ];
    if a.is {
        return Some((BinOp::Is, false));
    }
    if a.is_not {
        return Some((BinOp::IsNot, false));
    }
    table.iter().find(|(on, _, _)| *on).map(|(_, op, cs)| {
        (
            BinOp::Cmp(
                *op,
                if *cs {
                    Case::Sensitive
                } else {
                    Case::Insensitive
                },
            ),
            *cs,
        )
    })
}

impl Cmdlet for WhereObject {
    type Args = WhereObjectArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(item) = util::input_of(cx, &a.input_object) else {
            return Ok(());
        };
        let keep = if let Some(sb) = &a.filter_script {
            cx.invoke_truthy(sb, item.clone())?
        } else if let Some(prop) = &a.property {
            let pv = util::select_value(cx, &util::Selector::Name(prop.clone()), &item)?;
            if a.not {
                !pv.truthy()
            } else {
                match operator(a) {
                    None => pv.truthy(),
                    Some((op, _)) => {
                        let rhs = a.value.clone().unwrap_or(Value::Bool(true));
                        let r = cx
                            .interp
                            .binary_values(op, &pv, &rhs)
                            .map_err(|e| cx.fail(e))?;
                        r.truthy()
                    }
                }
            }
        } else {
            false
        };
        if keep {
            cx.write(item)?;
        }
        Ok(())
    }
}
