import DockerEngine
import HindCluster

/// Every node's log and the engine's description of its container, with the cluster's
/// status: what `export-logs` writes for a CI job's artifacts.
public struct ClusterLogs: Sendable {
    public struct NodeRecord: Sendable {
        public var node: String
        /// The node's output with the engine's timestamps.
        public var log: [UInt8]
        /// The engine's JSON description of the node's container.
        public var inspection: [UInt8]
    }

    public var nodes: [NodeRecord]
    public var status: ClusterStatus
}

extension ClusterProvisioner {
    /// Collects the logs of every node of `name`, in topology order.
    public func collectLogs(of name: ClusterName) async throws -> ClusterLogs {
        var records: [ClusterLogs.NodeRecord] = []
        for node in try await provider.nodes(of: name) {
            var log: [UInt8] = []
            for try await chunk in try await provider.logs(of: node, in: name, options: LogOptions(timestamps: true)) {
                log += chunk.bytes
            }
            records.append(ClusterLogs.NodeRecord(node: node, log: log, inspection: try await provider.inspection(of: node, in: name)))
        }
        return ClusterLogs(nodes: records, status: try await provider.status(name))
    }
}
