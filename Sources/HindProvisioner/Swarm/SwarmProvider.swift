import DockerEngine
import Foundation
import HindCluster

/// Runs clusters on Docker Swarm through a manager's Engine API: one replicated service
/// per node on an attachable overlay network, files as Swarm configs, found by the same
/// labels as on a single engine. Swarm schedules and replaces the tasks; hind never
/// places a container itself (``SwarmPlacement`` only states constraints).
///
/// What lives where (``SwarmServiceBuilder``): the NameNode's task runs on the manager
/// hind talks to, with its data in a named volume there; hind reads Hadoop's readiness
/// inside it (``SwarmExecFetcher``), so no port is published on any node.
public final class SwarmProvider: ClusterProvider {
    let client: DockerClient
    /// The manager's engine as a single engine: images, Hadoop defaults, the NameNode's
    /// volume and its task's container.
    let local: DockerProvider
    /// The manager hind talks to.
    let manager: SwarmInfo
    let placement: SwarmPlacement

    /// How long `down` waits for the Swarm to remove the tasks' containers.
    static let removalTimeout: Duration = .seconds(90)

    public init(client: DockerClient, manager: SwarmInfo, placement: SwarmPlacement = SwarmPlacement(),
                defaultsCache: HadoopDefaultsCache = .standard) {
        self.client = client
        self.local = DockerProvider(client: client, defaultsCache: defaultsCache)
        self.manager = manager
        self.placement = placement
    }

    /// Connects to the manager at `DOCKER_HOST` or the default socket; refuses an engine
    /// that is not an active Swarm manager.
    public static func connect(placement: SwarmPlacement = SwarmPlacement()) async throws -> SwarmProvider {
        let client = try await DockerClient.connect(endpoint: try EngineEndpoint.fromEnvironment())
        return SwarmProvider(client: client, manager: try await managerInfo(of: client), placement: placement)
    }

    /// The engine's Swarm membership, checked to be an active manager: the reason it is
    /// not one says what to do.
    public static func managerInfo(of client: DockerClient) async throws -> SwarmInfo {
        let info = try await client.swarmInfo()
        guard info.isActive else { throw SwarmError.notInSwarm(socket: client.endpoint.socketPath, state: info.localNodeState) }
        guard info.controlAvailable else { throw SwarmError.notAManager(socket: client.endpoint.socketPath) }
        return info
    }

    // MARK: Images

    public func resolveImage(_ reference: ImageReference?, progress: any ProgressReporter) async throws -> ImageProfile {
        try await local.resolveImage(reference, progress: progress)
    }

    public func hadoopDefaults(of image: String) async throws -> HadoopDefaults {
        try await local.hadoopDefaults(of: image)
    }

    public func hasZooKeeper(image: String) async throws -> Bool {
        try await local.hasZooKeeper(image: image)
    }

    /// Refuses what Swarm cannot run as hind builds it, a name taken by a cluster of the
    /// manager's own engine, and placements the Swarm cannot honour, before anything is
    /// created.
    public func preflight(_ topology: Topology) async throws {
        let spec = topology.spec
        let publishing = spec.publishing
        if let refusal = SwarmError.unsupported(
            ha: spec.ha != nil, racks: spec.racks != nil, distribution: spec.distribution != nil,
            publishedPorts: publishing.namenodeHTTP != nil || publishing.resourcemanagerWeb != nil) {
            throw refusal
        }
        if !(try await local.inventory(of: spec.name)).isEmpty { throw ProvisionError.clusterExists(spec.name) }
        let nodes = try await client.listSwarmNodes()
        if let manager = nodes.first(where: { $0.id == manager.nodeID }), manager.availability != "active" {
            throw SwarmError.managerDrained(manager.hostname, availability: manager.availability)
        }
        _ = try placement.constraints(for: topology, nodes: nodes, manager: manager.nodeID)
    }

