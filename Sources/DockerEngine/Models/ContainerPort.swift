/// A port inside a container with its protocol, written `9870/tcp` by the engine.
public struct ContainerPort: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum TransportProtocol: String, Sendable, Hashable, Codable {
        case tcp, udp, sctp
    }

    public var port: Int
    public var transportProtocol: TransportProtocol

    public init(_ port: Int, _ transportProtocol: TransportProtocol = .tcp) {
        self.port = port
        self.transportProtocol = transportProtocol
    }

    /// Parses `9870/tcp` (or `9870`, meaning tcp).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let first = parts.first, let port = Int(first) else { return nil }
        let proto = parts.count == 2 ? TransportProtocol(rawValue: String(parts[1])) : .tcp
        guard let proto else { return nil }
        self.init(port, proto)
    }

    public var description: String { "\(port)/\(transportProtocol.rawValue)" }

    public static func < (lhs: ContainerPort, rhs: ContainerPort) -> Bool {
        (lhs.port, lhs.transportProtocol.rawValue) < (rhs.port, rhs.transportProtocol.rawValue)
    }
}

/// A container port published on the host.
public struct PortPublication: Sendable, Hashable {
    public var containerPort: ContainerPort
    /// The host address to listen on: loopback by default, so a development cluster
    /// is not exposed to the network; `""` or `0.0.0.0` for every interface.
    public var hostIP: String
    /// The host port; `nil` lets the engine choose a free one (read it back from
    /// ``ContainerInspect/hostPort(for:)``).
    public var hostPort: Int?

    public init(_ containerPort: ContainerPort, hostIP: String = "127.0.0.1", hostPort: Int? = nil) {
        self.containerPort = containerPort
        self.hostIP = hostIP
        self.hostPort = hostPort
    }
}

/// A port binding as the engine reports it.
public struct PortBinding: Sendable, Hashable, Codable {
    public var hostIP: String
    /// The host port as text (the engine's type); `""` before the engine chose one.
    public var hostPort: String

    public init(hostIP: String = "", hostPort: String = "") {
        self.hostIP = hostIP
        self.hostPort = hostPort
    }

    enum CodingKeys: String, CodingKey {
        case hostIP = "HostIp"
        case hostPort = "HostPort"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hostIP = try container.decode(.hostIP, or: "")
        hostPort = try container.decode(.hostPort, or: "")
    }
}
