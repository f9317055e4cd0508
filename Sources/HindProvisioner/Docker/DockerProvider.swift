import DockerEngine
import Foundation
import HindCluster

/// Runs clusters on a Docker Engine through its HTTP API (``DockerClient``): the only
/// type in hind that holds an engine client.
public final class DockerProvider: ClusterProvider {
    let client: DockerClient

    public init(client: DockerClient) {
        self.client = client
    }

    /// Connects to the engine from `DOCKER_HOST` or the default socket.
    public static func connect() async throws -> DockerProvider {
        DockerProvider(client: try await DockerClient.connect(endpoint: try EngineEndpoint.fromEnvironment()))
    }

    // MARK: Finding clusters

    /// Every container of the cluster, stopped ones included.
    func containers(of name: ClusterName) async throws -> [ContainerSummary] {
        try await client.listContainers(labels: [ClusterLabels.cluster: name.rawValue], all: true)
    }

    public func list() async throws -> [ClusterSummary] {
        let containers = try await client.listContainers(labels: [ClusterLabels.cluster: ""], all: true)
        let byCluster = Dictionary(grouping: containers) { $0.labels[ClusterLabels.cluster] ?? "" }
        return byCluster.keys.sorted().map { name in
            let members = byCluster[name]!
            return ClusterSummary(
                name: name, nodes: members.count,
                running: members.filter { $0.state == "running" }.count,
                image: members.first { $0.labels[ClusterLabels.node] == Topology.namenode }?.image)
        }
    }

    /// The spec the cluster was created from, read from its NameNode's label.
    public func spec(of name: ClusterName) async throws -> ClusterSpec {
        let containers = try await containers(of: name)
        guard !containers.isEmpty else { throw ProvisionError.clusterNotFound(name) }
        let namenode = containers.first { $0.labels[ClusterLabels.node] == Topology.namenode }
        guard let spec = SpecLabel.decode(namenode?.labels[ClusterLabels.spec]) else { throw ProvisionError.specUnreadable(name) }
        return spec
    }

    /// Whether any container, network or volume carries the cluster's label: `up` never
    /// adopts leftovers (or, by name, a volume that is not hind's).
    public func exists(_ name: ClusterName) async throws -> Bool {
        let labels = [ClusterLabels.cluster: name.rawValue]
        let count = try await client.listContainers(labels: labels, all: true).count
            + client.listNetworks(labels: labels).count + client.listVolumes(labels: labels).count
        return count > 0
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
        let containers = try await client.listContainers(labels: labels, all: true)
        let containerRemovals: [@Sendable () async throws -> Void] = containers.map { container in
            { @Sendable in try await client.removeContainer(id: container.id, force: true, removeVolumes: true) }
        }
        let containerFailure = await removeAll(containerRemovals)
        let networks = try await client.listNetworks(labels: labels)
        let volumes = try await client.listVolumes(labels: labels)
        let removals: [@Sendable () async throws -> Void] =
            networks.map { network in { @Sendable in try await client.removeNetwork(id: network.id) } }
            + volumes.map { volume in { @Sendable in try await client.removeVolume(name: volume.name, force: true) } }
        let otherFailure = await removeAll(removals)
        if let failure = containerFailure ?? otherFailure { throw failure }
        return containers.count + networks.count + volumes.count
    }

    /// Runs every removal in parallel, "no such object" counting as done; returns the
    /// first other error.
    private func removeAll(_ removals: [@Sendable () async throws -> Void]) async -> (any Error)? {
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