    public func checkAvailable(_ verb: ClusterVerb) throws {
        switch verb {
        case .stop:
            throw SwarmError.unsupported("hind stop", reason: "Swarm never stops a task in place, and a worker's data lives only as long as its task; remove the cluster with hind down")
        case .scale:
            throw SwarmError.unsupported("hind scale", reason: "add workers with hind down and hind up -c N")
        case .smoke, .clientConfig:
            throw SwarmError.unsupported("hind \(verb.rawValue)", reason: "it reaches the cluster through ports published on this host, and a Swarm cluster publishes none; use hind exec --name NAME namenode -- hdfs …")
        }
    }

    // MARK: Finding

    /// The Swarm services carrying `labels` (a cluster's, or every cluster's) and the
    /// tasks of each.
    func services(labels: [String: String]) async throws -> [(service: SwarmService, tasks: [SwarmTask])] {
        let services = try await client.listServices(labels: Self.swarms(labels))
        guard !services.isEmpty else { return [] }
        let tasks = try await client.listTasks(services: services.map(\.id))
        return services.map { service in (service, tasks.filter { $0.serviceID == service.id }) }
    }

    /// The task that stands for a node: one the orchestrator wants running (a task on a
    /// node that went down still says `running`, but is to be shut down), preferring one
    /// that runs, then one under way, then a finished one that says why it ended.
    static func currentTask(of tasks: [SwarmTask]) -> SwarmTask? {
        let wanted = tasks.filter { $0.desiredState == "running" }
        return wanted.first { $0.state == "running" || $0.state == "starting" }
            ?? wanted.first { !$0.isFinished }
            ?? tasks.first { $0.state == "rejected" || $0.state == "failed" }
            ?? tasks.first
    }

    /// One state per node, in the engine's words for a container: `running` once its
    /// container started (Swarm says `starting` until the first health check passes),
    /// else the task's own state (`preparing`, `rejected` …), or `pending` before one is
    /// scheduled.
    static func state(of tasks: [SwarmTask]) -> String {
        guard let task = currentTask(of: tasks) else { return "pending" }
        return task.state == "starting" ? "running" : task.state
    }

    /// `labels` narrowed to the objects of clusters on Swarm (``ClusterLabels/engine``):
    /// a cluster of the manager's own engine carries the same cluster label.
    static func swarms(_ labels: [String: String]) -> [String: String] {
        labels.merging([ClusterLabels.engine: ClusterLabels.swarmEngine]) { $1 }
    }

    public func inventory(of name: ClusterName) async throws -> ClusterInventory {
        try await survey(labels: [ClusterLabels.cluster: name.rawValue]).inventories[name.rawValue] ?? ClusterInventory(name: name)
    }

    /// Groups the Swarm's labelled services, configs, overlay networks and the manager's
    /// volumes by cluster (``InventoryGrouping``), with the services and their tasks as
    /// listed. A node's data volume counts as present while its service exists: apart
    /// from the NameNode's, it is the task's own anonymous volume.
    func survey(labels: [String: String]) async throws
        -> (inventories: [String: ClusterInventory], services: [(service: SwarmService, tasks: [SwarmTask])]) {
        let labels = Self.swarms(labels)
        async let services = services(labels: labels)
        async let configs = client.listConfigs(labels: labels)
        async let networks = client.listNetworks(labels: labels)
        async let volumes = client.listVolumes(labels: labels)
        var grouping = InventoryGrouping()
        let listed = try await services
        for (service, tasks) in listed {
            let node = service.labels[ClusterLabels.node]
            grouping.add(service.labels) { inventory in if let node { inventory.containers[node] = Self.state(of: tasks) } }
        }
        for config in try await configs { grouping.add(config.labels) { $0.configs.insert(config.name) } }
        for network in try await networks { grouping.add(network.labels) { $0.networks.insert(network.name) } }
        for volume in try await volumes { grouping.add(volume.labels) { $0.volumes.insert(volume.name) } }
        var inventories = grouping.inventories
        for (cluster, inventory) in inventories {
            guard let spec = inventory.spec else { continue }
            for node in Topology(spec: spec).nodes where !node.runs(.namenode) && inventory.containers[node.name] != nil {
                inventories[cluster]?.volumes.insert(node.volumeName)
            }
        }
        return (inventories, listed)
    }

