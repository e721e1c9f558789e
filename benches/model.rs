//! Model benchmarks (`cargo bench --bench model`): a node crash on an 8-node cluster with
//! 64 groups and 1,000 resources, loading the default lab, and one REPL-style command on
//! it (issue 3's performance targets: under 1 ms, under 1 ms, under 2 ms).

use criterion::{black_box, criterion_group, criterion_main, Criterion};

// The exsh binary runs on mimalloc; measure with the same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use exsh::model::*;

/// An 8-node cluster, 64 groups of 15-16 resources in chains and fans.
pub fn big_world() -> World {
    let mut w = labs::builtin("ccr").unwrap_or_else(|e| panic!("{}", e));
    let nodes: Vec<String> = (1..=8).map(|i| format!("N{}", i)).collect();
    let template = w.servers[1].clone();
    w.servers.retain(|s| s.cluster.is_none());
    for n in &nodes {
        let mut s = template.clone();
        s.name = n.clone();
        s.cluster = Some("BIG".into());
        w.servers.push(s);
    }
    // Defaults for the fields the benchmark does not care about.
    let template_resource = w.clusters[0].resources[0].clone();
    let mut groups = Vec::new();
    let mut resources = Vec::new();
    for g in 0..64 {
        let gname = format!("G{:02}", g);
        groups.push(Group {
            name: gname.clone(),
            owner: nodes[g % 8].clone(),
            preferred_owners: Vec::new(),
            failover_threshold: 10,
            failover_period: 6,
            auto_failback_type: 0,
            failback_window_start: -1,
            failback_window_end: -1,
            persistent_state: true,
            failovers: Vec::new(),
            description: String::new(),
        });
        let count = if g < 40 { 16 } else { 15 };
        for r in 0..count {
            let name = format!("{} R{:02}", gname, r);
            let deps = if r == 0 {
                vec![]
            } else if r < 4 {
                vec![format!("{} R{:02}", gname, r - 1)]
            } else {
                vec![format!("{} R03", gname)]
            };
            resources.push(Resource {
                name,
                kind: if r == 0 {
                    "IP Address".into()
                } else if r == 1 {
                    "Network Name".into()
                } else {
                    "Generic Service".into()
                },
                group: gname.clone(),
                state: ResourceState::Online,
                possible_owners: nodes.clone(),
                dependencies: deps,
                restart_action: 2,
                restart_threshold: 3,
                restart_period: 900_000,
                pending_timeout: 180_000,
                private: Default::default(),
                restarts: Vec::new(),
                extra_online: 0,
                ..template_resource.clone()
            });
        }
    }
    w.clusters = vec![Cluster {
        name: "BIG".into(),
        ip: "10.9.0.1".into(),
        os_generation: 2008,
        quorum: Quorum {
            kind: QuorumKind::NodeMajority,
            resource: None,
            witness: None,
            witness_online: true,
        },
        nodes: nodes
            .iter()
            .enumerate()
            .map(|(i, n)| Node {
                name: n.clone(),
                id: i as u32 + 1,
                state: NodeState::Up,
                paused: false,
            })
            .collect(),
        networks: Vec::new(),
        groups,
        resources,
        running: true,
        members: Default::default(),
    }];
    w.start_node = "N1".into();
    if let Some(a) = w.accounts.first_mut() {
        a.local_admin_on = vec!["*".into()];
    }
    assert_eq!(w.clusters[0].resources.len(), 1000);
    assert!(labs::validate(&w).is_ok(), "{:?}", labs::validate(&w));
    w
}

fn bench(c: &mut Criterion) {
    let w = big_world();
    c.bench_function("crash a node: 8 nodes, 64 groups, 1000 resources", |b| {
        b.iter_batched(
            || w.clone(),
            |mut w| {
                let r = w.apply(
                    &Op::NodeFault {
                        node: "N3".into(),
                        fault: Fault::Crash,
                    },
                    &Actor { node: "N1".into() },
                );
                black_box(r.is_ok())
            },
            criterion::BatchSize::SmallInput,
        )
    });
    c.bench_function("load the default lab", |b| {
        b.iter(|| labs::builtin(black_box("ccr")))
    });
    c.bench_function("REPL command on the default lab: Get-ClusterGroup", |b| {
        let host = exsh::engine::interp::BufferHost::default();
        let mut interp = exsh::engine::interp::Interp::new(Box::new(host));
        if let Ok(w) = labs::builtin("ccr") {
            exsh::cmdlets::lab::util::install(&mut interp, w);
        }
        b.iter(|| exsh::host::session::run_command(&mut interp, "Get-ClusterGroup"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
