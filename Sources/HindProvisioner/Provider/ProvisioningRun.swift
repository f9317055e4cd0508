import Foundation
import HindCluster

/// One `hind up`: every object it creates carries its labels, so a failed run removes
/// exactly what it made and never another run's objects.
public struct ProvisioningRun: Hashable, Sendable {
    public var cluster: ClusterName
    public var id: String

    public init(cluster: ClusterName, id: String = UUID().uuidString.lowercased()) {
        self.cluster = cluster
        self.id = id
    }

    public var labels: [String: String] { [ClusterLabels.cluster: cluster.rawValue, ClusterLabels.run: id] }
}
