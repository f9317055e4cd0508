/// What to create with `createVolume`.
public struct VolumeSpec: Sendable, Hashable, Encodable {
    /// Empty lets the engine generate a name.
    public var name: String
    public var driver: String
    public var labels: [String: String]
    public var driverOptions: [String: String]

    public init(name: String, driver: String = "local", labels: [String: String] = [:], driverOptions: [String: String] = [:]) {
        self.name = name
        self.driver = driver
        self.labels = labels
        self.driverOptions = driverOptions
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", driver = "Driver", labels = "Labels", driverOptions = "DriverOpts"
    }
}

/// A volume as the engine reports it.
public struct Volume: Sendable, Hashable, Decodable {
    public var name: String
    public var driver: String
    /// Where the volume's data lives on the engine's host.
    public var mountpoint: String
    public var labels: [String: String]
    public var scope: String
    public var createdAt: String?

    public init(
        name: String,
        driver: String = "local",
        mountpoint: String = "",
        labels: [String: String] = [:],
        scope: String = "local",
        createdAt: String? = nil
    ) {
        self.name = name
        self.driver = driver
        self.mountpoint = mountpoint
        self.labels = labels
        self.scope = scope
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", driver = "Driver", mountpoint = "Mountpoint", labels = "Labels"
        case scope = "Scope", createdAt = "CreatedAt"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        driver = try container.decode(.driver, or: "")
        mountpoint = try container.decode(.mountpoint, or: "")
        labels = try container.decode(.labels, or: [:])
        scope = try container.decode(.scope, or: "")
        createdAt = try container.decodeIfPresent(String.self, forKey: .createdAt)
    }
}
