/// A tar archive in memory: build one for the archive upload and image build
/// endpoints, or read one the engine returned.
///
/// Written as POSIX ustar; a path or link target too long for ustar gets a GNU long-name
/// entry (`././@LongLink`, types `L`/`K`), which GNU tar, bsdtar and the engine read.
/// Reading also understands pax extended headers (`x`), which Go's archive/tar — and so
/// the engine — writes for long names.
public struct TarArchive: Sendable, Hashable {
    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// One member of the archive.
    public struct Entry: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case file
            case directory
            case symlink(target: String)
            case hardLink(target: String)
            /// A type this reader does not interpret (device, FIFO, ...), with its type flag.
            case other(UInt8)
        }

        /// Relative path, `/`-separated, without a trailing slash.
        public var path: String
        public var kind: Kind
        /// Permission bits, e.g. `0o644`.
        public var mode: UInt32
        public var uid: Int
        public var gid: Int
        public var userName: String
        public var groupName: String
        /// Unix time in seconds.
        public var modificationTime: Int64
        /// File contents; empty for other kinds.
        public var contents: [UInt8]

        public init(
            path: String,
            kind: Kind,
            mode: UInt32,
            uid: Int = 0,
            gid: Int = 0,
            userName: String = "",
            groupName: String = "",
            modificationTime: Int64 = 0,
            contents: [UInt8] = []
        ) {
            self.path = path
            self.kind = kind
            self.mode = mode
            self.uid = uid
            self.gid = gid
            self.userName = userName
            self.groupName = groupName
            self.modificationTime = modificationTime
            self.contents = contents
        }

        public static func file(
            _ path: String,
            contents: [UInt8],
            mode: UInt32 = 0o644,
            uid: Int = 0,
            gid: Int = 0,
            modificationTime: Int64 = 0
        ) -> Entry {
            Entry(path: path, kind: .file, mode: mode, uid: uid, gid: gid, modificationTime: modificationTime, contents: contents)
        }

        public static func file(
            _ path: String,
            text: String,
            mode: UInt32 = 0o644,
            uid: Int = 0,
            gid: Int = 0,
            modificationTime: Int64 = 0
        ) -> Entry {
            .file(path, contents: Array(text.utf8), mode: mode, uid: uid, gid: gid, modificationTime: modificationTime)
        }

        public static func directory(
            _ path: String,
            mode: UInt32 = 0o755,
            uid: Int = 0,
            gid: Int = 0,
            modificationTime: Int64 = 0
        ) -> Entry {
            Entry(path: path, kind: .directory, mode: mode, uid: uid, gid: gid, modificationTime: modificationTime)
        }

        public static func symlink(_ path: String, to target: String, modificationTime: Int64 = 0) -> Entry {
            Entry(path: path, kind: .symlink(target: target), mode: 0o777, modificationTime: modificationTime)
        }

        /// The contents as UTF-8 text.
        public var text: String { String(decoding: contents, as: UTF8.self) }
    }

    /// The entry at `path`, if any (the last one, as tar extraction would leave it).
    public func entry(at path: String) -> Entry? {
        let wanted = Self.normalized(path)
        return entries.last { Self.normalized($0.path) == wanted }
    }

    public mutating func append(_ entry: Entry) {
        entries.append(entry)
    }

    /// `./a/b/` and `a/b` name the same member.
    static func normalized(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        while path.hasPrefix("/") { path = path.dropFirst() }
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}

// MARK: - Writing

extension TarArchive {
    static let blockSize = 512

