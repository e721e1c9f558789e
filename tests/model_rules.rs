//! The cluster rules of DOMAIN.md §2 (C1-C14) on the model alone: each allowed path and
//! each refusal (its message and the unchanged world).

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use exsh::model::labs;
use exsh::model::*;

const TICK: i64 = TICKS_PER_SECOND;

fn lab(name: &str) -> World {
    match labs::builtin(name) {
        Ok(w) => w,
        Err(e) => panic!("{}", e),
    }
}

fn actor(node: &str) -> Actor {
    Actor { node: node.into() }
}

fn group_state(w: &World, c: &str, g: &str) -> GroupState {
    w.cluster(c)
        .map(|c| c.group_state(g))
        .unwrap_or(GroupState::Failed)
}

fn owner(w: &World, c: &str, g: &str) -> String {
    w.cluster(c)
        .and_then(|c| c.group(g))
        .map(|g| g.owner.clone())
        .unwrap_or_default()
}

fn mv(c: &str, g: &str, n: Option<&str>) -> Op {
    Op::MoveGroup {
        cluster: c.into(),
        group: g.into(),
        node: n.map(str::to_string),
    }
}

/// Applies an op that must be refused and checks the world did not change.
fn refused(w: &mut World, op: Op, code: u32) -> ModelError {
    let before = w.clone();
    let e = match w.apply(&op, &actor("NODE1")) {
        Ok(_) => panic!("{:?} was allowed", op),
        Err(e) => e,
    };
    assert_eq!(e.code, Some(code), "{:?}: {}", op, e);
    assert_eq!(*w, before, "a refused {:?} changed the world", op);
    e
}

#[test]
fn every_builtin_lab_loads_and_keeps_the_invariants() {
    for n in labs::names() {
        let w = lab(n);
        assert!(w.check_invariants().is_ok(), "{}", n);
        assert_eq!(w.name, n);
    }
}

#[test]
fn c1_c2_move_takes_the_group_offline_then_online_on_the_target() {
    let mut w = lab("e2k3");
    let t0 = w.clock;
    let ev = w
        .apply(&mv("EXCLUS1", "EVS1", Some("NODE2")), &actor("NODE1"))
        .unwrap_or_default();
    assert_eq!(owner(&w, "EXCLUS1", "EVS1"), "NODE2");
    assert_eq!(group_state(&w, "EXCLUS1", "EVS1"), GroupState::Online);
    // Offline (1203, 1204) then online (1200, 1201), in time order.
    let ids: Vec<u32> = ev.iter().map(|e| e.event_id).collect();
    assert_eq!(ids, vec![1203, 1204, 1200, 1201]);
    // Calibration (DOMAIN.md §5): moving EVS1 at night takes 3-6 simulated minutes.
    let secs = (w.clock - t0) / TICK;
    assert!((180..=360).contains(&secs), "move took {} s", secs);
}

#[test]
fn c2_parallel_branches_make_exchange_2003_fail_over_faster_than_2000() {
    // Exchange 2000's deep tree (SMTP, HTTP... behind the Store) against 2003's flat one:
    // the online time is the longest path.
    let mut w0 = lab("e2k0-4node");
    let t0 = w0.clock;
    w0.apply(
        &Op::OfflineGroup {
            cluster: "FOUR-STOOGES".into(),
            group: "EVS2".into(),
        },
        &actor("4-JERRY"),
    )
    .unwrap_or_default();
    let t1 = w0.clock;
    w0.apply(
        &Op::OnlineGroup {
            cluster: "FOUR-STOOGES".into(),
            group: "EVS2".into(),
        },
        &actor("4-JERRY"),
    )
    .unwrap_or_default();
    let online_2000 = (w0.clock - t1) / TICK;
    assert!(t1 > t0);
    // 2 (IP) + 10 (name) + 45 (SA) + 100 (Store, 2 databases) + 15 (SMTP behind the Store).
    assert_eq!(online_2000, 172);
    let mut w3 = lab("e2k3");
    w3.apply(
        &Op::OfflineGroup {
            cluster: "EXCLUS1".into(),
            group: "EVS1".into(),
        },
        &actor("NODE1"),
    )
    .unwrap_or_default();
    let t = w3.clock;
    w3.apply(
        &Op::OnlineGroup {
            cluster: "EXCLUS1".into(),
            group: "EVS1".into(),
        },
        &actor("NODE1"),
    )
    .unwrap_or_default();
    // 2 + 10 + 45 + 120 (Store, 3 databases); SMTP/HTTP/Search run beside the Store.
    assert_eq!((w3.clock - t) / TICK, 177);
}

