/// A cursor over bytes that reads ZIP's little-endian fields, checking every read
/// against the end of its bytes. Running past the end throws `failure`, which the
/// caller words for the record being read, so a truncated or hostile file throws a
/// `ZipError` instead of trapping on an out-of-range index.
struct ByteReader {
    private let bytes: ArraySlice<UInt8>
    /// Index into the underlying array (slices keep their base's indices).
    private(set) var position: Int
    /// Thrown when a read would pass the end; reassign it as the record being read changes.
    var failure: ZipError

    init(_ bytes: ArraySlice<UInt8>, failure: ZipError) {
        self.bytes = bytes
        self.position = bytes.startIndex
        self.failure = failure
    }

    /// A reader starting at `offset` into `bytes`; throws `failure` if `offset` is outside them.
    init(_ bytes: [UInt8], at offset: Int, failure: ZipError) throws(ZipError) {
        guard offset >= 0, offset <= bytes.count else { throw failure }
        self.init(bytes[offset...], failure: failure)
    }

    var isAtEnd: Bool { position == bytes.endIndex }

    /// The next `count` bytes, without copying.
    mutating func take(_ count: Int) throws(ZipError) -> ArraySlice<UInt8> {
        // Compared as a difference so that a hostile `count` cannot overflow.
        guard count >= 0, count <= bytes.endIndex - position else { throw failure }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func skip(_ count: Int) throws(ZipError) {
        _ = try take(count)
    }

    /// The next little-endian `UInt16`, `UInt32` or `UInt64`.
    mutating func read<Field: FixedWidthInteger & UnsignedInteger>(_: Field.Type) throws(ZipError) -> Field {
        try take(MemoryLayout<Field>.size).reversed().reduce(0) { $0 << 8 | Field($1) }
    }

    /// The next little-endian field as a size or offset; a 64-bit value beyond
    /// `Int.max` cannot describe these bytes and throws `failure`.
    mutating func readInt<Field: FixedWidthInteger & UnsignedInteger>(_: Field.Type) throws(ZipError) -> Int {
        guard let value = try Int(exactly: read(Field.self)) else { throw failure }
        return value
    }
}
