/// The nodes of a cluster, derived from its spec.
///
/// Masters come first (`namenode`, `resourcemanager`, `historyserver`), then
/// `worker-1` … `worker-N`, each running a DataNode and, with YARN, a NodeManager in the
/// same container for data locality, as on a real host.
public struct Topology: Hashable, Codable, Sendable {
    public static let namenode = "namenode"
    public static let resourcemanager = "resourcemanager"
    public static let historyserver = "historyserver"

    public var spec: ClusterSpec
    public var nodes: [Node]

    public var name: ClusterName { spec.name }
    /// The cluster's bridge network: `<cluster>-net`.
    public var networkName: String { Self.networkName(of: spec.name) }
    public static func networkName(of cluster: ClusterName) -> String { "\(cluster)-net" }
    public var labels: [String: String] { ClusterLabels.forCluster(spec.name) }
    public var workers: [Node] { nodes.filter { $0.runs(.datanode) } }

    public init(spec: ClusterSpec) {
        self.spec = spec
        let ports = spec.ports
        let layouts = Self.nodeLayouts(workers: spec.workers, components: spec.components, ha: spec.ha)
        let first = Self.firstNodes(components: spec.components, ha: spec.ha)
        self.nodes = layouts.map { layout in
            let containerName = "\(spec.name)-\(layout.name)"
            var dependencies: [Daemon: Endpoint] = [:]
            for daemon in layout.daemons {
                dependencies[daemon] = Self.dependency(of: daemon, ports: ports, first: first)
            }
            return Node(
                name: layout.name,
                daemons: layout.daemons,
                containerName: containerName,
                volumeName: "\(containerName)-data",
                labels: [
                    ClusterLabels.cluster: spec.name.rawValue,
                    ClusterLabels.node: layout.name,
                    ClusterLabels.roles: layout.daemons.map(\.rawValue).joined(separator: ","),
                ],
                dependencies: dependencies,
                healthPorts: layout.daemons.map { Self.healthPort(of: $0, ports: ports, ha: spec.ha != nil) },
                published: Self.published(node: layout.name, daemons: layout.daemons, spec: spec),
                memory: MemoryPlan(memory: spec.memory, daemons: layout.daemons),
                rack: Self.workerIndex(of: layout.name).flatMap { index in spec.racks?.rack(ofWorker: index) }
            )
        }
    }

    /// The port a daemon's health check probes: its first (``PortTable/listening(_:)``),
    /// with two exceptions.
    /// - A DataNode's IPC port, not its HTTP port. The IPC server opens last, and every
    ///   connection to the HTTP port (Netty) can make one more of its event loops allocate
    ///   a 16 MiB pooled buffer: an idle DataNode grew from 72 to 144 MiB within a minute
    ///   of checks (BENCHMARKS.md).
    /// - With HA, a ResourceManager's web port, which the standby serves too (its tracker
    ///   port opens only when it becomes active).
    static func healthPort(of daemon: Daemon, ports: PortTable, ha: Bool) -> Int {
        switch daemon {
        case .datanode: ports.datanodeIPC
        case .resourcemanager where ha: ports.resourcemanagerWeb
        default: ports.listening(daemon)[0]
        }
    }

    /// The nodes running a ResourceManager: one, or two with HA.
    public var resourcemanagers: [Node] { nodes.filter { $0.runs(.resourcemanager) } }

    /// The nodes running a NameNode: `namenode`, or `namenode-1` and `namenode-2` with HA.
    public var namenodes: [Node] { nodes.filter { $0.runs(.namenode) } }

    public func node(named name: String) -> Node? { nodes.first { $0.name == name } }

    /// `worker-K`.
    public static func workerName(_ index: Int) -> String { "worker-\(index)" }

    /// K of `worker-K`, or nil for any other name.
    public static func workerIndex(of name: String) -> Int? {
        guard name.hasPrefix("worker-"), let index = Int(name.dropFirst("worker-".count)), index > 0,
              name == workerName(index) else { return nil }
        return index
    }

