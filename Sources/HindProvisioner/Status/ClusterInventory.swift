import HindCluster

/// What the engine has of a cluster: every object carrying its label, by kind. Read in
/// one pass by ``ClusterProvider/inventory(of:)``; compared with the spec by
/// ``ClusterRepairPlan``.
public struct ClusterInventory: Sendable, Hashable {
    public var name: ClusterName
    /// The spec the cluster was created from, read from whichever of its objects still
    /// carries it; nil when none does (a cluster started by docker-compose from `hind
    /// render`, or all of its labelled objects gone).
    public var spec: ClusterSpec?
    /// The engine's state of each node's container (`running`, `exited` …), by node name.
    public var containers: [String: String]
    public var networks: Set<String>
    public var volumes: Set<String>
    /// Swarm: the cluster's configs (its files).
    public var configs: Set<String> = []

    public init(name: ClusterName, spec: ClusterSpec? = nil, containers: [String: String] = [:],
                networks: Set<String> = [], volumes: Set<String> = []) {
        self.name = name
        self.spec = spec
        self.containers = containers
        self.networks = networks
        self.volumes = volumes
    }

    /// No object carries the cluster's label: there is no such cluster.
    public var isEmpty: Bool { containers.isEmpty && networks.isEmpty && volumes.isEmpty && configs.isEmpty }

    /// A network or volumes but no container: a `hind up` that was killed before it
    /// created any (`up` makes the network and volumes first).
    public var isIncomplete: Bool { containers.isEmpty && !isEmpty }
}
