/// The engine's version report (`GET /version`).
public struct EngineVersion: Sendable, Hashable, Decodable {
    public var version: String
    public var apiVersion: String
    public var minAPIVersion: String?
    public var os: String
    public var arch: String
    public var kernelVersion: String?

    public init(
        version: String,
        apiVersion: String,
        minAPIVersion: String? = nil,
        os: String = "linux",
        arch: String = "amd64",
        kernelVersion: String? = nil
    ) {
        self.version = version
        self.apiVersion = apiVersion
        self.minAPIVersion = minAPIVersion
        self.os = os
        self.arch = arch
        self.kernelVersion = kernelVersion
    }

    enum CodingKeys: String, CodingKey {
        case version = "Version"
        case apiVersion = "ApiVersion"
        case minAPIVersion = "MinAPIVersion"
        case os = "Os"
        case arch = "Arch"
        case kernelVersion = "KernelVersion"
    }
}
