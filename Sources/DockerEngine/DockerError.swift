import Foundation

/// Everything that can go wrong talking to the Docker engine, in cases a caller can
/// act on. `description` is one readable line that says what to do next.
public enum DockerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 404: no such container, image, network, volume or exec instance.
    case notFound(message: String)
    /// 409: a name already in use, or an object busy (removing a running container).
    case conflict(message: String)
    /// 304 where the caller did not treat it as success.
    case notModified(message: String)
    /// The socket is missing or nobody accepts connections on it.
    case engineUnreachable(socketPath: String, reason: String)
    /// The socket exists but this user may not connect to it (EACCES).
    case permissionDenied(socketPath: String)
    /// Something answered on the socket, but not as a Docker engine.
    case notAnEngine(socketPath: String, detail: String)
    /// The engine's API is older than this client supports, or it refused our version.
    case versionUnsupported(server: String, minimum: String)
    /// `DOCKER_HOST` names something other than a unix socket.
    case unsupportedEndpoint(String)
    /// The engine answered 200 and then reported a failure inside the stream
    /// (`{"errorDetail":{"message":...}}` while pulling or building, a system error frame).
    case streamError(message: String)
    /// No answer within the allotted time.
    case timeout(operation: String)
    /// The calling task was cancelled; the transfer was aborted.
    case cancelled
    /// Any other HTTP error status, with the engine's message.
    case http(status: Int, message: String)
    /// The connection broke mid-request.
    case transport(message: String)
    /// The engine's answer could not be decoded.
    case invalidResponse(message: String)

    /// The HTTP status behind this error, when there was one.
    public var statusCode: Int? {
        switch self {
        case .notFound: 404
        case .conflict: 409
        case .notModified: 304
        case .http(let status, _): status
        default: nil
        }
    }

    /// The engine's own message (or the transport's), without advice.
    public var message: String {
        switch self {
        case .notFound(let message), .conflict(let message), .notModified(let message),
             .streamError(let message), .http(_, let message), .transport(let message),
             .invalidResponse(let message):
            message
        case .engineUnreachable(_, let reason): reason
        case .permissionDenied: "permission denied"
        case .notAnEngine(_, let detail): detail
        case .versionUnsupported(let server, let minimum): "engine API \(server) is below \(minimum)"
        case .unsupportedEndpoint(let host): "unsupported DOCKER_HOST \(host)"
        case .timeout(let operation): "timed out: \(operation)"
        case .cancelled: "cancelled"
        }
    }

    public var description: String {
        switch self {
        case .notFound(let message):
            "not found: \(message)"
        case .conflict(let message):
            "the Docker engine refused: \(message) (the object is in use or not in the state the request needs; check it with docker inspect)"
        case .notModified(let message):
            "not modified: \(message)"
        case .engineUnreachable(let path, let reason):
            "cannot reach the Docker engine at \(path) (\(reason)): start it with scripts/setup-engine or set DOCKER_HOST=unix:///path"
        case .permissionDenied(let path):
            "permission denied on the Docker engine socket \(path): run as root or as a member of the socket's group (usually docker)"
        case .notAnEngine(let path, let detail):
            "\(path) answers, but not as a Docker engine (\(detail)): set DOCKER_HOST=unix:///path to the engine's socket"
        case .versionUnsupported(let server, let minimum):
            "the Docker engine speaks API \(server) but hind needs at least \(minimum): upgrade the engine (Docker 20.10 or newer)"
        case .unsupportedEndpoint(let host):
            "DOCKER_HOST=\(host) is not supported: hind talks to a local unix socket; unset DOCKER_HOST or set DOCKER_HOST=unix:///path"
        case .streamError(let message):
            "the Docker engine reported an error: \(message)"
        case .timeout(let operation):
            "the Docker engine did not answer in time (\(operation)): check that it is healthy (its log, `docker info`) and retry"
        case .cancelled:
            "the request to the Docker engine was cancelled"
        case .http(let status, let message):
            "the Docker engine answered \(status): \(message)"
        case .transport(let message):
            "the connection to the Docker engine failed (\(message)): check the engine's log and retry"
        case .invalidResponse(let message):
            "the Docker engine's answer could not be read (\(message)): check that DOCKER_HOST names a Docker engine, and report it with the engine's version if it does"
        }
    }
}

extension DockerError {
    /// The error for a failed HTTP response: its status and the engine's `{"message": ...}`
    /// (or the body's text when it is not that JSON).
    public static func from(status: Int, body: [UInt8]) -> DockerError {
        let message = engineMessage(in: body) ?? "HTTP \(status)"
        switch status {
        case 304: return .notModified(message: message)
        case 404: return .notFound(message: message)
        case 409: return .conflict(message: message)
        case 400 where message.contains("client version") && message.contains("too old"):
            // "client version 1.41 is too old. Minimum supported API version is 1.44, ..."
            let minimum = message.components(separatedBy: "Minimum supported API version is ")
                .dropFirst().first?.prefix { $0.isNumber || $0 == "." } ?? "?"
            return .versionUnsupported(server: "(refused our version)", minimum: String(minimum))
        default: return .http(status: status, message: message)
        }
    }

    private static func engineMessage(in body: [UInt8]) -> String? {
        struct ErrorBody: Decodable { var message: String }
        if let decoded = try? JSONDecoder().decode(ErrorBody.self, from: Data(body)) {
            return decoded.message
        }
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The error for a transport failure while talking to the engine at `socketPath`.
    static func from(_ error: TransportError, socketPath: String, operation: String) -> DockerError {
        switch error.kind {
        case .cancelled:
            return .cancelled
        case .timedOut:
            return .timeout(operation: "\(operation) on \(socketPath)")
        case .couldNotConnect:
            switch error.osErrno {
            case EACCES, EPERM: return .permissionDenied(socketPath: socketPath)
            case ENOENT: return .engineUnreachable(socketPath: socketPath, reason: "no such file")
            case ECONNREFUSED: return .engineUnreachable(socketPath: socketPath, reason: "connection refused")
            case ENOTSOCK: return .engineUnreachable(socketPath: socketPath, reason: "not a socket")
            default: return .engineUnreachable(socketPath: socketPath, reason: error.message)
            }
        case .failed:
            return .transport(message: error.message)
        }
    }
}
