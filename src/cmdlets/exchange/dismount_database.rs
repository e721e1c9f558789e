//! Dismount-Database.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::DismountDatabaseArgs;
use crate::model::Op;

#[derive(Default)]
pub struct DismountDatabase;

impl Cmdlet for DismountDatabase {
    type Args = DismountDatabaseArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if !cx.should_process_high(&a.identity, "Dismount-Database")? {
            return Ok(());
        }
        let op = Op::MountDatabase {
            database: a.identity.clone(),
            mount: false,
        };
        lab::apply(cx, op)
            .map(|_| ())
            .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
