import Foundation

/// The kind of value a key takes, as its default value shows it: what `Configuration`'s
/// typed getters accept. A value Hadoop's getter cannot read falls back to the default in
/// silence (`getBoolean` of "yes") or throws at start-up (`getInt` of "abc").
public enum ConfigValueType: String, Hashable, Sendable {
    case boolean
    /// A whole number, which newer releases may also read with a unit (`getLongBytes`:
    /// `128m`; `getTimeDuration`: `30s`), so a unit suffix is accepted.
    case integer
    /// A decimal number (`getFloat`, `getDouble`), e.g. `0.999f`.
    case decimal

    /// The type `key`'s default value implies, or nil when it implies none (text, lists,
    /// empty), except for keys whose getter reads more than the default shows.
    public init?(key: String, defaultValue: String) {
        if let known = Self.exceptions[key] {
            guard let known else { return nil }
            self = known
            return
        }
        // Permissions and umasks (`022`, `700`) also take symbolic forms (`u=rwx,g=rx,o=`).
        if key.hasSuffix(".perm") || key.hasSuffix("umask-mode") { return nil }
        self.init(defaultValue: defaultValue)
    }

    /// Keys read by a getter of another type than their default suggests: nil for untyped.
    static let exceptions: [String: ConfigValueType?] = [
        // Trash.getFloat: fractions of a minute are fine.
        "fs.trash.interval": .decimal,
        "fs.trash.checkpoint.interval": .decimal,
    ]

    /// The type a default value implies, or nil when it implies none (text, lists, empty).
    public init?(defaultValue: String) {
        let value = defaultValue.trimmingCharacters(in: .whitespaces)
        if value == "true" || value == "false" {
            self = .boolean
        } else if Self.isInteger(value, units: false) {
            self = .integer
        } else if Self.isDecimal(value) {
            self = .decimal
        } else {
            return nil
        }
    }

    /// Whether Hadoop's getter for this type reads `value`. A `${…}` reference is
    /// resolved only at run time, so it is accepted as is.
    public func accepts(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("${") { return true }
        switch self {
        // Configuration.getBoolean compares case-insensitively after trimming.
        case .boolean: return ["true", "false"].contains(trimmed.lowercased())
        case .integer: return Self.isInteger(trimmed, units: true)
        case .decimal: return Self.isDecimal(trimmed) || Self.isInteger(trimmed, units: false)
        }
    }

    /// What to write instead, for the message.
    public var expectation: String {
        switch self {
        case .boolean: "true or false"
        case .integer: "a whole number (a unit such as 128m or 30s where the key takes one)"
        case .decimal: "a number such as 0.5"
        }
    }

    /// `-12`, `0x1F`, and with `units` `128m`, `30s`, `1.5g`.
    static func isInteger(_ text: String, units: Bool) -> Bool {
        var rest = Substring(text)
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        if rest.lowercased().hasPrefix("0x") {
            let hex = rest.dropFirst(2)
            return !hex.isEmpty && hex.allSatisfy(\.isHexDigit)
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return false }
        var tail = rest.dropFirst(digits.count)
        if tail.isEmpty { return true }
        guard units else { return false }
        if tail.hasPrefix(".") {
            let fraction = tail.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return false }
            tail = tail.dropFirst(1 + fraction.count)
        }
        let unit = tail.trimmingCharacters(in: .whitespaces).lowercased()
        return Self.units.contains(unit)
    }

    /// `StringUtils.TraditionalBinaryPrefix` (k … e) and `TimeUnit` suffixes of `getTimeDuration`.
    static let units: Set<String> = ["k", "m", "g", "t", "p", "e", "ns", "us", "ms", "s", "h", "d"]

    /// `0.75`, `.5`, `1e3`, `0.999f` (Java's float literal suffix, which `Float.parseFloat` takes).
    static func isDecimal(_ text: String) -> Bool {
        var body = Substring(text)
        if let last = body.last, "fFdD".contains(last) { body = body.dropLast() }
        guard !body.isEmpty, body.contains(where: { $0.isNumber }) else { return false }
        return Double(body) != nil && body.allSatisfy { $0.isNumber || "+-.eE".contains($0) }
    }
}

extension Character {
    fileprivate var isHexDigit: Bool { isASCII && (isNumber || ("a"..."f").contains(lowercased()) ) }
}
