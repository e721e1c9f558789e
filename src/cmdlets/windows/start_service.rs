//! Start-Service (see `util::control_services`).

use crate::cmdlets::windows::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::StartServiceArgs;
use crate::model::ServiceAction;

#[derive(Default)]
pub struct StartService;

impl Cmdlet for StartService {
    type Args = StartServiceArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        util::control_services(
            cx,
            &a.name,
            &a.computer_name,
            a.pass_thru,
            ServiceAction::Start,
        )
    }
}
