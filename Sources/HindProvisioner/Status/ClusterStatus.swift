import HindCluster

/// One container of a cluster as the engine and hind see it.
public struct NodeStatus: Codable, Sendable, Hashable {
    public var name: String
    public var container: String
    public var roles: [String]
    /// The engine's state: `created`, `running`, `exited`, `dead` …
    public var state: String
    /// The health check's verdict: `starting`, `healthy`, `unhealthy`; nil when not running.
    public var health: String?
    public var exitCode: Int?
}

/// Where a person or a client reaches the cluster from the host.
public struct ClusterEndpoints: Codable, Sendable, Hashable {
    public var namenodeUI: String?
    public var namenodeRPC: String?
    public var resourcemanagerUI: String?
    public var historyUI: String?
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
}

/// One line of `hind list`.
public struct ClusterSummary: Codable, Sendable, Hashable {
    public var name: String
    public var nodes: Int
    public var running: Int
    public var image: String?
}
