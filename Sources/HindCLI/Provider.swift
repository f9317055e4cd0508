import DockerEngine
import HindCluster
import HindProvisioner

/// The provider a command works through, on the engine at `DOCKER_HOST` or the default
/// socket: the engine itself, or, for a cluster that runs as services of the Swarm that
/// engine manages, the Swarm. `up --swarm` chooses the Swarm; every other verb finds out
/// from the cluster's objects (a Swarm cluster's carry ``ClusterLabels/engine``).
enum Provider {
    /// The provider of cluster `name` (the engine's when there is no such cluster, so
    /// `up` creates it there).
    static func connect(for name: ClusterName) async throws -> any ClusterProvider {
        let client = try await DockerClient.connect(endpoint: try EngineEndpoint.fromEnvironment())
        let labels = [ClusterLabels.cluster: name.rawValue, ClusterLabels.engine: ClusterLabels.swarmEngine]
        guard let info = try? await client.swarmInfo(), info.isActive else { return DockerProvider(client: client) }
        guard info.controlAvailable else {
            // A Swarm worker sees only its own tasks' containers of a Swarm cluster.
            if !(try await client.listContainers(labels: labels, all: true)).isEmpty {
                throw SwarmError.clusterOnSwarm(name, socket: client.endpoint.socketPath)
            }
            return DockerProvider(client: client)
        }
        // A manager that lost its quorum answers Swarm requests with errors: the engine's
        // own clusters stay reachable.
        let services = (try? await client.listServices(labels: labels)) ?? []
        let configs = services.isEmpty ? (try? await client.listConfigs(labels: labels)) ?? [] : []
        let networks = services.isEmpty && configs.isEmpty ? try await client.listNetworks(labels: labels) : []
        if !services.isEmpty || !configs.isEmpty || !networks.isEmpty {
            return SwarmProvider(client: client, manager: info)
        }
        return DockerProvider(client: client)
    }

    /// The engine itself: for what needs only its images (`render`'s key check).
    static func connect() async throws -> any ClusterProvider {
        try await DockerProvider.connect()
    }

    /// The Swarm the engine manages, for `up --swarm`; refused when it manages none.
    static func connectSwarm(placement: SwarmPlacement) async throws -> any ClusterProvider {
        try await SwarmProvider.connect(placement: placement)
    }

    /// The providers of every cluster on this engine (`list`, `down --all`): its Swarm's
    /// when it is a Swarm manager, then its own.
    static func connectAll() async throws -> [any ClusterProvider] {
        let client = try await DockerClient.connect(endpoint: try EngineEndpoint.fromEnvironment())
        let engine: any ClusterProvider = DockerProvider(client: client)
        guard let manager = try? await SwarmProvider.managerInfo(of: client) else { return [engine] }
        return [SwarmProvider(client: client, manager: manager), engine]
    }
}
