import DockerEngine
import HindCluster

extension DockerProvider {
    public func status(_ name: ClusterName) async throws -> ClusterStatus {
        let (inventory, containers) = try await survey(of: name)
        guard !inventory.isEmpty else { throw ProvisionError.clusterNotFound(name) }
        var metrics: HadoopMetrics?
        if let spec = inventory.spec, Topology(spec: spec).namenodes.contains(where: { inventory.containers[$0.name] == "running" }) {
            let hadoop = try? await hadoop(Topology(spec: spec))
            // With HA the NameNodes' states are worth showing even while none is active.
            if let reading = await hadoop?.measure(), reading.fsState != nil || reading.namenodeStates != nil { metrics = reading }
        }
        return try await status(inventory, containers: containers, metrics: metrics)
    }

    /// Assembles a status from the engine's view and a reading of Hadoop's endpoints.
    func status(_ inventory: ClusterInventory, containers: [ContainerSummary], metrics: HadoopMetrics?) async throws -> ClusterStatus {
        let spec = inventory.spec
        let topology = spec.map(Topology.init(spec:))
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
                exitCode: inspect.state.running ? nil : inspect.state.exitCode,
                rack: topology?.node(named: node)?.rack))
            guard let spec else { continue }
            let ports = spec.ports
            func url(_ port: Int) -> String? { inspect.hostPort(for: ContainerPort(port)).map { "http://\(spec.publishing.hostIP):\($0)" } }
            switch node {
            case Topology.namenode:
                let ui = url(ports.namenodeHTTP)
                let rpc = inspect.hostPort(for: ContainerPort(ports.namenodeRPC)).map { "hdfs://\(spec.publishing.hostIP):\($0)" }
                endpoints.namenodeUI = ui
                endpoints.namenodeRPC = rpc
            case Topology.resourcemanager, HighAvailability.resourcemanagers[0]: endpoints.resourcemanagerUI = url(ports.resourcemanagerWeb)
            case Topology.historyserver: endpoints.historyUI = url(ports.historyWeb)
            default: break
            }
        }
        let plan = topology.map { ClusterRepairPlan(topology: $0, inventory: inventory) }
        for node in plan?.missingContainers ?? [] {
            nodes.append(NodeStatus(name: node.name, container: node.containerName, roles: node.daemons.map(\.rawValue),
                                    state: NodeStatus.missing, rack: node.rack))
        }
        nodes = NodeOrder.sorted(nodes, by: \.name)
        // HA: both NameNodes' fixed host ports (known while one is down, for the clients'
        // failover), each one's state, and the active one's endpoints as the cluster's.
        if let spec, spec.ha != nil {
            let publishing = spec.publishing
            let host = publishing.hostIP
            endpoints.nameservice = "hdfs://\(spec.name)"
            var namenodes = zip(HighAvailability.namenodes, [(publishing.namenodeHTTP, publishing.namenodeRPC), (publishing.secondNamenodeHTTP, publishing.secondNamenodeRPC)])
                .map { node, ports in
                    NamenodeEndpoint(node: node, ui: ports.0.map { "http://\(host):\($0)" }, rpc: ports.1.map { "hdfs://\(host):\($0)" })
                }
            for (index, state) in (metrics?.namenodeStates ?? []).enumerated() where index < namenodes.count {
                let node = namenodes[index].node
                if let row = nodes.firstIndex(where: { $0.name == node }), nodes[row].state == "running" { nodes[row].haState = state }
                namenodes[index].state = state
                if state == "active" {
                    endpoints.namenodeUI = namenodes[index].ui
                    endpoints.namenodeRPC = namenodes[index].rpc
                }
            }
            endpoints.namenodes = namenodes
        }
        endpoints.webHDFS = endpoints.namenodeUI.map { $0 + "/webhdfs/v1" }
        // Ready: Hadoop says so and every node runs (HDFS notices a dead DataNode only
        // after its heartbeat timeout).
        let hadoopReady = spec.map { spec in
            metrics.map { ReadinessCheck(spec: spec).unmet($0) == nil } ?? false
        } ?? false
        var condition = ClusterCondition(inventory)
        if condition == .running { condition = hadoopReady ? .ready : .notReady }
        return ClusterStatus(
            name: inventory.name.rawValue, image: spec?.image.reference,
            components: spec.map { Component.ordered($0.components).map(\.rawValue) } ?? [],
            workers: spec?.workers, nodes: nodes, endpoints: endpoints, hadoop: metrics,
            ready: condition == .ready, condition: condition, missing: plan?.missingObjects ?? [])
    }

    public func stopNodes(of name: ClusterName) async throws {
        try await stop(try await existingContainers(of: name))
    }

    public func stopNodes(_ nodes: [String], of name: ClusterName) async throws {
        try await stop(try await existingContainers(of: name).filter { nodes.contains($0.labels[ClusterLabels.node] ?? "") })
    }

    private func stop(_ containers: [ContainerSummary]) async throws {
        let client = self.client
        try await withThrowingTaskGroup(of: Void.self) { group in
            for container in containers {
                group.addTask { try await client.stopContainer(id: container.id, timeout: Int(ContainerPolicy.stopGracePeriod.components.seconds)) }
            }
            try await group.waitForAll()
        }
    }

    /// Starts every container in parallel: each launcher waits for what its daemons need.
    public func startNodes(of name: ClusterName) async throws {
        let client = self.client
        let containers = try await existingContainers(of: name)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for container in containers {
                group.addTask { try await client.startContainer(id: container.id) }
            }
            try await group.waitForAll()
        }
    }

    public func nodes(of name: ClusterName) async throws -> [String] {
        NodeOrder.sorted(try await existingContainers(of: name).map { $0.labels[ClusterLabels.node] ?? $0.name })
    }

    /// The cluster's containers; throws when it has none (no such cluster, or an
    /// incomplete one).
    func existingContainers(of name: ClusterName) async throws -> [ContainerSummary] {
        let (inventory, containers) = try await survey(of: name)
        if inventory.isEmpty { throw ProvisionError.clusterNotFound(name) }
        if inventory.isIncomplete { throw ProvisionError.clusterIncomplete(name) }
        return containers
    }

    public func removeNodes(_ nodes: [Node], of name: ClusterName) async throws {
        let client = self.client
        let names = nodes.map(\.name)
        try await removeContainers(of: names, in: name)
        let volumes = try await volumes(labels: [ClusterLabels.cluster: name.rawValue])
            .filter { volume in nodes.contains { $0.volumeName == volume.name } }
        if let failure = await removeAll(volumes.map { volume in
            { @Sendable in try await client.removeVolume(name: volume.name) }
        }) { throw failure }
    }

    public func recordSpec(_ spec: ClusterSpec, run: ProvisioningRun) async throws {
        let client = self.client
        let revision = spec.revision ?? 0
        let record = SpecRecord.volumeName(of: spec.name, revision: revision)
        let created = try await client.createVolume(VolumeSpec(name: record, labels: Self.labels(of: run, spec: spec)))
        guard created.labels[ClusterLabels.run] == run.id else { throw ProvisionError.volumeExists(record) }
        let older = try await volumes(labels: [ClusterLabels.cluster: spec.name.rawValue]).filter { volume in
            SpecRecord.revision(ofVolume: volume.name, cluster: spec.name).map { $0 < revision } ?? false
        }
        // Best effort: the highest revision wins whatever stays behind.
        _ = await removeAll(older.map { volume in
            { @Sendable in try await client.removeVolume(name: volume.name) }
        })
    }

    public func removeContainers(of nodes: [String], in name: ClusterName) async throws {
        let client = self.client
        let doomed = try await containers(of: name).filter { nodes.contains($0.labels[ClusterLabels.node] ?? "") }
        if let failure = await removeAll(doomed.map { container in
            // Anonymous volumes go with it (named volumes never do).
            { @Sendable in try await client.removeContainer(id: container.id, force: true, removeVolumes: true) }
        }) { throw failure }
    }

    /// The container of a node, checked to exist: a node the spec has but the engine
    /// lost is named as missing, with the repair.
    func container(of node: String, in name: ClusterName) async throws -> ContainerSummary {
        let containers = try await existingContainers(of: name)
        guard let container = containers.first(where: { $0.labels[ClusterLabels.node] == node }) else {
            throw await absentNode(node, in: name, present: containers.compactMap { $0.labels[ClusterLabels.node] })
        }
        return container
    }
}
