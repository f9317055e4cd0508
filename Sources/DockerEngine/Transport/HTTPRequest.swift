/// The HTTP methods the transport sends.
public enum HTTPMethod: String, Sendable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"
    case head = "HEAD"
}

/// A request body: bytes held in memory, or a file streamed from disk so that a
/// large tar (an image import of a few hundred MB) is never loaded whole.
enum HTTPBody: Sendable {
    case bytes([UInt8])
    case file(path: String)
}

/// One HTTP request as the transport sends it.
///
/// `url` is absolute (`http://localhost/v1.41/containers/json?all=1`); whether it
/// travels over a unix socket or TCP is the transport's business, not the request's.
struct HTTPRequest: Sendable {
    var method: HTTPMethod
    var url: String
    var headers: [(name: String, value: String)]
    var body: HTTPBody?
    /// Time allowed to establish the connection.
    var connectTimeout: Duration
    /// Time allowed for the whole exchange; `nil` for none (followed streams, waits).
    var timeout: Duration?
    /// Follow `Location` on 3xx answers (WebHDFS redirects reads to a DataNode).
    var followRedirects = false

    init(
        method: HTTPMethod,
        url: String,
        headers: [(name: String, value: String)] = [],
        body: HTTPBody? = nil,
        connectTimeout: Duration = .seconds(5),
        timeout: Duration? = .seconds(60)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so that a tiny positive duration never becomes 0
    /// (which libcurl reads as "no timeout").
    var roundedUpMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(max(millis, 1))
    }
}
