import Foundation
import HindCluster
import HindProvisioner

/// The text `up`, `start` and `status` print for people.
enum ClusterText {
    /// How the user runs hind: `scripts/hind` sets this so the hints can be pasted.
    static var program: String {
        ProcessInfo.processInfo.environment["HIND_PROGRAM_NAME"] ?? "hind"
    }

    static func ready(_ status: ClusterStatus, name: ClusterName) -> String {
        let flag = name == .default ? "" : " --name \(name)"
        let hind = program
        var lines = ["Cluster \"\(name)\" is ready: \(ClusterReport.readyLine(status)).", ""]
        lines += endpoints(status.endpoints)
        // Any NameNode's container has the clients (with HA, the nameservice finds the active one).
        let namenodes = status.endpoints.namenodes ?? []
        let namenode = (namenodes.first { $0.state == "active" } ?? namenodes.first)?.node ?? Topology.namenode
        // A Swarm cluster publishes nothing on this host: no client config for it.
        let onSwarm = status.nodes.contains { $0.swarmNode != nil }
        lines += [
            "",
            "Use it:",
            "  \(hind) exec\(flag) \(namenode) -- hdfs dfs -ls /",
            "  \(hind) exec\(flag) \(namenode) -- hdfs dfsadmin -report",
        ] + (onSwarm ? [] : ["  \(hind) client-config\(flag) ./conf    (for Hadoop clients and tests on the host)"]) + [
            "  \(hind) status\(flag)",
            "  \(hind) down\(flag)",
        ]
        return lines.joined(separator: "\n")
    }

    static func endpoints(_ endpoints: ClusterEndpoints) -> [String] {
        // HA: every NameNode's UI with its state; the entry points are the active one's.
        let namenodes: [(String, String?)] = (endpoints.namenodes ?? []).map { namenode in
            ("\(namenode.node) UI", namenode.ui.map { $0 + (namenode.state.map { " (\($0))" } ?? "") })
        }
        return ([("Nameservice", endpoints.nameservice)] + namenodes + [
            ("NameNode UI", endpoints.namenodeUI), ("NameNode RPC", endpoints.namenodeRPC), ("WebHDFS", endpoints.webHDFS),
            ("ResourceManager UI", endpoints.resourcemanagerUI), ("JobHistory UI", endpoints.historyUI),
        ]).compactMap { label, url in url.map { "  \(label.padding(toLength: 20, withPad: " ", startingAt: 0))\($0)" } }
    }

    static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index] + 2, withPad: " ", startingAt: 0)
            }.joined()
        }.joined(separator: "\n")
    }
}
