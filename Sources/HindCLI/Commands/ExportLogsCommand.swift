import ArgumentParser
import Foundation
import HindProvisioner

/// `hind export-logs DIR`: every node's logs and the cluster's status, for CI artifacts.
struct ExportLogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-logs",
        abstract: "Write every node's logs and inspect output, and the cluster's status, to a directory.")

    @OptionGroup var cluster: ClusterNameOptions

    @Argument(help: "The directory to write to (created if missing).")
    var directory: String

    func run() async throws {
        let name = try cluster.clusterName()
        let logs = try await ClusterProvisioner(provider: try await Provider.connect(), progress: ProgressPrinter()).collectLogs(of: name)
        let root = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for record in logs.nodes {
            try Data(record.log).write(to: root.appendingPathComponent("\(record.node).log"))
            try Data(record.inspection).write(to: root.appendingPathComponent("\(record.node).inspect.json"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(logs.status).write(to: root.appendingPathComponent("status.json"))
        print(" ✓ Exported the logs of \(logs.nodes.count) nodes of cluster \"\(name)\" to \(root.path)")
    }
}
