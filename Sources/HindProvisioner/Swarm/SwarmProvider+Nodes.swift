import DockerEngine
import HindCluster

/// Existing Swarm clusters: status, their nodes' tasks, exec, logs.
extension SwarmProvider {
    public var readinessPollInterval: Duration { .milliseconds(500) }
    public var nodeObjects: String { "services" }

    public func status(_ name: ClusterName) async throws -> ClusterStatus {
        // One listing of the cluster's objects for both its condition and its nodes.
        let (inventories, services) = try await survey(labels: [ClusterLabels.cluster: name.rawValue])
        let inventory = inventories[name.rawValue] ?? ClusterInventory(name: name)
        guard !inventory.isEmpty else { throw ProvisionError.clusterNotFound(name) }
        let swarmNodes = try await swarmNodeNames()
        let spec = inventory.spec
        let topology = spec.map(Topology.init(spec:))
        var metrics: HadoopMetrics?
        if let topology, topology.namenodes.contains(where: { inventory.containers[$0.name] == "running" }) {
            let reading = await (try? await hadoop(topology))?.measure()
            if reading?.fsState != nil { metrics = reading }
        }
        var nodes: [NodeStatus] = services.map { service, tasks in
            let node = service.labels[ClusterLabels.node] ?? service.name
            let current = Self.currentTask(of: tasks)
            let state = Self.state(of: tasks)
            // A task with a health check is `starting` until it passes, then `running`.
            let health = current.map { $0.state == "starting" ? "starting" : $0.state == "running" ? "healthy" : nil } ?? nil
            var status = NodeStatus(
                name: node, container: service.name,
                roles: (service.labels[ClusterLabels.roles] ?? "").split(separator: ",").map(String.init),
                state: state, health: health, exitCode: state == "running" ? nil : current?.exitCode)
            status.swarmNode = current.flatMap { swarmNodes[$0.nodeID] }
            return status
        }
        let plan = topology.map { ClusterRepairPlan(topology: $0, inventory: inventory) }
        for node in plan?.missingContainers ?? [] {
            nodes.append(NodeStatus(name: node.name, container: node.containerName, roles: node.daemons.map(\.rawValue), state: NodeStatus.missing))
        }
        nodes = NodeOrder.sorted(nodes, by: \.name)
        let ready = spec.map { spec in metrics.map { ReadinessCheck(spec: spec).unmet($0) == nil } ?? false } ?? false
        var condition = ClusterCondition(inventory)
        if condition == .running { condition = ready ? .ready : .notReady }
        // Nothing is published: the cluster's endpoints are its nodes' names on the overlay network.
        var endpoints = ClusterEndpoints()
        if let spec, let namenode = topology?.namenodes.first {
            endpoints.namenodeRPC = "hdfs://\(namenode.hostname):\(spec.ports.namenodeRPC)"
        }
        return ClusterStatus(
            name: name.rawValue, image: spec?.image.reference,
            components: spec.map { Component.ordered($0.components).map(\.rawValue) } ?? [],
            workers: spec?.workers, nodes: nodes, endpoints: endpoints, hadoop: metrics,
            ready: condition == .ready, condition: condition, missing: plan?.missingObjects ?? [])
    }

    /// A node's service and its tasks, checked to exist: a node the spec has but the
    /// Swarm lost is named as missing, with the repair.
    func service(of node: String, in name: ClusterName) async throws -> (service: SwarmService, tasks: [SwarmTask]) {
        let services = try await services(labels: [ClusterLabels.cluster: name.rawValue])
        if services.isEmpty { throw ProvisionError.clusterNotFound(name) }
        guard let found = services.first(where: { $0.service.labels[ClusterLabels.node] == node }) else {
            throw await absentNode(node, in: name, present: services.compactMap { $0.service.labels[ClusterLabels.node] })
        }
        return found
    }

    /// The running task of a node's service.
    func runningTask(of node: String, in name: ClusterName) async throws -> SwarmTask {
        let tasks = try await service(of: node, in: name).tasks
        guard let task = Self.currentTask(of: tasks), Self.state(of: tasks) == "running" else {
            throw SwarmError.noRunningTask(node: node, cluster: name, state: Self.state(of: tasks))
        }
        return task
    }

