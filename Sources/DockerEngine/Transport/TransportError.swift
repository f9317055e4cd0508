/// A failure below HTTP: the connection could not be made, the transfer timed out,
/// was cancelled, or broke.
///
/// `DockerClient` turns these into ``DockerError`` cases with the socket path;
/// ``HTTPGetter`` throws them as they are.
public struct TransportError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Nothing accepted the connection (missing socket, refused, unreachable).
        case couldNotConnect
        case timedOut
        case cancelled
        /// Anything else libcurl reports (protocol error, connection reset, ...).
        case failed
    }

    public var kind: Kind
    /// The libcurl result code (`CURLcode`).
    public var curlCode: Int
    /// `errno` of the failed system call, when libcurl saw one (ENOENT, ECONNREFUSED, EACCES, ...).
    public var osErrno: Int32
    /// libcurl's own explanation.
    public var message: String
    public var url: String

    public init(kind: Kind, curlCode: Int = 0, osErrno: Int32 = 0, message: String, url: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.osErrno = osErrno
        self.message = message
        self.url = url
    }

    public var description: String {
        switch kind {
        case .couldNotConnect: "could not connect for \(url): \(message)"
        case .timedOut: "timed out on \(url): \(message)"
        case .cancelled: "cancelled: \(url)"
        case .failed: "transfer of \(url) failed: \(message)"
        }
    }
}