#[test]
fn c2_stopping_a_provider_stops_its_dependants_and_starting_one_starts_its_providers() {
    let mut w = lab("e2k3");
    let a = actor("NODE1");
    w.apply(
        &Op::OfflineResource {
            cluster: "EXCLUS1".into(),
            resource: "EVS1 Network Name".into(),
        },
        &a,
    )
    .unwrap_or_default();
    let c = w.cluster("EXCLUS1").cloned().unwrap_or_else(|| panic!());
    assert_eq!(
        c.resource("Exchange System Attendant (EVS1)")
            .map(|r| r.state),
        Some(ResourceState::Offline)
    );
    assert_eq!(
        c.resource("Exchange Information Store Instance (EVS1)")
            .map(|r| r.state),
        Some(ResourceState::Offline)
    );
    assert_eq!(
        c.resource("EVS1 IP Address").map(|r| r.state),
        Some(ResourceState::Online)
    );
    assert_eq!(c.group_state("EVS1"), GroupState::PartialOnline);
    w.apply(
        &Op::OnlineResource {
            cluster: "EXCLUS1".into(),
            resource: "Exchange Information Store Instance (EVS1)".into(),
        },
        &a,
    )
    .unwrap_or_default();
    let c = w.cluster("EXCLUS1").cloned().unwrap_or_else(|| panic!());
    assert_eq!(
        c.resource("EVS1 Network Name").map(|r| r.state),
        Some(ResourceState::Online)
    );
    assert_eq!(
        c.resource("Exchange System Attendant (EVS1)")
            .map(|r| r.state),
        Some(ResourceState::Online)
    );
    // SMTP was not asked for.
    assert_eq!(
        c.resource("SMTP Virtual Server Instance 1 (EVS1)")
            .map(|r| r.state),
        Some(ResourceState::Offline)
    );
}

#[test]
fn c3_refusals_not_possible_owner_down_and_paused() {
    let mut w = lab("e2k3");
    let a = actor("NODE1");
    w.apply(
        &Op::SetPossibleOwners {
            cluster: "EXCLUS1".into(),
            resource: "Disk S:".into(),
            nodes: vec!["NODE1".into()],
        },
        &a,
    )
    .unwrap_or_default();
    let e = refused(&mut w, mv("EXCLUS1", "EVS1", Some("NODE2")), 5016);
    assert!(e.message.contains("not a possible owner"));
    assert_eq!(
        e.cluster_exe().lines().next(),
        Some("System error 5016 has occurred (0x00001398).")
    );
    let mut w = lab("e2k3");
    w.apply(
        &Op::NodeFault {
            node: "NODE2".into(),
            fault: Fault::Crash,
        },
        &a,
    )
    .unwrap_or_default();
    let e = refused(&mut w, mv("EXCLUS1", "EVS1", Some("NODE2")), 5050);
    assert_eq!(e.message, "The cluster node is down.");
    let mut w = lab("e2k3");
    w.apply(
        &Op::PauseNode {
            cluster: "EXCLUS1".into(),
            node: "NODE2".into(),
        },
        &a,
    )
    .unwrap_or_default();
    let e = refused(&mut w, mv("EXCLUS1", "EVS1", Some("NODE2")), 5070);
    assert_eq!(e.message, "The cluster node is paused.");
    refused(&mut w, mv("EXCLUS1", "EVS9", Some("NODE2")), 5013);
    refused(&mut w, mv("EXCLUS1", "EVS1", Some("NODE9")), 5042);
}

