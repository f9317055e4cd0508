import DockerEngine
import HindCluster

/// Where each node's task may run: the NameNode on the manager hind talks to (readiness
/// is read inside it, so nothing is published), a node named by `--place NODE=SWARMNODE`
/// on that Swarm node, every other node wherever Swarm's scheduler puts it (it spreads
/// tasks over the nodes with the fewest, and replaces a task whose node went down).
public struct SwarmPlacement: Sendable, Hashable {
    /// Swarm node (hostname or ID) by cluster node name, as the user gave them.
    public var requested: [String: String]

    public init(_ requested: [String: String] = [:]) {
        self.requested = requested
    }

    /// Each node's placement constraints, checked against the topology and the Swarm's
    /// ready nodes; `manager` is the node ID of the engine hind talks to.
    public func constraints(for topology: Topology, nodes swarmNodes: [SwarmNode], manager: String) throws(SwarmError) -> [String: [String]] {
        let ready = swarmNodes.filter { $0.state == "ready" && $0.availability == "active" }
        var result: [String: [String]] = [:]
        for (node, target) in requested.sorted(by: { $0.key < $1.key }) {
            guard let clusterNode = topology.node(named: node) else {
                throw .unknownPlacementNode(node, known: topology.nodes.map(\.name))
            }
            guard let swarmNode = ready.first(where: { $0.hostname == target || $0.id == target }) else {
                throw .unknownSwarmNode(target, node: node, known: ready.map(\.hostname).sorted())
            }
            if clusterNode.runs(.namenode) {
                guard swarmNode.id == manager else { throw .namenodeElsewhere(target) }
            }
            result[node] = ["node.id==\(swarmNode.id)"]
        }
        for node in topology.namenodes where result[node.name] == nil {
            result[node.name] = ["node.id==\(manager)"]
        }
        return result
    }
}
