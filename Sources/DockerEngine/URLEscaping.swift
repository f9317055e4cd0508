/// Percent-encoding for the pieces of an engine URL (or any HTTP URL built by hand).
///
/// Foundation's `URLComponents` leaves `+`, `&` and `=` alone in query values, which the
/// engine would then misread; this encodes everything outside RFC 3986's unreserved set.
public enum URLEscaping {
    /// A query name or value: only `A–Z a–z 0–9 - . _ ~` stay as they are.
    public static func queryComponent(_ text: String) -> String {
        percentEncode(text) { isUnreserved($0) }
    }

    /// One path segment (a container, network or volume name or id).
    public static func pathSegment(_ text: String) -> String {
        percentEncode(text) { isUnreserved($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "@") }
    }

    /// An image reference in a path, whose slashes (`registry/repo:tag`) the engine's
    /// routes expect unencoded.
    static func imageReference(_ text: String) -> String {
        percentEncode(text) {
            isUnreserved($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "/")
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func percentEncode(_ text: String, keeping keep: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if keep(byte) {
                encoded.append(byte)
            } else {
                encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}

/// The query string of an engine request, built in order; `nil` values are left out.
struct QueryItems: Sendable, Equatable {
    private(set) var items: [(name: String, value: String)] = []

    init() {}

    mutating func add(_ name: String, _ value: String?) {
        if let value { items.append((name, value)) }
    }

    mutating func add(_ name: String, _ value: Int?) {
        add(name, value.map(String.init))
    }

    /// The engine reads booleans as `1`/`0` (and `true`/`false`); `nil` leaves its default.
    mutating func add(_ name: String, _ value: Bool?) {
        add(name, value.map { $0 ? "1" : "0" })
    }

    mutating func add(filters: EngineFilters) {
        if !filters.isEmpty { add("filters", filters.encoded()) }
    }

    /// `?a=1&b=2`, or empty.
    var encoded: String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { "\(URLEscaping.queryComponent($0.name))=\(URLEscaping.queryComponent($0.value))" }
            .joined(separator: "&")
    }

    static func == (lhs: QueryItems, rhs: QueryItems) -> Bool {
        lhs.items.elementsEqual(rhs.items) { $0.name == $1.name && $0.value == $1.value }
    }
}
