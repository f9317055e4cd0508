import ArgumentParser
import DockerEngine
import Foundation
import HindProvisioner

/// `hind logs [NODE]`: a node's output, or every node's with a prefix.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs", abstract: "Show the logs of one node, or of every node prefixed by its name.")

    @OptionGroup var cluster: ClusterNameOptions

    @Argument(help: "The node; all nodes when omitted.")
    var node: String?

    @Flag(name: [.customShort("f"), .long], help: "Keep streaming new output.")
    var follow = false

    @Option(parsing: .unconditional, help: "Only the last N lines of each node.")
    var tail: Int?

    func validate() throws {
        if let tail, tail < 0 { throw ValidationError("--tail \(tail) is negative: use 0 or more lines, e.g. --tail 100") }
    }

    func run() async throws {
        let name = try cluster.clusterName()
        let provider = try await Provider.connect(for: name)
        let options = LogOptions(follow: follow, tail: tail)
        if let node {
            for try await chunk in try await provider.logs(of: node, in: name, options: options) {
                (chunk.stream == .stderr ? FileHandle.standardError : FileHandle.standardOutput).write(Data(chunk.bytes))
            }
            return
        }
        let nodes = try await provider.nodes(of: name)
        let width = nodes.map(\.count).max() ?? 0
        try await withThrowingTaskGroup(of: Void.self) { group in
            for node in nodes {
                group.addTask {
                    let prefix = Array((node.padding(toLength: width, withPad: " ", startingAt: 0) + " | ").utf8)
                    // Split on bytes: a character may straddle two frames.
                    var pending: [UInt8] = []
                    for try await chunk in try await provider.logs(of: node, in: name, options: options) {
                        pending += chunk.bytes
                        while let newline = pending.firstIndex(of: 0x0A) {
                            FileHandle.standardOutput.write(Data(prefix + pending[...newline]))
                            pending.removeSubrange(...newline)
                        }
                    }
                    if !pending.isEmpty { FileHandle.standardOutput.write(Data(prefix + pending + [0x0A])) }
                }
            }
            try await group.waitForAll()
        }
    }
}
