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
        let output = try OutputDirectory(directory, fix: "name a directory you can write to, e.g. hind export-logs ./logs")
        let count = try await output.filling {
            let logs = try await ClusterProvisioner(provider: try await Provider.connect(for: name), progress: ProgressPrinter()).collectLogs(of: name)
            for record in logs.nodes {
                try output.write(Data(record.log), to: "\(record.node).log")
                try output.write(Data(record.inspection), to: "\(record.node).inspect.json")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try output.write(try encoder.encode(logs.status), to: "status.json")
            return logs.nodes.count
        }
        print(" ✓ Exported the logs of \(count) nodes of cluster \"\(name)\" to \(output.url.path)")
    }
}
