import ArgumentParser
import DockerEngine
import Foundation
import HindProvisioner

/// `hind exec NODE -- CMD…`: runs a command in a node, passing stdin, stdout, stderr and
/// the exit code through.
struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run a command in a node, e.g. hind exec namenode -- hdfs dfs -ls /",
        discussion: "Standard input is passed to the command when it is a pipe or a file, or with -i.")

    @OptionGroup var cluster: ClusterNameOptions

    @Flag(name: [.customShort("i"), .long], help: "Pass standard input even when it is a terminal.")
    var interactive = false

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
        let provider = try await Provider.connect(for: name)
        // Like `docker exec -i`: a terminal's stdin only on request, so a backgrounded
        // `hind exec` is not stopped by SIGTTIN.
        let attachStdin = interactive || isatty(STDIN_FILENO) == 0
        let process = try await provider.exec(command, in: node, of: name, attachStdin: attachStdin)
        if attachStdin { StdinPump.start(into: process) }
        try await Self.copy(process.output)
        throw ExitCode(Int32(truncatingIfNeeded: try await process.exitCode()))
    }

    static func copy(_ output: AsyncThrowingStream<OutputChunk, any Error>) async throws {
        for try await chunk in output {
            (chunk.stream == .stderr ? FileHandle.standardError : FileHandle.standardOutput).write(Data(chunk.bytes))
        }
    }
}

/// Copies this process's stdin into a node's process on a thread of its own (blocking
/// reads stay off the cooperative pool), then closes the process's stdin.
enum StdinPump {
    static func start(into session: NodeProcess) {
        Thread {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                let bytes = Array(buffer[..<count])
                let sent = DispatchSemaphore(value: 0)
                Task {
                    try? await session.write(bytes)
                    sent.signal()
                }
                sent.wait()
            }
            session.closeStdin()
        }.start()
    }
}
