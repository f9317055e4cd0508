import HindCluster

/// Why a Swarm request cannot go on; each reads as one line that says what to do next.
public enum SwarmError: UserFacingError {
    /// `--swarm` against an engine that is not in a Swarm (`LocalNodeState`).
    case notInSwarm(socket: String, state: String)
    /// `--swarm` against a Swarm worker: only managers create services.
    case notAManager(socket: String)
    case unknownPlacementNode(String, known: [String])
    case unknownSwarmNode(String, node: String, known: [String])
    /// `--place namenode=...` elsewhere than the manager hind talks to.
    case namenodeElsewhere(String)
    /// The manager hind talks to takes no tasks, and the NameNode's is pinned to it.
    case managerDrained(String, availability: String)
    /// A verb against a Swarm cluster through an engine that is not a manager.
    case clusterOnSwarm(ClusterName, socket: String)
    /// A config of an earlier run with other contents.
    case staleConfig(String, cluster: ClusterName)
    /// A feature the Swarm provider does not offer (`--ha`, `--racks`, `--dist`, a verb).
    case unsupported(String, reason: String)
    /// A node's task could not run on its Swarm node (no image there, …).
    case taskFailed(node: String, swarmNode: String, state: String, message: String)
    /// `exec` into a task that runs on another Swarm node than the manager.
    case taskElsewhere(node: String, swarmNode: String, cluster: ClusterName)
    case noRunningTask(node: String, cluster: ClusterName, state: String)

    /// What `hind up --swarm` cannot run, one refusal for the CLI's checks and the
    /// provider's alike: HA (its fixed addresses need a bridge network's subnet), racks
    /// (the rack script resolves nodes through a bridge network's names), a host
    /// directory (not on the other Swarm nodes), published ports and smoke checks
    /// (nothing of a Swarm cluster is published on this host).
    public static func unsupported(ha: Bool, racks: Bool, distribution: Bool, publishedPorts: Bool, smoke: Bool = false) -> SwarmError? {
        if ha { return .unsupported("--ha", reason: "its fixed addresses need a bridge network's subnet; run HA on a single engine") }
        if racks { return .unsupported("--racks", reason: "the rack script resolves nodes through a bridge network's names; drop --racks and --rack") }
        if distribution { return .unsupported("--dist", reason: "a host directory is not on the other Swarm nodes; build an image with the distribution instead") }
        if publishedPorts {
            return .unsupported("--namenode-port", reason: "a Swarm cluster publishes no port (hind reads it inside the NameNode's task); drop --namenode-port and --resourcemanager-port")
        }
        if smoke { return .unsupported("--smoke", reason: "the smoke checks reach the cluster through ports published on this host, and a Swarm cluster publishes none") }
        return nil
    }

    public var isBadInput: Bool {
        switch self {
        case .notInSwarm, .notAManager, .unknownPlacementNode, .unknownSwarmNode, .namenodeElsewhere, .unsupported, .managerDrained, .clusterOnSwarm: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .notInSwarm(let socket, let state):
            return "the engine at \(socket) is not in a Swarm (state \(state)): point DOCKER_HOST at a Swarm manager's socket (scripts/swarm-testbed up makes one), or drop --swarm"
        case .notAManager(let socket):
            return "the engine at \(socket) is a Swarm worker, and only managers create services: point DOCKER_HOST at a manager's socket"
        case .unknownPlacementNode(let node, let known):
            return "--place \(node)=…: the cluster has no node \(node); use one of \(known.joined(separator: ", "))"
        case .unknownSwarmNode(let swarmNode, let node, let known):
            return "--place \(node)=\(swarmNode): the Swarm has no ready node \(swarmNode); use one of \(known.joined(separator: ", ")) (docker node ls)"
        case .namenodeElsewhere(let swarmNode):
            return "--place namenode=\(swarmNode): the NameNode runs on the manager hind talks to (hind reads Hadoop's readiness inside it, publishing nothing); drop that --place, or point DOCKER_HOST at \(swarmNode)'s engine if it is a manager"
        case .managerDrained(let host, let availability):
            return "the manager \(host) hind talks to takes no tasks (availability \(availability)), and the NameNode runs there: make it active (docker node update --availability active \(host)), or point DOCKER_HOST at another manager"
        case .clusterOnSwarm(let name, let socket):
            return "cluster '\(name)' runs on Swarm, and the engine at \(socket) is not one of its managers: point DOCKER_HOST at a manager's socket"
        case .staleConfig(let config, let cluster):
            return "the Swarm config \(config) is left from an earlier cluster '\(cluster)' with other contents: remove what is left with hind down --name \(cluster), then run hind up again"
        case .unsupported(let what, let reason):
            return "\(what) is not available on Swarm: \(reason)"
        case .taskFailed(let node, let swarmNode, let state, let message):
            let hint = message.lowercased().contains("no such image")
                ? "load the image on every Swarm node (docker save | docker load), or use one from a registry they reach"
                : "see hind logs \(node)"
            return "node \(node)'s task \(state) on Swarm node \(swarmNode): \(message): \(hint)"
        case .taskElsewhere(let node, let swarmNode, let cluster):
            return "node \(node) of cluster '\(cluster)' runs on Swarm node \(swarmNode), and exec reaches only tasks on the manager hind talks to: point DOCKER_HOST at \(swarmNode)'s engine and run docker exec there, or use hind logs --name \(cluster) \(node)"
        case .noRunningTask(let node, let cluster, let state):
            return "node \(node) of cluster '\(cluster)' has no running task (\(state)): see hind status --name \(cluster) and hind logs --name \(cluster) \(node)"
        }
    }
}