#[test]
fn c4_paused_node_keeps_its_groups_cannot_bring_them_online_and_survives_reboot() {
    let mut w = lab("e2k3");
    let a = actor("NODE1");
    w.apply(
        &Op::PauseNode {
            cluster: "EXCLUS1".into(),
            node: "NODE1".into(),
        },
        &a,
    )
    .unwrap_or_default();
    assert_eq!(owner(&w, "EXCLUS1", "EVS1"), "NODE1");
    assert_eq!(group_state(&w, "EXCLUS1", "EVS1"), GroupState::Online);
    w.apply(
        &Op::OfflineGroup {
            cluster: "EXCLUS1".into(),
            group: "EVS1".into(),
        },
        &a,
    )
    .unwrap_or_default();
    refused(
        &mut w,
        Op::OnlineGroup {
            cluster: "EXCLUS1".into(),
            group: "EVS1".into(),
        },
        5070,
    );
    refused(
        &mut w,
        Op::ResumeNode {
            cluster: "EXCLUS1".into(),
            node: "NODE2".into(),
        },
        5058,
    );
    // The pause survives a reboot.
    w.apply(
        &Op::RestartServer {
            server: "NODE1".into(),
            wait: true,
        },
        &a,
    )
    .unwrap_or_default();
    assert_eq!(
        w.cluster("EXCLUS1")
            .and_then(|c| c.node("NODE1"))
            .map(|n| n.state),
        Some(NodeState::Paused)
    );
    w.apply(
        &Op::ResumeNode {
            cluster: "EXCLUS1".into(),
            node: "NODE1".into(),
        },
        &a,
    )
    .unwrap_or_default();
    assert_eq!(
        w.cluster("EXCLUS1")
            .and_then(|c| c.node("NODE1"))
            .map(|n| n.state),
        Some(NodeState::Up)
    );
}

#[test]
fn c4_with_only_paused_nodes_left_groups_move_there_but_stay_offline() {
    let mut w = lab("e2k3");
    let a = actor("NODE1");
    w.apply(
        &Op::PauseNode {
            cluster: "EXCLUS1".into(),
            node: "NODE2".into(),
        },
        &a,
    )
    .unwrap_or_default();
    w.apply(
        &Op::NodeFault {
            node: "NODE1".into(),
            fault: Fault::Crash,
        },
        &a,
    )
    .unwrap_or_default();
    assert_eq!(owner(&w, "EXCLUS1", "EVS1"), "NODE2");
    assert_eq!(group_state(&w, "EXCLUS1", "EVS1"), GroupState::Offline);
}

#[test]
fn c5_move_without_target_follows_preferred_owners_then_node_ids() {
    let mut w = lab("e2k0-4node");
    let a = actor("4-JERRY");
    // EVS2 prefers 2-MOE, 3-LARRY, 4-JERRY, 1-CURLY: from 2-MOE the next is 3-LARRY.
    w.apply(&mv("FOUR-STOOGES", "EVS2", None), &a)
        .unwrap_or_default();
    assert_eq!(owner(&w, "FOUR-STOOGES", "EVS2"), "3-LARRY");
    // Without preferred owners: node-ID order after the owner.
    let mut w = lab("e2k3");
    w.apply(&mv("EXCLUS1", "EVS1", None), &actor("NODE1"))
        .unwrap_or_default();
    assert_eq!(owner(&w, "EXCLUS1", "EVS1"), "NODE2");
}

#[test]
fn c6_node_crash_is_detected_after_the_heartbeat_and_its_groups_fail_over() {
    let mut w = lab("ccr");
    let t0 = w.clock;
    let ev = w
        .apply(
            &Op::NodeFault {
                node: "NODE1".into(),
                fault: Fault::Crash,
            },
            &actor("NODE2"),
        )
        .unwrap_or_default();
    assert_eq!(owner(&w, "CLUS1", "E2K7CCR"), "NODE2");
    assert_eq!(owner(&w, "CLUS1", "Cluster Group"), "NODE2");
    assert_eq!(group_state(&w, "CLUS1", "E2K7CCR"), GroupState::Online);
    let detect = ev.iter().find(|e| e.event_id == 1135).map(|e| e.time);
    assert_eq!(detect, Some(t0 + 6 * TICK));
    assert!(ev.iter().all(|e| !e.planned));
    assert!(w.events.windows(2).all(|p| p[0].time <= p[1].time));
    assert_eq!(w.server("NODE1").map(|s| s.power), Some(Power::Off));
}

