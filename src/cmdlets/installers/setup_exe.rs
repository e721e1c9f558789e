//! setup.exe (the graphical Exchange 2007 setup): refused on cluster nodes (X8).

use crate::cmdlets::installers::exit_code;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SetupExeArgs;
use crate::engine::value::Value;
use crate::model::Op;

#[derive(Default)]
pub struct SetupExe;

impl Cmdlet for SetupExe {
    type Args = SetupExeArgs;
    fn process(&mut self, _a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        lab::require_current_node_up(cx)?;
        let node = lab::session(cx)?.current_node.clone();
        let w = lab::world(cx)?;
        let fam = w
            .server(&node)
            .and_then(|s| s.exchange_version.clone())
            .map(|v| crate::model::evs::family(&v))
            .unwrap_or("");
        if fam == "2000" {
            return upgrade_2000(cx, &node);
        }
        let clustered = w.server(&node).is_some_and(|s| s.cluster.is_some());
        let text = if fam == "2003" {
            format!(
                "Exchange Server 2003 is already installed on {}. Its service packs are installed with update.exe; each Exchange Virtual Server is then upgraded with Update-ExchangeVirtualServer.",
                node
            )
        } else if clustered {
            format!(
                "Setup.exe cannot upgrade a clustered mailbox server node. Run setup.com /mode:upgrade from a command prompt on {}.",
                node
            )
        } else {
            format!(
                "exsh simulates Exchange's unattended setup only: run setup.com /mode:upgrade on {}.",
                node
            )
        };
        cx.write(Value::string(text))?;
        cx.interp.error_count += 1;
        exit_code(cx, 1);
        Ok(())
    }
}

/// Exchange 2003 setup on an Exchange 2000 node: the upgrade with E8's checks.
fn upgrade_2000(cx: &mut Cx, node: &str) -> FlowResult<()> {
    let plan = lab::world(cx)?.e2k3_upgrade_plan(node);
    let mut lines = vec![format!(
        "Microsoft Exchange Server 2003 Setup ({}) on {}",
        plan.version, node
    )];
    let fail = |cx: &mut Cx, mut lines: Vec<String>, why: &str| -> FlowResult<()> {
        lines.push(format!("Setup cannot continue: {}", why));
        for l in lines {
            cx.write(Value::string(l))?;
        }
        cx.interp.error_count += 1;
        exit_code(cx, 1);
        Ok(())
    };
    if let Some(why) = &plan.failure {
        return fail(cx, lines, why);
    }
    if plan.already {
        lines.push(format!(
            "Exchange Server 2003 is already installed on {}.",
            node
        ));
        for l in lines {
            cx.write(Value::string(l))?;
        }
        exit_code(cx, 0);
        return Ok(());
    }
    if let Err(e) = lab::apply(
        cx,
        Op::Exchange2003Upgrade {
            server: node.to_string(),
        },
    ) {
        return fail(cx, lines, &e.message);
    }
    lines.push("    Component Selection: Microsoft Exchange (Upgrade) ........ COMPLETED".into());
    lines.push("Exchange Server 2003 setup completed successfully. Restart the computer, then upgrade each Exchange Virtual Server from Cluster Administrator (Update-ExchangeVirtualServer), one at a time.".into());
    for l in lines {
        cx.write(Value::string(l))?;
    }
    exit_code(cx, 0);
    Ok(())
}
