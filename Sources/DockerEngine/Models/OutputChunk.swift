/// A piece of a container's or exec's output, from one of its standard streams.
public struct OutputChunk: Sendable, Hashable {
    public enum Stream: Sendable, Hashable {
        case stdin
        case stdout
        case stderr
    }

    public var stream: Stream
    public var bytes: [UInt8]

    public init(stream: Stream, bytes: [UInt8]) {
        self.stream = stream
        self.bytes = bytes
    }

    /// The bytes as UTF-8 text (invalid sequences replaced).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
