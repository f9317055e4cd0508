import DockerEngine
import Foundation
import HindCluster

extension DockerProvider {
    /// How often `up` asks Hadoop whether the cluster is ready: one local HTTP GET of a
    /// JMX bean, cheap enough to do ten times a second so `up` returns at most ~0.1 s
    /// after the last DataNode registers.
    static let readinessPollInterval: Duration = .milliseconds(100)

    /// Creates a cluster as ordered steps. Any failure, or cancellation (Ctrl-C), removes
    /// what this run created (found by its `io.hind.run` label) unless `options.retain`.
    public func create(_ requested: Topology, options: CreateOptions, status: any StatusReporter) async throws -> ClusterStatus {
        try await preflight(requested)
        let topology = try Self.choosingFreePorts(requested)
        let run = [ClusterLabels.cluster: topology.name.rawValue, ClusterLabels.run: UUID().uuidString.lowercased()]
        do {
            // Engine steps are not interrupted half-way (an aborted request may still be
            // carried out by the engine after rollback looked); cancellation is honoured
            // between them and while waiting for Hadoop.
            try await status.step("Preparing network and volumes") { try await shielded { try await self.createNetworkAndVolumes(topology, run: run) } }
            try Task.checkCancellation()
            // Every container is created, given its files and started on its own, all in
            // parallel: the launchers order the daemons (a DataNode waits for its NameNode's
            // name, then retries its port), and the NameNode's CPU weight keeps its start-up,
            // the longest path to a ready cluster, ahead of the workers' JVMs.
            try await status.step("Creating and starting \(topology.nodes.count) containers") {
                try await shielded { try await self.createAndStart(topology, run: run) }
            }
            return try await waitUntilReady(topology.spec, options: options, status: status)
        } catch {
            let interrupted = Task.isCancelled || error is CancellationError || (error as? DockerError) == .cancelled
            await reportFailingNodes(topology.name, status: status)
            var cleanedUp = false
            if !options.retain {
                // A fresh task: cleanup must run even when this one was cancelled.
                let removal = Task { _ = try await self.deleteObjects(labels: run) }
                do {
                    try await removal.value
                    cleanedUp = true
                } catch {
                    throw ProvisionError.cleanupFailed(topology.name, reason: Self.firstLine(of: error))
                }
            }
            if interrupted { throw ProvisionError.interrupted(cleanedUp: cleanedUp) }
            throw error
        }
    }

    /// Everything that can be refused before an object exists.
    func preflight(_ topology: Topology) async throws {
        let spec = topology.spec
        try await ensureAbsent(topology.name)
        for (port, option) in [
            (spec.publishing.namenodeHTTP, "--namenode-port"),
            (spec.publishing.resourcemanagerWeb, "--resourcemanager-port"),
        ] {
            if let port, HostPort.isBusy(port, host: spec.publishing.hostIP) {
                throw ProvisionError.hostPortBusy(port, option: option)
            }
        }
        if let distribution = spec.distribution {
            _ = try HadoopDistribution(path: distribution)
        }
    }

    /// Fixes a free host port for every published port left unset, so the ports stay the
    /// same across `stop` and `start`.
    static func choosingFreePorts(_ topology: Topology) throws -> Topology {
        var spec = topology.spec
        var chosen: Set<Int> = []
        let host = spec.publishing.hostIP
        spec.publishing = try spec.publishing.fillingUnset(for: spec.components) {
            var port = try HostPort.free(host: host)
            while chosen.contains(port) { port = try HostPort.free(host: host) }
            chosen.insert(port)
            return port
        }
        return Topology(spec: spec)
    }

