//! Import-Lab: a built-in lab or a lab file replaces the world.

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::ImportLabArgs;
use crate::model::labs;

#[derive(Default)]
pub struct ImportLab;

impl Cmdlet for ImportLab {
    type Args = ImportLabArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let world = match (&a.path, &a.name) {
            (Some(p), _) => {
                let text = std::fs::read_to_string(p).map_err(|e| {
                    cx.fail(ErrorRecord::new(
                        format!("Cannot read lab file '{}': {}", p, e),
                        "LabReadError",
                        ErrorCategory::ReadError,
                    ))
                })?;
                labs::from_json(&text).map_err(|e| {
                    cx.fail(ErrorRecord::new(
                        format!("Cannot load lab file '{}': {}", p, e),
                        "LabInvalid",
                        ErrorCategory::InvalidData,
                    ))
                })?
            }
            (None, Some(n)) => labs::builtin(n).map_err(|e| {
                cx.fail(ErrorRecord::new(
                    e,
                    "LabNotFound",
                    ErrorCategory::ObjectNotFound,
                ))
            })?,
            (None, None) => return Ok(()),
        };
        util::replace_world(cx.interp, world, true);
        Ok(())
    }
}
