@testable import DockerEngine
import Testing

@Suite struct MultiplexedStreamDecoderTests {
    static func frame(_ stream: UInt8, _ text: String) -> [UInt8] {
        let payload = Array(text.utf8)
        let size = UInt32(payload.count)
        return [stream, 0, 0, 0, UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)] + payload
    }

    static let stream = frame(1, "out line\n") + frame(2, "err line\n") + frame(1, "") + frame(1, String(repeating: "x", count: 300))
    static let expected = [
        OutputChunk(stream: .stdout, bytes: Array("out line\n".utf8)),
        OutputChunk(stream: .stderr, bytes: Array("err line\n".utf8)),
        OutputChunk(stream: .stdout, bytes: []),
        OutputChunk(stream: .stdout, bytes: Array(String(repeating: "x", count: 300).utf8)),
    ]

    @Test func decodesWholeStreamInOneChunk() throws {
        var decoder = MultiplexedStreamDecoder()
        #expect(try decoder.push(Self.stream) == Self.expected)
        #expect(try decoder.finish() == [])
    }

    @Test func decodesOneByteAtATime() throws {
        var decoder = MultiplexedStreamDecoder()
        var chunks: [OutputChunk] = []
        for byte in Self.stream {
            chunks += try decoder.push([byte])
        }
        #expect(chunks == Self.expected)
        #expect(try decoder.finish() == [])
    }

    @Test(arguments: [2, 3, 7, 8, 9, 13, 100])
    func decodesAcrossEveryChunkSize(chunkSize: Int) throws {
        var decoder = MultiplexedStreamDecoder()
        var chunks: [OutputChunk] = []
        var index = 0
        while index < Self.stream.count {
            chunks += try decoder.push(Self.stream[index..<min(index + chunkSize, Self.stream.count)])
            index += chunkSize
        }
        #expect(chunks == Self.expected)
    }

    @Test func systemErrorFrameIsAStreamError() {
        var decoder = MultiplexedStreamDecoder()
        #expect(throws: DockerError.streamError(message: "boom")) {
            try decoder.push(Self.frame(3, "boom"))
        }
    }

    @Test func truncatedFrameIsReportedAtTheEnd() throws {
        var decoder = MultiplexedStreamDecoder()
        #expect(try decoder.push(Self.frame(1, "abc").dropLast()) == [])
        #expect(throws: DockerError.self) { try decoder.finish() }
    }

    @Test func unknownStreamByteIsRejected() {
        var decoder = MultiplexedStreamDecoder()
        #expect(throws: DockerError.self) { try decoder.push(Self.frame(9, "x")) }
    }
}
