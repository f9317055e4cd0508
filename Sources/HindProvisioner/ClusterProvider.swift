import HindCluster

/// The engine a cluster runs on, behind one interface (kind's `Provider`): the Docker
/// Engine API today; Swarm or Kubernetes would be other conformers, never a home-made
/// scheduler. Everything is found by the labels in `ClusterLabels`.
public protocol ClusterProvider: Sendable {
    /// The profile of `reference`, pulling it when missing; nil `reference` picks the
    /// default image (reported through `status`).
    func resolveImage(_ reference: String?, status: any StatusReporter) async throws -> ImageProfile
    /// Creates the topology's objects, starts them and waits until Hadoop reports the
    /// cluster ready. On failure or cancellation everything is removed unless `retain`.
    func create(_ topology: Topology, options: CreateOptions, status: any StatusReporter) async throws -> ClusterStatus
    /// Removes every object of the cluster; returns how many were removed.
    @discardableResult func delete(_ name: ClusterName) async throws -> Int
    func list() async throws -> [ClusterSummary]
    func status(_ name: ClusterName) async throws -> ClusterStatus
    func stop(_ name: ClusterName, status: any StatusReporter) async throws
    func start(_ name: ClusterName, options: CreateOptions, status: any StatusReporter) async throws -> ClusterStatus
}

/// How `create` and `start` behave.
public struct CreateOptions: Sendable {
    /// How long to wait for Hadoop to report the cluster ready.
    public var wait: Duration
    /// Keep what was created when `create` fails, for inspection.
    public var retain: Bool

    public init(wait: Duration = .seconds(300), retain: Bool = false) {
        self.wait = wait
        self.retain = retain
    }
}
