/// One event from `GET /events`: something happened to a container, network, volume, image...
public struct EngineEvent: Sendable, Hashable, Decodable {
    /// `container`, `network`, `volume`, `image`, `daemon`, ...
    public var type: String
    /// `create`, `start`, `die`, `health_status: healthy`, `destroy`, `connect`, ...
    public var action: String
    public var actor: Actor
    /// `local` or `swarm`.
    public var scope: String?
    /// Unix time in seconds.
    public var time: Int64
    public var timeNano: Int64?

    public init(type: String, action: String, actor: Actor, scope: String? = nil, time: Int64 = 0, timeNano: Int64? = nil) {
        self.type = type
        self.action = action
        self.actor = actor
        self.scope = scope
        self.time = time
        self.timeNano = timeNano
    }

    /// The object the event is about.
    public struct Actor: Sendable, Hashable, Decodable {
        public var id: String
        /// The object's labels plus event details (`name`, `image`, `exitCode`, ...).
        public var attributes: [String: String]

        public init(id: String, attributes: [String: String] = [:]) {
            self.id = id
            self.attributes = attributes
        }

        enum CodingKeys: String, CodingKey {
            case id = "ID", attributes = "Attributes"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(.id, or: "")
            attributes = try container.decode(.attributes, or: [:])
        }
    }

    enum CodingKeys: String, CodingKey {
        case type = "Type", action = "Action", actor = "Actor", scope, time, timeNano
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(.type, or: "")
        action = try container.decode(.action, or: "")
        actor = try container.decode(.actor, or: Actor(id: ""))
        scope = try container.decodeIfPresent(String.self, forKey: .scope)
        time = try container.decode(.time, or: 0)
        timeNano = try container.decodeIfPresent(Int64.self, forKey: .timeNano)
    }
}
