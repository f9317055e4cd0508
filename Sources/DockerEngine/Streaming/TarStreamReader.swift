/// Reads a tar archive as its bytes arrive (ustar, GNU long names, pax extended headers),
/// returning each member once it is complete. Members `keep` turns down have their
/// contents skipped rather than buffered, so a large archive (a directory of jars) can be
/// searched for a few members in little memory; the caller may stop reading at any point.
public struct TarStreamReader: Sendable {
    public typealias Entry = TarArchive.Entry
    public typealias FormatError = TarArchive.FormatError

    private let keep: @Sendable (String) -> Bool
    private var buffer: [UInt8] = []
    /// Bytes consumed before `buffer[0]`, for error offsets.
    private var consumed = 0
    private var member: Member?
    private var longName: String?
    private var longLink: String?
    private var paxRecords: [String: String] = [:]
    /// An all-zero header block ended the archive.
    public private(set) var isFinished = false

    /// A member whose data is still arriving.
    private struct Member {
        var header: [UInt8]
        var headerOffset: Int
        var typeFlag: UInt8
        var size: Int
        var remaining: Int
        var keepsData: Bool
        var data: [UInt8]
    }

    /// `keep` decides, from a member's path, whether its contents are kept; every member
    /// is returned either way (skipped ones with empty contents).
    public init(keeping keep: @escaping @Sendable (String) -> Bool = { _ in true }) {
        self.keep = keep
    }

    /// Feeds the next bytes; returns the members they complete.
    public mutating func consume(_ bytes: [UInt8]) throws(FormatError) -> [Entry] {
        var entries: [Entry] = []
        var index = 0
        while index < bytes.count, !isFinished {
            // Taken out, so the data it collects is not copied on every append.
            if var current = member.take() {
                // Data (kept or skipped), then padding to the block.
                let take = min(current.remaining, bytes.count - index)
                if current.keepsData, current.data.count < current.size {
                    let wanted = min(take, current.size - current.data.count)
                    current.data += bytes[index..<index + wanted]
                }
                current.remaining -= take
                index += take
                consumed += take
                if current.remaining == 0 {
                    if let entry = try complete(current) { entries.append(entry) }
                } else {
                    member = current
                }
                continue
            }
            let need = TarArchive.blockSize - buffer.count
            let take = min(need, bytes.count - index)
            buffer += bytes[index..<index + take]
            index += take
            guard buffer.count == TarArchive.blockSize else { break }
            let header = buffer
            let headerOffset = consumed
            buffer = []
            consumed += TarArchive.blockSize
            if header.allSatisfy({ $0 == 0 }) {
                isFinished = true
                break
            }
            if let started = try start(header, at: headerOffset) {
                member = started
                if started.remaining == 0 {
                    member = nil
                    if let entry = try complete(started) { entries.append(entry) }
                }
            }
        }
        return entries
    }

    /// Ends the input: throws when a member's data was cut short.
    public mutating func finish() throws(FormatError) -> [Entry] {
        if let member, !isFinished {
            throw FormatError(message: "member of \(member.size) bytes runs past the end", offset: member.headerOffset)
        }
        return []
    }

    private func start(_ header: [UInt8], at offset: Int) throws(FormatError) -> Member? {
        try Self.verifyChecksum(header[...], at: offset)
        let typeFlag = header[156]
        let declaredSize = try Self.number(header[124..<136], at: offset)
        // A pax size applies to the member it precedes, not to metadata members.
        let isMetadata = [UInt8(ascii: "L"), UInt8(ascii: "K"), UInt8(ascii: "x"), UInt8(ascii: "g")].contains(typeFlag)
        let size = isMetadata ? declaredSize : (paxRecords["size"].flatMap(Int.init) ?? declaredSize)
        guard size >= 0 else { throw FormatError(message: "member of \(size) bytes", offset: offset) }
        let keepsData = isMetadata || keep(path(of: header))
        return Member(header: header, headerOffset: offset, typeFlag: typeFlag, size: size,
                      remaining: size + TarArchive.padding(for: size), keepsData: keepsData, data: [])
    }

