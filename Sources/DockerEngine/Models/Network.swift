/// What to create with `createNetwork`.
public struct NetworkSpec: Sendable, Hashable, Encodable {
    public var name: String
    /// `bridge` (default), `overlay`, ...
    public var driver: String
    public var labels: [String: String]
    /// No route to the outside world.
    public var isInternal: Bool
    /// Standalone containers may join (overlay networks).
    public var attachable: Bool
    /// Driver options, e.g. `com.docker.network.bridge.name`.
    public var options: [String: String]
    /// Address pools; empty: the engine picks a subnet. Containers may have fixed
    /// addresses only on a network whose subnet was given.
    public var ipam: [IPAMPool]

    public init(
        name: String,
        driver: String = "bridge",
        labels: [String: String] = [:],
        isInternal: Bool = false,
        attachable: Bool = false,
        options: [String: String] = [:],
        ipam: [IPAMPool] = []
    ) {
        self.name = name
        self.driver = driver
        self.labels = labels
        self.isInternal = isInternal
        self.attachable = attachable
        self.options = options
        self.ipam = ipam
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", driver = "Driver", labels = "Labels", isInternal = "Internal"
        case attachable = "Attachable", options = "Options", checkDuplicate = "CheckDuplicate", ipam = "IPAM"
    }

    enum IPAMKeys: String, CodingKey { case config = "Config" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(driver, forKey: .driver)
        try container.encode(labels, forKey: .labels)
        try container.encode(isInternal, forKey: .isInternal)
        try container.encode(attachable, forKey: .attachable)
        try container.encode(options, forKey: .options)
        // Engines before API 1.44 otherwise accept a second network with the same name.
        try container.encode(true, forKey: .checkDuplicate)
        if !ipam.isEmpty {
            var pools = container.nestedContainer(keyedBy: IPAMKeys.self, forKey: .ipam)
            try pools.encode(ipam, forKey: .config)
        }
    }
}

/// One address pool of a network: its subnet, gateway and the range the engine hands
/// out addresses from by itself (the rest of the subnet is left for fixed addresses).
public struct IPAMPool: Sendable, Hashable, Codable {
    public var subnet: String
    public var gateway: String?
    public var ipRange: String?

    public init(subnet: String, gateway: String? = nil, ipRange: String? = nil) {
        self.subnet = subnet
        self.gateway = gateway
        self.ipRange = ipRange
    }

    enum CodingKeys: String, CodingKey { case subnet = "Subnet", gateway = "Gateway", ipRange = "IPRange" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subnet = try container.decode(.subnet, or: "")
        gateway = try container.decodeIfPresent(String.self, forKey: .gateway).flatMap { $0.isEmpty ? nil : $0 }
        ipRange = try container.decodeIfPresent(String.self, forKey: .ipRange).flatMap { $0.isEmpty ? nil : $0 }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subnet, forKey: .subnet)
        try container.encodeIfPresent(gateway, forKey: .gateway)
        try container.encodeIfPresent(ipRange, forKey: .ipRange)
    }
}

/// A network as the engine reports it (inspect and list).
public struct Network: Sendable, Hashable, Decodable {
    public var id: String
    public var name: String
    public var driver: String
    public var scope: String
    public var isInternal: Bool
    public var attachable: Bool
    public var labels: [String: String]
    /// Container id → the container's name and addresses on this network
    /// (filled by inspect; empty in lists).
    public var containers: [String: Member]
    /// The address pools the network was created with or the engine picked.
    public var ipam: [IPAMPool] = []

    public init(
        id: String,
        name: String,
        driver: String = "bridge",
        scope: String = "local",
        isInternal: Bool = false,
        attachable: Bool = false,
        labels: [String: String] = [:],
        containers: [String: Member] = [:]
    ) {
        self.id = id
        self.name = name
        self.driver = driver
        self.scope = scope
        self.isInternal = isInternal
        self.attachable = attachable
        self.labels = labels
        self.containers = containers
    }

    public struct Member: Sendable, Hashable, Decodable {
        public var name: String
        public var ipv4Address: String

        public init(name: String, ipv4Address: String = "") {
            self.name = name
            self.ipv4Address = ipv4Address
        }

        enum CodingKeys: String, CodingKey {
            case name = "Name", ipv4Address = "IPv4Address"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(.name, or: "")
            ipv4Address = try container.decode(.ipv4Address, or: "")
        }
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", name = "Name", driver = "Driver", scope = "Scope", isInternal = "Internal"
        case attachable = "Attachable", labels = "Labels", containers = "Containers", ipam = "IPAM"
    }

    struct IPAM: Decodable {
        var config: [IPAMPool]?
        enum CodingKeys: String, CodingKey { case config = "Config" }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(.name, or: "")
        driver = try container.decode(.driver, or: "")
        scope = try container.decode(.scope, or: "")
        isInternal = try container.decode(.isInternal, or: false)
        attachable = try container.decode(.attachable, or: false)
        labels = try container.decode(.labels, or: [:])
        containers = try container.decode(.containers, or: [:])
        ipam = (try container.decodeIfPresent(IPAM.self, forKey: .ipam))?.config ?? []
    }
}
