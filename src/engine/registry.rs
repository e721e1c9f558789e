//! The command registry (interim version; replaced by the generated one).

use std::rc::Rc;

use crate::engine::command::{Bound, CommandSpec, Cx};
use crate::engine::error::FlowResult;

pub trait ErasedCmdlet {
    fn begin(&mut self, bound: &Bound, cx: &mut Cx) -> FlowResult<()>;
    fn process(&mut self, bound: &Bound, cx: &mut Cx) -> FlowResult<()>;
    fn end(&mut self, bound: &Bound, cx: &mut Cx) -> FlowResult<()>;
}

pub type Factory = fn() -> Box<dyn ErasedCmdlet>;

#[derive(Default)]
pub struct Registry {
    pub commands: Vec<(Rc<CommandSpec>, Factory)>,
}

impl Registry {
    pub fn builtin() -> Registry {
        Registry::default()
    }
    pub fn lookup(&self, name: &str) -> Option<(Rc<CommandSpec>, Factory)> {
        self.commands
            .iter()
            .find(|(s, _)| s.name.eq_ignore_ascii_case(name))
            .map(|(s, f)| (s.clone(), *f))
    }
}

pub fn builtin_aliases() -> Vec<(&'static str, &'static str)> {
    vec![
        ("?", "Where-Object"),
        ("where", "Where-Object"),
        ("%", "ForEach-Object"),
        ("foreach", "ForEach-Object"),
        ("select", "Select-Object"),
        ("sort", "Sort-Object"),
        ("group", "Group-Object"),
        ("measure", "Measure-Object"),
        ("ft", "Format-Table"),
        ("fl", "Format-List"),
        ("echo", "Write-Output"),
        ("write", "Write-Output"),
        ("cls", "Clear-Host"),
        ("gcm", "Get-Command"),
        ("gm", "Get-Member"),
        ("sleep", "Start-Sleep"),
        ("gal", "Get-Alias"),
        ("gv", "Get-Variable"),
        ("sv", "Set-Variable"),
        ("iex", "Invoke-Expression"),
        ("gc", "Get-Content"),
        ("cat", "Get-Content"),
        ("type", "Get-Content"),
        ("tee", "Tee-Object"),
        ("diff", "Compare-Object"),
        ("compare", "Compare-Object"),
        ("help", "Get-Help"),
        ("man", "Get-Help"),
        ("h", "Get-History"),
        ("history", "Get-History"),
        ("clear", "Clear-Host"),
        ("epcsv", "Export-Csv"),
        ("ipcsv", "Import-Csv"),
        ("ConvertTo-Json", "ConvertTo-Json"),
    ]
}
