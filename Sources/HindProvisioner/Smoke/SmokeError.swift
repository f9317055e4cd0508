import HindCluster

/// Why `hind smoke` (or `up --smoke`) did not pass.
public enum SmokeError: UserFacingError, Equatable {
    case unknownComponent(String)
    /// The NameNode's container does not run: nothing to check.
    case clusterNotRunning(ClusterName, condition: String)
    /// The checks ran and some failed; the step lines above name them and why.
    case checksFailed(cluster: ClusterName, failed: [String])
    /// Ctrl-C or SIGTERM: the checks stopped, their files were removed.
    case interrupted

    public var isBadInput: Bool {
        if case .unknownComponent = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .unknownComponent(let item):
            return "unknown smoke check group '\(item)': use a comma-separated list of \(SmokeComponent.allCases.map(\.rawValue).joined(separator: ", ")), e.g. --only hdfs,webhdfs"
        case .clusterNotRunning(let name, let condition):
            return "cluster '\(name)' is \(condition): its NameNode does not run, so there is nothing to check; start it with hind start --name \(name)"
        case .interrupted:
            return "interrupted: the smoke checks stopped, and the files they wrote were removed"
        case .checksFailed(let cluster, let failed):
            return "cluster '\(cluster)' failed \(failed.count) smoke check\(failed.count == 1 ? "" : "s") (\(failed.joined(separator: ", "))): see the reasons above, and the nodes' logs with hind logs --name \(cluster)"
        }
    }
}
