import HindCluster

/// One container of a cluster as the engine and hind see it.
public struct NodeStatus: Codable, Sendable, Hashable {
    public var name: String
    public var container: String
    public var roles: [String]
    /// The engine's state: `created`, `running`, `exited`, `dead` …, or `missing` when the
    /// spec has the node but the engine has no container for it.
    public var state: String
    /// The health check's verdict: `starting`, `healthy`, `unhealthy`; nil when not running.
    public var health: String?
    public var exitCode: Int?
    /// The worker's rack when the cluster has racks (`--racks`, `--rack`).
    public var rack: String?
    /// HA: a running NameNode's state, `active` or `standby`.
    public var haState: String?
    /// Swarm: the hostname of the Swarm node the task runs on.
    public var swarmNode: String?

    /// The state of a node whose container is gone.
    public static let missing = "missing"

    public init(name: String, container: String, roles: [String], state: String, health: String? = nil, exitCode: Int? = nil, rack: String? = nil) {
        self.name = name
        self.container = container
        self.roles = roles
        self.state = state
        self.health = health
        self.exitCode = exitCode
        self.rack = rack
    }
}

/// Where a person or a client reaches the cluster from the host.
public struct ClusterEndpoints: Codable, Sendable, Hashable {
    public var namenodeUI: String?
    public var namenodeRPC: String?
    /// The NameNode's WebHDFS root, `http://127.0.0.1:PORT/webhdfs/v1`.
    public var webHDFS: String?
    public var resourcemanagerUI: String?
    public var historyUI: String?
    /// HA: the nameservice URI clients use inside the cluster (`hdfs://NAME`).
    public var nameservice: String?
    /// HA: each NameNode's own endpoints and state; nil (absent from the JSON, whose
    /// other endpoints stay plain strings) for a single NameNode.
    public var namenodes: [NamenodeEndpoint]?
}

/// One NameNode's endpoints on the host, and with HA its state.
public struct NamenodeEndpoint: Codable, Sendable, Hashable {
    public var node: String
    public var ui: String?
    public var rpc: String?
    /// HA: `active`, `standby` or `unreachable`.
    public var state: String?
}

/// A cluster's nodes, entry points and what Hadoop reports about it.
public struct ClusterStatus: Codable, Sendable, Hashable {
    public var name: String
    public var image: String?
    public var components: [String]
    public var workers: Int?
    public var nodes: [NodeStatus]
    public var endpoints: ClusterEndpoints
    /// Nil when the daemons' endpoints cannot be reached (e.g. the cluster is stopped).
    public var hadoop: HadoopMetrics?
    public var ready: Bool
    public var condition: ClusterCondition
    /// What the spec has and the engine does not: `worker-3's container`, `the network …`.
    public var missing: [String]
}

/// One line of `hind list`.
public struct ClusterSummary: Codable, Sendable, Hashable {
    public var name: String
    public var nodes: Int
    public var running: Int
    public var image: String?
    public var condition: ClusterCondition
}
