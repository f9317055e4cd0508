/// An amount of memory, parsed from the forms people type: `512m`, `2g`, `1536MiB`, `2GB`.
///
/// Units are binary (k = 1024 bytes), as Docker and the JVM read them. A bare number is
/// rejected: `2` could mean bytes, megabytes or gigabytes.
public struct MemorySize: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let bytes: Int64

    public init(bytes: Int64) { self.bytes = bytes }
    public static func megabytes(_ value: Int64) -> MemorySize { MemorySize(bytes: value << 20) }
    public static func gigabytes(_ value: Int64) -> MemorySize { MemorySize(bytes: value << 30) }

    public init(parsing text: String) throws(SpecError) {
        let lowered = text.lowercased()
        let digits = lowered.prefix { $0.isASCII && $0.isNumber }
        var unit = Substring(lowered.dropFirst(digits.count))
        for suffix in ["ib", "b"] where unit.count > 1 && unit.hasSuffix(suffix) {
            unit = unit.dropLast(suffix.count)
            break
        }
        let shift: Int64
        switch unit {
        case "k": shift = 10
        case "m": shift = 20
        case "g": shift = 30
        default: throw .malformedMemorySize(text)
        }
        guard let value = Int64(digits), value > 0, value <= (Int64.max >> shift) else {
            throw .malformedMemorySize(text)
        }
        self.bytes = value << shift
    }

    /// Whole megabytes, rounded down: the unit Hadoop's memory settings use.
    public var megabytes: Int64 { bytes >> 20 }

    /// The shortest exact form: `2g`, `1536m`, `300k`, or bytes.
    public var description: String {
        for (shift, unit) in [(Int64(30), "g"), (20, "m"), (10, "k")] where bytes % (1 << shift) == 0 {
            return "\(bytes >> shift)\(unit)"
        }
        return "\(bytes)b"
    }

    public static func < (lhs: MemorySize, rhs: MemorySize) -> Bool { lhs.bytes < rhs.bytes }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
