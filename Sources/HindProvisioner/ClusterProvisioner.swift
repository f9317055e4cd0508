import DockerEngine
import Foundation
import HindCluster

/// hind's use cases on any ``ClusterProvider``, kind's `create.Cluster(logger, provider,
/// opts)`: `up` as ordered steps with rollback, `start` and `stop`, each reporting its
/// steps through a ``ProgressReporter``.
public struct ClusterProvisioner: Sendable {
    public let provider: any ClusterProvider
    public let progress: any ProgressReporter

    /// Lines of each failing node's log shown before a failed `up` removes it.
    static let failingNodeLogLines = 15

    public init(provider: any ClusterProvider, progress: any ProgressReporter) {
        self.provider = provider
        self.progress = progress
    }

    // MARK: up

    /// Creates the cluster `request` describes and returns once Hadoop reports it ready.
    ///
    /// Refusals that need no object come first. Any later failure, or cancellation
    /// (Ctrl-C), removes what this run created unless `request.retain`.
    public func up(_ request: ClusterRequest) async throws -> ClusterStatus {
        let topology: Topology
        do {
            topology = try await prepare(request)
        } catch where Self.isCancellation(error) {
            // Nothing exists yet (the image pull may have been under way).
            throw ProvisionError.interrupted(cleanedUp: true)
        }
        return try await create(topology, wait: request.wait, retain: request.retain, smoke: request.smoke)
    }

    /// Preflight, image and spec: everything before the first object is created.
    func prepare(_ request: ClusterRequest) async throws -> Topology {
        let publishing = request.shape.publishing
        for (port, option) in [(publishing.namenodeHTTP, "--namenode-port"), (publishing.resourcemanagerWeb, "--resourcemanager-port")] {
            if let port, HostPort.isBusy(port, host: publishing.hostIP) { throw ProvisionError.hostPortBusy(port, option: option) }
        }
        // Cheap refusals before a possibly long pull.
        let existing = try await provider.inventory(of: request.name)
        if existing.isIncomplete { throw ProvisionError.clusterIncomplete(request.name) }
        if !existing.isEmpty { throw ProvisionError.clusterExists(request.name) }
        let image = try await provider.resolveImage(request.image, progress: progress)
        if image.components.isEmpty && request.distribution == nil { throw ProvisionError.imageWithoutHadoop(image.reference) }
        let spec = try request.shape.spec(
            name: request.name, image: request.distribution?.profile(mountedOver: image) ?? image,
            distribution: request.distribution?.path, dependencyTimeout: request.wait)
        try await checkConfiguration(spec, distribution: request.distribution)
        if spec.ha != nil { try await checkZooKeeper(image: spec.image.reference, distribution: request.distribution) }
        let components = Component.ordered(spec.components).map(\.rawValue).joined(separator: ", ")
        progress.note("\(spec.workers) worker\(spec.workers == 1 ? "" : "s"); \(components); Hadoop \(spec.hadoopVersion.rawValue).x; \(spec.memory) per node")
        // Before free ports are chosen: the engine sees only the ports the user asked for.
        try await provider.preflight(Topology(spec: spec))
        return try Self.choosingFreePorts(Topology(spec: spec))
    }

    /// The ordered engine steps, with rollback.
    func create(_ topology: Topology, wait: Duration, retain: Bool, smoke: Bool = false) async throws -> ClusterStatus {
        let run = ProvisioningRun(cluster: topology.name)
        let provider = self.provider
        do {
            // Engine steps are not interrupted half-way (an aborted request may still be
            // carried out by the engine after rollback looked); cancellation is honoured
            // between them and while waiting for Hadoop.
            try await progress.step("Preparing network and volumes") {
                try await shielded {
                    async let network: Void = provider.createNetwork(topology, run: run)
                    async let volumes: Void = provider.createVolumes(for: topology.nodes, of: topology, run: run)
                    _ = try await (network, volumes)
                }
            }
            try Task.checkCancellation()
            // Every container is created, given its files and started on its own, all in
            // parallel: the launchers order the daemons, and the NameNode's CPU weight
            // keeps its start-up, the longest path to a ready cluster, ahead of the
            // workers' JVMs (BENCHMARKS.md).
            try await progress.step("Creating and starting \(topology.nodes.count) \(provider.nodeObjects)") {
                try await shielded { try await provider.createAndStartNodes(topology.nodes, of: topology, run: run) }
            }
            // The image's namespace has the user's home already (no WebHDFS request, whose
            // first one costs the NameNode about 0.3 CPU-s of Jersey's start-up).
            let home = LauncherScript.namespaceTemplate(for: topology.spec) == nil ? topology.spec.image.userName : nil
            let status = try await waitUntilReady(topology, wait: wait, homeFor: home)
            if smoke {
                let report = try await self.smoke(topology.name)
                progress.note("smoke: \(report.passed) passed, \(report.failed) failed, \(report.skipped) skipped")
                if !report.succeeded {
                    throw SmokeError.checksFailed(cluster: topology.name, failed: report.results.filter { $0.outcome == .failed }.map(\.name))
                }
            }
            return status
        } catch {
            let interrupted = Task.isCancelled || Self.isCancellation(error)
            await reportFailingNodes(topology.name, after: error)
            var cleanedUp = false
            if !retain {
                // A fresh task: cleanup must run even when this one was cancelled.
                do {
                    try await Task { try await provider.delete(run) }.value
                    cleanedUp = true
                } catch {
                    throw ProvisionError.cleanupFailed(topology.name, reason: ProvisionError.firstLine(of: error))
                }
            }
            if interrupted { throw ProvisionError.interrupted(cleanedUp: cleanedUp) }
            throw error
        }
    }

