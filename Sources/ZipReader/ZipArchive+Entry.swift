extension ZipArchive {
    /// One member, as the central directory describes it.
    public struct Entry: Sendable, Hashable {
        /// The member's name in the archive: "/"-separated, a trailing "/" for a directory.
        /// Decoded as UTF-8, which jars use and which agrees with ZIP's legacy code page
        /// for ASCII names.
        public let path: String
        public let method: Method
        /// Bytes the member occupies after its local header.
        public let compressedSize: Int
        /// Bytes the member holds once inflated.
        public let uncompressedSize: Int
        /// CRC-32 of the uncompressed bytes.
        public let crc32: UInt32
        /// Where the member's local header starts, from the start of the file.
        public let localHeaderOffset: Int
        /// General-purpose flag bit 0: the data is encrypted, and `contents(of:)` refuses it.
        public let isEncrypted: Bool
    }
}

extension ZipArchive.Entry {
    /// How a member's bytes are compressed.
    public enum Method: Sendable, Hashable {
        /// Method 0: the bytes as they are.
        case stored
        /// Method 8: raw DEFLATE.
        case deflated
        /// Any other method by its number (12 is bzip2, 14 LZMA, 93 Zstandard).
        case other(UInt16)

        init(code: UInt16) {
            switch code {
            case 0: self = .stored
            case 8: self = .deflated
            default: self = .other(code)
            }
        }

        /// The method's number in the ZIP headers.
        public var code: UInt16 {
            switch self {
            case .stored: 0
            case .deflated: 8
            case .other(let code): code
            }
        }
    }
}
