import HindCluster

/// Whether a cluster is ready, as Hadoop itself says: the NameNode out of safe mode with
/// every DataNode live; with YARN, the ResourceManager started with every NodeManager
/// active; with history, the JobHistory REST API answering.
public struct ReadinessCheck: Sendable, Hashable {
    public var expectedWorkers: Int
    public var components: Set<Component>
    /// The nodes whose logs explain a NameNode's trouble.
    public var namenodes: [String]

    public init(expectedWorkers: Int, components: Set<Component>, namenodes: [String] = [Topology.namenode]) {
        self.expectedWorkers = expectedWorkers
        self.components = components
        self.namenodes = namenodes
    }

    public init(spec: ClusterSpec) {
        self.init(expectedWorkers: spec.workers, components: spec.components,
                  namenodes: spec.ha == nil ? [Topology.namenode] : HighAvailability.namenodes)
    }

    /// What will not come right by waiting, or nil: NodeManagers the ResourceManager
    /// found unhealthy, each with its health report.
    public func failure(_ metrics: HadoopMetrics) -> String? {
        guard components.contains(.yarn), let unhealthy = metrics.unhealthyNodeManagers, unhealthy > 0 else { return nil }
        let reports = metrics.unhealthyReports ?? []
        return "\(unhealthy) NodeManager\(unhealthy == 1 ? " is" : "s are") unhealthy"
            + (reports.isEmpty ? "" : " (\(reports.joined(separator: "; ")))")
    }

    /// What is still missing, or nil when the cluster is ready.
    public func unmet(_ metrics: HadoopMetrics) -> String? {
        // HA: exactly one NameNode active and the other standby.
        if let states = metrics.namenodeStates,
           states.filter({ $0 == "active" }).count != 1 || states.filter({ $0 == "standby" }).count != states.count - 1 {
            let named = zip(HighAvailability.namenodeIDs, states).map { "\($0) \($1)" }.joined(separator: ", ")
            return "the NameNodes are not one active and one standby yet (\(named))"
        }
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

    /// The unmet check completed with Hadoop's own reason, and the nodes whose logs
    /// explain it: the NameNode, and the workers whose DataNode never registered.
    public func diagnosis(_ metrics: HadoopMetrics, _ explanation: HadoopExplanation, workers: [String]) -> (unmet: String, nodes: [String]) {
        guard var unmet = unmet(metrics) else { return ("", []) }
        var nodes = namenodes
        if let registered = explanation.liveNodeNames, (metrics.liveDataNodes ?? 0) < expectedWorkers {
            // The NameNode keys each DataNode by its host name: the node's name.
            let missing = workers.filter { !registered.contains($0) }
            if !missing.isEmpty {
                unmet += " (\(missing.joined(separator: ", ")) \(missing.count == 1 ? "has" : "have") not registered)"
                nodes += missing
            }
        } else if metrics.fsState != nil, !metrics.safeModeOff, let reason = explanation.safeMode {
            unmet = "the NameNode is in safe mode: \(reason)"
        }
        return (unmet, nodes)
    }
}
