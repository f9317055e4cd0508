import DockerEngine
import HindCluster

/// What hind asks of a running cluster's Hadoop: readings for readiness (ten a second
/// while `up` waits), and the user's home directory once it is ready. A provider gives
/// one per cluster (``ClusterProvider/hadoop(_:)``).
public protocol HadoopClient: Sendable {
    /// One reading of every endpoint; an endpoint that does not answer leaves its fields nil.
    func measure() async -> HadoopMetrics
    /// Creates `/user/<user>` owned by `user` (so relative paths work), if missing.
    func createHomeDirectory(for user: String) async throws
    /// Why the cluster is not ready, in Hadoop's words (read once, when a wait fails).
    func explain() async -> HadoopExplanation
    /// Each live DataNode's admin state by address (a decommission's progress); nil when
    /// the NameNode does not answer.
    func dataNodeAdmin() async -> [String: DataNodeAdminState]?
    /// The NameNode's fsck of `path` with files, blocks and locations, as `user`.
    func fsck(_ path: String, as user: String) async throws -> String
}

/// The daemons' REST endpoints (JMX, the ResourceManager's API, WebHDFS), through a
/// ``HadoopWebFetcher``: the host ports they are published on, or (Swarm) from inside
/// the cluster.
public struct HadoopWebClient: HadoopClient {
    /// Host ports of the daemons' web endpoints, keyed by daemon (the first NameNode's
    /// with HA).
    public var webPorts: [Daemon: Int]
    /// HA: every NameNode's web port, in node order; the active one answers for HDFS.
    public var namenodePorts: [Int]
    /// HA with YARN: both ResourceManagers' web ports; the active one answers for YARN
    /// (the standby redirects its REST API to the active one's name, which the host
    /// cannot resolve).
    public var resourcemanagerPorts: [Int]
    public var fetcher: any HadoopWebFetcher
    public var components: Set<Component>
    /// Node names by address on the cluster network (the NameNode lists DataNodes by the
    /// address they register with), looked up only when ``explain()`` needs them, off
    /// the readiness poll and `status`.
    public var nodeNames: @Sendable () async -> [String: String]

    public init(webPorts: [Daemon: Int], namenodePorts: [Int] = [], resourcemanagerPorts: [Int] = [], host: String = "127.0.0.1",
                components: Set<Component>, nodeNames: @escaping @Sendable () async -> [String: String] = { [:] }) {
        self.init(webPorts: webPorts, namenodePorts: namenodePorts, resourcemanagerPorts: resourcemanagerPorts,
                  fetcher: PublishedPortFetcher(host: host), components: components, nodeNames: nodeNames)
    }

    public init(webPorts: [Daemon: Int], namenodePorts: [Int] = [], resourcemanagerPorts: [Int] = [], fetcher: any HadoopWebFetcher,
                components: Set<Component>, nodeNames: @escaping @Sendable () async -> [String: String] = { [:] }) {
        self.webPorts = webPorts
        self.namenodePorts = namenodePorts
        self.resourcemanagerPorts = resourcemanagerPorts
        self.fetcher = fetcher
        self.components = components
        self.nodeNames = nodeNames
    }

    public func measure() async -> HadoopMetrics {
        var metrics = HadoopMetrics()
        let resourcemanager = components.contains(.yarn) ? await activeResourceManager() : nil
        async let rmMetrics = resourcemanager.asyncFlatMap { await get(port: $0.port, HadoopREST.resourcemanagerMetricsPath) }
        async let history = components.contains(.history) ? get(.historyserver, HadoopREST.historyInfoPath) : nil
        let (namenode, states) = await activeNamenode()
        metrics.namenodeStates = states
        if let namenode, let body = await get(port: namenode, HadoopREST.namenodeStatePath), let state = HadoopREST.parseNamenodeState(body) {
            metrics.fsState = state.state
            metrics.liveDataNodes = state.live
            metrics.deadDataNodes = state.dead
        }
        if let body = resourcemanager?.info { metrics.resourceManagerState = HadoopREST.parseResourcemanagerState(body) }
        if let body = await rmMetrics, let nodes = HadoopREST.parseResourcemanagerNodes(body) {
            metrics.activeNodeManagers = nodes.active
            metrics.lostNodeManagers = nodes.lost
            metrics.unhealthyNodeManagers = nodes.unhealthy
            if nodes.unhealthy > 0, let port = resourcemanager?.port, let body = await get(port: port, HadoopREST.unhealthyNodesPath) {
                metrics.unhealthyReports = HadoopREST.parseNodeReports(body)
            }
        }
        if components.contains(.history) { metrics.historyServerAnswers = await history != nil }
        return metrics
    }

