/// Splits a byte stream into lines, as the engine sends JSON messages (pull and build
/// progress, events): one JSON document per `\n`-terminated line, a line possibly
/// spread over several reads and a read possibly holding several lines.
///
/// Lines are trimmed of surrounding whitespace (`\r\n` endings) and empty ones dropped.
public struct JSONLineSplitter: Sendable {
    private var buffer: [UInt8] = []
    /// Where the search for the next newline resumes, so a line fed one byte at a
    /// time is scanned once, not once per byte.
    private var scanned = 0

    public init() {}

    /// The lines completed by `bytes`.
    public mutating func push(_ bytes: some Collection<UInt8>) -> [[UInt8]] {
        buffer.append(contentsOf: bytes)
        var lines: [[UInt8]] = []
        var lineStart = 0
        while let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
            appendTrimmed(buffer[lineStart..<newline], to: &lines)
            lineStart = newline + 1
            scanned = lineStart
        }
        buffer.removeFirst(lineStart)
        scanned = buffer.count
        return lines
    }

    /// The last line, if the stream ended without a final newline.
    public mutating func finish() -> [[UInt8]] {
        var lines: [[UInt8]] = []
        appendTrimmed(buffer[...], to: &lines)
        buffer = []
        scanned = 0
        return lines
    }

    private func appendTrimmed(_ line: ArraySlice<UInt8>, to lines: inout [[UInt8]]) {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard let first = line.firstIndex(where: { !isSpace($0) }),
              let last = line.lastIndex(where: { !isSpace($0) })
        else { return }
        lines.append(Array(line[first...last]))
    }
}

extension JSONLineSplitter: ByteStreamDecoder {
    mutating func decode(_ bytes: some Collection<UInt8>) throws -> [[UInt8]] { push(bytes) }
}
