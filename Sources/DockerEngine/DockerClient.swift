import Foundation

/// A client for the Docker Engine API on a unix socket.
///
/// Create it with ``connect(endpoint:maximumVersion:timeouts:)``, which pings the engine
/// and settles the API version that prefixes every later request. The client holds no
/// mutable state, so one instance is shared freely between tasks; requests run on
/// dedicated threads and any number may be in flight at once.
///
/// Every method throws ``DockerError``.
public final class DockerClient: Sendable {
    /// Limits applied to requests that do not set their own.
    public struct Timeouts: Sendable, Hashable {
        /// Time to establish the connection to the socket.
        public var connect: Duration
        /// Time for a whole read (`GET`: inspect, list, version): the engine answers these
        /// from memory, so an engine that takes longer is stuck, and saying so in seconds
        /// beats hanging.
        public var read: Duration
        /// Time for a whole ordinary change (create, start, remove, upload). Streams (logs,
        /// events, pulls, builds) and waits have no total limit; stopping a container gets
        /// its grace period on top.
        public var request: Duration

        public init(connect: Duration = .seconds(5), read: Duration = .seconds(10), request: Duration = .seconds(60)) {
            self.connect = connect
            self.read = read
            self.request = request
        }
    }

    public let endpoint: EngineEndpoint
    /// The version negotiated with the engine.
    public let apiVersion: APIVersion
    public let timeouts: Timeouts
    let transport: CurlTransport

    init(endpoint: EngineEndpoint, apiVersion: APIVersion, timeouts: Timeouts) {
        self.endpoint = endpoint
        self.apiVersion = apiVersion
        self.timeouts = timeouts
        self.transport = CurlTransport(unixSocketPath: endpoint.socketPath)
    }

    /// Connects to the engine: pings it and negotiates the API version
    /// (the lower of the engine's and `maximumVersion`).
    ///
    /// - Parameter endpoint: the socket; by default `DOCKER_HOST` or `/var/run/docker.sock`.
    public static func connect(
        endpoint: EngineEndpoint? = nil,
        maximumVersion: APIVersion = .maximumSupported,
        timeouts: Timeouts = Timeouts()
    ) async throws(DockerError) -> DockerClient {
        let endpoint = if let endpoint { endpoint } else { try EngineEndpoint.fromEnvironment() }
        let probe = DockerClient(endpoint: endpoint, apiVersion: .minimumSupported, timeouts: timeouts)
        let ping = try await probe.ping()
        let version = try APIVersion.negotiate(server: ping.apiVersion, client: maximumVersion)
        return DockerClient(endpoint: endpoint, apiVersion: version, timeouts: timeouts)
    }

    /// Checks the engine answers. `_ping` is unversioned, so it works before negotiation.
    public func ping() async throws(DockerError) -> PingInfo {
        let request = HTTPRequest(
            method: .get,
            url: "http://localhost/_ping",
            connectTimeout: timeouts.connect,
            timeout: timeouts.read
        )
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw DockerError.from(error, socketPath: endpoint.socketPath, operation: "GET /_ping")
        }
        let info = PingInfo(head: response.head)
        let body = String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard response.status == 200, info.apiVersion != nil || body == "OK" else {
            let detail = "GET /_ping answered \(response.status) \(body.prefix(80))"
            throw DockerError.notAnEngine(socketPath: endpoint.socketPath, detail: detail)
        }
        return info
    }

    /// The engine's version details (`GET /version`).
    public func version() async throws(DockerError) -> EngineVersion {
        try await requestJSON(.get, "/version")
    }
}

// MARK: - Request plumbing shared by the endpoint extensions

extension DockerClient {
    /// A request body with its content type.
    enum RequestBody {
        case json(any Encodable & Sendable)
        case tar(HTTPBody)
    }

