import HindCluster

extension ClusterProvisioner {
    /// Polls Hadoop until the cluster is ready, a node exits or is removed, or `wait`
    /// passes (the error then says what Hadoop is missing, in its own words).
    ///
    /// With `homeFor`, `/user/<user>` is created as soon as the NameNode leaves safe mode,
    /// while the DataNodes still register, so it costs `up` no time of its own. Not fatal:
    /// a failure is reported with how to do it by hand.
    ///
    /// `rejoining` are workers started again while the NameNode kept running: they count
    /// only once the NameNode heard from them after `rejoining.since`, not through the
    /// entry it keeps for a removed DataNode until its heartbeat timeout.
    func waitUntilReady(_ topology: Topology, wait: Duration, homeFor user: String? = nil,
                        rejoining: (nodes: [String], since: ContinuousClock.Instant)? = nil) async throws -> ClusterStatus {
        let provider = self.provider
        let hadoop = try await provider.hadoop(topology)
        let check = ReadinessCheck(spec: topology.spec)
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started + wait
        var unmet = "the NameNode web endpoint does not answer yet"
        // A rejoining worker the NameNode has not heard from again, whose log explains it.
        var silentNode: String?
        var lastStateCheck = clock.now - .seconds(10)
        var home: Task<Void, any Error>?
        defer { home?.cancel() }
        let progress = self.progress
        return try await progress.step("Waiting for Hadoop to report the cluster ready", detail: { ClusterReport.readyLine($0) }) {
            while true {
                try Task.checkCancellation()
                let metrics = await hadoop.measure()
                if let failure = check.failure(metrics) {
                    throw ProvisionError.hadoopUnhealthy(cluster: topology.name, reason: failure)
                }
                if let user, home == nil, metrics.safeModeOff {
                    home = Task { try await hadoop.createHomeDirectory(for: user) }
                }
                if let missing = check.unmet(metrics) {
                    unmet = missing
                    silentNode = nil
                } else if let rejoining, !rejoining.nodes.isEmpty,
                          case let age = (clock.now - rejoining.since).seconds, case let live = await hadoop.explain(),
                          let silent = rejoining.nodes.first(where: { !live.heardFrom($0, since: age) }) {
                    unmet = "\(silent)'s DataNode has not registered with the NameNode again"
                    silentNode = silent
                } else {
                    if let result = await home?.result, case .failure(let error) = result {
                        progress.note(ProvisionError.firstLine(of: error))
                    }
                    return try await provider.status(topology.name)
                }
                // A node that stopped will not come back: fail at once rather than wait.
                if clock.now - lastStateCheck >= .seconds(1) {
                    lastStateCheck = clock.now
                    if let exit = try await provider.stoppedNode(of: topology) {
                        throw ProvisionError.nodeExited(exit, cluster: topology.name)
                    }
                }
                guard clock.now < deadline else {
                    let diagnosis = check.diagnosis(metrics, await hadoop.explain(), workers: topology.workers.map(\.name))
                    throw ProvisionError.notReady(
                        cluster: topology.name, unmet: diagnosis.unmet.isEmpty ? unmet : diagnosis.unmet,
                        seconds: (clock.now - started).seconds,
                        nodes: diagnosis.unmet.isEmpty ? topology.namenodes.map(\.name) + (silentNode.map { [$0] } ?? []) : diagnosis.nodes)
                }
                try await Task.sleep(for: provider.readinessPollInterval)
            }
        }
    }
}
