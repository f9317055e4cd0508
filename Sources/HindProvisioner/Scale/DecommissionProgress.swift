/// Whether the DataNodes a shrink removes may go, read from successive NameNode reports.
///
/// Without `--force` each must be `Decommissioned`: every block it holds has its
/// replicas elsewhere. With `--force` a node holding blocks the remaining workers cannot
/// replicate enough (`stuck`, from the survey) never gets there; it may go once the
/// NameNode counts exactly those blocks on it as insufficient and none as held only by
/// leaving nodes, in two reports at least ``settle`` apart: the counters read 0 until
/// the NameNode's first scan of the node, so one early report proves nothing.
public struct DecommissionProgress: Sendable {
    /// Longer than two of the NameNode's decommission scans (`dfs.namenode.decommission.interval=1`).
    public static let settle: Duration = .seconds(3)

    public let addresses: [String]
    public let stuck: [String: Int]
    public let force: Bool
    /// When the forced condition first held, and still holds.
    private var heldSince: ContinuousClock.Instant?

    public init(addresses: [String], stuck: [String: Int], force: Bool) {
        self.addresses = addresses
        // Only a forced shrink leaves blocks behind.
        self.stuck = force ? stuck : [:]
        self.force = force
    }

    /// Blocks the leaving nodes still hold up, beyond those a forced shrink leaves behind.
    public func blocksLeft(_ states: [String: DataNodeAdminState]) -> Int {
        addresses.reduce(0) { $0 + max(0, (states[$1]?.underReplicatedBlocks ?? 0) - (stuck[$1] ?? 0)) }
    }

    /// Whether the NameNode has counted the leaving nodes' blocks yet (for progress notes).
    public func counted(_ states: [String: DataNodeAdminState]) -> Bool {
        addresses.contains { (states[$0]?.underReplicatedBlocks ?? 0) > 0 }
    }

    /// Takes one report; true once the nodes may go.
    public mutating func update(_ states: [String: DataNodeAdminState], at now: ContinuousClock.Instant) -> Bool {
        let decommissioned = addresses.allSatisfy { states[$0]?.isDecommissioned == true }
        if decommissioned { return true }
        guard force else { return false }
        let settled = addresses.allSatisfy { address in
            guard let state = states[address] else { return false }
            if state.isDecommissioned { return true }
            let stuck = stuck[address] ?? 0
            // A node with nothing stuck must finish like any other.
            return stuck > 0 && state.adminState == DataNodeAdminState.decommissionInProgress
                && state.underReplicatedBlocks == stuck && state.decommissionOnlyReplicas == 0
        }
        guard settled else {
            heldSince = nil
            return false
        }
        let since = heldSince ?? now
        heldSince = since
        return now - since >= Self.settle
    }
}
