import HindCluster

extension ClusterProvisioner {
    /// How often a decommission's progress is read from the NameNode.
    static let decommissionPollInterval: Duration = .milliseconds(500)

    /// `hind scale`: grows a running cluster to `workers` workers, or shrinks it by
    /// decommissioning its highest-numbered workers first, and records the new size so
    /// `stop`, `start` and `status` know it.
    ///
    /// Growing creates the new workers with the spec of the others (same config, racks,
    /// labels) and waits until Hadoop counts them; a failure or Ctrl-C removes only them,
    /// unless `retain`. Shrinking refuses when the remaining workers could not hold the
    /// files' replication (unless `force`), then has the NameNode re-replicate every block
    /// off the leaving DataNodes before their containers and volumes go; when that does
    /// not finish within `wait`, they stay, excluded, and the cluster keeps working.
    public func scale(_ name: ClusterName, to workers: Int, wait: Duration, retain: Bool = false, force: Bool = false) async throws -> ClusterStatus {
        let inventory = try await provider.inventory(of: name)
        if inventory.isEmpty { throw ProvisionError.clusterNotFound(name) }
        guard let spec = inventory.spec else { throw ScaleError.noSpec(name) }
        let current = Topology(spec: spec)
        let down = current.nodes.filter { inventory.containers[$0.name] != "running" }
            .map { "\($0.name) \(inventory.containers[$0.name] ?? NodeStatus.missing)" }
        guard down.isEmpty else { throw ScaleError.notRunning(name, nodes: down) }
        let target = Topology(spec: try spec.scaled(to: workers))
        if workers == spec.workers {
            progress.note("cluster \"\(name)\" has \(workers) worker\(workers == 1 ? "" : "s") already")
            return try await waitUntilReady(current, wait: wait)
        }
        return workers > spec.workers
            ? try await grow(current, to: target, wait: wait, retain: retain)
            : try await shrink(current, to: target, wait: wait, force: force)
    }

    /// The workers of `target` beyond `current`'s, created like `up` creates them.
    func grow(_ current: Topology, to target: Topology, wait: Duration, retain: Bool) async throws -> ClusterStatus {
        let provider = self.provider
        let name = target.name
        let added = target.workers.filter { (Topology.workerIndex(of: $0.name) ?? 0) > current.spec.workers }
        let run = ProvisioningRun(cluster: name)
        do {
            // A worker of a new container may get an address a removed one had: nothing
            // may stay excluded from an earlier shrink.
            try await readmitEveryone(target)
            try await progress.step("Creating \(Self.describe(added))") {
                try await shielded {
                    try await provider.createVolumes(for: added, of: target, run: run)
                    try await provider.createAndStartNodes(added, of: target, run: run)
                }
            }
            let status = try await waitUntilReady(target, wait: wait)
            try await provider.recordSpec(target.spec, run: run)
            return status
        } catch {
            let interrupted = Task.isCancelled || Self.isCancellation(error)
            await reportFailingNodes(name, after: error)
            var cleanedUp = false
            if !retain {
                try? await progress.step("Removing the \(added.count) new worker\(added.count == 1 ? "" : "s") (--retain keeps them)") {
                    try await Task { try await provider.delete(run) }.value
                }
                cleanedUp = true
            }
            if interrupted { throw ProvisionError.interrupted(cleanedUp: cleanedUp) }
            throw error
        }
    }

    /// Decommissions the workers of `current` beyond `target`'s, then removes them.
    func shrink(_ current: Topology, to target: Topology, wait: Duration, force: Bool) async throws -> ClusterStatus {
        let provider = self.provider
        let name = target.name
        let workers = target.spec.workers
        let leaving = current.workers.filter { (Topology.workerIndex(of: $0.name) ?? 0) > workers }
        let hadoop = try await provider.hadoop(current)

        // What the remaining workers cannot hold, from the NameNode's own fsck.
        let survey = ReplicationSurvey(fsck: try await hadoop.fsck("/", as: current.spec.image.userName ?? "hadoop"))
        let exceeding = survey.exceeding(workers)
        if !exceeding.isEmpty {
            let files = Set(exceeding.map(\.file)).sorted()
            let replication = exceeding.map(\.replication).max() ?? 0
            guard force else {
                throw ScaleError.wouldUnderReplicate(name, workers: workers, blocks: exceeding.count, files: files, replication: replication)
            }
            progress.note("--force: \(exceeding.count) block\(exceeding.count == 1 ? "" : "s") of \(files.count) file\(files.count == 1 ? "" : "s") (\(files.prefix(3).joined(separator: ", "))) will stay under-replicated: replication up to \(replication) on \(workers) worker\(workers == 1 ? "" : "s")")
        }

        let addresses = try await provider.addresses(of: name)
        let leavingAddresses = leaving.compactMap { addresses[$0.name] }
        let described = Self.describe(leaving)
        try await progress.step("Excluding \(described) (dfs.hosts.exclude, dfsadmin -refreshNodes)") {
            try await refreshNodes(current, excludingAddresses: leavingAddresses, hosts: leaving.map(\.hostname))
        }
        // Blocks a forced shrink leaves under-replicated never stop a node's decommission
        // from Hadoop's view: they are not waited for.
        let stuck = force ? survey.stuck(on: workers) : [:]
        _ = try await progress.step("Decommissioning \(described): every block re-replicated off \(leaving.count == 1 ? "it" : "them")",
                                detail: { "Decommissioned \(described) (\($0))" }) {
            try await waitForDecommission(name, hadoop: hadoop, addresses: leavingAddresses, nodes: leaving.map(\.name),
                                          stuck: stuck, force: force, wait: wait, workers: workers)
        }
        try await progress.step("Removing \(described): containers and volumes") {
            try await shielded { try await provider.removeNodes(leaving, of: name) }
        }
        try await provider.recordSpec(target.spec, run: ProvisioningRun(cluster: name))
        return try await waitUntilReady(target, wait: wait)
    }

