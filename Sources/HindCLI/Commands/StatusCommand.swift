import ArgumentParser
import HindCluster
import HindProvisioner

/// `hind status`: each node's state and health, and what Hadoop reports.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a cluster's nodes (state, health, roles), endpoints and Hadoop's live counts.")

    @OptionGroup var cluster: ClusterNameOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let name = try cluster.clusterName()
        let provider = try await Provider.connect()
        let status = try await provider.status(name)
        if output.isJSON {
            try JSONOutput.print(status)
            return
        }
        let verdict = status.ready ? "ready" : "not ready"
        print("Cluster \"\(name)\": \(verdict) (\(ClusterReport.readyLine(status)))")
        if let metrics = status.hadoop, let dead = metrics.deadDataNodes, dead > 0 {
            print("  HDFS reports \(dead) dead DataNode\(dead == 1 ? "" : "s")")
        }
        print("")
        var rows = [["NODE", "STATE", "HEALTH", "ROLES"]]
        for node in status.nodes {
            let state = node.exitCode.map { "\(node.state) (\($0))" } ?? node.state
            rows.append([node.name, state, node.health ?? "-", node.roles.joined(separator: ",")])
        }
        print(ClusterText.table(rows))
        let endpoints = ClusterText.endpoints(status.endpoints)
        if !endpoints.isEmpty { print("\n" + endpoints.joined(separator: "\n")) }
    }
}
