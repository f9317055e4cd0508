/// Plain HTTP GETs (and bodiless PUTs) over TCP, for services on published ports
/// (`http://127.0.0.1:9870/jmx?qry=...`, WebHDFS), on the same threads as the engine client.
public struct HTTPGetter: Sendable {
    public var connectTimeout: Duration

    public init(connectTimeout: Duration = .seconds(2)) {
        self.connectTimeout = connectTimeout
    }

    /// Fetches `url`; any status is returned, not thrown.
    ///
    /// - Throws: ``TransportError`` when no response arrives (connection refused, timed
    ///   out, cancelled) — the usual state of a daemon that is still starting.
    public func get(
        _ url: String,
        headers: [String: String] = [:],
        timeout: Duration = .seconds(10),
        followRedirects: Bool = false
    ) async throws(TransportError) -> (status: Int, body: [UInt8]) {
        var request = HTTPRequest(
            method: .get,
            url: url,
            headers: headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) },
            connectTimeout: min(connectTimeout, timeout),
            timeout: timeout
        )
        request.followRedirects = followRedirects
        return try await send(request)
    }

    /// Sends a PUT without a body (a WebHDFS `op=MKDIRS`); any status is returned.
    public func put(_ url: String, timeout: Duration = .seconds(10)) async throws(TransportError) -> (status: Int, body: [UInt8]) {
        try await send(HTTPRequest(method: .put, url: url, body: .bytes([]), connectTimeout: min(connectTimeout, timeout), timeout: timeout))
    }

    /// Any method with an optional body, redirects not followed: the status, the
    /// `Location` header and the body (WebHDFS's two-step CREATE and APPEND).
    public func request(
        _ method: HTTPMethod, _ url: String, body: [UInt8]? = nil, timeout: Duration = .seconds(10)
    ) async throws(TransportError) -> (status: Int, location: String?, body: [UInt8]) {
        let request = HTTPRequest(method: method, url: url, body: body.map { .bytes($0) }, connectTimeout: min(connectTimeout, timeout), timeout: timeout)
        let response = try await CurlTransport(unixSocketPath: nil).send(request)
        return (response.status, response.head[header: "location"], response.body)
    }

    private func send(_ request: HTTPRequest) async throws(TransportError) -> (status: Int, body: [UInt8]) {
        let response = try await CurlTransport(unixSocketPath: nil).send(request)
        return (response.status, response.body)
    }
}

/// One plain HTTP GET; see ``HTTPGetter/get(_:headers:timeout:followRedirects:)``.
public func httpGet(url: String, timeout: Duration = .seconds(10)) async throws(TransportError) -> (status: Int, body: [UInt8]) {
    try await HTTPGetter().get(url, timeout: timeout)
}