    public func spec(of name: ClusterName) async throws -> ClusterSpec {
        let inventory = try await inventory(of: name)
        guard !inventory.isEmpty else { throw ProvisionError.clusterNotFound(name) }
        guard let spec = inventory.spec else { throw ProvisionError.specUnreadable(name) }
        return spec
    }

    public func list() async throws -> [ClusterSummary] {
        let inventories = try await survey(labels: [ClusterLabels.cluster: ""]).inventories
        return inventories.keys.sorted().map { ClusterSummary(inventories[$0]!) }
    }

    // MARK: Removing

    @discardableResult
    public func delete(_ name: ClusterName) async throws -> Int {
        try await deleteObjects(labels: [ClusterLabels.cluster: name.rawValue])
    }

    @discardableResult
    public func deleteAll() async throws -> Int {
        try await deleteObjects(labels: [ClusterLabels.cluster: ""])
    }

    public func delete(_ run: ProvisioningRun) async throws {
        try await deleteObjects(labels: run.labels)
    }

    /// Services first; then, once the Swarm has removed their tasks (and with them the
    /// tasks' containers and anonymous volumes on every node), the configs, the network
    /// and the NameNode's volume on the manager. Idempotent, like `down` on one engine:
    /// a second run waits for the tasks a first one left shutting down.
    @discardableResult
    func deleteObjects(labels: [String: String]) async throws -> Int {
        let client = self.client
        let labels = Self.swarms(labels)
        let services = try await client.listServices(labels: labels)
        let failure = await local.removeAll(services.map { service in { @Sendable in try await client.removeService(id: service.id) } })
        try await waitUntilTasksGone(labels: labels)
        let configs = try await client.listConfigs(labels: labels)
        let networks = try await client.listNetworks(labels: labels)
        let volumes = try await client.listVolumes(labels: labels)
        let removals: [@Sendable () async throws -> Void] =
            configs.map { config in { @Sendable in try await client.removeConfig(id: config.id) } }
            + networks.map { network in { @Sendable in try await client.removeNetwork(id: network.id) } }
            + volumes.map { volume in { @Sendable in try await client.removeVolume(name: volume.name, force: true) } }
        let otherFailure = await local.removeAll(removals)
        if let failure = failure ?? otherFailure { throw failure }
        return services.count + configs.count + networks.count + volumes.count
    }

    /// Waits until no Swarm node that is up lists a task whose container carries
    /// `labels`, and no such container is left on the manager (each node's agent shuts
    /// down and removes a removed service's tasks, with their anonymous volumes,
    /// asynchronously). A node that is down removes its tasks when it comes back.
    func waitUntilTasksGone(labels: [String: String]) async throws {
        let labels = Self.swarms(labels)
        let deadline = ContinuousClock.now + Self.removalTimeout
        while true {
            let up = Set(try await client.listSwarmNodes().filter { $0.state == "ready" }.map(\.id))
            let tasks = try await client.listTasks().filter { $0.matches(labels: labels) && (up.contains($0.nodeID) || $0.nodeID.isEmpty) }
            let containers = try await client.listContainers(labels: labels, all: true)
            if tasks.isEmpty && containers.isEmpty { return }
            guard ContinuousClock.now < deadline else {
                let left = tasks.isEmpty ? "\(containers.count) task containers on the manager" : "\(tasks.count) tasks"
                throw ProvisionError.cleanupFailed(
                    labels[ClusterLabels.cluster].flatMap { try? ClusterName($0) } ?? .default,
                    reason: "the Swarm did not remove \(left) within \(Int(Self.removalTimeout.components.seconds)) s; run hind down again")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }
}