#[test]
fn c7_resource_failure_restarts_in_place_then_fails_the_group_over() {
    let mut w = lab("e2k3");
    let a = actor("NODE1");
    let fail = Op::FailResource {
        cluster: "EXCLUS1".into(),
        resource: "SMTP Virtual Server Instance 1 (EVS1)".into(),
        planned: false,
    };
    for _ in 0..3 {
        let ev = w.apply(&fail, &a).unwrap_or_else(|e| panic!("{}", e));
        // Restarted in place: 1069, then the group back online (1201).
        assert!(ev.iter().any(|e| e.event_id == 1069) && ev.iter().any(|e| e.event_id == 1201));
        assert_eq!(owner(&w, "EXCLUS1", "EVS1"), "NODE1");
        assert_eq!(group_state(&w, "EXCLUS1", "EVS1"), GroupState::Online);
    }
    let ev = w.apply(&fail, &a).unwrap_or_else(|e| panic!("{}", e));
    assert!(ev.iter().any(|e| e.event_id == 1069));
    assert_eq!(owner(&w, "EXCLUS1", "EVS1"), "NODE2");
    assert_eq!(group_state(&w, "EXCLUS1", "EVS1"), GroupState::Online);
}

#[test]
fn c8_too_many_failovers_leave_the_group_failed_where_it_is() {
    let mut w = lab("scc");
    // scc groups have FailoverThreshold 2 in the lab.
    let a = actor("NODE-C");
    let fail = |w: &mut World| {
        for _ in 0..4 {
            let op = Op::FailResource {
                cluster: "CLUS2".into(),
                resource: "MBX1 Network Name".into(),
                planned: false,
            };
            w.apply(&op, &a).unwrap_or_default();
        }
    };
    fail(&mut w);
    let first = owner(&w, "CLUS2", "MBX1");
    assert_ne!(first, "NODE-A");
    fail(&mut w);
    let second = owner(&w, "CLUS2", "MBX1");
    assert_ne!(second, first);
    fail(&mut w);
    // The third failover within six hours is over the threshold.
    assert_eq!(owner(&w, "CLUS2", "MBX1"), second);
    assert!(matches!(
        group_state(&w, "CLUS2", "MBX1"),
        GroupState::Failed | GroupState::PartialOnline
    ));
}

/// Sets a common property of EVS1 in the four-node lab through the one door.
fn set(w: &mut World, name: &str, value: i64) {
    let op = Op::SetGroupProperty {
        cluster: "FOUR-STOOGES".into(),
        group: "EVS1".into(),
        name: name.into(),
        value,
    };
    w.apply(&op, &actor("4-JERRY"))
        .unwrap_or_else(|e| panic!("{}", e));
}

#[test]
fn c9_failback_to_the_preferred_node_when_it_returns() {
    let mut w = lab("e2k0-4node");
    let a = actor("4-JERRY");
    set(&mut w, "AutoFailbackType", 1);
    w.apply(
        &Op::NodeFault {
            node: "1-CURLY".into(),
            fault: Fault::PowerLoss,
        },
        &a,
    )
    .unwrap_or_default();
    assert_eq!(owner(&w, "FOUR-STOOGES", "EVS1"), "2-MOE");
    w.apply(
        &Op::RestoreNode {
            node: "1-CURLY".into(),
        },
        &a,
    )
    .unwrap_or_default();
    assert_eq!(owner(&w, "FOUR-STOOGES", "EVS1"), "1-CURLY");
    // EVS2 does not fail back (AutoFailbackType 0).
}

#[test]
fn c9_failback_window_defers_failback() {
    let mut w = lab("e2k0-4node");
    let a = actor("4-JERRY");
    set(&mut w, "AutoFailbackType", 1);
    // The lab's clock is 22:00: a 02:00-04:00 window is closed.
    set(&mut w, "FailbackWindowStart", 2);
    set(&mut w, "FailbackWindowEnd", 4);
    w.apply(
        &Op::NodeFault {
            node: "1-CURLY".into(),
            fault: Fault::PowerLoss,
        },
        &a,
    )
    .unwrap_or_default();
    w.apply(
        &Op::RestoreNode {
            node: "1-CURLY".into(),
        },
        &a,
    )
    .unwrap_or_default();
    assert_eq!(owner(&w, "FOUR-STOOGES", "EVS1"), "2-MOE");
}