    func createNetworkAndVolumes(_ topology: Topology, run: [String: String]) async throws {
        let client = self.client
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                _ = try await client.createNetwork(NetworkSpec(name: topology.networkName, labels: run))
            }
            for node in topology.nodes {
                group.addTask {
                    // The engine answers an existing name with that volume: refuse one that
                    // is not this run's, rather than write into it.
                    let volume = try await client.createVolume(VolumeSpec(name: node.volumeName, labels: run))
                    guard volume.labels == run else { throw ProvisionError.volumeExists(volume.name) }
                }
            }
            try await group.waitForAll()
        }
    }

    /// The nodes that depend on no other node, then the rest.
    static func startOrder(_ topology: Topology) -> (first: [Node], rest: [Node]) {
        (topology.nodes.filter { $0.dependsOn.isEmpty }, topology.nodes.filter { !$0.dependsOn.isEmpty })
    }

    /// Creates, fills and starts every container, each as soon as it can, in parallel; the
    /// nodes of ``startOrder(_:)``'s `first` are sent to the engine first. (Starting the
    /// workers only once the NameNode runs left the engine idle and made a 10-worker
    /// cluster 1–1.5 s slower; see BENCHMARKS.md.)
    func createAndStart(_ topology: Topology, run: [String: String]) async throws {
        let (first, rest) = Self.startOrder(topology)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for node in first + rest {
                group.addTask {
                    try await self.createContainers([node], of: topology, run: run)
                    try await self.startContainers([node.containerName])
                }
            }
            try await group.waitForAll()
        }
    }

    /// Creates the containers of `nodes` and places each one's launcher and config, in parallel.
    func createContainers(_ nodes: [Node], of topology: Topology, run: [String: String]) async throws {
        let client = self.client
        let rendered = RenderedCluster(topology: topology)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for node in nodes {
                group.addTask {
                    var spec = ContainerSpecBuilder.spec(for: node, in: topology)
                    spec.labels.merge(run) { $1 }
                    let id = try await client.createContainer(name: node.containerName, spec: spec)
                    try await client.putArchive(container: id, path: "/", archive: ContainerSpecBuilder.files(for: node, in: rendered))
                }
            }
            try await group.waitForAll()
        }
    }

    /// Starts containers in parallel: each launcher waits for what its daemons need.
    func startContainers(_ names: [String]) async throws {
        let client = self.client
        try await withThrowingTaskGroup(of: Void.self) { group in
            for name in names {
                group.addTask { try await client.startContainer(id: name) }
            }
            try await group.waitForAll()
        }
    }

    /// Polls Hadoop until the cluster is ready, a node exits, or `options.wait` passes.
    func waitUntilReady(_ spec: ClusterSpec, options: CreateOptions, status: any StatusReporter) async throws -> ClusterStatus {
        let topology = Topology(spec: spec)
        let check = try await readinessCheck(for: topology)
        let clock = ContinuousClock()
        let deadline = clock.now + options.wait
        let started = clock.now
        var unmet = "the NameNode web endpoint does not answer yet"
        var lastStateCheck = clock.now - .seconds(10)
        return try await status.step("Waiting for Hadoop to report the cluster ready", detail: { ClusterReport.readyLine($0) }) {
            while true {
                try Task.checkCancellation()
                let metrics = await check.measure()
                if let missing = check.unmet(metrics) {
                    unmet = missing
                } else {
                    return try await self.status(topology.name, metrics: metrics, spec: spec)
                }
                if clock.now - lastStateCheck >= .seconds(1) {
                    lastStateCheck = clock.now
                    try await failIfANodeExited(topology)
                }
                guard clock.now < deadline else {
                    throw ProvisionError.notReady(cluster: topology.name, unmet: unmet, seconds: (clock.now - started).seconds)
                }
                try await Task.sleep(for: Self.readinessPollInterval)
            }
        }
    }

    /// A node that stopped while the cluster starts will not come back: fail at once.
    func failIfANodeExited(_ topology: Topology) async throws {
        for container in try await containers(of: topology.name) where container.state == "exited" || container.state == "dead" {
            let inspect = try await client.inspectContainer(id: container.id)
            throw ProvisionError.nodeExited(
                node: container.labels[ClusterLabels.node] ?? container.name,
                status: inspect.state.exitCode, oomKilled: inspect.state.oomKilled)
        }
    }

    /// The host ports of the daemons' web endpoints, read from the engine.
    func readinessCheck(for topology: Topology) async throws -> ReadinessCheck {
        var ports: [Daemon: Int] = [:]
        let table = topology.spec.ports
        for (daemon, port) in [(Daemon.namenode, table.namenodeHTTP), (.resourcemanager, table.resourcemanagerWeb), (.historyserver, table.historyWeb)] {
            guard let node = topology.nodes.first(where: { $0.runs(daemon) }) else { continue }
            let inspect = try await client.inspectContainer(id: node.containerName)
            ports[daemon] = inspect.hostPort(for: ContainerPort(port))
        }
        return ReadinessCheck(webPorts: ports, host: topology.spec.publishing.hostIP,
                              expectedWorkers: topology.spec.workers, components: topology.spec.components)
    }

    /// Shows the last log lines of the nodes that are not healthy, before anything is removed.
    func reportFailingNodes(_ name: ClusterName, status: any StatusReporter) async {
        guard let containers = try? await containers(of: name) else { return }
        for container in containers.sorted(by: { $0.name < $1.name }) {
            let inspect = try? await client.inspectContainer(id: container.id)
            let healthy = inspect?.state.running == true && inspect?.state.health?.status == "healthy"
            guard !healthy else { continue }
            let node = container.labels[ClusterLabels.node] ?? container.name
            let state = inspect.map { "\($0.state.status)\($0.state.health.map { ", \($0.status)" } ?? "")" } ?? container.state
            let tail = (try? await logTail(container.id, lines: 15)) ?? ""
            status.note("node \(node) (\(state)), last log lines:\n" + tail.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n"))
        }
    }

    func logTail(_ id: String, lines: Int) async throws -> String {
        var text = ""
        for try await chunk in try await client.logs(container: id, options: LogOptions(tail: lines)) {
            text += chunk.text
        }
        return text
    }
}
