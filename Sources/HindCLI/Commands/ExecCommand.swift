import ArgumentParser
import DockerEngine
import Foundation
import HindProvisioner

/// `hind exec NODE -- CMD…`: runs a command in a node, passing stdin, stdout, stderr and
/// the exit code through.
struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run a command in a node, e.g. hind exec namenode -- hdfs dfs -ls /")

    @OptionGroup var cluster: ClusterNameOptions

    @Argument(help: "The node: namenode, resourcemanager, worker-1 …")
    var node: String

    @Argument(parsing: .captureForPassthrough, help: "The command and its arguments, after --.")
    var command: [String] = []

    mutating func validate() throws {
        if command.first == "--" { command.removeFirst() }
        guard !command.isEmpty else {
            throw ValidationError("no command given: put it after --, e.g. hind exec \(node) -- hdfs dfs -ls /")
        }
    }

    func run() async throws {
        let name = try cluster.clusterName()
        let provider = try await ProviderConnection.connect()
        let container = try await provider.container(of: node, in: name)
        let session = try await provider.client.execAttached(container: container.id, spec: ExecSpec(cmd: command))
        let pump = Thread {
            // Blocking reads of our stdin, off the cooperative pool.
            let input = FileHandle.standardInput
            while true {
                let data = input.availableData
                if data.isEmpty { break }
                let bytes = [UInt8](data)
                let sent = DispatchSemaphore(value: 0)
                Task {
                    try? await session.write(bytes)
                    sent.signal()
                }
                sent.wait()
            }
            session.closeStdin()
        }
        pump.start()
        for try await chunk in session.output {
            let handle = chunk.stream == .stderr ? FileHandle.standardError : FileHandle.standardOutput
            handle.write(Data(chunk.bytes))
        }
        let status = try await session.exitCode()
        throw ExitCode(Int32(truncatingIfNeeded: status))
    }
}
