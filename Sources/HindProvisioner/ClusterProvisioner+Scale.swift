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
    /// not finish within `wait` (or on Ctrl-C) they stay, excluded, and the cluster keeps
    /// working. Scaling to the current size readmits workers a stopped shrink left
    /// excluded: the way to cancel one.
    public func scale(_ name: ClusterName, to workers: Int, wait: Duration, retain: Bool = false, force: Bool = false) async throws -> ClusterStatus {
        try provider.checkAvailable(.scale)
        let inventory = try await provider.inventory(of: name)
        if inventory.isEmpty { throw ProvisionError.clusterNotFound(name) }
        guard let spec = inventory.spec else { throw ScaleError.noSpec(name) }
        let current = Topology(spec: spec)
        let down = current.nodes.filter { inventory.containers[$0.name] != "running" }
            .map { "\($0.name) \(inventory.containers[$0.name] ?? NodeStatus.missing)" }
        guard down.isEmpty else { throw ScaleError.notRunning(name, nodes: down) }
        let target = Topology(spec: try spec.scaled(to: workers))
        if workers == spec.workers {
            try await progress.step("Readmitting excluded workers, if any") { try await refreshNodes(current, excluding: []) }
            progress.note("cluster \"\(name)\" has \(workers) worker\(workers == 1 ? "" : "s")")
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
        let added = Self.workers(of: target, beyond: current.spec.workers)
        let run = ProvisioningRun(cluster: name)
        do {
            try await progress.step("Creating \(Self.describe(added))") {
                try await shielded {
                    try await provider.createVolumes(for: added, of: target, run: run)
                    try await provider.createAndStartNodes(added, of: target, run: run)
                }
            }
            try await readmit(added, in: target)
            let status = try await waitUntilReady(target, wait: wait)
            try await provider.recordSpec(target.spec, run: run)
            return status
        } catch {
            let interrupted = Task.isCancelled || Self.isCancellation(error)
            await reportFailingNodes(name, after: error)
            var removed = false
            if !retain {
                removed = (try? await progress.step("Removing the \(added.count) new worker\(added.count == 1 ? "" : "s") (--retain keeps them)") {
                    try await Task { try await provider.delete(run) }.value
                }) != nil
            }
            if interrupted { throw ScaleError.growInterrupted(name, workers: current.spec.workers, removed: removed) }
            throw error
        }
    }

    /// Decommissions the workers of `current` beyond `target`'s, then removes them.
    func shrink(_ current: Topology, to target: Topology, wait: Duration, force: Bool) async throws -> ClusterStatus {
        let provider = self.provider
        let name = target.name
        let workers = target.spec.workers
        let leaving = Self.workers(of: current, beyond: workers)
        let remaining = current.workers.filter { !leaving.contains($0) }
        // Hadoop keeps wanting a second rack for every block once it has seen two: the
        // decommission would never end.
        let racks = Set(current.workers.compactMap(\.rack)), kept = Set(remaining.compactMap(\.rack))
        if racks.count > 1, kept.count == 1, let rack = kept.first {
            throw ScaleError.singleRack(name, workers: workers, rack: rack)
        }
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
        let leavingAddresses = try leaving.map { node in
            guard let address = addresses[node.name] else { throw ScaleError.notRunning(name, nodes: ["\(node.name) has no address on \(current.networkName)"]) }
            return address
        }
        let described = Self.describe(leaving)
        let started = ContinuousClock.now
        do {
            try await progress.step("Excluding \(described) (dfs.hosts.exclude, dfsadmin -refreshNodes)") {
                try await refreshNodes(current, excluding: leavingAddresses, hosts: leaving.map(\.hostname))
            }
            var decommission = DecommissionProgress(addresses: leavingAddresses, stuck: survey.stuck(on: workers), force: force)
            _ = try await progress.step("Decommissioning \(described): every block re-replicated off \(leaving.count == 1 ? "it" : "them")",
                                        detail: { "Decommissioned \(described) (\($0))" }) {
                try await waitForDecommission(&decommission, hadoop: hadoop, wait: wait) { left in
                    ScaleError.decommissionTimedOut(name, nodes: leaving.map(\.name), blocksLeft: left, seconds: Int(wait.seconds), workers: workers)
                }
            }
        } catch where Task.isCancelled || Self.isCancellation(error) {
            throw ScaleError.shrinkInterrupted(name, nodes: leaving.map(\.name), workers: workers)
        }
        // From here on the nodes go and the new size is recorded, both or, interrupted,
        // neither half-way: `start` must not bring removed workers back empty.
        try await progress.step("Removing \(described): containers and volumes") {
            try await shielded {
                try await provider.removeNodes(leaving, of: name)
                try await provider.recordSpec(target.spec, run: ProvisioningRun(cluster: name))
            }
        }
        return try await waitUntilReady(target, wait: max(wait - (ContinuousClock.now - started), .seconds(30)))
    }

    /// Polls the NameNode until `progress` says the leaving nodes may go, noting the
    /// blocks left as they fall; after `wait`, throws what `timedOut` makes of the count.
    func waitForDecommission(_ decommission: inout DecommissionProgress, hadoop: any HadoopClient, wait: Duration,
                             timedOut: (Int) -> ScaleError) async throws -> String {
        let clock = ContinuousClock()
        let started = clock.now
        var reported: Int?
        var left = 0
        while true {
            if let states = await hadoop.dataNodeAdmin() {
                if decommission.update(states, at: clock.now) { return "\(Int((clock.now - started).seconds)) s" }
                left = decommission.blocksLeft(states)
                if decommission.counted(states), left != reported {
                    progress.note("decommissioning: \(left) block\(left == 1 ? "" : "s") left to re-replicate")
                    reported = left
                }
            }
            guard clock.now - started < wait else { throw timedOut(left) }
            try await Task.sleep(for: Self.decommissionPollInterval)
        }
    }

    /// Rewrites the exclude files in the NameNode (and ResourceManager) and has them
    /// re-read: `addresses` (DataNodes) and `hosts` (NodeManagers) are excluded; none:
    /// everyone is readmitted.
    func refreshNodes(_ topology: Topology, excluding addresses: [String], hosts: [String] = []) async throws {
        try await refreshNamenodes(topology, excluding: addresses)
        try await refreshResourceManagers(topology, excluding: hosts)
    }

    /// The YARN exclude file rewritten in every ResourceManager (both with HA), each asked
    /// to re-read it.
    func refreshResourceManagers(_ topology: Topology, excluding hosts: [String]) async throws {
        let command = DecommissionFiles.yarnRefresh(excluding: hosts, version: topology.spec.hadoopVersion,
                                                    timeoutSeconds: Int(ContainerPolicy.stopGracePeriod.components.seconds))
        for resourcemanager in topology.resourcemanagers {
            let yarn = try await provider.shell(command, in: resourcemanager.name, of: topology.name)
            guard yarn.status == 0 else {
                throw ScaleError.refreshFailed(topology.name, daemon: "ResourceManager", command: "yarn rmadmin -refreshNodes", output: yarn.output)
            }
        }
    }

    /// A new worker may get the address (and has the host name) of one an earlier shrink
    /// removed, which the NameNode (and ResourceManager) still exclude: those entries, and
    /// only those, are dropped. The other removed workers stay listed as decommissioned,
    /// which Hadoop does not count as dead.
    func readmit(_ added: [Node], in topology: Topology) async throws {
        let name = topology.name
        let addresses = try await provider.addresses(of: name)
        let excluded = try await listed(DecommissionFiles.hdfsPath, in: topology.namenodes[0].name, of: name)
        let reused = Set(added.compactMap { addresses[$0.name] }).intersection(excluded)
        if !reused.isEmpty { try await refreshNamenodes(topology, excluding: excluded.filter { !reused.contains($0) }) }
        guard let resourcemanager = topology.resourcemanagers.first else { return }
        let hosts = try await listed(DecommissionFiles.yarnPath, in: resourcemanager.name, of: name)
        let back = Set(added.map(\.hostname)).intersection(hosts)
        guard !back.isEmpty else { return }
        try await refreshResourceManagers(topology, excluding: hosts.filter { !back.contains($0) })
    }

    /// The exclude file rewritten in every NameNode (both with HA: each keeps its own
    /// view of the DataNodes), each asked to re-read it.
    func refreshNamenodes(_ topology: Topology, excluding addresses: [String]) async throws {
        for namenode in topology.namenodes {
            let own = topology.spec.ha == nil ? nil : "\(namenode.name):\(topology.spec.ports.namenodeRPC)"
            let hdfs = try await provider.shell(DecommissionFiles.hdfsRefresh(excluding: addresses, namenode: own), in: namenode.name, of: topology.name)
            guard hdfs.status == 0 else {
                throw ScaleError.refreshFailed(topology.name, daemon: "NameNode", command: "hdfs dfsadmin -refreshNodes", output: hdfs.output)
            }
        }
    }

    /// The entries of an exclude file in a node, one per line.
    func listed(_ path: String, in node: String, of name: ClusterName) async throws -> [String] {
        let result = try await provider.shell("cat \(ShellQuote.quote(path)) 2>/dev/null || :", in: node, of: name)
        return result.output.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }

    /// The workers of `topology` numbered above `count`.
    static func workers(of topology: Topology, beyond count: Int) -> [Node] {
        topology.workers.filter { (Topology.workerIndex(of: $0.name) ?? 0) > count }
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
