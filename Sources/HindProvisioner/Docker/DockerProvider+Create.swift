import DockerEngine
import Foundation
import HindCluster

/// The steps of `up` on the engine, in the order ``ClusterProvisioner`` calls them.
extension DockerProvider {
    public func createNetwork(_ topology: Topology, run: ProvisioningRun) async throws {
        let network = NetworkSpec(name: topology.networkName, labels: Self.labels(of: run, spec: topology.spec))
        guard topology.spec.ha != nil else {
            _ = try await client.createNetwork(network)
            return
        }
        // HA: made again with the subnet the engine chose, given explicitly, so the HA
        // nodes can have fixed addresses (``FixedAddresses``). Another `up` may take the
        // subnet in between: then the engine chooses again.
        for attempt in 1...3 {
            let id = try await client.createNetwork(network)
            guard let chosen = try await client.inspectNetwork(id: id).ipam.first(where: { IPv4Subnet($0.subnet) != nil }),
                  let pool = FixedAddresses.pool(from: chosen)
            else { return }
            try await client.removeNetwork(id: id)
            var fixed = network
            fixed.ipam = [pool]
            if try await createNetworkUnlessOverlapping(fixed, lastAttempt: attempt == 3) { return }
        }
    }

    /// Creates `network`; false when its subnet overlaps one made meanwhile (unless on
    /// the last attempt, which throws).
    private func createNetworkUnlessOverlapping(_ network: NetworkSpec, lastAttempt: Bool) async throws -> Bool {
        do {
            _ = try await client.createNetwork(network)
            return true
        } catch {
            guard !lastAttempt, case .conflict(let message) = error, message.lowercased().contains("overlap") else { throw error }
            return false
        }
    }

    /// The HA nodes' fixed addresses on the cluster's network, nil without HA.
    func fixedAddresses(_ topology: Topology) async throws -> FixedAddresses? {
        guard topology.spec.ha != nil else { return nil }
        let pools = try await client.inspectNetwork(id: topology.networkName).ipam
        return pools.first { IPv4Subnet($0.subnet) != nil }.flatMap { FixedAddresses(pool: $0, nodes: FixedAddresses.nodes(of: topology)) }
    }

    public func createVolumes(for nodes: [Node], of topology: Topology, run: ProvisioningRun) async throws {
        try await createVolumes(for: nodes, labels: Self.labels(of: run, spec: topology.spec))
    }

    /// Creates the volume of each of `nodes` with `labels`, in parallel.
    func createVolumes(for nodes: [Node], labels: [String: String]) async throws {
        let client = self.client
        try await withThrowingTaskGroup(of: Void.self) { group in
            for node in nodes {
                group.addTask {
                    // The engine answers an existing name with that volume: refuse one that
                    // is not this run's, rather than write into it.
                    let volume = try await client.createVolume(VolumeSpec(name: node.volumeName, labels: labels))
                    guard volume.labels == labels else { throw ProvisionError.volumeExists(volume.name) }
                }
            }
            try await group.waitForAll()
        }
    }

    /// The run's labels plus the spec: the network and every volume carry it as the
    /// NameNode's container does, so the cluster's shape survives the loss of any one of
    /// them (``ClusterInventory/spec``).
    static func labels(of run: ProvisioningRun, spec: ClusterSpec) -> [String: String] {
        run.labels.merging([ClusterLabels.spec: SpecLabel.encode(spec)]) { $1 }
    }

