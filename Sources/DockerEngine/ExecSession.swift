/// A running exec with its stdin attached: write to the process, read its output.
///
/// ```swift
/// let session = try await client.execAttached(container: id, spec: ExecSpec(cmd: ["cat"]))
/// try await session.write("hello\n")
/// session.closeStdin()
/// for try await chunk in session.output { print(chunk.text, terminator: "") }
/// let status = try await session.exitCode()
/// ```
public final class ExecSession: Sendable {
    /// The exec instance's id.
    public let id: String
    /// The process's stdout and stderr (one stdout stream with a TTY); ends when it exits.
    public let output: AsyncThrowingStream<OutputChunk, any Error>

    private let connection: HijackedConnection
    private let client: DockerClient

    init(id: String, output: AsyncThrowingStream<OutputChunk, any Error>, connection: HijackedConnection, client: DockerClient) {
        self.id = id
        self.output = output
        self.connection = connection
        self.client = client
    }

    /// Sends bytes to the process's stdin.
    public func write(_ bytes: [UInt8]) async throws(DockerError) {
        try await connection.write(bytes)
    }

    /// Sends text (UTF-8) to the process's stdin.
    public func write(_ text: String) async throws(DockerError) {
        try await write(Array(text.utf8))
    }

    /// Ends the process's stdin (it reads end of file); its output keeps coming.
    public func closeStdin() {
        connection.closeWrite()
    }

    /// Drops the connection both ways (the process keeps running unless it notices).
    public func close() {
        connection.shutdownBoth()
    }

    /// The process's exit code; call once `output` has ended.
    public func exitCode() async throws(DockerError) -> Int {
        try await client.exitCode(ofExec: id)
    }
}
