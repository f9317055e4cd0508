import DockerEngine
import HindCluster
@testable import HindProvisioner
import Synchronization

/// A provider without an engine, for the provisioner's use cases: it keeps the objects of
/// each run in memory, records the calls, and fails or holds at the step a test names.
/// (Tests that claim a cluster works use the real engine; this one checks the ordering,
/// rollback and cancellation that every provider gets from ``ClusterProvisioner``.)
final class FakeProvider: ClusterProvider {
    enum Step: String, CaseIterable, Sendable, CustomStringConvertible {
        case image, networkAndVolumes, nodes, readiness
        var description: String { rawValue }
    }

    struct Failure: Error, CustomStringConvertible {
        var step: Step
        var description: String { "the fake engine failed at \(step)" }
    }

    struct State {
        /// Object names by run id.
        var objects: [String: [String]] = [:]
        var calls: [String] = []
        var existing: Set<String> = []
        var measurements = 0
    }

    let state = Mutex(State())
    /// The step that throws ``Failure``.
    let failing: Step?
    /// The step that waits, once reached, until the test opens `release`; at `.image`
    /// and `.readiness` (which honour cancellation) it waits until cancelled.
    let holding: Step?
    /// Opened when the held step is reached.
    let reached = Gate()
    let release = Gate()
    /// Measurements until Hadoop reports the cluster ready; nil: never.
    let readyAfter: Int?
    /// A node that exits while the cluster starts.
    let exitingNode: NodeExit?
    /// NodeManagers the ResourceManager reports unhealthy, with their reports.
    let unhealthyReports: [String]
    let failsToDelete: Bool
    let failsHome: Bool
    /// What the engine has of one cluster, for `start` (and `up`'s refusals); the names in
    /// `existing` are complete stopped clusters.
    let cluster: ClusterInventory?
    /// Hadoop's own words when a wait fails.
    let explanation: HadoopExplanation

    init(failing: Step? = nil, holding: Step? = nil, readyAfter: Int? = 2, exitingNode: NodeExit? = nil,
         existing: Set<String> = [], failsToDelete: Bool = false, failsHome: Bool = false, unhealthyReports: [String] = [],
         cluster: ClusterInventory? = nil, explanation: HadoopExplanation = HadoopExplanation()) {
        self.cluster = cluster
        self.explanation = explanation
        self.unhealthyReports = unhealthyReports
        self.failsHome = failsHome
        self.failing = failing
        self.holding = holding
        self.readyAfter = readyAfter
        self.exitingNode = exitingNode
        self.failsToDelete = failsToDelete
        state.withLock { $0.existing = existing }
    }

    var calls: [String] { state.withLock { $0.calls } }
    /// Every object still there, of every run.
    var objects: [String] { state.withLock { $0.objects.values.flatMap { $0 }.sorted() } }

    private func record(_ call: String) { state.withLock { $0.calls.append(call) } }
    func recordHome(_ user: String) { record("createHomeDirectory(\(user))") }

    /// Fails or holds when `step` is the test's.
    private func arrive(at step: Step, cancellable: Bool) async throws {
        if failing == step { throw Failure(step: step) }
        guard holding == step else { return }
        reached.open()
        if cancellable {
            try await Task.sleep(for: .seconds(3600))
        } else {
            await release.wait()
        }
    }

    // MARK: ClusterProvider

    /// A few real keys of Hadoop 2.7.3's defaults: enough for the provisioner's check.
    static let defaults = HadoopDefaults(files: [
        .core: ["fs.defaultFS": "file:///", "hadoop.tmp.dir": "/tmp/hadoop-${user.name}", "io.file.buffer.size": "4096"],
        .hdfs: ["dfs.replication": "3", "dfs.blocksize": "134217728", "dfs.permissions.enabled": "true"],
    ], origin: "fake")

    func addresses(of name: ClusterName) async throws -> [String: String] { [:] }
    func imageID(of name: ClusterName) async throws -> String? { nil }

    func hasZooKeeper(image: String) async throws -> Bool { true }

    func hadoopDefaults(of image: String) async throws -> HadoopDefaults {
        record("hadoopDefaults")
        return Self.defaults
    }

    func resolveImage(_ reference: ImageReference?, progress: any ProgressReporter) async throws -> ImageProfile {
        record("resolveImage")
        try await arrive(at: .image, cancellable: true)
        return try ImageProfile.guess(reference: reference?.description ?? ImageProfile.offlineReference)
    }

    /// The spec of the fake's clusters: 2 workers on the offline image.
    static func spec(_ name: String = "fake") -> ClusterSpec {
        try! ClusterSpec(name: ClusterName(name), workers: 2, image: ImageProfile.guess(reference: ImageProfile.offlineReference))
    }

    /// Every object of a 2-worker cluster, its containers stopped.
    static func stoppedCluster(_ name: String = "fake") -> ClusterInventory {
        let topology = Topology(spec: spec(name))
        return ClusterInventory(
            name: topology.name, spec: topology.spec,
            containers: Dictionary(uniqueKeysWithValues: topology.nodes.map { ($0.name, "exited") }),
            networks: [topology.networkName], volumes: Set(topology.nodes.map(\.volumeName)))
    }

    func inventory(of name: ClusterName) async throws -> ClusterInventory {
        record("inventory")
        if let cluster, name == cluster.name { return cluster }
        return state.withLock { $0.existing.contains(name.rawValue) } ? Self.stoppedCluster(name.rawValue) : ClusterInventory(name: name)
    }

    func createNetwork(_ topology: Topology, run: ProvisioningRun) async throws {
        record("createNetwork")
        state.withLock { $0.objects[run.id, default: []] += [topology.networkName] }
    }

