/// One task of a service (`GET /tasks`): the container a Swarm node runs for it, or
/// the reason it does not.
public struct SwarmTask: Sendable, Hashable, Decodable {
    public var id: String
    public var serviceID: String
    /// The Swarm node the task was assigned to; empty before scheduling.
    public var nodeID: String
    /// What the orchestrator wants: `running`, `shutdown` …
    public var desiredState: String
    /// Where the task is: `new`, `pending`, `assigned`, `preparing`, `starting`,
    /// `running`, `complete`, `failed`, `rejected`, `shutdown`, `orphaned` …
    public var state: String
    /// The engine's word on the state, e.g. `No such image: …` for a rejected task.
    public var message: String
    public var error: String?
    /// The container on the task's node; nil before it is created.
    public var containerID: String?
    public var exitCode: Int?
    /// The task's addresses (`10.0.1.5/24`) by network name.
    public var addresses: [String: [String]]
    /// The labels of the task's container (its service's spec, kept by the task after
    /// the service is removed).
    public var containerLabels: [String: String] = [:]

    public init(id: String, serviceID: String, nodeID: String, desiredState: String = "running", state: String,
                message: String = "", error: String? = nil, containerID: String? = nil, exitCode: Int? = nil,
                addresses: [String: [String]] = [:]) {
        self.id = id
        self.serviceID = serviceID
        self.nodeID = nodeID
        self.desiredState = desiredState
        self.state = state
        self.message = message
        self.error = error
        self.containerID = containerID
        self.exitCode = exitCode
        self.addresses = addresses
    }

    /// States from which a task never comes back (the orchestrator makes a new one).
    public var isFinished: Bool {
        ["complete", "failed", "rejected", "shutdown", "orphaned", "remove"].contains(state)
    }

    enum CodingKeys: String, CodingKey {
        case id = "ID", serviceID = "ServiceID", nodeID = "NodeID", desiredState = "DesiredState", status = "Status"
        case attachments = "NetworksAttachments", spec = "Spec"
    }
    enum SpecKeys: String, CodingKey { case containerSpec = "ContainerSpec" }
    enum ContainerSpecKeys: String, CodingKey { case labels = "Labels" }
    enum StatusKeys: String, CodingKey { case state = "State", message = "Message", error = "Err", containerStatus = "ContainerStatus" }
    enum ContainerStatusKeys: String, CodingKey { case containerID = "ContainerID", exitCode = "ExitCode" }
    struct Attachment: Decodable {
        struct NetworkRef: Decodable {
            struct Spec: Decodable {
                var name: String?
                enum CodingKeys: String, CodingKey { case name = "Name" }
            }
            var spec: Spec?
            enum CodingKeys: String, CodingKey { case spec = "Spec" }
        }
        var network: NetworkRef?
        var addresses: [String]?
        enum CodingKeys: String, CodingKey { case network = "Network", addresses = "Addresses" }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        serviceID = try container.decode(.serviceID, or: "")
        nodeID = try container.decode(.nodeID, or: "")
        desiredState = try container.decode(.desiredState, or: "")
        let status = try container.nestedContainer(keyedBy: StatusKeys.self, forKey: .status)
        state = try status.decode(.state, or: "")
        message = try status.decode(.message, or: "")
        error = try status.decodeIfPresent(String.self, forKey: .error)
        if status.contains(.containerStatus) {
            let containerStatus = try status.nestedContainer(keyedBy: ContainerStatusKeys.self, forKey: .containerStatus)
            containerID = try containerStatus.decodeIfPresent(String.self, forKey: .containerID).flatMap { $0.isEmpty ? nil : $0 }
            exitCode = try containerStatus.decodeIfPresent(Int.self, forKey: .exitCode)
        }
        var addresses: [String: [String]] = [:]
        for attachment in try container.decode(.attachments, or: [Attachment]()) {
            guard let name = attachment.network?.spec?.name else { continue }
            addresses[name] = attachment.addresses ?? []
        }
        self.addresses = addresses
        if let spec = try? container.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec),
           let containerSpec = try? spec.nestedContainer(keyedBy: ContainerSpecKeys.self, forKey: .containerSpec) {
            containerLabels = try containerSpec.decode(.labels, or: [:])
        }
    }

    /// Whether the task's container carries every one of `labels` (an empty value: the
    /// label is present), as the engine's label filter reads them.
    public func matches(labels: [String: String]) -> Bool {
        labels.allSatisfy { key, value in containerLabels[key].map { value.isEmpty || $0 == value } ?? false }
    }
}