    /// Runs `command` in a node's task, which must run on the manager hind talks to: the
    /// Engine API reaches only its own node's containers.
    public func exec(_ command: [String], in node: String, of name: ClusterName, attachStdin: Bool) async throws -> NodeProcess {
        let task = try await runningTask(of: node, in: name)
        guard task.nodeID == manager.nodeID, let container = task.containerID else {
            let swarmNode = try await swarmNodeNames()[task.nodeID] ?? task.nodeID
            throw SwarmError.taskElsewhere(node: node, swarmNode: swarmNode, cluster: name)
        }
        // As the daemons' user, as on one engine: the task starts as root to prepare the node.
        return try await local.exec(command, inContainer: container, user: task.containerLabels[ClusterLabels.daemonUser], attachStdin: attachStdin)
    }

    /// The node's output from all its tasks, wherever they ran (the manager gathers it).
    public func logs(of node: String, in name: ClusterName, options: LogOptions) async throws -> AsyncThrowingStream<OutputChunk, any Error> {
        try await client.serviceLogs(id: try await service(of: node, in: name).service.id, options: options)
    }

    public func inspection(of node: String, in name: ClusterName) async throws -> [UInt8] {
        try await client.inspectServiceJSON(id: try await service(of: node, in: name).service.id)
    }

    /// The image of the NameNode's running task.
    public func imageID(of name: ClusterName) async throws -> String? {
        guard let spec = try? await spec(of: name), let namenode = Topology(spec: spec).namenodes.first,
              let task = try? await runningTask(of: namenode.name, in: name), let container = task.containerID
        else { return nil }
        return try await client.inspectContainer(id: container).image
    }

    /// Each running task's address on the cluster's overlay network.
    public func addresses(of name: ClusterName) async throws -> [String: String] {
        let network = Topology.networkName(of: name)
        var result: [String: String] = [:]
        for (service, tasks) in try await services(labels: [ClusterLabels.cluster: name.rawValue]) {
            guard let node = service.labels[ClusterLabels.node],
                  let address = Self.currentTask(of: tasks)?.addresses[network]?.first
            else { continue }
            result[node] = String(address.prefix { $0 != "/" })
        }
        return result
    }

    public func nodes(of name: ClusterName) async throws -> [String] {
        let services = try await client.listServices(labels: Self.swarms([ClusterLabels.cluster: name.rawValue]))
        if services.isEmpty { throw ProvisionError.clusterNotFound(name) }
        return NodeOrder.sorted(services.compactMap { $0.labels[ClusterLabels.node] })
    }

    /// Removes the services of `nodes`, so a repair creates them anew.
    public func removeContainers(of nodes: [String], in name: ClusterName) async throws {
        let client = self.client
        let doomed = try await client.listServices(labels: Self.swarms([ClusterLabels.cluster: name.rawValue]))
            .filter { nodes.contains($0.labels[ClusterLabels.node] ?? "") }
        if let failure = await local.removeAll(doomed.map { service in { @Sendable in try await client.removeService(id: service.id) } }) { throw failure }
        for service in doomed { try await waitUntilTasksGone(labels: [ClusterLabels.cluster: name.rawValue, ClusterLabels.node: service.labels[ClusterLabels.node] ?? ""]) }
    }

    public func removeNodes(_ nodes: [Node], of name: ClusterName) async throws {
        try checkAvailable(.scale)
    }

    public func recordSpec(_ spec: ClusterSpec, run: ProvisioningRun) async throws {
        try checkAvailable(.scale)
    }

    public func stopNodes(of name: ClusterName) async throws {
        try checkAvailable(.stop)
    }

    public func stopNodes(_ nodes: [String], of name: ClusterName) async throws {
        try checkAvailable(.stop)
    }

    /// Nothing to do: Swarm replaces a task that is not running by itself.
    public func startNodes(of name: ClusterName) async throws {}
}
