@testable import DockerEngine
import Testing

@Suite struct JSONLineSplitterTests {
    static let input = Array("{\"status\":\"a\"}\r\n{\"status\":\"b\"}\n\n  \r\n{\"status\":\"c\"}".utf8)
    static let expected = [#"{"status":"a"}"#, #"{"status":"b"}"#, #"{"status":"c"}"#].map { Array($0.utf8) }

    @Test func splitsLinesAndKeepsTheUnterminatedLastOne() {
        var splitter = JSONLineSplitter()
        let lines = splitter.push(Self.input)
        #expect(lines == Array(Self.expected.prefix(2)))
        #expect(splitter.finish() == [Self.expected[2]])
    }

    @Test func splitsOneByteAtATime() {
        var splitter = JSONLineSplitter()
        var lines: [[UInt8]] = []
        for byte in Self.input {
            lines += splitter.push([byte])
        }
        lines += splitter.finish()
        #expect(lines == Self.expected)
    }

    @Test(arguments: 1...20)
    func splitsAcrossChunkSizes(chunkSize: Int) {
        var splitter = JSONLineSplitter()
        var lines: [[UInt8]] = []
        var index = 0
        while index < Self.input.count {
            lines += splitter.push(Self.input[index..<min(index + chunkSize, Self.input.count)])
            index += chunkSize
        }
        lines += splitter.finish()
        #expect(lines == Self.expected)
    }

    @Test func progressStreamThrowsTheInStreamError() async throws {
        let body = """
        {"status":"Pulling from library/x","id":"1"}
        {"errorDetail":{"message":"manifest unknown"},"error":"manifest unknown"}

        """
        let (chunks, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        for byte in body.utf8 { continuation.yield([byte]) }
        continuation.finish()
        var statuses: [String] = []
        await #expect(throws: DockerError.streamError(message: "manifest unknown")) {
            for try await message in DockerClient.progressMessages(chunks) {
                statuses.append(message.status ?? "")
            }
        }
        #expect(statuses == ["Pulling from library/x"])
    }
}
