import Foundation

/// A ZIP file held in memory, such as a Hadoop jar: its central directory is read up
/// front, each member is read on demand. Members may be stored or DEFLATE-compressed,
/// sizes and offsets may be ZIP64; encryption, other compression methods and archives
/// split over several disks are refused with a `ZipError`, as is any damage.
public struct ZipArchive: Sendable {
    /// Every member in central-directory order, directories ("META-INF/") included.
    public let entries: [Entry]
    private let bytes: [UInt8]
    /// Positions in `entries` by path; when a path repeats, the first entry wins.
    private let indexByPath: [String: Int]

    public init(bytes: [UInt8]) throws(ZipError) {
        let end = try EndOfCentralDirectory(locatingIn: bytes)
        entries = try CentralDirectory.entries(in: bytes, end: end)
        indexByPath = Dictionary(entries.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.bytes = bytes
    }

    /// Reads the whole file at `path` into memory (a jar is a few megabytes).
    public init(contentsOfFile path: String) throws(ZipError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableFile(path: path, reason: Self.reason(for: error))
        }
        try self.init(bytes: [UInt8](data))
    }

    public func entry(named path: String) -> Entry? {
        indexByPath[path].map { entries[$0] }
    }

    /// The bytes of the member at `path`, or nil when the archive has none.
    public func contents(named path: String) throws(ZipError) -> [UInt8]? {
        guard let entry = entry(named: path) else { return nil }
        return try contents(of: entry)
    }

    /// The member's bytes, inflated if need be and checked against its recorded size and CRC-32.
    public func contents(of entry: Entry) throws(ZipError) -> [UInt8] {
        guard !entry.isEncrypted else { throw .encryptedMember(path: entry.path) }
        let contents: [UInt8]
        switch entry.method {
        case .stored:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .corruptMember(
                    path: entry.path,
                    reason: "it is stored, yet recorded as \(entry.compressedSize) bytes in and \(entry.uncompressedSize) out")
            }
            contents = try Array(storedBytes(of: entry))
        case .deflated:
            let compressed = try storedBytes(of: entry)
            do {
                contents = try Zlib.inflateRaw(compressed, size: entry.uncompressedSize)
            } catch {
                throw .corruptMember(path: entry.path, reason: error.reason)
            }
        case .other(let method):
            throw .unsupportedMethod(path: entry.path, method: method)
        }
        guard Zlib.crc32(contents) == entry.crc32 else {
            throw .corruptMember(path: entry.path, reason: "CRC-32 mismatch")
        }
        return contents
    }

    /// The member's bytes as they lie in the file, after its local header. Only the local
    /// header's name and extra-field lengths are used: they need not match the central
    /// directory's (writers pad the local extra field, or put ZIP64 fields only there),
    /// and its sizes and CRC-32 are zero when a data descriptor follows the data, as in jars.
    private func storedBytes(of entry: Entry) throws(ZipError) -> ArraySlice<UInt8> {
        var header = try ByteReader(
            bytes, at: entry.localHeaderOffset,
            failure: .corruptMember(path: entry.path, reason: "its local header lies outside the file"))
        guard try header.read(UInt32.self) == Signature.localHeader else {
            throw .corruptMember(path: entry.path, reason: "no local header at offset \(entry.localHeaderOffset)")
        }
        try header.skip(22)  // versions, flags, method, time, date, CRC-32, sizes
        let nameLength = try header.readInt(UInt16.self)
        let extraLength = try header.readInt(UInt16.self)
        try header.skip(nameLength + extraLength)
        header.failure = .corruptMember(path: entry.path, reason: "its data runs past the end of the file")
        return try header.take(entry.compressedSize)
    }

    /// The POSIX reason under a Foundation read error ("No such file or directory")
    /// rather than Foundation's "The operation could not be completed" wording.
    private static func reason(for error: any Error) -> String {
        let nsError = error as NSError
        let underlying = (nsError.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError } ?? nsError
        guard underlying.domain == NSPOSIXErrorDomain, let code = Int32(exactly: underlying.code) else {
            return nsError.localizedDescription
        }
        return String(cString: strerror(code))
    }
}