    /// The web port of the NameNode that answers for HDFS, and with HA every NameNode's
    /// state: the single NameNode's port as is; with HA the active one's, nil while none is.
    func activeNamenode() async -> (port: Int?, states: [String]?) {
        guard namenodePorts.count > 1 else { return (webPorts[.namenode], nil) }
        var states: [String] = []
        for port in namenodePorts {
            let body = await get(port: port, HadoopREST.namenodeStatusPath)
            states.append(body.flatMap(HadoopREST.parseNamenodeHAState) ?? "unreachable")
        }
        return (states.firstIndex(of: "active").map { namenodePorts[$0] }, states)
    }

    /// The ResourceManager that answers for YARN, with its `cluster/info`: the single one,
    /// or with HA the one whose `haState` is `ACTIVE` (nil while none is).
    func activeResourceManager() async -> (port: Int, info: [UInt8]?)? {
        guard resourcemanagerPorts.count > 1 else {
            guard let port = webPorts[.resourcemanager] else { return nil }
            return (port, await get(port: port, HadoopREST.resourcemanagerInfoPath))
        }
        for port in resourcemanagerPorts {
            if let body = await get(port: port, HadoopREST.resourcemanagerInfoPath), HadoopREST.parseResourcemanagerHAState(body) == "ACTIVE" {
                return (port, body)
            }
        }
        return nil
    }

    public func createHomeDirectory(for user: String) async throws {
        guard let port = await activeNamenode().port else { return }
        let name = URLEscaping.queryComponent(user)
        let path = "/webhdfs/v1/user/\(URLEscaping.pathSegment(user))?op=MKDIRS&user.name=\(name)"
        guard let response = await fetcher.fetch(.put, port: port, path: path, timeout: .seconds(10)) else {
            throw ProvisionError.homeDirectoryFailed(user: user, reason: "WebHDFS did not answer")
        }
        guard response.status == 200 else {
            throw ProvisionError.homeDirectoryFailed(user: user, reason: "WebHDFS answered \(response.status) \(String(decoding: response.body.prefix(200), as: UTF8.self))")
        }
    }

    public func explain() async -> HadoopExplanation {
        guard let port = await activeNamenode().port, let body = await get(port: port, HadoopREST.namenodeInfoPath),
              let explanation = HadoopREST.parseNamenodeInfo(body)
        else { return HadoopExplanation() }
        return explanation.naming(await nodeNames())
    }

    public func dataNodeAdmin() async -> [String: DataNodeAdminState]? {
        guard let port = await activeNamenode().port, let body = await get(port: port, HadoopREST.namenodeInfoPath) else { return nil }
        return HadoopREST.parseDataNodeAdmin(body)
    }

    public func fsck(_ path: String, as user: String) async throws -> String {
        guard let port = await activeNamenode().port else { throw ProvisionError.hadoopRequestFailed("no NameNode is active to run fsck") }
        let query = "ugi=\(URLEscaping.queryComponent(user))&path=\(URLEscaping.queryComponent(path))&files=1&blocks=1&locations=1"
        guard let response = await fetcher.fetch(.get, port: port, path: "/fsck?\(query)", timeout: .seconds(120)), response.status == 200 else {
            throw ProvisionError.hadoopRequestFailed("the NameNode's fsck of \(path) did not answer 200 OK")
        }
        return String(decoding: response.body, as: UTF8.self)
    }

    private func get(_ daemon: Daemon, _ path: String) async -> [UInt8]? {
        guard let port = webPorts[daemon] else { return nil }
        return await get(port: port, path)
    }

    private func get(port: Int, _ path: String) async -> [UInt8]? {
        guard let response = await fetcher.fetch(.get, port: port, path: path, timeout: .seconds(2)),
              response.status == 200
        else { return nil }
        return response.body
    }
}

extension Optional {
    /// `map` with an async transform.
    fileprivate func asyncFlatMap<Result>(_ transform: (Wrapped) async -> Result?) async -> Result? {
        guard let value = self else { return nil }
        return await transform(value)
    }
}
