//! Labs as data: round trip, malformed files (one clear error naming the place, never a
//! panic), and property tests of the invariants over random operations and faults.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use exsh::model::labs;
use exsh::model::*;
use proptest::prelude::*;

fn lab(name: &str) -> World {
    labs::builtin(name).unwrap_or_else(|e| panic!("{}", e))
}

#[test]
fn round_trip_export_import_equal() {
    for n in labs::names() {
        let w = lab(n);
        let text = labs::to_json(&w);
        let back = labs::from_json(&text).unwrap_or_else(|e| panic!("{}: {}", n, e));
        assert_eq!(back, w, "{}", n);
    }
}

#[test]
fn unknown_lab_name_lists_the_builtin_ones() {
    let e = labs::builtin("nope").err().unwrap_or_default();
    assert!(e.contains("ccr, e2k3, e2k3-aa, e2k0-4node, scc"), "{}", e);
}

fn mutate(f: impl Fn(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&labs::to_json(&lab("e2k3"))).unwrap_or_default();
    f(&mut v);
    v.to_string()
}

#[test]
fn malformed_labs_give_one_clear_error() {
    let text = labs::to_json(&lab("ccr"));
    let cut = &text[..text.len() / 2];
    let e = labs::from_json(cut).err().unwrap_or_default();
    assert!(e.contains("not valid JSON") && e.contains("line"), "{}", e);

    let e = labs::from_json(&mutate(|v| v["schema_version"] = 99.into()))
        .err()
        .unwrap_or_default();
    assert!(e.contains("unknown schema_version 99"), "{}", e);

    let e = labs::from_json(&mutate(|v| {
        v["clusters"][0]["groups"][2]["owner"] = "NODE7".into()
    }))
    .err()
    .unwrap_or_default();
    assert!(
        e.contains("group 'EVS1'") && e.contains("'NODE7' is not a node"),
        "{}",
        e
    );

    let e = labs::from_json(&mutate(|v| {
        v["clusters"][0]["resources"][1]["dependencies"] = serde_json::json!(["Nowhere"]);
    }))
    .err()
    .unwrap_or_default();
    assert!(
        e.contains("resource 'Cluster Name'") && e.contains("dependency 'Nowhere' does not exist"),
        "{}",
        e
    );

    let e = labs::from_json(&mutate(|v| {
        let g = v["clusters"][0]["groups"][1].clone();
        if let Some(a) = v["clusters"][0]["groups"].as_array_mut() {
            a.push(g);
        }
    }))
    .err()
    .unwrap_or_default();
    assert!(e.contains("duplicate group name 'MSDTC Group'"), "{}", e);

    let e = labs::from_json(&mutate(|v| v["servers"][0]["bogus"] = 1.into()))
        .err()
        .unwrap_or_default();
    assert!(e.contains("unknown field `bogus`"), "{}", e);

    assert!(labs::from_json("").is_err());
    assert!(labs::from_json("[]").is_err());
    assert!(labs::from_json("{\"schema_version\": 1}").is_err());
}

#[derive(Clone, Debug)]
enum Step {
    Move(usize, Option<usize>),
    Offline(usize),
    Online(usize),
    Fail(usize),
    Pause(usize),
    Resume(usize),
    Crash(usize, u8),
    Restore(usize),
    Sleep(u32),
    StopSvc(usize, usize),
    StartSvc(usize, usize),
    Hang(usize),
    Witness(bool),
    Threshold(usize, u8),
    Failback(usize, i8),
    Owners(usize, Vec<usize>),
    // Exchange: update.exe, a hotfix package (restarting or not), the EVS upgrade, setup.
    ExUpdate(usize),
    Hotfix(usize, bool),
    UpgradeEvs(usize),
    Setup(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..8usize, proptest::option::of(0..4usize)).prop_map(|(g, n)| Step::Move(g, n)),
        (0..8usize).prop_map(Step::Offline),
        (0..8usize).prop_map(Step::Online),
        (0..40usize).prop_map(Step::Fail),
        (0..4usize).prop_map(Step::Pause),
        (0..4usize).prop_map(Step::Resume),
        (0..4usize, 0..4u8).prop_map(|(n, k)| Step::Crash(n, k)),
        (0..4usize).prop_map(Step::Restore),
        (1..4000u32).prop_map(Step::Sleep),
        (0..4usize, 0..16usize).prop_map(|(n, k)| Step::StopSvc(n, k)),
        (0..4usize, 0..16usize).prop_map(|(n, k)| Step::StartSvc(n, k)),
        (0..40usize).prop_map(Step::Hang),
        any::<bool>().prop_map(Step::Witness),
        (0..8usize, 0..4u8).prop_map(|(g, t)| Step::Threshold(g, t)),
        (0..8usize, -1..24i8).prop_map(|(g, h)| Step::Failback(g, h)),
        (0..40usize, proptest::collection::vec(0..4usize, 0..4))
            .prop_map(|(r, ns)| Step::Owners(r, ns)),
        (0..4usize).prop_map(Step::ExUpdate),
        (0..4usize, any::<bool>()).prop_map(|(n, r)| Step::Hotfix(n, r)),
        (0..8usize).prop_map(Step::UpgradeEvs),
        (0..4usize).prop_map(Step::Setup),
    ]
}

