@testable import DockerEngine
import Testing

@Suite struct TarStreamReaderTests {
    static let bytes = TarArchiveTests.archive.encoded()

    /// Feeds `bytes` in pieces of `size` and collects what the reader returns.
    static func read(inPiecesOf size: Int, keeping keep: @escaping @Sendable (String) -> Bool = { _ in true }) throws -> [TarArchive.Entry] {
        var reader = TarStreamReader(keeping: keep)
        var entries: [TarArchive.Entry] = []
        var index = 0
        while index < bytes.count {
            let end = min(index + size, bytes.count)
            entries += try reader.consume(Array(bytes[index..<end]))
            index = end
        }
        entries += try reader.finish()
        #expect(reader.isFinished)
        return entries
    }

    @Test(arguments: [1, 7, 511, 512, 513, 4096, 1 << 20])
    func anyChunkingReadsTheSameMembers(size: Int) throws {
        let entries = try Self.read(inPiecesOf: size)
        let written = TarArchiveTests.archive.entries
        #expect(entries.map(\.path) == written.map { TarArchive.normalized($0.path) })
        #expect(entries.map(\.kind) == written.map(\.kind))
        #expect(entries.map(\.contents) == written.map(\.contents))
        #expect(entries.map(\.modificationTime) == written.map(\.modificationTime))
    }

    @Test func skippedMembersAreListedWithoutTheirContents() throws {
        let entries = try Self.read(inPiecesOf: 100) { $0 == "big.bin" }
        let big = try #require(entries.first { $0.path == "big.bin" })
        #expect(big.contents == (0..<5000).map { UInt8($0 % 251) })
        let deep = try #require(entries.first { $0.path.hasSuffix("deep-file.txt") })
        #expect(deep.contents.isEmpty)
        #expect(entries.count == TarArchiveTests.archive.entries.count)
    }

    @Test func aMemberCutShortThrowsAtTheEnd() throws {
        var reader = TarStreamReader()
        let cut = Array(Self.bytes.prefix(Self.bytes.count - 1024 - 600))
        _ = try reader.consume(cut)
        #expect(throws: TarArchive.FormatError.self) { _ = try reader.finish() }
    }

    @Test func aCorruptHeaderThrowsAsItArrives() {
        var bytes = Self.bytes
        bytes[10] ^= 0xFF
        var reader = TarStreamReader()
        #expect(throws: TarArchive.FormatError.self) { _ = try reader.consume(Array(bytes.prefix(512))) }
    }
}
