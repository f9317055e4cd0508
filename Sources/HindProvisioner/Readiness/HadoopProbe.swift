import DockerEngine
import HindCluster

/// Reads what Hadoop reports about a cluster. A provider gives one per cluster
/// (``ClusterProvider/probe(_:)``); the readiness loop calls it ten times a second.
public protocol HadoopProbe: Sendable {
    /// One reading of every endpoint; an endpoint that does not answer leaves its fields nil.
    func measure() async -> HadoopMetrics
}

/// Reads the daemons' REST endpoints through the host ports they are published on.
public struct HadoopWebProbe: HadoopProbe {
    /// Host ports of the daemons' web endpoints, keyed by daemon.
    public var webPorts: [Daemon: Int]
    public var host: String
    public var components: Set<Component>

    public init(webPorts: [Daemon: Int], host: String = "127.0.0.1", components: Set<Component>) {
        self.webPorts = webPorts
        self.host = host
        self.components = components
    }

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

    private func get(_ daemon: Daemon, _ path: String) async -> [UInt8]? {
        guard let port = webPorts[daemon] else { return nil }
        guard let response = try? await HTTPGetter().get("http://\(host):\(port)\(path)", timeout: .seconds(2)),
              response.status == 200
        else { return nil }
        return response.body
    }
}
