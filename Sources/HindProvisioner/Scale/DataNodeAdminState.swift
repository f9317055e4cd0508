import Foundation

/// One DataNode as the NameNode reports it during a decommission (`NameNodeInfo`'s
/// `LiveNodes` and `DecomNodes`): its admin state and what it still holds up.
public struct DataNodeAdminState: Hashable, Sendable {
    public static let inService = "In Service"
    public static let decommissionInProgress = "Decommission In Progress"
    public static let decommissioned = "Decommissioned"

    /// The address it registered with.
    public var host: String
    public var adminState: String
    /// Blocks on it that do not yet have enough replicas elsewhere.
    public var underReplicatedBlocks: Int = 0
    /// Blocks whose only replicas are on decommissioning DataNodes.
    public var decommissionOnlyReplicas: Int = 0

    public var isDecommissioned: Bool { adminState == Self.decommissioned }
}

extension HadoopREST {
    /// The live DataNodes of `NameNodeInfo` by address, with the decommission counters of
    /// those in `DecomNodes` (both JSON documents in strings, keyed by `host:xferPort`).
    public static func parseDataNodeAdmin(_ body: [UInt8]) -> [String: DataNodeAdminState]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let bean = (object["beans"] as? [[String: Any]])?.first
        else { return nil }
        func nodes(_ field: String) -> [String: [String: Any]] {
            guard let text = bean[field] as? String,
                  let nodes = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            else { return [:] }
            return Dictionary(nodes.compactMap { key, value in
                (value as? [String: Any]).map { (key.lastIndex(of: ":").map { String(key[..<$0]) } ?? key, $0) }
            }) { first, _ in first }
        }
        var states: [String: DataNodeAdminState] = [:]
        for (host, fields) in nodes("LiveNodes") {
            states[host] = DataNodeAdminState(host: host, adminState: fields["adminState"] as? String ?? DataNodeAdminState.inService)
        }
        for (host, fields) in nodes("DecomNodes") {
            var state = states[host] ?? DataNodeAdminState(host: host, adminState: DataNodeAdminState.decommissionInProgress)
            state.underReplicatedBlocks = fields["underReplicatedBlocks"] as? Int ?? 0
            state.decommissionOnlyReplicas = fields["decommissionOnlyReplicas"] as? Int ?? 0
            states[host] = state
        }
        return states
    }
}
