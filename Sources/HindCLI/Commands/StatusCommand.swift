import ArgumentParser
import HindCluster
import HindProvisioner

/// `hind status`: each node's state and health, and what Hadoop reports.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a cluster's nodes (state, health, roles), endpoints and Hadoop's live counts.",
        discussion: """
            The cluster's condition is one of: ready, not-ready (running, Hadoop not ready
            yet), stopped, partly-stopped, damaged (a container, volume or the network is
            missing: hind start recreates it), data-lost (the NameNode's volume is gone:
            hind down) or incomplete (an up that did not finish: hind down). Exits 0 whenever the status could be read, whatever the condition;
            1 when there is no such cluster or no engine. Scripts read `condition` or
            `ready` from --output json.
            """)

    @OptionGroup var cluster: ClusterNameOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let name = try cluster.clusterName()
        let provider = try await Provider.connect(for: name)
        let status = try await provider.status(name)
        if output.isJSON {
            try JSONOutput.print(status)
            return
        }
        var headline = "Cluster \"\(name)\": \(status.condition)"
        if status.hadoop != nil { headline += " (\(ClusterReport.readyLine(status)))" }
        print(headline)
        if !status.missing.isEmpty { print("  missing: \(status.missing.joined(separator: ", "))") }
        if let advice = status.condition.advice(for: name) { print("  \(advice)") }
        if let metrics = status.hadoop, let dead = metrics.deadDataNodes, dead > 0 {
            print("  HDFS reports \(dead) dead DataNode\(dead == 1 ? "" : "s")")
        }
        guard !status.nodes.isEmpty else { return }
        print("")
        // RACK only for a cluster with racks.
        let racks = status.nodes.contains { $0.rack != nil }
        // SWARM NODE only for a cluster on Swarm: where each task runs.
        let swarm = status.nodes.contains { $0.swarmNode != nil }
        var rows = [["NODE", "STATE", "HEALTH", "ROLES"] + (racks ? ["RACK"] : []) + (swarm ? ["SWARM NODE"] : [])]
        for node in status.nodes {
            let state = node.exitCode.map { "\(node.state) (\($0))" } ?? node.state
            let roles = node.roles.joined(separator: ",") + (node.haState.map { " (\($0))" } ?? "")
            rows.append([node.name, state, node.health ?? "-", roles] + (racks ? [node.rack ?? "-"] : []) + (swarm ? [node.swarmNode ?? "-"] : []))
        }
        print(ClusterText.table(rows))
        let endpoints = ClusterText.endpoints(status.endpoints)
        if !endpoints.isEmpty { print("\n" + endpoints.joined(separator: "\n")) }
    }
}
