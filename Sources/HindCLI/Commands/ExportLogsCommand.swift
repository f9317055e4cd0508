import ArgumentParser
import DockerEngine
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
        let provider = try await DockerProvider.connect()
        let nodes = try await provider.nodeContainers(of: name)
        let root = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (node, container) in nodes {
            var log = Data()
            for try await chunk in try await provider.client.logs(container: container.id, options: LogOptions(timestamps: true)) {
                log.append(contentsOf: chunk.bytes)
            }
            try log.write(to: root.appendingPathComponent("\(node).log"))
            let inspect = try await provider.client.inspectContainerJSON(id: container.id)
            try Data(inspect).write(to: root.appendingPathComponent("\(node).inspect.json"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(try await provider.status(name)).write(to: root.appendingPathComponent("status.json"))
        print(" ✓ Exported the logs of \(nodes.count) nodes of cluster \"\(name)\" to \(root.path)")
    }
}
