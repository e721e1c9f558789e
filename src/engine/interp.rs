//! Placeholder for the interpreter (being written).
use crate::engine::command::CommonParams;
use crate::engine::error::{ErrorRecord, FlowResult};
use crate::engine::scriptblock::ScriptBlock;
use crate::engine::value::Value;
use std::rc::Rc;
pub struct Interp {}
impl Interp {
    pub fn write_error_record(&mut self, _e: Rc<ErrorRecord>, _c: &CommonParams) -> FlowResult<()> {
        Ok(())
    }
    pub fn write_warning(&mut self, _m: &str, _c: &CommonParams) -> FlowResult<()> {
        Ok(())
    }
    pub fn write_verbose(&mut self, _m: &str, _c: &CommonParams) {}
    pub fn host_write(&mut self, _t: &str) {}
    pub fn should_process(
        &mut self,
        _n: &str,
        _t: &str,
        _a: &str,
        _c: &CommonParams,
    ) -> FlowResult<bool> {
        Ok(true)
    }
    pub fn invoke_block_collect(
        &mut self,
        _b: &ScriptBlock,
        _d: Option<Value>,
        _a: Vec<Value>,
    ) -> FlowResult<Vec<Value>> {
        Ok(vec![])
    }
}
