import DockerEngine
import HindCluster
import HindProvisioner

/// The provider a command works through, on the engine at `DOCKER_HOST` or the default
/// socket: the engine itself, or, for a cluster that runs as services of the Swarm that
/// engine manages, the Swarm. `up` chooses with `--swarm`; other verbs find out from
/// the cluster's labels.
enum Provider {
    /// The provider of cluster `name`.
    static func connect(for name: ClusterName) async throws -> any ClusterProvider {
        let client = try await DockerClient.connect(endpoint: try EngineEndpoint.fromEnvironment())
        // A Swarm cluster has services, or after a `down` cut short, its configs.
        let labels = [ClusterLabels.cluster: name.rawValue]
        if let manager = await activeManager(client) {
            let services = try await client.listServices(labels: labels)
            let configs = services.isEmpty ? try await client.listConfigs(labels: labels) : []
            if !services.isEmpty || !configs.isEmpty {
                return SwarmProvider(client: client, manager: manager)
            }
        }
        return DockerProvider(client: client)
    }

    /// The engine's provider for `up` without `--swarm`.
    static func connect() async throws -> any ClusterProvider {
        try await DockerProvider.connect()
    }

    /// The Swarm the engine manages, for `up --swarm`; refused when it manages none.
    static func connectSwarm(placement: SwarmPlacement) async throws -> any ClusterProvider {
        try await SwarmProvider.connect(placement: placement)
    }

    /// Every provider with clusters on this engine (`list`, `down --all`): its Swarm when
    /// it manages one, first (the NameNode volume of a Swarm cluster is on this engine
    /// too, and goes with its cluster), then the engine.
    static func connectAll() async throws -> [any ClusterProvider] {
        let client = try await DockerClient.connect(endpoint: try EngineEndpoint.fromEnvironment())
        let engine: any ClusterProvider = DockerProvider(client: client)
        guard let manager = await activeManager(client) else { return [engine] }
        return [SwarmProvider(client: client, manager: manager), engine]
    }

    /// The engine's Swarm membership when it is an active manager.
    private static func activeManager(_ client: DockerClient) async -> SwarmInfo? {
        guard let info = try? await client.swarmInfo(), info.isActive, info.controlAvailable else { return nil }
        return info
    }
}
