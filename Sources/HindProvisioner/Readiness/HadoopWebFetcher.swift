import DockerEngine

/// How ``HadoopWebClient`` reaches a daemon's web port: from the host through the port
/// the engine published it on, or from inside the cluster (Swarm, which hind does not
/// publish to the world). `port` is whatever the client was configured with.
public protocol HadoopWebFetcher: Sendable {
    /// The status and body of `method path` on `port`, or nil when nothing answers.
    func fetch(_ method: HTTPMethod, port: Int, path: String, timeout: Duration) async -> (status: Int, body: [UInt8])?
}

/// Host ports on `host` (`127.0.0.1` unless published elsewhere), with libcurl.
public struct PublishedPortFetcher: HadoopWebFetcher {
    public var host: String

    public init(host: String = "127.0.0.1") {
        self.host = host
    }

    public func fetch(_ method: HTTPMethod, port: Int, path: String, timeout: Duration) async -> (status: Int, body: [UInt8])? {
        let url = "http://\(host):\(port)\(path)"
        let getter = HTTPGetter()
        let response = method == .get ? try? await getter.get(url, timeout: timeout) : try? await getter.put(url, timeout: timeout)
        return response
    }
}
