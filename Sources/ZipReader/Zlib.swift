import CZlib

/// zlib's inflate and CRC-32, through the CZlib shim.
enum Zlib {
    /// Why a DEFLATE stream did not inflate, worded to follow "member X is corrupt: ".
    struct InflateError: Error {
        let reason: String
    }

    /// DEFLATE's largest expansion: a 258-byte match costs at least two bits.
    static let maximumExpansion = 1032

    /// Inflates the raw DEFLATE stream `compressed` (ZIP method 8), which must produce
    /// exactly `size` bytes. The output is allocated at `size` up front, so a `size` that
    /// `compressed` could never produce is refused before anything is allocated.
    static func inflateRaw(_ compressed: ArraySlice<UInt8>, size: Int) throws(InflateError) -> [UInt8] {
        guard size / maximumExpansion <= compressed.count else {
            throw InflateError(reason: "it declares \(size) bytes, more than \(compressed.count) bytes of DEFLATE data can hold")
        }
        var status: Int32 = 0
        var produced = 0
        let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, initializedCount in
            status = compressed.withUnsafeBufferPointer { input in
                czlib_inflate_raw(input.baseAddress, input.count, buffer.baseAddress, buffer.count, &produced)
            }
            initializedCount = produced
        }
        switch status {
        case 0 where produced == size:
            return output
        case 0:
            throw InflateError(reason: "it inflates to \(produced) bytes, not the \(size) recorded")
        case Z_BUF_ERROR where produced == size:
            throw InflateError(reason: "it inflates to more than the \(size) bytes recorded")
        case Z_BUF_ERROR:
            throw InflateError(reason: "its DEFLATE data ends early")
        case Z_DATA_ERROR:
            throw InflateError(reason: "its DEFLATE data is invalid")
        case Z_MEM_ERROR:
            throw InflateError(reason: "zlib ran out of memory")
        default:
            throw InflateError(reason: "zlib failed with status \(status)")
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { czlib_crc32($0.baseAddress, $0.count) }
    }
}
