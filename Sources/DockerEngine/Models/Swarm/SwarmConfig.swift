import Foundation

/// A Swarm config: a small immutable file the managers keep and hand to the tasks that
/// mount it (`POST /configs/create`). The Swarm way of giving a task its files.
public struct SwarmConfigSpec: Sendable, Hashable, Encodable {
    public var name: String
    public var labels: [String: String]
    public var data: [UInt8]

    public init(name: String, labels: [String: String], data: [UInt8]) {
        self.name = name
        self.labels = labels
        self.data = data
    }

    enum CodingKeys: String, CodingKey { case name = "Name", labels = "Labels", data = "Data" }

    /// The engine takes the contents base64-encoded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(labels, forKey: .labels)
        try container.encode(Data(data).base64EncodedString(), forKey: .data)
    }
}

/// A config as the engine lists it, with its contents.
public struct SwarmConfig: Sendable, Hashable, Decodable {
    public var id: String
    public var name: String
    public var labels: [String: String]
    public var data: [UInt8]

    enum CodingKeys: String, CodingKey { case id = "ID", spec = "Spec" }
    enum SpecKeys: String, CodingKey { case name = "Name", labels = "Labels", data = "Data" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        let spec = try container.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
        name = try spec.decode(.name, or: "")
        labels = try spec.decode(.labels, or: [:])
        data = Data(base64Encoded: try spec.decode(.data, or: "")).map { Array($0) } ?? []
    }
}
