/// The central directory: one header per member, each followed by the member's name,
/// extra field and comment.
enum CentralDirectory {
    /// A header's fixed part.
    static let headerSize = 46

    static func entries(in bytes: [UInt8], end: EndOfCentralDirectory) throws(ZipError) -> [ZipArchive.Entry] {
        var file = try ByteReader(
            bytes, at: end.directoryOffset,
            failure: .malformedArchive(reason: "the central directory lies outside the file"))
        let directory = try file.take(end.directorySize)
        // Checked before reserving room for the entries, so a hostile count cannot.
        guard end.entryCount <= end.directorySize / headerSize else {
            throw .malformedArchive(
                reason: "a central directory of \(end.directorySize) bytes cannot hold \(end.entryCount) entries")
        }
        var reader = ByteReader(directory, failure: .malformedArchive(reason: "the central directory is truncated"))
        var entries: [ZipArchive.Entry] = []
        entries.reserveCapacity(end.entryCount)
        for index in 0..<end.entryCount {
            entries.append(try entry(from: &reader, number: index + 1))
        }
        return entries
    }

    private static func entry(from reader: inout ByteReader, number: Int) throws(ZipError) -> ZipArchive.Entry {
        guard try reader.read(UInt32.self) == Signature.centralDirectoryHeader else {
            throw .malformedArchive(reason: "central directory entry \(number) has no header signature")
        }
        try reader.skip(4)  // versions made by and needed to extract
        let flags = try reader.read(UInt16.self)
        let method = try reader.read(UInt16.self)
        try reader.skip(4)  // modification time and date
        let crc32 = try reader.read(UInt32.self)
        var compressedSize = try UInt64(reader.read(UInt32.self))
        var uncompressedSize = try UInt64(reader.read(UInt32.self))
        let nameLength = try reader.readInt(UInt16.self)
        let extraLength = try reader.readInt(UInt16.self)
        let commentLength = try reader.readInt(UInt16.self)
        try reader.skip(2 + 2 + 4)  // starting disk (one-disk archives only), internal and external attributes
        var localHeaderOffset = try UInt64(reader.read(UInt32.self))
        let path = try String(decoding: reader.take(nameLength), as: UTF8.self)
        let extra = try reader.take(extraLength)
        try reader.skip(commentLength)

        // The ZIP64 field holds 64-bit values for exactly the 32-bit fields saturated at
        // 0xFFFFFFFF, in this order.
        if let zip64 = zip64Field(in: extra) {
            var values = ByteReader(zip64, failure: .malformedArchive(reason: "the ZIP64 extra field of \(path) is too short"))
            if uncompressedSize == UInt64(UInt32.max) { uncompressedSize = try values.read(UInt64.self) }
            if compressedSize == UInt64(UInt32.max) { compressedSize = try values.read(UInt64.self) }
            if localHeaderOffset == UInt64(UInt32.max) { localHeaderOffset = try values.read(UInt64.self) }
        }
        func int(_ value: UInt64) throws(ZipError) -> Int {
            guard let int = Int(exactly: value) else {
                throw .malformedArchive(reason: "\(path) has an impossible size or offset, \(value)")
            }
            return int
        }
        return try ZipArchive.Entry(
            path: path,
            method: .init(code: method),
            compressedSize: int(compressedSize),
            uncompressedSize: int(uncompressedSize),
            crc32: crc32,
            localHeaderOffset: int(localHeaderOffset),
            isEncrypted: flags & 1 != 0)
    }

    /// The data of the ZIP64 extended-information block (id 1) among the extra field's
    /// id/length/data blocks. A block running past the end ends the search instead of
    /// failing the archive: only this block matters here, and other writers' blocks
    /// (padding, timestamps) are not always well formed.
    private static func zip64Field(in extra: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var blocks = ByteReader(extra, failure: .malformedArchive(reason: "truncated extra field"))
        while let id = try? blocks.read(UInt16.self),
              let length = try? blocks.readInt(UInt16.self),
              let data = try? blocks.take(length) {
            if id == 1 { return data }
        }
        return nil
    }
}
