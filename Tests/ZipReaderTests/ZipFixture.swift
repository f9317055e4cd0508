import Foundation

/// A ZIP archive described in Swift and written by Python's `zipfile`, so the reader is
/// tested against files made by an independent writer, built fresh for each test.
struct ZipFixture {
    /// The methods `zipfile` can write; bzip2 stands for any method the reader refuses.
    enum Method: Int, Encodable {
        case stored = 0
        case deflated = 8
        case bzip2 = 12
    }

    struct Member: Encodable {
        var path: String
        var contents: [UInt8]
        var method: Method = .deflated
        /// Has `zipfile` give the local header a ZIP64 extra field, however small the member.
        var forceZip64 = false

        init(_ path: String, _ contents: [UInt8], _ method: Method = .deflated, forceZip64: Bool = false) {
            self.path = path
            self.contents = contents
            self.method = method
            self.forceZip64 = forceZip64
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(Data(contents).base64EncodedString(), forKey: .contents)
            try container.encode(method, forKey: .method)
            try container.encode(forceZip64, forKey: .forceZip64)
        }

        private enum CodingKeys: String, CodingKey {
            case path, contents, method, forceZip64
        }
    }

    var members: [Member]
    var comment: [UInt8] = []
    /// Lowers `zipfile`'s ZIP64 threshold (normally 2 GiB) to this many bytes, so a small
    /// archive gets what a huge one would: ZIP64 extra fields in the central directory for
    /// each size and offset above it, and a ZIP64 end-of-central-directory record.
    var zip64Threshold: Int?
    /// Writes as if to a pipe: each member's sizes and CRC-32 are zero in its local header
    /// and follow its data in a data descriptor, as the `jar` tool writes them.
    var streamed = false

    /// The archive's bytes, from a temporary directory that is removed afterwards.
    func bytes() throws -> [UInt8] {
        try withTemporaryDirectory { directory in
            let spec = directory.appendingPathComponent("spec.json")
            let archive = directory.appendingPathComponent("fixture.zip")
            try JSONEncoder().encode(Spec(fixture: self)).write(to: spec)
            try run("/usr/bin/python3", ["-c", Self.script, spec.path, archive.path])
            return try [UInt8](Data(contentsOf: archive))
        }
    }

    private struct Spec: Encodable {
        var members: [Member]
        var comment: String
        var zip64Threshold: Int?
        var streamed: Bool

        init(fixture: ZipFixture) {
            members = fixture.members
            comment = Data(fixture.comment).base64EncodedString()
            zip64Threshold = fixture.zip64Threshold
            streamed = fixture.streamed
        }
    }

    private static let script = """
        import base64, json, sys, zipfile

        with open(sys.argv[1]) as f:
            spec = json.load(f)
        if spec.get("zip64Threshold") is not None:
            zipfile.ZIP64_LIMIT = spec["zip64Threshold"]

        class Pipe:
            # No tell or seek: zipfile then writes data descriptors.
            def __init__(self, file): self.file = file
            def write(self, data): return self.file.write(data)
            def flush(self): self.file.flush()

        with open(sys.argv[2], "wb") as out:
            target = Pipe(out) if spec["streamed"] else out
            with zipfile.ZipFile(target, "w") as archive:
                archive.comment = base64.b64decode(spec["comment"])
                for member in spec["members"]:
                    data = base64.b64decode(member["contents"])
                    info = zipfile.ZipInfo(member["path"], date_time=(2024, 1, 1, 0, 0, 0))
                    info.compress_type = member["method"]
                    info.file_size = len(data)
                    with archive.open(info, "w", force_zip64=member["forceZip64"]) as stream:
                        stream.write(data)
        """
}

struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs `executable`, throwing with its standard error when it fails.
func run(_ executable: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CommandFailure(description: "\(executable) exited with \(process.terminationStatus): \(message)")
    }
}

/// Runs `body` with a fresh directory under the temporary directory, then removes it.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hind-zip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// Little-endian access to archive bytes, for checking what the writer produced and for
/// damaging it on purpose.
extension [UInt8] {
    func uint16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    mutating func overwrite<Field: FixedWidthInteger>(_ value: Field, at offset: Int) {
        for index in 0..<MemoryLayout<Field>.size {
            self[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index))
        }
    }

    /// Whether `signature` (as "PK\u{1}\u{2}") occurs anywhere.
    func contains(signature: String) -> Bool {
        let pattern = Array(signature.utf8)
        return indices.dropLast(pattern.count - 1).contains { self[$0..<$0 + pattern.count].elementsEqual(pattern) }
    }

    /// Where the central directory header for `path` starts.
    func centralHeaderOffset(of path: String) -> Int? {
        let signature = Array("PK\u{1}\u{2}".utf8)
        let name = Array(path.utf8)
        return indices.dropLast(45 + name.count).first { offset in
            self[offset..<offset + 4].elementsEqual(signature)
                && Int(uint16(at: offset + 28)) == name.count
                && self[offset + 46..<offset + 46 + name.count].elementsEqual(name)
        }
    }
}
