//! Mount-Database.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::MountDatabaseArgs;
use crate::model::Op;

#[derive(Default)]
pub struct MountDatabase;

impl Cmdlet for MountDatabase {
    type Args = MountDatabaseArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if !cx.should_process(&a.identity, "Mount-Database")? {
            return Ok(());
        }
        let op = Op::MountDatabase {
            database: a.identity.clone(),
            mount: true,
        };
        lab::apply(cx, op)
            .map(|_| ())
            .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