    /// How long a request may take.
    enum RequestTimeout {
        /// ``Timeouts/read`` for a `GET`, else ``Timeouts/request``.
        case standard
        /// The standard limit plus `extra` (a stop's grace period).
        case extended(Duration)
        /// No total limit: streams and waits.
        case unlimited
    }

    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Sends a request to the versioned API and returns the response if its status is
    /// 2xx (or 304 when `notModifiedIsSuccess`); otherwise throws the mapped error.
    @discardableResult
    func send(
        _ method: HTTPMethod,
        _ path: String,
        query: QueryItems = QueryItems(),
        body: RequestBody? = nil,
        headers: [(name: String, value: String)] = [],
        timeout: RequestTimeout = .standard,
        notModifiedIsSuccess: Bool = false
    ) async throws(DockerError) -> HTTPResponse {
        let request = try makeRequest(method, path, query: query, body: body, headers: headers, timeout: timeout)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw DockerError.from(error, socketPath: endpoint.socketPath, operation: "\(method.rawValue) \(path)")
        }
        guard (200..<300).contains(response.status) || (notModifiedIsSuccess && response.status == 304) else {
            throw DockerError.from(status: response.status, body: response.body)
        }
        return response
    }

    /// Sends a request and decodes its JSON answer.
    func requestJSON<Response: Decodable>(
        _ method: HTTPMethod,
        _ path: String,
        query: QueryItems = QueryItems(),
        body: RequestBody? = nil,
        timeout: RequestTimeout = .standard,
        as type: Response.Type = Response.self
    ) async throws(DockerError) -> Response {
        let response = try await send(method, path, query: query, body: body, timeout: timeout)
        return try decode(Response.self, from: response.body, context: "\(method.rawValue) \(path)")
    }

    /// Opens a streamed response; a non-2xx status is read in full and thrown.
    func openStream(
        _ method: HTTPMethod,
        _ path: String,
        query: QueryItems = QueryItems(),
        body: RequestBody? = nil
    ) async throws(DockerError) -> HTTPStreamingResponse {
        let request = try makeRequest(method, path, query: query, body: body, headers: [], timeout: .unlimited)
        let operation = "\(method.rawValue) \(path)"
        let response: HTTPStreamingResponse
        do {
            response = try await transport.stream(request)
        } catch {
            throw DockerError.from(error, socketPath: endpoint.socketPath, operation: operation)
        }
        guard (200..<300).contains(response.head.status) else {
            let errorBody = (try? await response.collectBody()) ?? []
            throw DockerError.from(status: response.head.status, body: errorBody)
        }
        let socketPath = endpoint.socketPath
        let body = AsyncThrowingStream<[UInt8], any Error>.mapping(response.body, mapError: { error in
            guard let transportError = error as? TransportError else { return error }
            return DockerError.from(transportError, socketPath: socketPath, operation: operation)
        }, { $0 })
        return HTTPStreamingResponse(head: response.head, body: body)
    }

    /// Decodes an answer; one that does not decode is reported with the request, the
    /// socket and the API version spoken, and what was wrong in one line.
    func decode<Response: Decodable>(
        _ type: Response.Type,
        from body: [UInt8],
        context: String
    ) throws(DockerError) -> Response {
        try Self.decode(type, from: body, context: "\(context) on \(endpoint.socketPath) (API \(apiVersion))")
    }

    static func decode<Response: Decodable>(
        _ type: Response.Type,
        from body: [UInt8],
        context: String
    ) throws(DockerError) -> Response {
        do {
            return try JSONDecoder().decode(Response.self, from: Data(body))
        } catch {
            let snippet = String(decoding: body.prefix(80), as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
            throw .invalidResponse(message: "\(context): \(summary(of: error)); the answer began \"\(snippet)\"")
        }
    }

    /// A decoding error as a short phrase, e.g. `missing key "Id" at [0]`.
    static func summary(of error: any Error) -> String {
        func at(_ context: DecodingError.Context) -> String {
            context.codingPath.isEmpty ? "" : " at " + context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error as? DecodingError {
        case .dataCorrupted(let context)?: return "not valid JSON\(at(context))"
        case .keyNotFound(let key, let context)?: return "missing key \"\(key.stringValue)\"\(at(context))"
        case .typeMismatch(let type, let context)?: return "expected \(type)\(at(context))"
        case .valueNotFound(let type, let context)?: return "missing \(type) value\(at(context))"
        default: return String(describing: error)
        }
    }

    func makeRequest(
        _ method: HTTPMethod,
        _ path: String,
        query: QueryItems,
        body: RequestBody?,
        headers: [(name: String, value: String)],
        timeout: RequestTimeout
    ) throws(DockerError) -> HTTPRequest {
        var headers = headers
        var httpBody: HTTPBody?
        switch body {
        case .json(let value):
            do {
                httpBody = .bytes(Array(try Self.jsonEncoder.encode(value)))
            } catch {
                throw .invalidResponse(message: "could not encode the request for \(path): \(error)")
            }
            headers.append(("Content-Type", "application/json"))
        case .tar(let tar):
            httpBody = tar
            headers.append(("Content-Type", "application/x-tar"))
        case nil:
            break
        }
        let total: Duration? = switch timeout {
        case .standard: method == .get ? timeouts.read : timeouts.request
        case .extended(let extra): timeouts.request + extra
        case .unlimited: nil
        }
        return HTTPRequest(
            method: method,
            url: "http://localhost\(apiVersion.pathPrefix)\(path)\(query.encoded)",
            headers: headers,
            body: httpBody,
            connectTimeout: timeouts.connect,
            timeout: total
        )
    }
}
