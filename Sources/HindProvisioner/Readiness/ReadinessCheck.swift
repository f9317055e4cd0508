import DockerEngine
import HindCluster

/// Whether a cluster is ready, as Hadoop itself says: the NameNode out of safe mode with
/// every DataNode live; with YARN, the ResourceManager started with every NodeManager
/// active; with history, the JobHistory REST API answering.
public struct ReadinessCheck: Sendable {
    /// Host ports of the daemons' web endpoints, keyed by daemon.
    public var webPorts: [Daemon: Int]
    public var host: String
    public var expectedWorkers: Int
    public var components: Set<Component>

    public init(webPorts: [Daemon: Int], host: String = "127.0.0.1", expectedWorkers: Int, components: Set<Component>) {
        self.webPorts = webPorts
        self.host = host
        self.expectedWorkers = expectedWorkers
        self.components = components
    }

    /// One reading of every endpoint; an endpoint that does not answer leaves its fields nil.
    public func measure() async -> HadoopMetrics {
        var metrics = HadoopMetrics()
        async let namenode = get(.namenode, HadoopREST.namenodeStatePath)
        async let rmInfo = components.contains(.yarn) ? get(.resourcemanager, HadoopREST.resourcemanagerInfoPath) : nil
        async let rmMetrics = components.contains(.yarn) ? get(.resourcemanager, HadoopREST.resourcemanagerMetricsPath) : nil
        async let history = components.contains(.history) ? get(.historyserver, HadoopREST.historyInfoPath) : nil
        if let body = await namenode, let state = HadoopREST.parseNamenodeState(body) {
            metrics.fsState = state.state
            metrics.liveDataNodes = state.live
            metrics.deadDataNodes = state.dead
        }
        if let body = await rmInfo { metrics.resourceManagerState = HadoopREST.parseResourcemanagerState(body) }
        if let body = await rmMetrics, let nodes = HadoopREST.parseResourcemanagerNodes(body) {
            metrics.activeNodeManagers = nodes.active
            metrics.lostNodeManagers = nodes.lost
        }
        if components.contains(.history) { metrics.historyServerAnswers = await history != nil }
        return metrics
    }

    /// What is still missing, or nil when the cluster is ready.
    public func unmet(_ metrics: HadoopMetrics) -> String? {
        guard let live = metrics.liveDataNodes, let state = metrics.fsState else {
            return "the NameNode web endpoint does not answer yet"
        }
        if live < expectedWorkers { return "HDFS has \(live)/\(expectedWorkers) DataNodes live" }
        if state != "Operational" { return "the NameNode is in safe mode (FSState \(state))" }
        if components.contains(.yarn) {
            guard metrics.resourceManagerState == "STARTED" else {
                return "the ResourceManager is not started (state \(metrics.resourceManagerState ?? "unknown"))"
            }
            let active = metrics.activeNodeManagers ?? 0
            if active < expectedWorkers { return "YARN has \(active)/\(expectedWorkers) NodeManagers active" }
        }
        if components.contains(.history), metrics.historyServerAnswers != true {
            return "the JobHistory server does not answer yet"
        }
        return nil
    }

    private func get(_ daemon: Daemon, _ path: String) async -> [UInt8]? {
        guard let port = webPorts[daemon] else { return nil }
        guard let response = try? await HTTPGetter().get("http://\(host):\(port)\(path)", timeout: .seconds(2)),
              response.status == 200
        else { return nil }
        return response.body
    }
}
