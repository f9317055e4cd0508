import HindCluster

/// A cluster's state in one word, as `status` and `list` show it.
public enum ClusterCondition: String, Codable, Sendable, Hashable, CustomStringConvertible {
    /// Hadoop reports it ready and every node runs (`status`, which asks Hadoop).
    case ready
    /// Every node runs but Hadoop does not report it ready (yet).
    case notReady = "not-ready"
    /// Every container runs (`list`, which does not ask Hadoop).
    case running
    case stopped
    /// Some containers run, some do not.
    case partlyStopped = "partly-stopped"
    /// A container, volume or the network is gone: `hind start` recreates it.
    case damaged
    /// The NameNode's volume is gone: the file system cannot be brought back.
    case dataLost = "data-lost"
    /// A network or volumes without any container: a `hind up` that did not finish.
    case incomplete

    public var description: String { rawValue }

    /// What the engine alone tells: Hadoop is not asked.
    public init(_ inventory: ClusterInventory) {
        if inventory.isIncomplete {
            self = .incomplete
        } else if let spec = inventory.spec, case let plan = ClusterRepairPlan(topology: Topology(spec: spec), inventory: inventory), !plan.isComplete {
            self = plan.lostNamenodes.isEmpty ? .damaged : .dataLost
        } else {
            let running = inventory.containers.values.filter { $0 == "running" }.count
            self = running == inventory.containers.count ? .running : running == 0 ? .stopped : .partlyStopped
        }
    }

    /// What to do about it, when there is something to do.
    public func advice(for name: ClusterName) -> String? {
        switch self {
        case .ready, .running: nil
        case .notReady: "wait, or see hind logs --name \(name)"
        case .stopped, .partlyStopped: "start it with hind start --name \(name)"
        case .damaged: "recreate what is missing with hind start --name \(name)"
        case .dataLost: "the NameNode's volume is gone with the file system's metadata; remove the cluster with hind down --name \(name)"
        case .incomplete: "an earlier hind up did not finish, or its containers were removed: recreate them with hind start --name \(name) (the volumes keep any data), or remove it with hind down --name \(name)"
        }
    }
}