    /// Creates, fills and starts each of `nodes`' containers, each on its own and all in
    /// parallel, the nodes nothing else depends on (the NameNode, the ResourceManager)
    /// sent to the engine first. (Starting the workers only once the NameNode ran left the
    /// engine idle and made a 10-worker cluster 1–1.5 s slower; see BENCHMARKS.md.)
    public func createAndStartNodes(_ nodes: [Node], of topology: Topology, run: ProvisioningRun) async throws {
        let client = self.client
        let rendered = RenderedCluster(topology: topology)
        let ordered = nodes.filter { $0.dependsOn.isEmpty } + nodes.filter { !$0.dependsOn.isEmpty }
        let fixed = try await fixedAddresses(topology)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for node in ordered {
                group.addTask {
                    var spec = ContainerSpecBuilder.spec(for: node, in: topology)
                    spec.labels.merge(run.labels) { $1 }
                    if let fixed {
                        spec.extraHosts += fixed.hostsEntries
                        spec.networks[topology.networkName]?.ipv4Address = fixed.addresses[node.name]
                    }
                    let id = try await client.createContainer(name: node.containerName, spec: spec)
                    try await client.putArchive(container: id, path: "/", archive: ContainerSpecBuilder.files(for: node, in: rendered))
                    try await client.startContainer(id: id)
                }
            }
            try await group.waitForAll()
        }
    }

    /// Hadoop's REST endpoints, through the host ports the engine published them on.
    public func hadoop(_ topology: Topology) async throws -> any HadoopClient {
        var ports: [Daemon: Int] = [:]
        let table = topology.spec.ports
        let ha = topology.spec.ha != nil
        for (daemon, port) in (ha ? [] : [(Daemon.namenode, table.namenodeHTTP)]) + [(.resourcemanager, table.resourcemanagerWeb), (.historyserver, table.historyWeb)] {
            guard let node = topology.nodes.first(where: { $0.runs(daemon) }) else { continue }
            let inspect = try await client.inspectContainer(id: node.containerName)
            ports[daemon] = inspect.hostPort(for: ContainerPort(port))
        }
        // Node names by address, for Hadoop's words about DataNodes.
        let nodeNames = nodeNamesByAddress(of: topology.name)
        // HA: both NameNodes' fixed host ports (chosen once by `up`), known even while one
        // of them is stopped.
        let publishing = topology.spec.publishing
        let namenodes = ha ? [publishing.namenodeHTTP, publishing.secondNamenodeHTTP].compactMap { $0 } : []
        let resourcemanagers = ha && topology.spec.hasYARN ? [publishing.resourcemanagerWeb, publishing.secondResourcemanagerWeb].compactMap { $0 } : []
        if ha { ports[.namenode] = namenodes.first }
        return HadoopWebClient(webPorts: ports, namenodePorts: namenodes, resourcemanagerPorts: resourcemanagers, host: publishing.hostIP,
                               components: topology.spec.components, nodeNames: nodeNames)
    }

    public func stoppedNode(of topology: Topology) async throws -> NodeExit? {
        let containers = try await containers(of: topology.name)
        let present = Set(containers.compactMap { $0.labels[ClusterLabels.node] })
        if let gone = topology.nodes.first(where: { !present.contains($0.name) }) {
            return NodeExit(node: gone.name, removed: true)
        }
        for container in containers where container.state == "exited" || container.state == "dead" {
            let inspect = try await client.inspectContainer(id: container.id)
            return NodeExit(
                node: container.labels[ClusterLabels.node] ?? container.name,
                status: inspect.state.exitCode, oomKilled: inspect.state.oomKilled)
        }
        return nil
    }

    public func diagnoses(of name: ClusterName, also: Set<String>, logLines: Int) async -> [NodeDiagnosis] {
        guard let containers = try? await containers(of: name) else { return [] }
        var diagnoses: [NodeDiagnosis] = []
        for container in NodeOrder.sorted(containers, by: { $0.labels[ClusterLabels.node] ?? "" }) {
            let node = container.labels[ClusterLabels.node] ?? container.name
            let inspect = try? await client.inspectContainer(id: container.id)
            let healthy = inspect?.state.running == true && inspect?.state.health?.status == "healthy"
            guard !healthy || also.contains(node) else { continue }
            let state = inspect.map { "\($0.state.status)\($0.state.health.map { ", \($0.status)" } ?? "")" } ?? container.state
            var tail = ""
            if let stream = try? await client.logs(container: container.id, options: LogOptions(tail: logLines)) {
                do { for try await chunk in stream { tail += chunk.text } } catch {}
            }
            diagnoses.append(NodeDiagnosis(node: node, state: state, lastLogLines: tail))
        }
        return diagnoses
    }
}
