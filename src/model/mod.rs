//! The simulated world: clusters, nodes, groups, resources, Exchange (later issues).