#[test]
fn c11_quorum_loss_stops_the_cluster_and_quorum_resource_cannot_go_offline() {
    let mut w = lab("ccr");
    let a = actor("NODE1");
    w.apply(
        &Op::WitnessOnline {
            cluster: "CLUS1".into(),
            online: false,
        },
        &a,
    )
    .unwrap_or_default();
    assert!(w.cluster("CLUS1").is_some_and(|c| c.running));
    w.apply(
        &Op::NodeFault {
            node: "NODE2".into(),
            fault: Fault::Crash,
        },
        &a,
    )
    .unwrap_or_default();
    let c = w.cluster("CLUS1").cloned().unwrap_or_else(|| panic!());
    assert!(!c.running);
    assert_eq!(c.group_state("E2K7CCR"), GroupState::Offline);
    assert!(w.events.iter().any(|e| e.event_id == 1177));
    let mut w = lab("e2k3");
    refused(
        &mut w,
        Op::OfflineResource {
            cluster: "EXCLUS1".into(),
            resource: "Disk Q:".into(),
        },
        5020,
    );
    refused(
        &mut w,
        Op::RemoveResource {
            cluster: "EXCLUS1".into(),
            resource: "EVS1 IP Address".into(),
        },
        5001,
    );
    refused(
        &mut w,
        Op::EvictNode {
            cluster: "EXCLUS1".into(),
            node: "NODE2".into(),
        },
        5009,
    );
}

#[test]
fn c11_two_of_three_votes_keep_a_ccr_cluster_running() {
    let mut w = lab("ccr");
    w.apply(
        &Op::NodeFault {
            node: "NODE2".into(),
            fault: Fault::NetworkLoss,
        },
        &actor("NODE1"),
    )
    .unwrap_or_default();
    assert!(w.cluster("CLUS1").is_some_and(|c| c.running));
}

#[test]
fn c13_staggered_boot_after_power_loss_follows_boot_delays() {
    let mut w = lab("ccr");
    let a = actor("NODE1");
    w.apply(
        &Op::NodeFault {
            node: "NODE2".into(),
            fault: Fault::PowerLoss,
        },
        &a,
    )
    .unwrap_or_default();
    let t = w.clock;
    w.apply(
        &Op::RestoreNode {
            node: "NODE2".into(),
        },
        &a,
    )
    .unwrap_or_default();
    // NODE2 boots after its 20 s delay plus the 4-minute reboot.
    assert_eq!((w.clock - t) / TICK, 260);
    assert_eq!(
        w.cluster("CLUS1")
            .and_then(|c| c.node("NODE2"))
            .map(|n| n.state),
        Some(NodeState::Up)
    );
}

#[test]
fn c14_services_follow_their_start_type_across_reboots() {
    let mut w = lab("ccr");
    let a = actor("NODE1");
    let op = |o: Op, w: &mut World| w.apply(&o, &a).unwrap_or_else(|e| panic!("{:?}: {}", o, e));
    op(
        Op::SetStartType {
            server: "NODE2".into(),
            service: "SharedAccess".into(),
            start_type: StartType::Manual,
        },
        &mut w,
    );
    op(
        Op::ServiceControl {
            server: "NODE2".into(),
            service: "SharedAccess".into(),
            action: ServiceAction::Start,
        },
        &mut w,
    );
    op(
        Op::ServiceControl {
            server: "NODE2".into(),
            service: "RemoteRegistry".into(),
            action: ServiceAction::Stop,
        },
        &mut w,
    );
    op(
        Op::RestartServer {
            server: "NODE2".into(),
            wait: true,
        },
        &mut w,
    );
    let st = |n: &str| w.service("NODE2", n).map(|x| x.status);
    // Manual stays stopped after the reboot; Automatic starts again.
    assert_eq!(st("SharedAccess"), Some(ServiceStatus::Stopped));
    assert_eq!(st("RemoteRegistry"), Some(ServiceStatus::Running));
    // Disabled cannot be started (1058), and the refusal changes nothing.
    op(
        Op::SetStartType {
            server: "NODE2".into(),
            service: "SharedAccess".into(),
            start_type: StartType::Disabled,
        },
        &mut w,
    );
    let before = w.clone();
    let e = w
        .apply(
            &Op::ServiceControl {
                server: "NODE2".into(),
                service: "SharedAccess".into(),
                action: ServiceAction::Start,
            },
            &a,
        )
        .err();
    assert_eq!(e.and_then(|e| e.code), Some(1058));
    assert_eq!(w, before);
}

#[test]
fn security_denies_without_local_administrators_and_changes_nothing() {
    let mut w = lab("ccr");
    w.apply(
        &Op::SetIdentity {
            account: "CONTOSO\\viewer".into(),
        },
        &actor("NODE1"),
    )
    .unwrap_or_default();
    let e = refused(&mut w, mv("CLUS1", "E2K7CCR", Some("NODE2")), 5);
    assert_eq!(e.message, "Access is denied.");
}
