/// One container of a cluster: its daemons, names, ports and what it waits for.
public struct Node: Hashable, Codable, Sendable {
    /// The node's name within the cluster, also its hostname and network alias:
    /// `namenode`, `resourcemanager`, `historyserver`, `worker-1` …
    public var name: String
    public var daemons: [Daemon]
    /// `<cluster>-<node>`.
    public var containerName: String
    /// The named volume holding the node's HDFS and YARN data.
    public var volumeName: String
    public var labels: [String: String]
    /// For each daemon, the `host:port` it waits for before starting.
    public var dependencies: [Daemon: Endpoint]
    /// Ports checked by the node's health check: the first port of each daemon.
    public var healthPorts: [Int]
    public var published: [PublishedPort]
    public var memory: MemoryPlan
    /// The worker's rack (`/rack-1` …) when the cluster has racks.
    public var rack: String? = nil

    public var hostname: String { name }
    /// The other nodes this one waits for, in order, without repeats.
    public var dependsOn: [String] {
        var seen: [String] = []
        for daemon in daemons {
            if let host = dependencies[daemon]?.host, !seen.contains(host) { seen.append(host) }
        }
        return seen
    }

    public func runs(_ daemon: Daemon) -> Bool { daemons.contains(daemon) }
}

/// A `host:port` on the cluster network.
public struct Endpoint: Hashable, Codable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
    public var description: String { "\(host):\(port)" }
}
