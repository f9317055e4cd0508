import DockerEngine
import HindCluster

extension DockerProvider {
    public func status(_ name: ClusterName) async throws -> ClusterStatus {
        let spec = try await spec(of: name)
        var metrics: HadoopMetrics?
        if let spec {
            let check = try? await readinessCheck(for: Topology(spec: spec))
            if let reading = await check?.measure(), reading.fsState != nil { metrics = reading }
        }
        return try await status(name, metrics: metrics, spec: spec)
    }

    /// Assembles a status from the engine's view and a reading of Hadoop's endpoints.
    func status(_ name: ClusterName, metrics: HadoopMetrics?, spec: ClusterSpec?) async throws -> ClusterStatus {
        let containers = try await containers(of: name)
        guard !containers.isEmpty else { throw ProvisionError.clusterNotFound(name) }
        var nodes: [NodeStatus] = []
        var endpoints = ClusterEndpoints()
        let client = self.client
        let inspections = try await withThrowingTaskGroup(of: (ContainerSummary, ContainerInspect).self) { group in
            for container in containers {
                group.addTask { (container, try await client.inspectContainer(id: container.id)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for (container, inspect) in inspections {
            let node = container.labels[ClusterLabels.node] ?? container.name
            nodes.append(NodeStatus(
                name: node,
                container: String(inspect.name.drop { $0 == "/" }),
                roles: (container.labels[ClusterLabels.roles] ?? "").split(separator: ",").map(String.init),
                state: inspect.state.status,
                health: inspect.state.running ? inspect.state.health?.status : nil,
                exitCode: inspect.state.running ? nil : inspect.state.exitCode))
            guard let spec else { continue }
            let ports = spec.ports
            func url(_ port: Int) -> String? { inspect.hostPort(for: ContainerPort(port)).map { "http://\(spec.publishing.hostIP):\($0)" } }
            switch node {
            case Topology.namenode:
                endpoints.namenodeUI = url(ports.namenodeHTTP)
                endpoints.namenodeRPC = inspect.hostPort(for: ContainerPort(ports.namenodeRPC)).map { "hdfs://\(spec.publishing.hostIP):\($0)" }
            case Topology.resourcemanager: endpoints.resourcemanagerUI = url(ports.resourcemanagerWeb)
            case Topology.historyserver: endpoints.historyUI = url(ports.historyWeb)
            default: break
            }
        }
        nodes.sort { NodeOrder.key($0.name) < NodeOrder.key($1.name) }
        // Ready: Hadoop says so and every node runs (HDFS notices a dead DataNode only
        // after its heartbeat timeout).
        let hadoopReady = spec.map { spec in
            metrics.map { ReadinessCheck(webPorts: [:], expectedWorkers: spec.workers, components: spec.components).unmet($0) == nil } ?? false
        } ?? false
        let ready = hadoopReady && nodes.allSatisfy { $0.state == "running" }
        return ClusterStatus(
            name: name.rawValue, image: spec?.image.reference,
            components: spec.map { Component.ordered($0.components).map(\.rawValue) } ?? [],
            workers: spec?.workers, nodes: nodes, endpoints: endpoints, hadoop: metrics, ready: ready)
    }

    public func stop(_ name: ClusterName, status: any StatusReporter) async throws {
        let containers = try await containers(of: name)
        guard !containers.isEmpty else { throw ProvisionError.clusterNotFound(name) }
        let client = self.client
        try await status.step("Stopping \(containers.count) nodes") {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for container in containers {
                    group.addTask { try await client.stopContainer(id: container.id, timeout: Int(ContainerLayout.stopGracePeriod.components.seconds)) }
                }
                try await group.waitForAll()
            }
        }
    }

    public func start(_ name: ClusterName, options: CreateOptions, status: any StatusReporter) async throws -> ClusterStatus {
        let containers = try await containers(of: name)
        guard !containers.isEmpty else { throw ProvisionError.clusterNotFound(name) }
        guard let spec = try await spec(of: name) else { throw ProvisionError.specUnreadable(name) }
        try await status.step("Starting \(containers.count) nodes") { try await startContainers(containers.map(\.id)) }
        return try await waitUntilReady(spec, options: options, status: status)
    }

    /// The container of a node, checked to exist.
    public func container(of node: String, in name: ClusterName) async throws -> ContainerSummary {
        let containers = try await containers(of: name)
        guard !containers.isEmpty else { throw ProvisionError.clusterNotFound(name) }
        guard let container = containers.first(where: { $0.labels[ClusterLabels.node] == node }) else {
            let known = containers.compactMap { $0.labels[ClusterLabels.node] }.sorted { NodeOrder.key($0) < NodeOrder.key($1) }
            throw ProvisionError.nodeNotFound(node, cluster: name, known: known)
        }
        return container
    }

    /// Every node's container, in topology order.
    public func nodeContainers(of name: ClusterName) async throws -> [(node: String, container: ContainerSummary)] {
        let containers = try await containers(of: name)
        guard !containers.isEmpty else { throw ProvisionError.clusterNotFound(name) }
        return containers.map { ($0.labels[ClusterLabels.node] ?? $0.name, $0) }
            .sorted { NodeOrder.key($0.node) < NodeOrder.key($1.node) }
    }
}

/// Masters first, then workers by number (worker-2 before worker-10).
enum NodeOrder {
    static func key(_ name: String) -> (Int, Int, String) {
        switch name {
        case Topology.namenode: return (0, 0, name)
        case Topology.resourcemanager: return (1, 0, name)
        case Topology.historyserver: return (2, 0, name)
        default:
            let number = name.split(separator: "-").last.flatMap { Int($0) } ?? 0
            return (3, number, name)
        }
    }
}
