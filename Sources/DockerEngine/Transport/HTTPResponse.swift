/// Status line and headers of a response, available before its body.
struct HTTPResponseHead: Sendable, Equatable {
    var status: Int
    /// Header names are lower-cased; a repeated header keeps its last value.
    var headers: [String: String]

    init(status: Int, headers: [String: String] = [:]) {
        self.status = status
        self.headers = headers
    }

    subscript(header name: String) -> String? {
        headers[name.lowercased()]
    }
}

/// A complete response with its body collected.
struct HTTPResponse: Sendable {
    var head: HTTPResponseHead
    var body: [UInt8]

    var status: Int { head.status }
}

/// A response whose body arrives as it is produced (logs, events, pull progress).
///
/// Dropping or cancelling the iteration of `body` aborts the underlying transfer.
struct HTTPStreamingResponse: Sendable {
    var head: HTTPResponseHead
    var body: AsyncThrowingStream<[UInt8], any Error>

    /// Reads the body to its end (used for the short error body of a failed request).
    func collectBody(limit: Int = 1 << 20) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in body {
            bytes += chunk.prefix(limit - bytes.count)
            if bytes.count >= limit { break }
        }
        return bytes
    }
}
