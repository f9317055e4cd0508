/// Demultiplexes the engine's log and exec output for containers without a TTY.
///
/// Each frame is an 8-byte header `[stream, 0, 0, 0, size as UInt32 big-endian]`
/// followed by `size` bytes of output from that stream. Frames are cut across reads
/// arbitrarily, so the decoder keeps partial headers and payloads between chunks.
public struct MultiplexedStreamDecoder: Sendable {
    public static let headerSize = 8

    private var buffer: [UInt8] = []
    private var offset = 0

    public init() {}

    /// The frames completed by `bytes`.
    ///
    /// - Throws: ``DockerError/streamError(message:)`` for a system-error frame
    ///   (stream 3, which the engine uses to report a failure mid-stream), or
    ///   ``DockerError/invalidResponse(message:)`` for a header that is not a frame header.
    public mutating func push(_ bytes: some Collection<UInt8>) throws(DockerError) -> [OutputChunk] {
        buffer.append(contentsOf: bytes)
        var chunks: [OutputChunk] = []
        while buffer.count - offset >= Self.headerSize {
            let header = buffer[offset..<offset + Self.headerSize]
            let size = header.dropFirst(4).reduce(0) { $0 << 8 | Int($1) }
            guard buffer.count - offset - Self.headerSize >= size else { break }
            let payloadStart = offset + Self.headerSize
            let payload = Array(buffer[payloadStart..<payloadStart + size])
            offset = payloadStart + size
            switch header[header.startIndex] {
            case 0: chunks.append(OutputChunk(stream: .stdin, bytes: payload))
            case 1: chunks.append(OutputChunk(stream: .stdout, bytes: payload))
            case 2: chunks.append(OutputChunk(stream: .stderr, bytes: payload))
            case 3: throw .streamError(message: String(decoding: payload, as: UTF8.self))
            case let other: throw .invalidResponse(message: "multiplexed stream frame with unknown stream \(other)")
            }
        }
        // Drop consumed bytes once they outweigh what is left, keeping appends amortised O(1).
        if offset > 0 && offset >= buffer.count - offset {
            buffer.removeFirst(offset)
            offset = 0
        }
        return chunks
    }

    /// Checks the stream did not end inside a frame.
    public mutating func finish() throws(DockerError) -> [OutputChunk] {
        let leftover = buffer.count - offset
        buffer = []
        offset = 0
        guard leftover == 0 else {
            throw .invalidResponse(message: "multiplexed stream ended inside a frame (\(leftover) bytes left over)")
        }
        return []
    }
}

extension MultiplexedStreamDecoder: ByteStreamDecoder {
    mutating func decode(_ bytes: some Collection<UInt8>) throws -> [OutputChunk] { try push(bytes) }
}

/// Output of a TTY container or exec: one stream, not multiplexed, passed on as stdout.
struct RawStreamDecoder: ByteStreamDecoder {
    mutating func decode(_ bytes: some Collection<UInt8>) throws -> [OutputChunk] {
        bytes.isEmpty ? [] : [OutputChunk(stream: .stdout, bytes: Array(bytes))]
    }

    mutating func finish() throws -> [OutputChunk] { [] }
}
