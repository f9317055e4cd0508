import HindCluster

/// Human-readable summaries of a cluster's state, shared by `up`, `start` and `status`.
public enum ClusterReport {
    /// "HDFS 3/3 DataNodes live, safe mode off; YARN 3/3 NodeManagers active".
    public static func readyLine(_ status: ClusterStatus) -> String {
        guard let metrics = status.hadoop else { return "Hadoop endpoints do not answer" }
        var parts: [String] = []
        if let live = metrics.liveDataNodes {
            parts.append("HDFS \(live)/\(status.workers ?? live) DataNodes live, safe mode \(metrics.safeModeOff ? "off" : "on")")
        }
        if let states = metrics.namenodeStates {
            parts.append("NameNodes " + zip(HighAvailability.namenodeIDs, states).map { "\($0) \($1)" }.joined(separator: ", "))
        }
        if let active = metrics.activeNodeManagers {
            parts.append("YARN \(active)/\(status.workers ?? active) NodeManagers active")
        }
        if metrics.historyServerAnswers == true { parts.append("JobHistory up") }
        return parts.joined(separator: "; ")
    }
}