    /// Node names and daemons, without the rest: enough to check memory before building.
    static func nodeLayouts(workers: Int, components: Set<Component>, ha: HighAvailability? = nil) -> [(name: String, daemons: [Daemon])] {
        var layouts: [(name: String, daemons: [Daemon])] = []
        if let ha {
            layouts += HighAvailability.namenodes.map { ($0, [.namenode, .zkfc]) }
            layouts += HighAvailability.journals.map { ($0, [.journalnode]) }
            layouts += ha.zookeeperNodes.map { ($0, [.zookeeper]) }
            if components.contains(.yarn) { layouts += HighAvailability.resourcemanagers.map { ($0, [.resourcemanager]) } }
        } else {
            layouts.append((namenode, [.namenode]))
            if components.contains(.yarn) { layouts.append((resourcemanager, [.resourcemanager])) }
        }
        if components.contains(.history) { layouts.append((historyserver, [.historyserver])) }
        let workerDaemons: [Daemon] = components.contains(.yarn) ? [.datanode, .nodemanager] : [.datanode]
        for index in 1...max(workers, 1) { layouts.append((workerName(index), workerDaemons)) }
        return layouts
    }

    /// The node others wait for, per role: the NameNode, ResourceManager and ZooKeeper
    /// (the first of each with HA).
    struct FirstNodes {
        var namenode: String
        var resourcemanager: String
        var zookeeper: String?
    }

    static func firstNodes(components: Set<Component>, ha: HighAvailability?) -> FirstNodes {
        guard let ha else { return FirstNodes(namenode: namenode, resourcemanager: resourcemanager) }
        return FirstNodes(namenode: HighAvailability.namenodes[0], resourcemanager: HighAvailability.resourcemanagers[0],
                          zookeeper: ha.zookeeperNodes[0])
    }

    /// What a daemon must reach before it starts: the `host:port` its launcher waits for
    /// (a DataNode only for the host's name to resolve, see `LauncherScript`). An HA
    /// NameNode's own order (JournalNodes, its peer) is the launcher's.
    static func dependency(of daemon: Daemon, ports: PortTable, first: FirstNodes) -> Endpoint? {
        switch daemon {
        case .namenode, .resourcemanager, .journalnode, .zookeeper: nil
        case .datanode, .historyserver: Endpoint(host: first.namenode, port: ports.namenodeRPC)
        case .nodemanager: Endpoint(host: first.resourcemanager, port: ports.resourcemanagerTracker)
        case .zkfc: first.zookeeper.map { Endpoint(host: $0, port: ports.zookeeperClient) }
        }
    }

    /// The ports a node publishes on the host: each NameNode's web UI and RPC (the second
    /// NameNode's on ports of its own), the first ResourceManager's and the history
    /// server's web UIs.
    static func published(node name: String, daemons: [Daemon], spec: ClusterSpec) -> [PublishedPort] {
        let ports = spec.ports
        let publishing = spec.publishing
        func port(_ container: Int, _ host: Int?) -> PublishedPort {
            PublishedPort(containerPort: container, hostIP: publishing.hostIP, hostPort: host)
        }
        let second = spec.ha != nil && name == HighAvailability.namenodes[1]
        return daemons.flatMap { daemon -> [PublishedPort] in
            switch daemon {
            case .namenode:
                second
                    ? [port(ports.namenodeHTTP, publishing.secondNamenodeHTTP), port(ports.namenodeRPC, publishing.secondNamenodeRPC)]
                    : [port(ports.namenodeHTTP, publishing.namenodeHTTP), port(ports.namenodeRPC, publishing.namenodeRPC)]
            case .resourcemanager:
                spec.ha != nil && name == HighAvailability.resourcemanagers[1]
                    ? [port(ports.resourcemanagerWeb, publishing.secondResourcemanagerWeb)]
                    : [port(ports.resourcemanagerWeb, publishing.resourcemanagerWeb)]
            case .historyserver: [port(ports.historyWeb, publishing.historyWeb)]
            case .datanode, .nodemanager, .journalnode, .zkfc, .zookeeper: []
            }
        }
    }
}
