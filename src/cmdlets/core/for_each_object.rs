//! ForEach-Object: runs script blocks for each input object (`-Begin/-Process/-End`, with
//! several positional blocks split as PowerShell does), or gets a member by name
//! (`% Name`, `% ToUpper`).

use std::rc::Rc;

use crate::cmdlets::core::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{Flow, FlowResult};
use crate::engine::registry::ForEachObjectArgs;
use crate::engine::scriptblock::ScriptBlock;
use crate::engine::value::Value;

#[derive(Default)]
pub struct ForEachObject {
    begin: Option<Rc<ScriptBlock>>,
    process: Vec<Rc<ScriptBlock>>,
    end: Option<Rc<ScriptBlock>>,
}

impl ForEachObject {
    fn run(
        &self,
        cx: &mut Cx,
        sb: &ScriptBlock,
        item: Option<Value>,
        args: &[Value],
    ) -> FlowResult<()> {
        let prev = std::mem::replace(&mut cx.interp.cur_source, sb.source.clone());
        let r = cx
            .interp
            .invoke_block_inline(sb, item, args.to_vec(), cx.out);
        cx.interp.cur_source = prev;
        r
    }
}

impl Cmdlet for ForEachObject {
    type Args = ForEachObjectArgs;

    fn begin(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        self.begin = a.begin.clone();
        self.end = a.end.clone();
        let mut procs = a.process.clone();
        // `% {begin} {process} {end}`: several positional blocks without -Begin/-End.
        if a.begin.is_none() && a.end.is_none() && procs.len() > 1 {
            self.begin = Some(procs.remove(0));
            if procs.len() > 1 {
                self.end = procs.pop();
            }
        }
        self.process = procs;
        if let Some(b) = self.begin.clone() {
            self.run(cx, &b, None, &a.argument_list)?;
        }
        Ok(())
    }

    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let item = util::input_of(cx, &a.input_object);
        if let Some(name) = &a.member_name {
            let Some(item) = item else { return Ok(()) };
            if let Some(v) = util::property_of(&item, name) {
                return cx.write_enumerated(v);
            }
            // A method when arguments are given or no property exists.
            let prop = cx.interp.get_member(&item, name).map_err(Flow::error)?;
            if !prop.is_null() && a.argument_list.is_empty() {
                return cx.write_enumerated(prop);
            }
            match cx.interp.call_method(&item, name, a.argument_list.clone()) {
                Ok(Some(v)) => return cx.write_enumerated(v),
                Ok(None) => return Ok(()),
                Err(Flow::Error(_)) => {
                    let e = crate::engine::error::ErrorRecord::new(
                        format!(
                            "The input name \"{}\" cannot be resolved to a member.",
                            name
                        ),
                        "PropertyOrMethodNotFound",
                        crate::engine::error::ErrorCategory::InvalidArgument,
                    )
                    .with_target(item.clone());
                    return cx.write_error(e);
                }
                Err(f) => return Err(f),
            }
        }
        // `$null | % { }` runs once with $_ = $null; no input at all runs once too.
        let procs = self.process.clone();
        for sb in &procs {
            self.run(
                cx,
                sb,
                Some(item.clone().unwrap_or(Value::Null)),
                &a.argument_list,
            )?;
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(e) = self.end.clone() {
            self.run(cx, &e, None, &a.argument_list)?;
        }
        Ok(())
    }
}