    /// Fixes a free host port for every published port left unset, so the ports stay the
    /// same across `stop` and `start`.
    static func choosingFreePorts(_ topology: Topology) throws -> Topology {
        var spec = topology.spec
        var chosen: Set<Int> = []
        let host = spec.publishing.hostIP
        spec.publishing = try spec.publishing.fillingUnset(for: spec.components, ha: spec.ha != nil) {
            var port = try HostPort.free(host: host)
            while chosen.contains(port) { port = try HostPort.free(host: host) }
            chosen.insert(port)
            return port
        }
        return Topology(spec: spec)
    }

    /// Shows the last log lines of the nodes that are not healthy, and of those the
    /// error names (a NameNode still in safe mode, DataNodes that never registered),
    /// before anything is undone: the "logs above" the error points to.
    func reportFailingNodes(_ name: ClusterName, after error: any Error) async {
        var named: Set<String> = []
        if case .notReady(_, _, _, let nodes)? = error as? ProvisionError { named = Set(nodes) }
        for diagnosis in await provider.diagnoses(of: name, also: named, logLines: Self.failingNodeLogLines) {
            let lines = diagnosis.lastLogLines.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n")
            progress.note("node \(diagnosis.node) (\(diagnosis.state)), last log lines:\n" + lines)
        }
    }

    static func isCancellation(_ error: any Error) -> Bool {
        error is CancellationError || (error as? DockerError) == .cancelled
    }

    // MARK: stop and start

    /// Stops every node; the data stays for ``start(_:wait:retain:)``.
    public func stop(_ name: ClusterName) async throws {
        try provider.checkAvailable(.stop)
        let nodes = try await provider.nodes(of: name)
        try await progress.step("Stopping \(nodes.count) nodes") { try await provider.stopNodes(of: name) }
    }

    /// Starts a stopped cluster (no re-format) and waits until Hadoop reports it ready.
    ///
    /// First it compares the engine's objects with the spec and recreates what is missing
    /// (``ClusterRepairPlan``): a removed worker rejoins with its volume, a removed
    /// network comes back with every container. A lost NameNode volume is refused, never
    /// formatted anew. When the cluster does not become ready (or on Ctrl-C) the failing
    /// nodes' logs are shown and the nodes this call started are stopped again, unless
    /// `retain`; nodes that already ran keep running.
    public func start(_ name: ClusterName, wait: Duration, retain: Bool = false) async throws -> ClusterStatus {
        let inventory = try await provider.inventory(of: name)
        if inventory.isEmpty { throw ProvisionError.clusterNotFound(name) }
        guard let spec = inventory.spec else {
            if inventory.isIncomplete { throw ProvisionError.clusterIncomplete(name, repairable: false) }
            throw ProvisionError.specUnreadable(name)
        }
        let topology = Topology(spec: spec)
        let plan = ClusterRepairPlan(topology: topology, inventory: inventory)
        if let lost = plan.lostNamenodes.first { throw ProvisionError.namenodeDataLost(cluster: name, volume: lost.volumeName) }
        // The nodes that did not run before: this start starts (or recreates) them, and a
        // failure undoes only them. Those that are workers rejoin a NameNode that kept
        // running and may still count them live from before.
        let notRunning = topology.nodes.map(\.name).filter { inventory.containers[$0] != "running" }
        let rejoining = topology.namenodes.contains { inventory.containers[$0.name] == "running" }
            ? notRunning.filter { topology.node(named: $0)?.runs(.datanode) == true } : []
        let startedAt = ContinuousClock.now
        do {
            if !plan.isComplete { try await repair(plan) }
            let recreated = Set(plan.containersToCreate.map(\.name))
            let starting = notRunning.filter { inventory.containers[$0] != nil && !recreated.contains($0) }.count
            if starting > 0 {
                try await progress.step("Starting \(starting) nodes") { try await shielded { try await self.provider.startNodes(of: name) } }
            }
            return try await waitUntilReady(topology, wait: wait, rejoining: (rejoining, startedAt))
        } catch {
            let interrupted = Task.isCancelled || Self.isCancellation(error)
            await reportFailingNodes(name, after: error)
            // (Swarm replaces tasks by itself and stops none in place: nothing to stop.)
            if !retain && !notRunning.isEmpty && (try? provider.checkAvailable(.stop)) != nil {
                let provider = self.provider
                try? await progress.step("Stopping the \(notRunning.count) nodes this start started (--retain leaves them running)") {
                    try await Task { try await provider.stopNodes(notRunning, of: name) }.value
                }
            }
            if interrupted { throw ProvisionError.startInterrupted(name, stopped: !retain) }
            throw error
        }
    }

    /// Recreates what `plan` finds missing, in the order `up` creates it. Not undone on
    /// failure: what was recreated belongs to the cluster, and `start` again finishes it.
    func repair(_ plan: ClusterRepairPlan) async throws {
        let provider = self.provider
        let topology = plan.topology
        let run = ProvisioningRun(cluster: topology.name)
        try await progress.step("Recreating \(plan.work)") {
            try await shielded {
                if !plan.containersToReplace.isEmpty {
                    try await provider.removeContainers(of: plan.containersToReplace, in: topology.name)
                }
                if plan.networkMissing { try await provider.createNetwork(topology, run: run) }
                if !plan.missingVolumes.isEmpty { try await provider.createVolumes(for: plan.missingVolumes, of: topology, run: run) }
                try await provider.createAndStartNodes(plan.containersToCreate, of: topology, run: run)
            }
        }
    }
}

/// Runs `body` in a task of its own, so cancelling the caller does not abort it half-way.
func shielded<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result) async throws -> Result {
    try await Task { try await body() }.value
}