fn run(w: &mut World, s: &Step) {
    let c = w.clusters[0].clone();
    let node = |i: usize| c.nodes[i % c.nodes.len()].name.clone();
    let group = |i: usize| c.groups[i % c.groups.len()].name.clone();
    let cl = c.name.clone();
    let op = match s {
        Step::Move(g, n) => Op::MoveGroup {
            cluster: cl,
            group: group(*g),
            node: n.map(node),
        },
        Step::Offline(g) => Op::OfflineGroup {
            cluster: cl,
            group: group(*g),
        },
        Step::Online(g) => Op::OnlineGroup {
            cluster: cl,
            group: group(*g),
        },
        Step::Fail(r) => Op::FailResource {
            cluster: cl,
            resource: c.resources[r % c.resources.len()].name.clone(),
            planned: false,
        },
        Step::Pause(n) => Op::PauseNode {
            cluster: cl,
            node: node(*n),
        },
        Step::Resume(n) => Op::ResumeNode {
            cluster: cl,
            node: node(*n),
        },
        Step::Crash(n, k) => Op::NodeFault {
            node: node(*n),
            fault: [
                Fault::Crash,
                Fault::PowerLoss,
                Fault::NetworkLoss,
                Fault::ClusterServiceStop,
            ][*k as usize % 4],
        },
        Step::Restore(n) => Op::RestoreNode { node: node(*n) },
        Step::Sleep(s) => Op::Sleep {
            ticks: i64::from(*s) * TICKS_PER_SECOND,
        },
        Step::StopSvc(n, k) | Step::StartSvc(n, k) => {
            let server = node(*n);
            let svcs = w
                .server(&server)
                .map(|s| s.services.clone())
                .unwrap_or_default();
            let service = svcs
                .get(k % svcs.len().max(1))
                .map(|x| x.name.clone())
                .unwrap_or_default();
            if matches!(s, Step::StopSvc(..)) {
                Op::ServiceControl {
                    server,
                    service,
                    action: ServiceAction::Stop,
                }
            } else {
                Op::ServiceControl {
                    server,
                    service,
                    action: ServiceAction::Start,
                }
            }
        }
        Step::Hang(r) => Op::HangResource {
            cluster: cl,
            resource: c.resources[r % c.resources.len()].name.clone(),
        },
        Step::Witness(on) => Op::WitnessOnline {
            cluster: cl,
            online: *on,
        },
        Step::Threshold(g, t) => Op::SetGroupProperty {
            cluster: cl,
            group: group(*g),
            name: "FailoverThreshold".into(),
            value: i64::from(*t),
        },
        Step::Failback(g, h) => {
            // Alternate between the window start and AutoFailbackType.
            if *h < 0 {
                Op::SetGroupProperty {
                    cluster: cl,
                    group: group(*g),
                    name: "AutoFailbackType".into(),
                    value: 1,
                }
            } else {
                Op::SetGroupProperty {
                    cluster: cl,
                    group: group(*g),
                    name: "FailbackWindowStart".into(),
                    value: i64::from(*h),
                }
            }
        }
        Step::Owners(r, ns) => Op::SetPossibleOwners {
            cluster: cl,
            resource: c.resources[r % c.resources.len()].name.clone(),
            nodes: ns.iter().map(|i| node(*i)).collect(),
        },
        Step::ExUpdate(n) => Op::ExchangeUpdate { server: node(*n) },
        Step::Hotfix(n, restart) => Op::InstallHotfix {
            server: node(*n),
            kb: "KB831464".into(),
            restart: *restart,
        },
        Step::UpgradeEvs(g) => Op::UpgradeEvs { evs: group(*g) },
        Step::Setup(n) => Op::Setup {
            server: node(*n),
            mode: exsh::model::exchange::SetupMode::Upgrade,
        },
    };
    let actor = Actor {
        node: w.start_node.clone(),
    };
    let before = w.clone();
    let clock = w.clock;
    match w.apply(&op, &actor) {
        Ok(events) => {
            assert!(w.clock >= clock, "the clock went back");
            // What an operation reports happened between its start and its end.
            assert!(
                events.iter().all(|e| e.time >= clock && e.time <= w.clock),
                "{:?}",
                op
            );
            assert!(events.windows(2).all(|p| p[0].time <= p[1].time));
        }
        Err(_) => assert_eq!(*w, before, "a refused {:?} changed the world", op),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_over_random_operations(lab_i in 0..5usize, steps in proptest::collection::vec(step(), 1..30)) {
        let mut w = lab(labs::names()[lab_i]);
        for s in &steps {
            run(&mut w, s);
            // One owner per group that is a node; online resources have online providers and
            // run on an up possible owner; events in time order.
            prop_assert!(w.check_invariants().is_ok(), "{:?}", w.check_invariants());
            for c in &w.clusters {
                for g in &c.groups {
                    prop_assert!(c.node(&g.owner).is_some());
                }
            }
        }
    }
}
