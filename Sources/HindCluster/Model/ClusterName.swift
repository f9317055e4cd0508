/// A validated cluster name.
///
/// The name prefixes every container (`<name>-<node>`), volume and network of the cluster,
/// so it must be a DNS label that Docker accepts as a name prefix: lowercase letters,
/// digits and `-`, starting with a letter, not ending with `-`, at most 40 characters
/// (leaving room for the node suffix within the 63-character label limit).
public struct ClusterName: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let maximumLength = 40
    public static let `default` = ClusterName(unchecked: "hind")

    public let rawValue: String

    public init(_ text: String) throws(SpecError) {
        func reject(_ reason: String) -> SpecError { .invalidClusterName(text, reason: reason) }
        guard !text.isEmpty else { throw reject("it is empty") }
        guard text.count <= Self.maximumLength else {
            throw reject("it is \(text.count) characters long")
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-": continue
            case "A"..."Z": throw reject("it has uppercase letters")
            default: throw reject("'\(scalar.escaped(asASCII: true))' is not allowed")
            }
        }
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else {
            throw reject("it must start with a letter")
        }
        guard !text.hasSuffix("-") else { throw reject("it must not end with '-'") }
        self.rawValue = text
    }

    private init(unchecked: String) { self.rawValue = unchecked }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
