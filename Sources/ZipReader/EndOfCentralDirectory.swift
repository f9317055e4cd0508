/// Where the central directory lies and how many entries it holds: the
/// end-of-central-directory record at the end of the file, or its ZIP64 counterpart
/// when a ZIP64 locator sits right before it.
struct EndOfCentralDirectory {
    /// The classic record's fixed part; a comment of up to 65,535 bytes follows it.
    static let recordSize = 22
    /// The ZIP64 locator, which points back at the ZIP64 record.
    static let zip64LocatorSize = 20

    var entryCount: Int
    var directoryOffset: Int
    var directorySize: Int

    init(locatingIn bytes: [UInt8]) throws(ZipError) {
        let start = try Self.recordStart(in: bytes)
        var record = ByteReader(bytes[start...], failure: .notAZipFile)
        try record.skip(4)  // signature, checked by recordStart
        let thisDisk = try record.read(UInt16.self)
        let directoryDisk = try record.read(UInt16.self)
        let entriesOnThisDisk = try record.readInt(UInt16.self)
        entryCount = try record.readInt(UInt16.self)
        directorySize = try record.readInt(UInt32.self)
        directoryOffset = try record.readInt(UInt32.self)
        try Self.requireOneDisk(thisDisk == 0 && directoryDisk == 0 && entriesOnThisDisk == entryCount)

        // Writers saturate the classic fields (0xFFFF, 0xFFFFFFFF) when they overflow; the
        // ZIP64 record then holds the real values, and it is authoritative whenever present.
        if let zip64Offset = try Self.zip64RecordOffset(before: start, in: bytes) {
            self = try Self(zip64RecordAt: zip64Offset, in: bytes)
        }
    }

    private init(zip64RecordAt offset: Int, in bytes: [UInt8]) throws(ZipError) {
        var record = try ByteReader(
            bytes, at: offset,
            failure: .malformedArchive(reason: "the ZIP64 end-of-central-directory record lies outside the file"))
        guard try record.read(UInt32.self) == Signature.zip64EndOfCentralDirectory else {
            throw .malformedArchive(reason: "no ZIP64 end-of-central-directory record at offset \(offset)")
        }
        try record.skip(8 + 2 + 2)  // record size, versions made by and needed to extract
        let thisDisk = try record.read(UInt32.self)
        let directoryDisk = try record.read(UInt32.self)
        let entriesOnThisDisk = try record.readInt(UInt64.self)
        entryCount = try record.readInt(UInt64.self)
        directorySize = try record.readInt(UInt64.self)
        directoryOffset = try record.readInt(UInt64.self)
        try Self.requireOneDisk(thisDisk == 0 && directoryDisk == 0 && entriesOnThisDisk == entryCount)
    }

    /// The offset of the classic record: the last signature, within reach of the longest
    /// comment, whose comment length reaches exactly to the end of the file. Requiring the
    /// exact end keeps a signature inside the comment from passing for the record.
    private static func recordStart(in bytes: [UInt8]) throws(ZipError) -> Int {
        let last = bytes.count - recordSize
        guard last >= 0 else { throw .notAZipFile }
        for start in stride(from: last, through: max(0, last - Int(UInt16.max)), by: -1) {
            var candidate = ByteReader(bytes[start...], failure: .notAZipFile)
            guard try candidate.read(UInt32.self) == Signature.endOfCentralDirectory else { continue }
            try candidate.skip(16)  // disks, entry counts, directory size and offset
            if try candidate.readInt(UInt16.self) == last - start { return start }
        }
        throw .notAZipFile
    }

    /// Where the ZIP64 record starts, when a ZIP64 locator precedes the classic record at `start`.
    private static func zip64RecordOffset(before start: Int, in bytes: [UInt8]) throws(ZipError) -> Int? {
        guard start >= zip64LocatorSize else { return nil }
        var locator = ByteReader(
            bytes[(start - zip64LocatorSize)...],
            failure: .malformedArchive(reason: "the ZIP64 end-of-central-directory locator points outside the file"))
        guard try locator.read(UInt32.self) == Signature.zip64EndOfCentralDirectoryLocator else { return nil }
        let recordDisk = try locator.read(UInt32.self)
        let recordOffset = try locator.readInt(UInt64.self)
        let diskCount = try locator.read(UInt32.self)
        // Some writers record 0 disks rather than 1.
        try requireOneDisk(recordDisk == 0 && diskCount <= 1)
        return recordOffset
    }

    private static func requireOneDisk(_ condition: Bool) throws(ZipError) {
        guard condition else { throw .unsupportedArchive(reason: "it is split over several disks") }
    }
}
