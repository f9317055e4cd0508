import Foundation

/// Where the Docker Engine API listens: a unix socket.
///
/// Docker, rootless Docker and Podman's Docker-compatible service all serve the API
/// on a unix socket; `tcp://` and `ssh://` hosts are not supported.
public struct EngineEndpoint: Sendable, Hashable, CustomStringConvertible {
    public static let defaultSocketPath = "/var/run/docker.sock"

    public var socketPath: String

    public init(socketPath: String = EngineEndpoint.defaultSocketPath) {
        self.socketPath = socketPath
    }

    /// The endpoint named by a `DOCKER_HOST` value (`unix:///run/user/1000/docker.sock`).
    ///
    /// - Throws: ``DockerError/unsupportedEndpoint(_:)`` for any other scheme.
    public init(dockerHost: String) throws(DockerError) {
        let value = dockerHost.trimmingCharacters(in: .whitespaces)
        guard value.hasPrefix("unix://") else {
            throw .unsupportedEndpoint(value)
        }
        let path = String(value.dropFirst("unix://".count))
        guard path.hasPrefix("/") else {
            throw .unsupportedEndpoint(value)
        }
        self.init(socketPath: path)
    }

    /// `DOCKER_HOST` if it is set and not empty, else the default socket.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DockerError) -> EngineEndpoint {
        guard let host = environment["DOCKER_HOST"], !host.isEmpty else {
            return EngineEndpoint()
        }
        return try EngineEndpoint(dockerHost: host)
    }

    public var description: String { "unix://\(socketPath)" }
}
