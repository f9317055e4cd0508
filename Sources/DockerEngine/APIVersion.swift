/// A Docker Engine API version such as 1.41, compared numerically (1.9 < 1.41).
public struct APIVersion: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    /// The oldest engine API this client speaks (Docker 20.10).
    public static let minimumSupported = APIVersion(major: 1, minor: 41)
    /// The newest API this client asks for. Engines 29.0–29.2 refuse anything below
    /// 1.44, so the client must not pin itself to its minimum.
    public static let maximumSupported = APIVersion(major: 1, minor: 47)

    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `"1.41"`; an optional leading `v` is accepted.
    public init?(_ description: String) {
        let text = description.hasPrefix("v") ? description.dropFirst() : Substring(description)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0 else {
            return nil
        }
        self.init(major: major, minor: minor)
    }

    public var description: String { "\(major).\(minor)" }

    /// The path prefix for requests at this version: `/v1.41`.
    public var pathPrefix: String { "/v\(description)" }

    public static func < (lhs: APIVersion, rhs: APIVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// The version to speak with an engine that reports `server`: the lower of the two
    /// maxima, so a newer engine hears a version it knows and an older one one it serves.
    ///
    /// - Parameter server: the engine's `Api-Version`; `nil` if it sent none (some
    ///   compatible engines), in which case the minimum is used.
    /// - Throws: ``DockerError/versionUnsupported(server:minimum:)`` when the engine is
    ///   older than ``minimumSupported``.
    public static func negotiate(
        server: APIVersion?,
        client: APIVersion = .maximumSupported,
        minimum: APIVersion = .minimumSupported
    ) throws(DockerError) -> APIVersion {
        guard let server else { return minimum }
        guard server >= minimum else {
            throw .versionUnsupported(server: server.description, minimum: minimum.description)
        }
        return Swift.min(server, client)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let version = APIVersion(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an API version: \(text)"))
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
