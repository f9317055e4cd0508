@testable import DockerEngine
import Foundation
import Testing

@Suite struct TarArchiveTests {
    static let longDirectory = (1...12).map { "directory-number-\($0)" }.joined(separator: "/")
    static let archive = TarArchive(entries: [
        .directory("etc/hadoop", modificationTime: 1_700_000_000),
        .file("etc/hadoop/core-site.xml", text: "<configuration/>\n", mode: 0o644, uid: 1000, gid: 1000, modificationTime: 1_700_000_001),
        .file("opt/hind/launch.sh", text: "#!/bin/sh\nexec \"$@\"\n", mode: 0o755),
        .file("empty", contents: []),
        .symlink("opt/hind/current", to: "launch.sh"),
        .file("\(longDirectory)/deep-file.txt", text: "deep"),
        .file(String(repeating: "n", count: 180) + ".txt", text: "long name without slash"),
        .symlink("long-link", to: "/" + longDirectory),
        .file("big.bin", contents: (0..<5000).map { UInt8($0 % 251) }),
    ])

    @Test func roundTripsEveryEntry() throws {
        let bytes = Self.archive.encoded()
        #expect(bytes.count % 512 == 0)
        let read = try TarArchive(decoding: bytes)
        #expect(read.entries.count == Self.archive.entries.count)
        for (written, readBack) in zip(Self.archive.entries, read.entries) {
            #expect(readBack.path == written.path)
            #expect(readBack.kind == written.kind)
            #expect(readBack.contents == written.contents)
            #expect(readBack.mode == written.mode)
            #expect(readBack.uid == written.uid)
            #expect(readBack.gid == written.gid)
            #expect(readBack.modificationTime == written.modificationTime)
        }
        #expect(read.entry(at: "./etc/hadoop/core-site.xml")?.text == "<configuration/>\n")
    }

    @Test func rejectsACorruptHeader() {
        var bytes = Self.archive.encoded()
        bytes[10] ^= 0xFF
        #expect(throws: TarArchive.FormatError.self) { try TarArchive(decoding: bytes) }
    }

    @Test func emptyArchiveIsTwoZeroBlocks() throws {
        #expect(TarArchive().encoded() == [UInt8](repeating: 0, count: 1024))
        #expect(try TarArchive(decoding: TarArchive().encoded()).entries.isEmpty)
    }

    /// Proves real tar reads what we write: names (long ones too), modes, owners, sizes.
    @Test func gnuTarListsTheArchive() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hind-tar-\(UUID().uuidString).tar")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Self.archive.encoded()).write(to: url)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "--numeric-owner", "-tvf", url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let listing = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "tar -tvf failed: \(listing)")
        let fields = { (name: String) in
            listing.split(separator: "\n").first { $0.hasSuffix(name) }?.split(separator: " ").map(String.init) ?? []
        }
        #expect(fields("etc/hadoop/").prefix(3) == ["drwxr-xr-x", "0/0", "0"])
        #expect(fields("core-site.xml").prefix(4) == ["-rw-r--r--", "1000/1000", "17", "2023-11-14"])
        #expect(fields("launch.sh").prefix(3) == ["-rwxr-xr-x", "0/0", "20"])
        #expect(fields("big.bin").prefix(3) == ["-rw-r--r--", "0/0", "5000"])
        #expect(listing.contains("opt/hind/current -> launch.sh"))
        #expect(listing.contains("\(Self.longDirectory)/deep-file.txt"))
        #expect(listing.contains(String(repeating: "n", count: 180) + ".txt"))
        #expect(listing.contains("long-link -> /\(Self.longDirectory)"))
    }

    /// And we read what real tar writes (GNU format with its own long-name entries).
    @Test func readsAnArchiveWrittenByGnuTar() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hind-tar-src-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let deep = directory.appendingPathComponent(Self.longDirectory)
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try Data("hello\n".utf8).write(to: deep.appendingPathComponent("file.txt"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "-C", directory.path, "-cf", "-", "."]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        let archive = try TarArchive(decoding: Array(bytes))
        #expect(archive.entry(at: "\(Self.longDirectory)/file.txt")?.text == "hello\n")
        #expect(archive.entry(at: "directory-number-1")?.kind == .directory)
    }
}
