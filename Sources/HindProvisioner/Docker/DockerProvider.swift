import DockerEngine
import Foundation
import HindCluster

/// Runs clusters on a Docker Engine through its HTTP API (``DockerClient``): the only
/// type in hind that holds an engine client.
public final class DockerProvider: ClusterProvider {
    let client: DockerClient
    /// Where the Hadoop defaults read from images are kept.
    let defaultsCache: HadoopDefaultsCache

    public init(client: DockerClient, defaultsCache: HadoopDefaultsCache = .standard) {
        self.client = client
        self.defaultsCache = defaultsCache
    }

    /// Connects to the engine from `DOCKER_HOST` or the default socket.
    public static func connect() async throws -> DockerProvider {
        DockerProvider(client: try await DockerClient.connect(endpoint: try EngineEndpoint.fromEnvironment()))
    }

    // MARK: Finding clusters

    /// Every container of the cluster, stopped ones included.
    func containers(of name: ClusterName) async throws -> [ContainerSummary] {
        try await containers(labels: [ClusterLabels.cluster: name.rawValue])
    }

    /// The containers carrying `labels` of clusters on this engine, not those of a
    /// cluster on the Swarm this engine may manage (``SwarmProvider``'s objects carry
    /// ``ClusterLabels/engine``).
    func containers(labels: [String: String]) async throws -> [ContainerSummary] {
        try await client.listContainers(labels: labels, all: true).filter { !Self.isSwarms($0.labels) }
    }

    /// The networks carrying `labels` of clusters on this engine.
    func networks(labels: [String: String]) async throws -> [Network] {
        try await client.listNetworks(labels: labels).filter { !Self.isSwarms($0.labels) }
    }

    /// The volumes carrying `labels` of clusters on this engine.
    func volumes(labels: [String: String]) async throws -> [Volume] {
        try await client.listVolumes(labels: labels).filter { !Self.isSwarms($0.labels) }
    }

    /// Whether an object belongs to a cluster on Swarm.
    static func isSwarms(_ labels: [String: String]) -> Bool {
        labels[ClusterLabels.engine] == ClusterLabels.swarmEngine
    }

    public func list() async throws -> [ClusterSummary] {
        let labels = [ClusterLabels.cluster: ""]
        async let containers = containers(labels: labels)
        async let networks = networks(labels: labels)
        async let volumes = volumes(labels: labels)
        let inventories = Self.inventories(containers: try await containers, networks: try await networks, volumes: try await volumes)
        return inventories.keys.sorted().map { ClusterSummary(inventories[$0]!) }
    }

    public func inventory(of name: ClusterName) async throws -> ClusterInventory {
        try await survey(of: name).inventory
    }

    /// The cluster's inventory and its containers as the engine lists them, in one pass.
    func survey(of name: ClusterName) async throws -> (inventory: ClusterInventory, containers: [ContainerSummary]) {
        let labels = [ClusterLabels.cluster: name.rawValue]
        async let containers = containers(labels: labels)
        async let networks = networks(labels: labels)
        async let volumes = volumes(labels: labels)
        let listed = try await containers
        let inventory = Self.inventories(containers: listed, networks: try await networks, volumes: try await volumes)[name.rawValue]
        return (inventory ?? ClusterInventory(name: name), listed)
    }

    /// Groups labelled objects by cluster (``InventoryGrouping``).
    static func inventories(containers: [ContainerSummary], networks: [Network], volumes: [Volume]) -> [String: ClusterInventory] {
        var grouping = InventoryGrouping()
        for container in containers {
            grouping.add(container.labels) { $0.containers[container.labels[ClusterLabels.node] ?? container.name] = container.state }
        }
        for network in networks { grouping.add(network.labels) { $0.networks.insert(network.name) } }
        for volume in volumes { grouping.add(volume.labels) { $0.volumes.insert(volume.name) } }
        return grouping.inventories
    }

    /// The spec the cluster was created from.
    public func spec(of name: ClusterName) async throws -> ClusterSpec {
        let inventory = try await inventory(of: name)
        guard !inventory.isEmpty else { throw ProvisionError.clusterNotFound(name) }
        guard let spec = inventory.spec else { throw ProvisionError.specUnreadable(name) }
        return spec
    }

    // MARK: Removing

    @discardableResult
    public func delete(_ name: ClusterName) async throws -> Int {
        try await deleteObjects(labels: [ClusterLabels.cluster: name.rawValue])
    }

    /// Removes every object hind created, of every cluster.
    @discardableResult
    public func deleteAll() async throws -> Int {
        try await deleteObjects(labels: [ClusterLabels.cluster: ""])
    }

    public func delete(_ run: ProvisioningRun) async throws {
        try await deleteObjects(labels: run.labels)
    }

    /// Containers first (they hold the network and volumes), in parallel; then networks
    /// and volumes. Objects already gone count as removed: `down` is idempotent. Every
    /// removal is attempted even when one fails; the first failure is thrown at the end.
    @discardableResult
    func deleteObjects(labels: [String: String]) async throws -> Int {
        let client = self.client
        let containers = try await containers(labels: labels)
        let containerRemovals: [@Sendable () async throws -> Void] = containers.map { container in
            { @Sendable in try await client.removeContainer(id: container.id, force: true, removeVolumes: true) }
        }
        let containerFailure = await removeAll(containerRemovals)
        let networks = try await networks(labels: labels)
        let volumes = try await volumes(labels: labels)
        let removals: [@Sendable () async throws -> Void] =
            networks.map { network in { @Sendable in try await client.removeNetwork(id: network.id) } }
            + volumes.map { volume in { @Sendable in try await client.removeVolume(name: volume.name, force: true) } }
        let otherFailure = await removeAll(removals)
        if let failure = containerFailure ?? otherFailure { throw failure }
        return containers.count + networks.count + volumes.count
    }

    /// Runs every removal in parallel, "no such object" counting as done; returns the
    /// first other error.
    func removeAll(_ removals: [@Sendable () async throws -> Void]) async -> (any Error)? {
        await withTaskGroup(of: (any Error)?.self) { group in
            for remove in removals {
                group.addTask {
                    do {
                        try await remove()
                        return nil
                    } catch DockerError.notFound {
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            var first: (any Error)?
            for await error in group where first == nil { first = error }
            return first
        }
    }
}