    /// The archive as bytes: headers, contents padded to 512-byte blocks, and the two
    /// zero blocks that end an archive.
    public func encoded() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(entries.reduce(2 * Self.blockSize) { $0 + 3 * Self.blockSize + $1.contents.count })
        for entry in entries {
            Self.write(entry, to: &output)
        }
        output += [UInt8](repeating: 0, count: 2 * Self.blockSize)
        return output
    }

    private static func write(_ entry: Entry, to output: inout [UInt8]) {
        var path = normalized(entry.path)
        let typeFlag: UInt8
        var linkTarget = ""
        var size = 0
        switch entry.kind {
        case .file:
            typeFlag = UInt8(ascii: "0")
            size = entry.contents.count
        case .directory:
            typeFlag = UInt8(ascii: "5")
            path += "/"
        case .symlink(let target):
            typeFlag = UInt8(ascii: "2")
            linkTarget = target
        case .hardLink(let target):
            typeFlag = UInt8(ascii: "1")
            linkTarget = target
        case .other(let flag):
            typeFlag = flag
        }

        let pathBytes = Array(path.utf8)
        let (prefix, name) = splitForUstar(pathBytes) ?? ([], Array(pathBytes.prefix(100)))
        if splitForUstar(pathBytes) == nil {
            writeLongName(pathBytes, type: UInt8(ascii: "L"), to: &output)
        }
        let linkBytes = Array(linkTarget.utf8)
        if linkBytes.count > 100 {
            writeLongName(linkBytes, type: UInt8(ascii: "K"), to: &output)
        }

        var header = Header()
        header.set(name, at: 0, width: 100)
        header.setOctal(Int(entry.mode & 0o7777), at: 100, width: 8)
        header.setOctal(entry.uid, at: 108, width: 8)
        header.setOctal(entry.gid, at: 116, width: 8)
        header.setOctal(size, at: 124, width: 12)
        header.setOctal(Int(entry.modificationTime), at: 136, width: 12)
        header.bytes[156] = typeFlag
        header.set(Array(linkBytes.prefix(100)), at: 157, width: 100)
        header.set(Array("ustar\0".utf8), at: 257, width: 6)
        header.set(Array("00".utf8), at: 263, width: 2)
        header.set(Array(entry.userName.utf8.prefix(31)), at: 265, width: 32)
        header.set(Array(entry.groupName.utf8.prefix(31)), at: 297, width: 32)
        header.setOctal(0, at: 329, width: 8)
        header.setOctal(0, at: 337, width: 8)
        header.set(prefix, at: 345, width: 155)
        header.sealChecksum()
        output += header.bytes

        if size > 0 {
            output += entry.contents
            output += [UInt8](repeating: 0, count: padding(for: size))
        }
    }

    /// A GNU long-name entry carrying `value` (NUL-terminated) for the header that follows.
    private static func writeLongName(_ value: [UInt8], type: UInt8, to output: inout [UInt8]) {
        var header = Header()
        header.set(Array("././@LongLink".utf8), at: 0, width: 100)
        header.setOctal(0o644, at: 100, width: 8)
        header.setOctal(0, at: 108, width: 8)
        header.setOctal(0, at: 116, width: 8)
        header.setOctal(value.count + 1, at: 124, width: 12)
        header.setOctal(0, at: 136, width: 12)
        header.bytes[156] = type
        header.set(Array("ustar  \0".utf8), at: 257, width: 8)
        header.sealChecksum()
        output += header.bytes
        output += value + [0]
        output += [UInt8](repeating: 0, count: padding(for: value.count + 1))
    }

    /// Splits a path into ustar's `prefix` (≤ 155 bytes) and `name` (≤ 100 bytes) at a
    /// slash; `nil` if no split fits.
    private static func splitForUstar(_ path: [UInt8]) -> (prefix: [UInt8], name: [UInt8])? {
        if path.count <= 100 { return ([], path) }
        guard path.count <= 256 else { return nil }
        for index in path.indices.reversed() where path[index] == UInt8(ascii: "/") {
            let prefix = Array(path[..<index])
            let name = Array(path[(index + 1)...])
            if prefix.count <= 155 && name.count <= 100 && !name.isEmpty {
                return (prefix, name)
            }
        }
        return nil
    }

    static func padding(for size: Int) -> Int {
        (blockSize - size % blockSize) % blockSize
    }

    private struct Header {
        var bytes = [UInt8](repeating: 0, count: TarArchive.blockSize)

        mutating func set(_ value: [UInt8], at offset: Int, width: Int) {
            for (index, byte) in value.prefix(width).enumerated() {
                bytes[offset + index] = byte
            }
        }

        /// Zero-padded octal digits and a NUL; values too large for the field are
        /// written in GNU base-256 (high bit set), as GNU tar does.
        mutating func setOctal(_ value: Int, at offset: Int, width: Int) {
            let digits = String(value, radix: 8)
            if digits.count <= width - 1 {
                let padded = String(repeating: "0", count: width - 1 - digits.count) + digits
                set(Array(padded.utf8) + [0], at: offset, width: width)
            } else {
                var remaining = value
                for index in stride(from: offset + width - 1, to: offset, by: -1) {
                    bytes[index] = UInt8(remaining & 0xFF)
                    remaining >>= 8
                }
                bytes[offset] = 0x80
            }
        }

        /// The checksum is the byte sum of the header with its own field read as spaces,
        /// written as six octal digits, NUL, space.
        mutating func sealChecksum() {
            set([UInt8](repeating: UInt8(ascii: " "), count: 8), at: 148, width: 8)
            let sum = bytes.reduce(0) { $0 + Int($1) }
            let digits = String(sum, radix: 8)
            let padded = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
            set(Array(padded.utf8) + [0, UInt8(ascii: " ")], at: 148, width: 8)
        }
    }
}

// MARK: - Reading

extension TarArchive {
    /// Why bytes could not be read as a tar archive.
    public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        /// Offset of the offending header.
        public var offset: Int

        public var description: String { "not a valid tar archive at byte \(offset): \(message)" }
    }

    /// Reads an archive (ustar, GNU long names, pax extended headers).
    public init(decoding bytes: [UInt8]) throws(FormatError) {
        var reader = TarStreamReader()
        var entries = try reader.consume(bytes)
        entries += try reader.finish()
        self.init(entries: entries)
    }
}
