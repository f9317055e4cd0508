import HindCluster

extension ClusterProvisioner {
    /// Polls Hadoop until the cluster is ready, a node exits, or `wait` passes.
    ///
    /// With `homeFor`, `/user/<user>` is created as soon as the NameNode leaves safe mode,
    /// while the DataNodes still register, so it costs `up` no time of its own. Not fatal:
    /// a failure is reported with how to do it by hand.
    func waitUntilReady(_ topology: Topology, wait: Duration, homeFor user: String? = nil) async throws -> ClusterStatus {
        let provider = self.provider
        let hadoop = try await provider.hadoop(topology)
        let check = ReadinessCheck(spec: topology.spec)
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started + wait
        var unmet = "the NameNode web endpoint does not answer yet"
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
                } else {
                    if let result = await home?.result, case .failure(let error) = result {
                        progress.note(ProvisionError.firstLine(of: error))
                    }
                    return try await provider.status(topology.name)
                }
                // A node that stopped will not come back: fail at once rather than wait.
                if clock.now - lastStateCheck >= .seconds(1) {
                    lastStateCheck = clock.now
                    if let exit = try await provider.exitedNode(of: topology.name) {
                        throw ProvisionError.nodeExited(node: exit.node, status: exit.status, oomKilled: exit.oomKilled)
                    }
                }
                guard clock.now < deadline else {
                    throw ProvisionError.notReady(cluster: topology.name, unmet: unmet, seconds: (clock.now - started).seconds)
                }
                try await Task.sleep(for: Self.readinessPollInterval)
            }
        }
    }
}
