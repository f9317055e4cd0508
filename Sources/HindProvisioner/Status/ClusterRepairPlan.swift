import HindCluster

/// A cluster's desired shape (its spec's topology) against what the engine has: what is
/// missing, and what `start` recreates to bring it back.
///
/// Containers are disposable (the launcher rebuilds a node's config from its spec at
/// every start); volumes hold the data. So a missing container or worker volume is
/// recreated, a missing network is recreated together with every container (a container
/// stays bound to the network it was created on), but a missing NameNode volume is
/// never recreated: an empty one would be formatted into a new file system the
/// DataNodes refuse, losing the old one's files without a word.
public struct ClusterRepairPlan: Sendable, Hashable {
    public let topology: Topology
    public let inventory: ClusterInventory

    public init(topology: Topology, inventory: ClusterInventory) {
        self.topology = topology
        self.inventory = inventory
    }

    public var networkMissing: Bool { !inventory.networks.contains(topology.networkName) }
    /// Nodes whose container is gone.
    public var missingContainers: [Node] { topology.nodes.filter { inventory.containers[$0.name] == nil } }
    public var missingVolumes: [Node] { topology.nodes.filter { !inventory.volumes.contains($0.volumeName) } }

    /// The NameNodes whose volume, with the file system's metadata, is gone for good:
    /// with HA only when both are (a recreated NameNode copies the namespace of the other).
    public var lostNamenodes: [Node] {
        let lost = missingVolumes.filter { $0.runs(.namenode) }
        return lost.count == topology.namenodes.count ? lost : []
    }

    /// Every container `start` creates: the missing ones, or all when the network must be
    /// recreated.
    public var containersToCreate: [Node] { networkMissing ? topology.nodes : missingContainers }
    /// Existing containers that must make way for new ones (bound to a removed network).
    public var containersToReplace: [String] {
        networkMissing ? topology.nodes.map(\.name).filter { inventory.containers[$0] != nil } : []
    }

    public var isComplete: Bool { !networkMissing && missingContainers.isEmpty && missingVolumes.isEmpty }

    /// What `start` recreates, for its step line: "worker-3's container and volume",
    /// "the network it-x-net and its 4 containers".
    public var work: String {
        var parts: [String] = []
        if networkMissing { parts.append("the network \(topology.networkName)") }
        let containers = containersToCreate.map(\.name)
        let volumes = missingVolumes.map(\.name)
        if networkMissing {
            parts.append("its \(containers.count) containers")
            if !volumes.isEmpty { parts.append("the volume\(volumes.count == 1 ? "" : "s") of \(volumes.joined(separator: ", "))") }
        } else if containers == volumes, !containers.isEmpty {
            parts.append(containers.count == 1 ? "\(containers[0])'s container and volume" : "the containers and volumes of \(containers.joined(separator: ", "))")
        } else {
            if !containers.isEmpty { parts.append(containers.count == 1 ? "\(containers[0])'s container" : "the containers of \(containers.joined(separator: ", "))") }
            if !volumes.isEmpty { parts.append(volumes.count == 1 ? "\(volumes[0])'s volume" : "the volumes of \(volumes.joined(separator: ", "))") }
        }
        return parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }

    /// What is missing, for people: `worker-3's container`, `the network it-x-net`.
    public var missingObjects: [String] {
        var missing = missingContainers.map { "\($0.name)'s container" }
        missing += missingVolumes.map { "\($0.name)'s volume \($0.volumeName)" }
        if networkMissing { missing.append("the network \(topology.networkName)") }
        return missing
    }
}
