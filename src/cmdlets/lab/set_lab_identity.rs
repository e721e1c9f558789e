//! Set-LabIdentity: the account the session runs as.

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SetLabIdentityArgs;
use crate::model::Op;

#[derive(Default)]
pub struct SetLabIdentity;

impl Cmdlet for SetLabIdentity {
    type Args = SetLabIdentityArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        util::apply(
            cx,
            Op::SetIdentity {
                account: a.account.clone(),
            },
        )
        .map(|_| ())
        .map_err(|e| cx.fail(util::model_error(&e)))
    }
}
