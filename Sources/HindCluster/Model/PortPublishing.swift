/// Which daemon ports a cluster publishes on the host, and where.
///
/// Only the entry points a person or a client uses are published: the NameNode RPC and
/// web UI, the ResourceManager web UI and the JobHistory web UI. A `nil` host port lets the engine choose a free
/// one, so two clusters run side by side.
public struct PortPublishing: Hashable, Codable, Sendable {
    public var hostIP: String
    public var namenodeRPC: Int?
    public var namenodeHTTP: Int?
    public var resourcemanagerWeb: Int?
    public var historyWeb: Int?
    /// HA: the second NameNode's web UI and RPC.
    public var secondNamenodeRPC: Int?
    public var secondNamenodeHTTP: Int?
    /// HA with YARN: the second ResourceManager's web UI.
    public var secondResourcemanagerWeb: Int?

    public init(
        hostIP: String = "127.0.0.1",
        namenodeRPC: Int? = nil,
        namenodeHTTP: Int? = nil,
        resourcemanagerWeb: Int? = nil,
        historyWeb: Int? = nil
    ) {
        self.hostIP = hostIP
        self.namenodeRPC = namenodeRPC
        self.namenodeHTTP = namenodeHTTP
        self.resourcemanagerWeb = resourcemanagerWeb
        self.historyWeb = historyWeb
    }

    /// The same publishing with every unset port of `components`' daemons replaced by
    /// `choose()`: `hind up` fixes free ports once, so they stay across `stop` and `start`.
    public func fillingUnset(for components: Set<Component>, ha: Bool = false, _ choose: () throws -> Int) rethrows -> PortPublishing {
        var filled = self
        filled.namenodeRPC = try namenodeRPC ?? choose()
        filled.namenodeHTTP = try namenodeHTTP ?? choose()
        if ha {
            filled.secondNamenodeRPC = try secondNamenodeRPC ?? choose()
            filled.secondNamenodeHTTP = try secondNamenodeHTTP ?? choose()
            if components.contains(.yarn) { filled.secondResourcemanagerWeb = try secondResourcemanagerWeb ?? choose() }
        }
        if components.contains(.yarn) { filled.resourcemanagerWeb = try resourcemanagerWeb ?? choose() }
        if components.contains(.history) { filled.historyWeb = try historyWeb ?? choose() }
        return filled
    }

    /// Parses a host port given on the command line.
    public static func parsePort(_ text: String) throws(SpecError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else { throw .invalidPort(text) }
        return port
    }
}

/// A container port published on the host.
public struct PublishedPort: Hashable, Codable, Sendable {
    public var containerPort: Int
    public var hostIP: String
    /// `nil`: the engine picks a free port.
    public var hostPort: Int?

    public init(containerPort: Int, hostIP: String, hostPort: Int?) {
        self.containerPort = containerPort
        self.hostIP = hostIP
        self.hostPort = hostPort
    }
}
