import DockerEngine

/// A command running in a node: its output, its stdin when attached, its exit code.
public struct NodeProcess: Sendable {
    /// stdout and stderr as they come; ends when the process exits.
    public let output: AsyncThrowingStream<OutputChunk, any Error>
    private let writer: @Sendable ([UInt8]) async throws -> Void
    private let closer: @Sendable () -> Void
    private let exitCodeReader: @Sendable () async throws -> Int

    public init(
        output: AsyncThrowingStream<OutputChunk, any Error>,
        write: @escaping @Sendable ([UInt8]) async throws -> Void = { _ in },
        closeStdin: @escaping @Sendable () -> Void = {},
        exitCode: @escaping @Sendable () async throws -> Int
    ) {
        self.output = output
        self.writer = write
        self.closer = closeStdin
        self.exitCodeReader = exitCode
    }

    /// Sends bytes to the process's stdin (when attached).
    public func write(_ bytes: [UInt8]) async throws { try await writer(bytes) }
    /// Ends the process's stdin; its output keeps coming.
    public func closeStdin() { closer() }
    /// The exit code; call once `output` has ended.
    public func exitCode() async throws -> Int { try await exitCodeReader() }
}