    /// Polls the NameNode until every leaving DataNode is decommissioned (or, forced, holds
    /// up nothing else than `stuck`), noting the blocks left as they fall.
    func waitForDecommission(_ name: ClusterName, hadoop: any HadoopClient, addresses: [String], nodes: [String],
                             stuck: [String: Int], force: Bool, wait: Duration, workers: Int) async throws -> String {
        let clock = ContinuousClock()
        let started = clock.now
        var reported: Int?
        var left = 0
        while true {
            if let states = await hadoop.dataNodeAdmin() {
                let leaving = addresses.map { states[$0] ?? DataNodeAdminState(host: $0, adminState: DataNodeAdminState.decommissionInProgress) }
                left = leaving.reduce(0) { $0 + max(0, $1.underReplicatedBlocks - (stuck[$1.host] ?? 0)) }
                let done = leaving.allSatisfy { node in
                    node.isDecommissioned || (force && node.adminState == DataNodeAdminState.decommissionInProgress
                        && node.decommissionOnlyReplicas == 0 && node.underReplicatedBlocks <= (stuck[node.host] ?? 0))
                }
                if done { return "\(Int((clock.now - started).seconds)) s" }
                // Counted once the NameNode has looked at the nodes (they show in DecomNodes).
                let counted = leaving.contains { $0.adminState == DataNodeAdminState.decommissionInProgress && $0.underReplicatedBlocks > 0 }
                if counted, left != reported {
                    progress.note("decommissioning: \(left) block\(left == 1 ? "" : "s") left to re-replicate")
                    reported = left
                }
            }
            guard clock.now - started < wait else {
                throw ScaleError.decommissionTimedOut(name, nodes: nodes, blocksLeft: left, seconds: Int(wait.seconds), workers: workers)
            }
            try await Task.sleep(for: Self.decommissionPollInterval)
        }
    }

    /// Rewrites the exclude files in the NameNode (and ResourceManager) and has them
    /// re-read: `addresses` (DataNodes) and `hosts` (NodeManagers) leave; none: everyone back.
    func refreshNodes(_ topology: Topology, excludingAddresses addresses: [String], hosts: [String]) async throws {
        let name = topology.name
        let hdfs = try await provider.shell(DecommissionFiles.hdfsRefresh(excluding: addresses), in: Topology.namenode, of: name)
        guard hdfs.status == 0 else { throw ScaleError.refreshFailed(name, output: hdfs.output) }
        guard topology.spec.hasYARN else { return }
        let command = DecommissionFiles.yarnRefresh(excluding: hosts, version: topology.spec.hadoopVersion,
                                                    timeoutSeconds: Int(ContainerPolicy.stopGracePeriod.components.seconds))
        let yarn = try await provider.shell(command, in: Topology.resourcemanager, of: name)
        guard yarn.status == 0 else { throw ScaleError.refreshFailed(name, output: yarn.output) }
    }

    /// Empties the exclude files: workers removed by an earlier shrink stay listed by
    /// Hadoop as decommissioned until then.
    func readmitEveryone(_ topology: Topology) async throws {
        try await refreshNodes(topology, excludingAddresses: [], hosts: [])
    }

    /// `worker-4`, `worker-4 and worker-5`, `worker-4 … worker-7`.
    static func describe(_ nodes: [Node]) -> String {
        switch nodes.count {
        case 0: "no worker"
        case 1: nodes[0].name
        case 2: "\(nodes[0].name) and \(nodes[1].name)"
        default: "\(nodes[0].name) … \(nodes[nodes.count - 1].name)"
        }
    }
}
