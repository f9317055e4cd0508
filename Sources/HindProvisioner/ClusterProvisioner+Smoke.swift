import HindCluster

extension ClusterProvisioner {
    /// Runs the smoke checks (``SmokeSuite``) against a running cluster of hind's; a
    /// stopped one is refused, a damaged or unready one is checked (and fails, saying why).
    public func smoke(_ name: ClusterName, only: Set<SmokeComponent> = Set(SmokeComponent.allCases)) async throws -> SmokeReport {
        try provider.checkAvailable(.smoke)
        let spec = try await provider.spec(of: name)
        let status = try await provider.status(name)
        let namenodes = Topology(spec: spec).namenodes.map(\.name)
        guard status.nodes.contains(where: { namenodes.contains($0.name) && $0.state == "running" }) else {
            throw SmokeError.clusterNotRunning(name, condition: status.condition.rawValue)
        }
        return try await SmokeSuite(provider: provider, status: status, spec: spec, only: only).run(progress: progress)
    }
}
