import DockerEngine
import Foundation
import HindCluster

/// Runs clusters on a Docker Engine through its HTTP API (``DockerClient``).
public final class DockerProvider: ClusterProvider {
    public let client: DockerClient
    /// How often readiness is polled: often enough that `up` returns within a poll of
    /// Hadoop becoming ready, cheap enough (two local HTTP GETs) to not matter.
    static let pollInterval: Duration = .milliseconds(200)

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
    func spec(of name: ClusterName) async throws -> ClusterSpec? {
        let containers = try await containers(of: name)
        let namenode = containers.first { $0.labels[ClusterLabels.node] == Topology.namenode }
        return SpecLabel.decode(namenode?.labels[ClusterLabels.spec])
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

    /// Containers first (they hold the network and volumes), in parallel; then networks
    /// and volumes. Objects already gone count as removed: `down` is idempotent.
    private func deleteObjects(labels: [String: String]) async throws -> Int {
        let client = self.client
        let containers = try await client.listContainers(labels: labels, all: true)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for container in containers {
                group.addTask { try await ignoringNotFound { try await client.removeContainer(id: container.id, force: true, removeVolumes: true) } }
            }
            try await group.waitForAll()
        }
        let networks = try await client.listNetworks(labels: labels)
        let volumes = try await client.listVolumes(labels: labels)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for network in networks {
                group.addTask { try await ignoringNotFound { try await client.removeNetwork(id: network.id) } }
            }
            for volume in volumes {
                group.addTask { try await ignoringNotFound { try await client.removeVolume(name: volume.name, force: true) } }
            }
            try await group.waitForAll()
        }
        return containers.count + networks.count + volumes.count
    }
}

/// Runs `body`, treating "no such object" as done.
func ignoringNotFound(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch DockerError.notFound {
    }
}
