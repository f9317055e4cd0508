import Foundation
import Testing
import ZipReader

@Suite struct ZipArchiveTests {
    static let xml = Array("""
        <?xml version="1.0"?>
        <configuration>
          <property><name>fs.defaultFS</name><value>file:///</value></property>
        </configuration>

        """.utf8)

    static func random(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max) }
    }

    @Suite struct Reading {
        @Test func storedAndDeflatedMembersRoundTrip() throws {
            let fixture = ZipFixture(members: [
                .init("stored.xml", xml, .stored),
                .init("deflated.xml", xml, .deflated),
                .init("empty-stored", [], .stored),
                .init("empty-deflated", [], .deflated),
            ])
            let archive = try ZipArchive(bytes: fixture.bytes())

            #expect(archive.entries.map(\.method) == [.stored, .deflated, .stored, .deflated])
            try expectMembers(of: fixture, in: archive)
            let deflated = try #require(archive.entry(named: "deflated.xml"))
            #expect(deflated.compressedSize < deflated.uncompressedSize)
            #expect(try archive.contents(of: deflated) == xml)
        }

        @Test func membersLargerThanTheDeflateWindowRoundTrip() throws {
            let repetitive = Array(repeating: xml, count: 10_000).flatMap { $0 }
            let fixture = ZipFixture(members: [
                .init("repetitive.xml", repetitive),
                .init("random.bin", random(300_000)),
                .init("mixed.bin", random(70_000) + repetitive.prefix(200_000) + random(70_000)),
                .init("random-stored.bin", random(100_000), .stored),
            ])
            let archive = try ZipArchive(bytes: fixture.bytes())

            try expectMembers(of: fixture, in: archive)
            let entry = try #require(archive.entry(named: "repetitive.xml"))
            #expect(entry.compressedSize < entry.uncompressedSize / 100)
        }

        /// The end record is found behind a comment of any length, even one made of
        /// end-record signatures ("PK\5\6"), which must not pass for the record.
        @Test(arguments: [1, 1_000, 65_535])
        func readsPastAComment(length: Int) throws {
            let comment = Array(repeating: Array("PK\u{5}\u{6}".utf8), count: length / 4 + 1).flatMap { $0 }.prefix(length)
            let fixture = ZipFixture(members: [.init("core-default.xml", xml)], comment: Array(comment))
            let bytes = try fixture.bytes()
            #expect(bytes.count > length)

            try expectMembers(of: fixture, in: ZipArchive(bytes: bytes))
        }

        @Test func readsAnEmptyArchive() throws {
            let archive = try ZipArchive(bytes: ZipFixture(members: []).bytes())
            #expect(archive.entries.isEmpty)
            #expect(try archive.contents(named: "core-default.xml") == nil)
        }

        /// A jar as the `jar` tool lays it out: directory entries, the manifest first, and
        /// sizes in data descriptors rather than local headers.
        @Test func readsAJar() throws {
            let manifest = Array("Manifest-Version: 1.0\r\nCreated-By: hind tests\r\n\r\n".utf8)
            let fixture = ZipFixture(
                members: [
                    .init("META-INF/", [], .stored),
                    .init("META-INF/MANIFEST.MF", manifest),
                    .init("org/apache/hadoop/conf/", [], .stored),
                    .init("org/apache/hadoop/conf/Configuration.class", random(40_000)),
                    .init("core-default.xml", Array(repeating: xml, count: 500).flatMap { $0 }),
                ],
                streamed: true)
            let bytes = try fixture.bytes()
            let archive = try ZipArchive(bytes: bytes)

            try expectMembers(of: fixture, in: archive)
            let core = try #require(archive.entry(named: "core-default.xml"))
            let flags = bytes.uint16(at: core.localHeaderOffset + 6)
            #expect(flags & 0b1000 != 0, "the fixture should use a data descriptor")
            #expect(archive.entry(named: "META-INF/")?.uncompressedSize == 0)
            #expect(archive.entry(named: "core-default") == nil)
            #expect(try archive.contents(named: "hdfs-default.xml") == nil)
        }

        @Test func readsAFileFromDisk() throws {
            let fixture = ZipFixture(members: [.init("core-default.xml", xml)])
            let bytes = try fixture.bytes()
            let archive = try withTemporaryDirectory { directory in
                let path = directory.appendingPathComponent("hadoop-common.jar").path
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                return try ZipArchive(contentsOfFile: path)
            }
            try expectMembers(of: fixture, in: archive)
        }
    }

    @Suite struct ZIP64 {
        /// ZIP64 extra fields in local headers only: the local header's own extra-field
        /// length, not the central directory's, locates the data.
        @Test func readsMembersWithZip64LocalHeaders() throws {
            let fixture = ZipFixture(members: [
                .init("a.xml", xml, .deflated, forceZip64: true),
                .init("b.bin", random(100_000), .stored, forceZip64: true),
            ])
            let bytes = try fixture.bytes()
            let archive = try ZipArchive(bytes: bytes)

            try expectMembers(of: fixture, in: archive)
            for entry in archive.entries {
                #expect(bytes.uint16(at: entry.localHeaderOffset + 28) == 20, "expected a ZIP64 extra field")
            }
        }

        /// 64-bit sizes and offsets in the central directory and a ZIP64 end record, as in
        /// an archive past 4 GiB, made small by lowering the writer's threshold to 100 bytes.
        @Test func readsZip64CentralDirectoryAndEndRecord() throws {
            let fixture = ZipFixture(
                members: [
                    .init("small-first", Array(xml.prefix(50)), .stored),  // no ZIP64 field at all
                    .init("large.bin", random(5_000)),  // sizes and offset
                    .init("small-later", Array(xml.prefix(10)), .stored),  // offset only
                ],
                zip64Threshold: 100)
            var bytes = try fixture.bytes()
            #expect(bytes.contains(signature: "PK\u{6}\u{6}"), "expected a ZIP64 end record")
            #expect(bytes.contains(signature: "PK\u{6}\u{7}"), "expected a ZIP64 locator")
            let later = try #require(bytes.centralHeaderOffset(of: "small-later"))
            #expect(bytes.uint16(at: later + 30) == 12, "expected a ZIP64 field holding just the offset")

            try expectMembers(of: fixture, in: ZipArchive(bytes: bytes))

            // Saturate the classic end record as a writer does once the values overflow:
            // only the ZIP64 record then says where the central directory is.
            let end = bytes.count - 22
            bytes.overwrite(UInt16.max, at: end + 8)
            bytes.overwrite(UInt16.max, at: end + 10)
            bytes.overwrite(UInt32.max, at: end + 12)
            bytes.overwrite(UInt32.max, at: end + 16)
            try expectMembers(of: fixture, in: ZipArchive(bytes: bytes))
        }
    }

    @Suite struct Rejecting {
        static let fixture = ZipFixture(members: [
            .init("stored.xml", xml, .stored),
            .init("deflated.xml", Array(repeating: xml, count: 20).flatMap { $0 }),
        ])

        @Test(arguments: [1, 21, 22, 100])
        func aFileCutShort(missing: Int) throws {
            let bytes = try Self.fixture.bytes()
            #expect(throws: ZipError.notAZipFile) { try ZipArchive(bytes: Array(bytes.dropLast(missing))) }
        }

        @Test func aFileMissingItsStart() throws {
            let bytes = try Self.fixture.bytes()
            #expect(throws: ZipError.malformedArchive(reason: "central directory entry 1 has no header signature")) {
                try ZipArchive(bytes: Array(bytes.dropFirst(10)))
            }
        }

        /// Bytes that are no ZIP file, named so that test results stay readable.
        struct Garbage: CustomTestStringConvertible, Sendable {
            var testDescription: String
            var bytes: [UInt8]
        }

        @Test(arguments: [
            Garbage(testDescription: "no bytes", bytes: []),
            Garbage(testDescription: "PK", bytes: Array("PK".utf8)),
            Garbage(testDescription: "21 zero bytes", bytes: [UInt8](repeating: 0, count: 21)),
            Garbage(testDescription: "100,000 zero bytes", bytes: [UInt8](repeating: 0, count: 100_000)),
            Garbage(testDescription: "XML", bytes: Array("<configuration/>\n".utf8)),
            Garbage(testDescription: "4 KiB of random bytes", bytes: ZipArchiveTests.random(4_096)),
        ])
        func garbage(_ garbage: Garbage) {
            #expect(throws: ZipError.notAZipFile) { try ZipArchive(bytes: garbage.bytes) }
        }

        @Test func aFlippedByteInStoredData() throws {
            var bytes = try Self.fixture.bytes()
            let entry = try #require(ZipArchive(bytes: bytes).entry(named: "stored.xml"))
            bytes[entry.localHeaderOffset + 30 + "stored.xml".utf8.count + entry.compressedSize / 2] ^= 0x01
            #expect(throws: ZipError.corruptMember(path: "stored.xml", reason: "CRC-32 mismatch")) {
                try ZipArchive(bytes: bytes).contents(named: "stored.xml")
            }
        }

        /// Depending on the bit, DEFLATE data then fails to inflate, inflates to the wrong
        /// size, or fails its CRC-32: each is a corrupt member.
        @Test func aFlippedByteInDeflatedData() throws {
            var bytes = try Self.fixture.bytes()
            let entry = try #require(ZipArchive(bytes: bytes).entry(named: "deflated.xml"))
            bytes[entry.localHeaderOffset + 30 + "deflated.xml".utf8.count + entry.compressedSize / 2] ^= 0xFF
            let archive = try ZipArchive(bytes: bytes)

            let error = try #require(throws: ZipError.self) { try archive.contents(named: "deflated.xml") }
            guard case .corruptMember(path: "deflated.xml", _) = error else {
                Issue.record("expected a corrupt member, got \(error)")
                return
            }
            #expect(try archive.contents(named: "stored.xml") == xml)
        }

        @Test func anUnsupportedCompressionMethod() throws {
            let fixture = ZipFixture(members: [.init("bzip2.xml", xml, .bzip2), .init("deflated.xml", xml)])
            let archive = try ZipArchive(bytes: fixture.bytes())

            #expect(archive.entry(named: "bzip2.xml")?.method == .other(12))
            #expect(throws: ZipError.unsupportedMethod(path: "bzip2.xml", method: 12)) {
                try archive.contents(named: "bzip2.xml")
            }
            #expect(try archive.contents(named: "deflated.xml") == xml)
        }

        /// `zipfile` cannot encrypt, so the flag is set by hand.
        @Test func anEncryptedMember() throws {
            var bytes = try Self.fixture.bytes()
            let header = try #require(bytes.centralHeaderOffset(of: "stored.xml"))
            bytes[header + 8] |= 0x01
            let archive = try ZipArchive(bytes: bytes)

            #expect(archive.entry(named: "stored.xml")?.isEncrypted == true)
            #expect(throws: ZipError.encryptedMember(path: "stored.xml")) { try archive.contents(named: "stored.xml") }
        }

        /// A central directory that disagrees with the member's data, field by field.
        @Test func recordedFieldsThatDisagreeWithTheData() throws {
            let bytes = try Self.fixture.bytes()
            let header = try #require(bytes.centralHeaderOffset(of: "deflated.xml"))
            let entry = try #require(ZipArchive(bytes: bytes).entry(named: "deflated.xml"))
            let size = UInt32(entry.uncompressedSize)
            func reading(_ value: UInt32, at field: Int) throws -> [UInt8]? {
                var damaged = bytes
                damaged.overwrite(value, at: header + field)
                return try ZipArchive(bytes: damaged).contents(named: "deflated.xml")
            }
            func corrupt(_ reason: String) -> ZipError { .corruptMember(path: "deflated.xml", reason: reason) }

            #expect(throws: corrupt("CRC-32 mismatch")) { try reading(entry.crc32 ^ 1, at: 16) }
            #expect(throws: corrupt("its DEFLATE data ends early")) {
                try reading(UInt32(entry.compressedSize / 2), at: 20)
            }
            #expect(throws: corrupt("it inflates to \(size) bytes, not the \(size + 1) recorded")) {
                try reading(size + 1, at: 24)
            }
            #expect(throws: corrupt("it inflates to more than the \(size - 1) bytes recorded")) {
                try reading(size - 1, at: 24)
            }
        }

        /// A hostile size is refused before the reader allocates room for it.
        @Test func aSizeDeflateCannotProduce() throws {
            var bytes = try Self.fixture.bytes()
            let header = try #require(bytes.centralHeaderOffset(of: "deflated.xml"))
            bytes.overwrite(UInt32(0xFFFF_FFF0), at: header + 24)
            let archive = try ZipArchive(bytes: bytes)
            let entry = try #require(archive.entry(named: "deflated.xml"))

            #expect(
                throws: ZipError.corruptMember(
                    path: "deflated.xml",
                    reason: "it declares 4294967280 bytes, more than \(entry.compressedSize) bytes of DEFLATE data can hold")
            ) { try archive.contents(of: entry) }
        }

        @Test func anOffsetOutsideTheFile() throws {
            var bytes = try Self.fixture.bytes()
            let header = try #require(bytes.centralHeaderOffset(of: "stored.xml"))
            bytes.overwrite(UInt32(0x7FFF_FFF0), at: header + 42)
            let archive = try ZipArchive(bytes: bytes)

            #expect(throws: ZipError.corruptMember(path: "stored.xml", reason: "its local header lies outside the file")) {
                try archive.contents(named: "stored.xml")
            }
        }

        /// Every truncation and many single-byte corruptions of a small archive either read
        /// or throw a `ZipError`; none may trap.
        @Test func damageNeverCrashes() throws {
            let bytes = try Self.fixture.bytes()
            var damaged: [[UInt8]] = (0..<bytes.count).map { Array(bytes.prefix($0)) }
            for index in bytes.indices {
                for mask: UInt8 in [0x01, 0x80, 0xFF] {
                    var copy = bytes
                    copy[index] ^= mask
                    damaged.append(copy)
                }
            }
            for bytes in damaged {
                guard let archive = try? ZipArchive(bytes: bytes) else { continue }
                for entry in archive.entries {
                    _ = try? archive.contents(of: entry)
                }
            }
        }

        @Test func anUnreadableFile() throws {
            try withTemporaryDirectory { directory in
                let missing = directory.appendingPathComponent("missing.jar").path
                #expect(throws: ZipError.unreadableFile(path: missing, reason: "No such file or directory")) {
                    try ZipArchive(contentsOfFile: missing)
                }
                #expect(throws: ZipError.unreadableFile(path: directory.path, reason: "Is a directory")) {
                    try ZipArchive(contentsOfFile: directory.path)
                }
            }
        }
    }

    @Test func errorsDescribeThemselvesInOneLine() {
        let descriptions: [ZipError: String] = [
            .unreadableFile(path: "/opt/hadoop/x.jar", reason: "No such file or directory"):
                "cannot read /opt/hadoop/x.jar: No such file or directory",
            .notAZipFile: "not a ZIP file: no end-of-central-directory record",
            .malformedArchive(reason: "the central directory is truncated"):
                "corrupt ZIP file: the central directory is truncated",
            .unsupportedArchive(reason: "it is split over several disks"):
                "unsupported ZIP file: it is split over several disks",
            .encryptedMember(path: "core-default.xml"): "member core-default.xml is encrypted, which hind cannot read",
            .unsupportedMethod(path: "core-default.xml", method: 12):
                "member core-default.xml uses compression method 12, which hind cannot read",
            .corruptMember(path: "core-default.xml", reason: "CRC-32 mismatch"):
                "member core-default.xml is corrupt: CRC-32 mismatch",
        ]
        for (error, description) in descriptions {
            #expect(error.description == description)
        }
    }
}

/// Every member of `fixture` is in `archive`, in order, and reads back byte for byte.
func expectMembers(of fixture: ZipFixture, in archive: ZipArchive, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(archive.entries.map(\.path) == fixture.members.map(\.path), sourceLocation: sourceLocation)
    for member in fixture.members {
        let entry = try #require(archive.entry(named: member.path), sourceLocation: sourceLocation)
        #expect(entry.uncompressedSize == member.contents.count, sourceLocation: sourceLocation)
        #expect(try archive.contents(of: entry) == member.contents, "\(member.path)", sourceLocation: sourceLocation)
    }
}
