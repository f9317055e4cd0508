/// What `GET /_ping` tells about the engine, from its response headers.
public struct PingInfo: Sendable, Hashable {
    /// The engine's maximum API version (`Api-Version`); `nil` if it sent none.
    public var apiVersion: APIVersion?
    /// `linux` or `windows` (`Ostype`).
    public var osType: String?
    /// The `Server` header, e.g. `Docker/20.10.24+dfsg1 (linux)` or `Libpod/4.3.1 (linux)`.
    public var server: String?
    /// Whether the engine runs experimental features (`Docker-Experimental`).
    public var experimental: Bool

    public init(apiVersion: APIVersion? = nil, osType: String? = nil, server: String? = nil, experimental: Bool = false) {
        self.apiVersion = apiVersion
        self.osType = osType
        self.server = server
        self.experimental = experimental
    }

    init(head: HTTPResponseHead) {
        self.init(
            apiVersion: head[header: "Api-Version"].flatMap(APIVersion.init),
            osType: head[header: "Ostype"],
            server: head[header: "Server"],
            experimental: head[header: "Docker-Experimental"] == "true"
        )
    }
}
