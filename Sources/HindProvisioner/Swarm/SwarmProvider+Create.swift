import DockerEngine
import Foundation
import HindCluster

/// The steps of `up` on a Swarm, in the order ``ClusterProvisioner`` calls them.
extension SwarmProvider {
    /// The labels of every object of `run`: the run's, the engine's mark
    /// (``ClusterLabels/engine``) and the spec, so the cluster's shape survives the loss
    /// of any object that carries it.
    static func labels(of run: ProvisioningRun, spec: ClusterSpec) -> [String: String] {
        swarms(DockerProvider.labels(of: run, spec: spec))
    }

    /// An attachable overlay network: it spans every Swarm node a task lands on, and
    /// one-off containers may join it.
    public func createNetwork(_ topology: Topology, run: ProvisioningRun) async throws {
        let labels = Self.labels(of: run, spec: topology.spec)
        try await client.createNetwork(NetworkSpec(name: topology.networkName, driver: "overlay", labels: labels, attachable: true))
    }

    /// Only the NameNode's volume is made, on the manager its task is pinned to; the
    /// other nodes' data lives in their tasks' anonymous volumes (``SwarmServiceBuilder``).
    public func createVolumes(for nodes: [Node], of topology: Topology, run: ProvisioningRun) async throws {
        try await local.createVolumes(for: nodes.filter { $0.runs(.namenode) }, labels: Self.labels(of: run, spec: topology.spec))
    }

    /// The configs (each shared file once, a launcher per node), then one service per
    /// node, all in parallel: the launchers order the daemons as on one engine.
    public func createAndStartNodes(_ nodes: [Node], of topology: Topology, run: ProvisioningRun) async throws {
        let client = self.client
        let labels = Self.labels(of: run, spec: topology.spec).filter { $0.key != ClusterLabels.spec }
        // By ID: Swarm then never tries a registry for an image the nodes already have
        // (a tag makes every node try a pull first).
        let image = try await client.inspectImage(reference: topology.spec.image.reference).id
        let constraints = try placement.constraints(for: topology, nodes: try await client.listSwarmNodes(), manager: manager.nodeID)
        let rendered = RenderedCluster(topology: topology)
        var files: [String: [UInt8]] = [:]
        for node in nodes {
            for file in rendered.containerFiles(for: node) {
                // Swarm refuses an empty config: an empty exclude file becomes one blank
                // line, which Hadoop's host file reader skips.
                files[SwarmConfigs.name(of: file.path, node: node, cluster: topology.name)] = Array((file.contents.isEmpty ? "\n" : file.contents).utf8)
            }
        }
        let cluster = topology.name
        let configIDs = try await withThrowingTaskGroup(of: (String, String).self) { group in
            for (name, contents) in files {
                group.addTask { (name, try await Self.config(named: name, contents: contents, labels: labels, cluster: cluster, client: client)) }
            }
            return try await group.reduce(into: [String: String]()) { $0[$1.0] = $1.1 }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for node in nodes {
                let configs = rendered.containerFiles(for: node).map { file in
                    let name = SwarmConfigs.name(of: file.path, node: node, cluster: topology.name)
                    return ServiceSpec.ConfigFile(configID: configIDs[name]!, configName: name, path: file.path, mode: UInt32(file.mode))
                }
                let service = SwarmServiceBuilder.service(
                    for: node, in: topology, image: image, configs: configs, constraints: constraints[node.name] ?? [], labels: labels)
                group.addTask { try await client.createService(service) }
            }
            try await group.waitForAll()
        }
    }

    /// Creates a config, or takes the one of that name a repair finds when it has the same
    /// contents (configs never change); one left by an earlier cluster with other
    /// contents is refused.
    static func config(named name: String, contents: [UInt8], labels: [String: String], cluster: ClusterName,
                       client: DockerClient) async throws -> String {
        do {
            return try await client.createConfig(SwarmConfigSpec(name: name, labels: labels, data: contents))
        } catch {
            guard case .conflict = error else { throw error }
            guard let existing = try await client.listConfigs(labels: swarms([ClusterLabels.cluster: cluster.rawValue])).first(where: { $0.name == name }),
                  existing.data == contents
            else { throw SwarmError.staleConfig(name, cluster: cluster) }
            return existing.id
        }
    }

    /// Hadoop's REST endpoints read inside the NameNode's task (``SwarmExecFetcher``):
    /// the ports are the daemons' own, on their nodes' names.
    public func hadoop(_ topology: Topology) async throws -> any HadoopClient {
        let table = topology.spec.ports
        var ports: [Daemon: Int] = [:]
        var hosts: [Int: String] = [:]
        for (daemon, port) in [(Daemon.namenode, table.namenodeHTTP), (.resourcemanager, table.resourcemanagerWeb), (.historyserver, table.historyWeb)] {
            guard let node = topology.nodes.first(where: { $0.runs(daemon) }) else { continue }
            ports[daemon] = port
            hosts[port] = node.hostname
        }
        let nodeNames = nodeNamesByAddress(of: topology.name)
        let fetcher = SwarmExecFetcher(provider: self, cluster: topology.name, node: topology.namenodes[0].name, hosts: hosts)
        return HadoopWebClient(webPorts: ports, fetcher: fetcher, components: topology.spec.components, nodeNames: nodeNames)
    }

    /// A node whose service is gone, or throws for one whose task ended without a running
    /// replacement (`rejected` for an image its Swarm node lacks, `failed` for a launcher
    /// that exited): Swarm would retry it, but waiting on will not change it.
    public func stoppedNode(of topology: Topology) async throws -> NodeExit? {
        let services = try await services(labels: [ClusterLabels.cluster: topology.name.rawValue])
        let present = Set(services.compactMap { $0.service.labels[ClusterLabels.node] })
        if let gone = topology.nodes.first(where: { !present.contains($0.name) }) { return NodeExit(node: gone.name, removed: true) }
        let swarmNodes = try await swarmNodeNames()
        for (service, tasks) in services where Self.state(of: tasks) != "running" {
            guard let failed = Self.currentTask(of: tasks), failed.state == "rejected" || failed.state == "failed" else { continue }
            throw SwarmError.taskFailed(
                node: service.labels[ClusterLabels.node] ?? service.name, swarmNode: swarmNodes[failed.nodeID] ?? failed.nodeID,
                state: failed.state, message: failed.error ?? failed.message)
        }
        return nil
    }

    /// Swarm node hostnames by node ID.
    func swarmNodeNames() async throws -> [String: String] {
        Dictionary(try await client.listSwarmNodes().map { ($0.id, $0.hostname) }) { first, _ in first }
    }

    public func diagnoses(of name: ClusterName, also: Set<String>, logLines: Int) async -> [NodeDiagnosis] {
        guard let services = try? await services(labels: [ClusterLabels.cluster: name.rawValue]) else { return [] }
        var diagnoses: [NodeDiagnosis] = []
        for (service, tasks) in NodeOrder.sorted(services, by: { $0.service.labels[ClusterLabels.node] ?? "" }) {
            let node = service.labels[ClusterLabels.node] ?? service.name
            let state = Self.state(of: tasks)
            guard state != "running" || also.contains(node) else { continue }
            var tail = tasks.first(where: { $0.isFinished && ($0.error ?? $0.message) != "" }).map { "task: \($0.error ?? $0.message)\n" } ?? ""
            if let stream = try? await client.serviceLogs(id: service.id, options: LogOptions(tail: logLines)) {
                do { for try await chunk in stream { tail += chunk.text } } catch {}
            }
            diagnoses.append(NodeDiagnosis(node: node, state: state, lastLogLines: tail))
        }
        return diagnoses
    }
}
