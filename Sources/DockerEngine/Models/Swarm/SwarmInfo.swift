/// What `GET /info` says of the engine's Swarm membership: whether hind may create
/// services through it (an active manager) and which Swarm node it is.
public struct SwarmInfo: Sendable, Hashable, Decodable {
    /// The engine's host name.
    public var name: String
    /// `inactive`, `pending`, `active`, `error` or `locked`.
    public var localNodeState: String
    /// Whether this engine is a manager (services are created only through managers).
    public var controlAvailable: Bool
    /// This engine's node ID in the Swarm; empty when not in one.
    public var nodeID: String
    /// The address other nodes reach this one at.
    public var nodeAddress: String

    public init(name: String, localNodeState: String, controlAvailable: Bool, nodeID: String = "", nodeAddress: String = "") {
        self.name = name
        self.localNodeState = localNodeState
        self.controlAvailable = controlAvailable
        self.nodeID = nodeID
        self.nodeAddress = nodeAddress
    }

    public var isActive: Bool { localNodeState == "active" }

    enum CodingKeys: String, CodingKey { case name = "Name", swarm = "Swarm" }
    enum SwarmKeys: String, CodingKey {
        case localNodeState = "LocalNodeState", controlAvailable = "ControlAvailable", nodeID = "NodeID", nodeAddress = "NodeAddr"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(.name, or: "")
        let swarm = try container.nestedContainer(keyedBy: SwarmKeys.self, forKey: .swarm)
        localNodeState = try swarm.decode(.localNodeState, or: "inactive")
        controlAvailable = try swarm.decode(.controlAvailable, or: false)
        nodeID = try swarm.decode(.nodeID, or: "")
        nodeAddress = try swarm.decode(.nodeAddress, or: "")
    }
}

/// One node of a Swarm (`GET /nodes`).
public struct SwarmNode: Sendable, Hashable, Decodable {
    public var id: String
    public var hostname: String
    /// `manager` or `worker`.
    public var role: String
    /// `active`, `pause` or `drain`: only active nodes get new tasks.
    public var availability: String
    /// `ready`, `down`, `disconnected` or `unknown`.
    public var state: String
    public var address: String

    public init(id: String, hostname: String, role: String = "worker", availability: String = "active", state: String = "ready", address: String = "") {
        self.id = id
        self.hostname = hostname
        self.role = role
        self.availability = availability
        self.state = state
        self.address = address
    }

    enum CodingKeys: String, CodingKey { case id = "ID", description = "Description", spec = "Spec", status = "Status" }
    enum DescriptionKeys: String, CodingKey { case hostname = "Hostname" }
    enum SpecKeys: String, CodingKey { case role = "Role", availability = "Availability" }
    enum StatusKeys: String, CodingKey { case state = "State", address = "Addr" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        hostname = try container.nestedContainer(keyedBy: DescriptionKeys.self, forKey: .description).decode(.hostname, or: "")
        let spec = try container.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
        role = try spec.decode(.role, or: "worker")
        availability = try spec.decode(.availability, or: "active")
        let status = try container.nestedContainer(keyedBy: StatusKeys.self, forKey: .status)
        state = try status.decode(.state, or: "unknown")
        address = try status.decode(.address, or: "")
    }
}
