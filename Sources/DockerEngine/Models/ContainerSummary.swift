/// A container as `GET /containers/json` lists it.
public struct ContainerSummary: Sendable, Hashable, Decodable {
    public var id: String
    /// Names without the engine's leading slash.
    public var names: [String]
    public var image: String
    public var imageID: String
    public var command: String
    /// Unix time of creation.
    public var created: Int64
    /// `created`, `running`, `exited`, ...
    public var state: String
    /// Human-readable status, e.g. `Up 3 minutes (healthy)`.
    public var status: String
    public var labels: [String: String]
    public var ports: [Port]

    public init(
        id: String,
        names: [String] = [],
        image: String = "",
        imageID: String = "",
        command: String = "",
        created: Int64 = 0,
        state: String = "",
        status: String = "",
        labels: [String: String] = [:],
        ports: [Port] = []
    ) {
        self.id = id
        self.names = names
        self.image = image
        self.imageID = imageID
        self.command = command
        self.created = created
        self.state = state
        self.status = status
        self.labels = labels
        self.ports = ports
    }

    /// The first name, the one `docker ps` shows.
    public var name: String { names.first ?? id }

    /// A port of a listed container, published or not.
    public struct Port: Sendable, Hashable, Decodable {
        public var ip: String?
        public var privatePort: Int
        public var publicPort: Int?
        public var type: String

        public init(ip: String? = nil, privatePort: Int, publicPort: Int? = nil, type: String = "tcp") {
            self.ip = ip
            self.privatePort = privatePort
            self.publicPort = publicPort
            self.type = type
        }

        enum CodingKeys: String, CodingKey {
            case ip = "IP", privatePort = "PrivatePort", publicPort = "PublicPort", type = "Type"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", names = "Names", image = "Image", imageID = "ImageID", command = "Command"
        case created = "Created", state = "State", status = "Status", labels = "Labels", ports = "Ports"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        names = try container.decode(.names, or: [String]()).map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
        image = try container.decode(.image, or: "")
        imageID = try container.decode(.imageID, or: "")
        command = try container.decode(.command, or: "")
        created = try container.decode(.created, or: 0)
        state = try container.decode(.state, or: "")
        status = try container.decode(.status, or: "")
        labels = try container.decode(.labels, or: [:])
        ports = try container.decode(.ports, or: [])
    }
}