    func createVolumes(for nodes: [Node], of topology: Topology, run: ProvisioningRun) async throws {
        record("createVolumes(\(nodes.map(\.name).joined(separator: ",")))")
        state.withLock { $0.objects[run.id, default: []] += nodes.map(\.volumeName) }
        try await arrive(at: .networkAndVolumes, cancellable: false)
    }

    func createAndStartNodes(_ nodes: [Node], of topology: Topology, run: ProvisioningRun) async throws {
        record("createAndStartNodes(\(nodes.map(\.name).joined(separator: ",")))")
        state.withLock { $0.objects[run.id, default: []] += nodes.map(\.containerName) }
        try await arrive(at: .nodes, cancellable: false)
    }

    func removeContainers(of nodes: [String], in name: ClusterName) async throws {
        record("removeContainers(\(nodes.joined(separator: ",")))")
    }

    func removeNodes(_ nodes: [Node], of name: ClusterName) async throws {
        record("removeNodes(\(nodes.map(\.name).joined(separator: ",")))")
    }

    func recordSpec(_ spec: ClusterSpec, run: ProvisioningRun) async throws {
        record("recordSpec(\(spec.workers))")
    }

    func hadoop(_ topology: Topology) async throws -> any HadoopClient {
        record("hadoop")
        try await arrive(at: .readiness, cancellable: true)
        return FakeHadoop(provider: self, workers: topology.spec.workers)
    }

    func measure(workers: Int) -> HadoopMetrics {
        let count = state.withLock { state in
            state.measurements += 1
            return state.measurements
        }
        var metrics = HadoopMetrics()
        if !unhealthyReports.isEmpty {
            metrics.unhealthyNodeManagers = unhealthyReports.count
            metrics.unhealthyReports = unhealthyReports
        }
        if let readyAfter {
            // The NameNode leaves safe mode first; the DataNodes are all live once ready.
            metrics.fsState = "Operational"
            metrics.liveDataNodes = count >= readyAfter ? workers : 0
        } else {
            // Never ready: every DataNode live, safe mode held (min.datanodes > workers).
            metrics.fsState = "safeMode"
            metrics.liveDataNodes = workers
        }
        return metrics
    }

    func stoppedNode(of topology: Topology) async throws -> NodeExit? { exitingNode }

    func diagnoses(of name: ClusterName, also: Set<String>, logLines: Int) async -> [NodeDiagnosis] {
        record("diagnoses(\(also.sorted().joined(separator: ",")))")
        return [NodeDiagnosis(node: "worker-1", state: "exited", lastLogLines: "the DataNode said goodbye")]
            + also.sorted().map { NodeDiagnosis(node: $0, state: "running, healthy", lastLogLines: "\($0) is waiting") }
    }

    func delete(_ run: ProvisioningRun) async throws {
        record("delete(run)")
        if failsToDelete { throw Failure(step: .nodes) }
        state.withLock { _ = $0.objects.removeValue(forKey: run.id) }
    }

    func list() async throws -> [ClusterSummary] { [] }

    func status(_ name: ClusterName) async throws -> ClusterStatus {
        record("status")
        return ClusterStatus(name: name.rawValue, image: nil, components: ["hdfs"], workers: nil, nodes: [],
                             endpoints: ClusterEndpoints(), hadoop: nil, ready: true, condition: .ready, missing: [])
    }

    func spec(of name: ClusterName) async throws -> ClusterSpec { Self.spec(name.rawValue) }

    func nodes(of name: ClusterName) async throws -> [String] { ["namenode", "worker-1", "worker-2"] }
    func stopNodes(of name: ClusterName) async throws { record("stopNodes") }
    func stopNodes(_ nodes: [String], of name: ClusterName) async throws { record("stopNodes(\(nodes.joined(separator: ",")))") }
    func startNodes(of name: ClusterName) async throws { record("startNodes") }
    func delete(_ name: ClusterName) async throws -> Int { 0 }
    func deleteAll() async throws -> Int { 0 }

    func exec(_ command: [String], in node: String, of name: ClusterName, attachStdin: Bool) async throws -> NodeProcess {
        NodeProcess(output: AsyncThrowingStream { $0.finish() }, exitCode: { 0 })
    }

    func logs(of node: String, in name: ClusterName, options: LogOptions) async throws -> AsyncThrowingStream<OutputChunk, any Error> {
        AsyncThrowingStream { $0.finish() }
    }

    func inspection(of node: String, in name: ClusterName) async throws -> [UInt8] { [] }
}

struct FakeHadoop: HadoopClient {
    let provider: FakeProvider
    let workers: Int
    func measure() async -> HadoopMetrics { provider.measure(workers: workers) }
    func explain() async -> HadoopExplanation { provider.explanation }
    func createHomeDirectory(for user: String) async throws {
        provider.recordHome(user)
        if provider.failsHome { throw ProvisionError.homeDirectoryFailed(user: user, reason: "WebHDFS answered 403") }
    }
    func dataNodeAdmin() async -> [String: DataNodeAdminState]? { nil }
    func fsck(_ path: String, as user: String) async throws -> String { "" }
}

/// A one-shot signal: `wait()` returns once `open()` was called, before or after.
final class Gate: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() { (stream, continuation) = AsyncStream.makeStream() }

    func open() { continuation.finish() }
    func wait() async { for await _ in stream {} }
}

/// Records step lines and notes, as the CLI would print them.
final class RecordingProgress: ProgressReporter {
    let lines = Mutex<[String]>([])
    func stepStarted(_ title: String) {}
    func stepEnded(_ title: String, detail: String?, seconds: Double, succeeded: Bool) {
        lines.withLock { $0.append("\(succeeded ? "✓" : "✗") \(title)") }
    }
    func note(_ message: String) { lines.withLock { $0.append("• \(message)") } }
    var recorded: [String] { lines.withLock { $0 } }
}
