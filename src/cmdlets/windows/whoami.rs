//! whoami: the lab identity, as whoami.exe prints it (lower case).

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::WhoamiArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct Whoami;

impl Cmdlet for Whoami {
    type Args = WhoamiArgs;
    fn process(&mut self, _a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let id = lab::session(cx)?.world.identity.to_lowercase();
        cx.write(Value::string(id))
    }
}
