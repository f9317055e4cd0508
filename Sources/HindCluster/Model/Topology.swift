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
        let layouts = Self.nodeLayouts(workers: spec.workers, components: spec.components)
        self.nodes = layouts.map { layout in
            let containerName = "\(spec.name)-\(layout.name)"
            var dependencies: [Daemon: Endpoint] = [:]
            for daemon in layout.daemons {
                dependencies[daemon] = Self.dependency(of: daemon, ports: ports)
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
                healthPorts: layout.daemons.map { ports.listening($0)[0] },
                published: Self.published(for: layout.daemons, spec: spec),
                memory: MemoryPlan(memory: spec.memory, daemons: layout.daemons),
                rack: Self.workerIndex(of: layout.name).flatMap { index in spec.racks?.rack(ofWorker: index) }
            )
        }
    }

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
    static func nodeLayouts(workers: Int, components: Set<Component>) -> [(name: String, daemons: [Daemon])] {
        var layouts: [(name: String, daemons: [Daemon])] = [(namenode, [.namenode])]
        if components.contains(.yarn) { layouts.append((resourcemanager, [.resourcemanager])) }
        if components.contains(.history) { layouts.append((historyserver, [.historyserver])) }
        let workerDaemons: [Daemon] = components.contains(.yarn) ? [.datanode, .nodemanager] : [.datanode]
        for index in 1...max(workers, 1) { layouts.append((workerName(index), workerDaemons)) }
        return layouts
    }

    /// What a daemon must reach before it starts: the `host:port` its launcher waits for
    /// (a DataNode only for the host's name to resolve, see `LauncherScript`).
    static func dependency(of daemon: Daemon, ports: PortTable) -> Endpoint? {
        switch daemon {
        case .namenode, .resourcemanager: nil
        case .datanode, .historyserver: Endpoint(host: namenode, port: ports.namenodeRPC)
        case .nodemanager: Endpoint(host: resourcemanager, port: ports.resourcemanagerTracker)
        }
    }

    static func published(for daemons: [Daemon], spec: ClusterSpec) -> [PublishedPort] {
        let ports = spec.ports
        let publishing = spec.publishing
        func port(_ container: Int, _ host: Int?) -> PublishedPort {
            PublishedPort(containerPort: container, hostIP: publishing.hostIP, hostPort: host)
        }
        return daemons.flatMap { daemon -> [PublishedPort] in
            switch daemon {
            case .namenode:
                [port(ports.namenodeHTTP, publishing.namenodeHTTP),
                 port(ports.namenodeRPC, publishing.namenodeRPC)]
            case .resourcemanager: [port(ports.resourcemanagerWeb, publishing.resourcemanagerWeb)]
            case .historyserver: [port(ports.historyWeb, publishing.historyWeb)]
            case .datanode, .nodemanager: []
            }
        }
    }
}