    /// The entry a completed member makes, or nil for metadata (long names, pax records).
    private mutating func complete(_ member: Member) throws(FormatError) -> Entry? {
        let header = member.header[...]
        let data = member.data
        switch member.typeFlag {
        case UInt8(ascii: "L"): longName = Self.string(data[...]); return nil
        case UInt8(ascii: "K"): longLink = Self.string(data[...]); return nil
        case UInt8(ascii: "x"): paxRecords = Self.paxRecords(data); return nil
        case UInt8(ascii: "g"): return nil
        default: break
        }
        let offset = member.headerOffset
        let path = path(of: member.header)
        let link = paxRecords["linkpath"] ?? longLink ?? Self.string(header.dropFirst(157).prefix(100))
        let kind: Entry.Kind = switch member.typeFlag {
        case UInt8(ascii: "0"), 0, UInt8(ascii: "7"): path.hasSuffix("/") ? .directory : .file
        case UInt8(ascii: "5"): .directory
        case UInt8(ascii: "2"): .symlink(target: link)
        case UInt8(ascii: "1"): .hardLink(target: link)
        default: .other(member.typeFlag)
        }
        let uid = try Self.number(header.dropFirst(108).prefix(8), at: offset)
        let gid = try Self.number(header.dropFirst(116).prefix(8), at: offset)
        let mode = try Self.number(header.dropFirst(100).prefix(8), at: offset)
        let mtime = try Self.number(header.dropFirst(136).prefix(12), at: offset)
        let entry = Entry(
            path: TarArchive.normalized(path),
            kind: kind,
            mode: UInt32(truncatingIfNeeded: mode) & 0o7777,  // Go's archive/tar adds file type bits
            uid: paxRecords["uid"].flatMap { Int($0) } ?? uid,
            gid: paxRecords["gid"].flatMap { Int($0) } ?? gid,
            userName: paxRecords["uname"] ?? Self.string(header.dropFirst(265).prefix(32)),
            groupName: paxRecords["gname"] ?? Self.string(header.dropFirst(297).prefix(32)),
            modificationTime: paxRecords["mtime"].flatMap { Double($0) }.map { Int64($0) } ?? Int64(mtime),
            contents: kind == .file && member.keepsData ? data : []
        )
        longName = nil
        longLink = nil
        paxRecords = [:]
        return entry
    }

    /// The member's path: a pax record, a GNU long name, or ustar's prefix and name.
    private func path(of header: [UInt8]) -> String {
        if let path = paxRecords["path"] ?? longName { return path }
        var path = Self.string(header[0..<100])
        if header[257..<262].elementsEqual("ustar".utf8), case let prefix = Self.string(header[345..<500]), !prefix.isEmpty {
            path = prefix + "/" + path
        }
        return path
    }

    private static func verifyChecksum(_ header: ArraySlice<UInt8>, at offset: Int) throws(FormatError) {
        let stored = try number(header.dropFirst(148).prefix(8), at: offset)
        var sum = 0
        for (index, byte) in header.enumerated() {
            sum += (148..<156).contains(index) ? Int(UInt8(ascii: " ")) : Int(byte)
        }
        guard sum == stored else {
            throw FormatError(message: "header checksum \(stored) does not match \(sum)", offset: offset)
        }
    }

    /// An octal field (space/NUL terminated), or GNU base-256 when the high bit is set.
    private static func number(_ field: ArraySlice<UInt8>, at offset: Int) throws(FormatError) -> Int {
        if let first = field.first, first & 0x80 != 0 {
            return field.dropFirst().reduce(Int(first & 0x7F)) { $0 << 8 | Int($1) }
        }
        let digits = field.drop { $0 == UInt8(ascii: " ") || $0 == 0 }
            .prefix { $0 != 0 && $0 != UInt8(ascii: " ") }
        guard !digits.isEmpty else { return 0 }
        guard let value = Int(String(decoding: digits, as: UTF8.self), radix: 8) else {
            throw FormatError(message: "bad octal number \(String(decoding: field, as: UTF8.self))", offset: offset)
        }
        return value
    }

    /// A NUL-terminated (or field-filling) string.
    private static func string(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// pax records: `"%d %s=%s\n"`, the length counting the whole record.
    private static func paxRecords(_ data: [UInt8]) -> [String: String] {
        var records: [String: String] = [:]
        var index = 0
        while index < data.count {
            guard let space = data[index...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: data[index..<space], as: UTF8.self)),
                  length > space - index + 1, index + length <= data.count
            else { break }
            let record = data[(space + 1)..<(index + length - 1)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: record[..<equals], as: UTF8.self)
                records[key] = String(decoding: record[(equals + 1)...], as: UTF8.self)
            }
            index += length
        }
        return records
    }
}
