/// A volume, host directory or tmpfs mounted into a container at creation.
public struct Mount: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case volume, bind, tmpfs
    }

    public var kind: Kind
    /// Volume name or host path; empty for tmpfs.
    public var source: String
    /// Path inside the container.
    public var target: String
    public var readOnly: Bool

    public init(kind: Kind, source: String, target: String, readOnly: Bool = false) {
        self.kind = kind
        self.source = source
        self.target = target
        self.readOnly = readOnly
    }

    /// A named volume (created on first use if it does not exist).
    public static func volume(_ name: String, at target: String, readOnly: Bool = false) -> Mount {
        Mount(kind: .volume, source: name, target: target, readOnly: readOnly)
    }

    /// A host path.
    public static func bind(_ hostPath: String, at target: String, readOnly: Bool = false) -> Mount {
        Mount(kind: .bind, source: hostPath, target: target, readOnly: readOnly)
    }

    enum CodingKeys: String, CodingKey {
        case kind = "Type"
        case source = "Source"
        case target = "Target"
        case readOnly = "ReadOnly"
    }
}

/// A mount as the engine reports it on an inspected container.
public struct MountPoint: Sendable, Hashable, Decodable {
    public var kind: String
    /// The volume's name (volume mounts only).
    public var name: String?
    public var source: String
    public var destination: String
    public var readWrite: Bool

    public init(kind: String, name: String? = nil, source: String, destination: String, readWrite: Bool = true) {
        self.kind = kind
        self.name = name
        self.source = source
        self.destination = destination
        self.readWrite = readWrite
    }

    enum CodingKeys: String, CodingKey {
        case kind = "Type"
        case name = "Name"
        case source = "Source"
        case destination = "Destination"
        case readWrite = "RW"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(.kind, or: "")
        name = try container.decodeIfPresent(String.self, forKey: .name)
        source = try container.decode(.source, or: "")
        destination = try container.decode(.destination, or: "")
        readWrite = try container.decode(.readWrite, or: true)
    }
}
