//! Get-Service.

use crate::cmdlets::windows::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::ops;
use crate::engine::registry::GetServiceArgs;

#[derive(Default)]
pub struct GetService;

impl GetService {
    fn one(
        &mut self,
        a: &GetServiceArgs,
        cx: &mut Cx,
        computer: &Option<String>,
    ) -> FlowResult<()> {
        let (_, server) = util::machine(cx, computer)?;
        let mut list: Vec<_> = server.services.clone();
        list.sort_by_key(|s| s.name.to_lowercase());
        let filter = |pats: &[String],
                      f: &dyn Fn(&crate::model::Service) -> String,
                      list: &mut Vec<crate::model::Service>,
                      cx: &mut Cx|
         -> FlowResult<()> {
            if pats.is_empty() {
                return Ok(());
            }
            let mut keep = Vec::new();
            for p in pats {
                let re = ops::wildcard_regex(p, false).map_err(|e| cx.fail(e))?;
                let hits: Vec<_> = list
                    .iter()
                    .filter(|s| re.is_match(&f(s)))
                    .cloned()
                    .collect();
                if hits.is_empty() && !p.contains(['*', '?']) {
                    cx.write_error(util::no_service(p))?;
                }
                keep.extend(hits);
            }
            *list = keep;
            Ok(())
        };
        filter(&a.name, &|s| s.name.clone(), &mut list, cx)?;
        filter(&a.display_name, &|s| s.display_name.clone(), &mut list, cx)?;
        for s in &list {
            cx.write(util::service_object(&server.name, s))?;
        }
        Ok(())
    }
}

impl Cmdlet for GetService {
    type Args = GetServiceArgs;
    /// `-ComputerName NODE1,NODE2`: each machine in turn.
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if a.computer_name.is_empty() {
            return self.one(a, cx, &None);
        }
        for c in a.computer_name.clone() {
            self.one(a, cx, &Some(c))?;
        }
        Ok(())
    }
}
