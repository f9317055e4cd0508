import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A raw, two-way connection to the engine after an HTTP upgrade: what
/// `POST /exec/{id}/start` with `Connection: Upgrade` / `Upgrade: tcp` turns the
/// request's socket into (status 101), carrying the process's stdin one way and its
/// multiplexed output the other.
///
/// libcurl has no use for such a connection once upgraded, so this speaks to the unix
/// socket directly: one dedicated thread reads (blocking) until the engine closes the
/// stream, writes run on the transfer pool, and `closeWrite` half-closes the socket,
/// which the engine passes on to the process as end of stdin.
final class HijackedConnection: Sendable {
    private let fd: Int32
    private let pool: TransferThreadPool

    private init(fd: Int32, pool: TransferThreadPool) {
        self.fd = fd
        self.pool = pool
    }

    deinit {
        close(fd)
    }

    /// Connects, sends `request` (a complete HTTP/1.1 request asking for an upgrade) and
    /// reads the response head. On 101 (or 200) returns the connection and any stream
    /// bytes that arrived with the head; otherwise throws the engine's error.
    static func open(
        socketPath: String,
        request: [UInt8],
        timeout: Duration,
        pool: TransferThreadPool = .shared
    ) async throws(DockerError) -> (connection: HijackedConnection, head: HTTPResponseHead, initialBytes: [UInt8]) {
        let outcome: Result<(HijackedConnection, HTTPResponseHead, [UInt8]), DockerError> = await pool.run {
            handshake(socketPath: socketPath, request: request, timeout: timeout, pool: pool)
        }
        return try outcome.get()
    }

    /// The engine's side of the stream, as it arrives. Ending the iteration shuts the
    /// socket down, which also ends the blocking read.
    func incoming(startingWith initialBytes: [UInt8]) -> AsyncThrowingStream<[UInt8], any Error> {
        let (stream, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        if !initialBytes.isEmpty { continuation.yield(initialBytes) }
        continuation.onTermination = { [self] termination in
            if case .cancelled = termination { shutdown(fd, Int32(SHUT_RDWR)) }
        }
        let reader = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = read(fd, &buffer, buffer.count)
                if count > 0 {
                    continuation.yield(Array(buffer[..<count]))
                } else if count == 0 {
                    continuation.finish()
                    return
                } else if errno != EINTR {
                    continuation.finish(throwing: DockerError.transport(message: "reading the exec stream: \(String(cString: strerror(errno)))"))
                    return
                }
            }
        }
        reader.name = "hind-hijack-read"
        reader.start()
        return stream
    }

    /// Writes all of `bytes` (blocking on a pool thread while the socket is full).
    func write(_ bytes: [UInt8]) async throws(DockerError) {
        let failure: DockerError? = await pool.run { [self] in
            Self.writeAll(fd, bytes)
        }
        if let failure { throw failure }
    }

    /// Half-closes the connection: the engine sees end of input.
    func closeWrite() {
        shutdown(fd, Int32(SHUT_WR))
    }

    /// Shuts the connection down both ways.
    func shutdownBoth() {
        shutdown(fd, Int32(SHUT_RDWR))
    }

    // MARK: Blocking steps (pool thread)

    private static func handshake(
        socketPath: String,
        request: [UInt8],
        timeout: Duration,
        pool: TransferThreadPool
    ) -> Result<(HijackedConnection, HTTPResponseHead, [UInt8]), DockerError> {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else {
            return .failure(.transport(message: "socket(): \(String(cString: strerror(errno)))"))
        }
        // From here on the connection owns the descriptor and closes it when released.
        let connection = HijackedConnection(fd: fd, pool: pool)
        setTimeout(fd, timeout)

        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(socketPath.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            return .failure(.engineUnreachable(socketPath: socketPath, reason: "socket path too long"))
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            let error = TransportError(kind: .couldNotConnect, osErrno: code, message: String(cString: strerror(code)), url: socketPath)
            return .failure(DockerError.from(error, socketPath: socketPath, operation: "exec attach"))
        }
        if let failure = writeAll(fd, request) { return .failure(failure) }

        // Read up to the end of the head; whatever follows belongs to the stream.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else {
                if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    return .failure(.timeout(operation: "exec attach handshake"))
                }
                return .failure(.transport(message: "the engine closed the connection before answering the exec attach"))
            }
            received += buffer[..<count]
            headEnd = received.firstRange(of: separator)?.upperBound
        }
        let head = parseHead(received[..<headEnd!])
        var rest = Array(received[headEnd!...])

        guard head.status == 101 || head.status == 200 else {
            // An error answer: its body is the engine's JSON message.
            let length = head[header: "Content-Length"].flatMap(Int.init) ?? Int.max
            while rest.count < length {
                let count = read(fd, &buffer, buffer.count)
                guard count > 0 else { break }
                rest += buffer[..<count]
            }
            return .failure(DockerError.from(status: head.status, body: Array(rest.prefix(length))))
        }
        setTimeout(fd, nil)
        return .success((connection, head, rest))
    }

    private static func parseHead(_ bytes: ArraySlice<UInt8>) -> HTTPResponseHead {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let statusFields = lines.first?.split(separator: " ", maxSplits: 2) ?? []
        var head = HTTPResponseHead(status: statusFields.count > 1 ? Int(statusFields[1]) ?? 0 : 0)
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            head.headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return head
    }

    /// `nil` on success.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> DockerError? {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a closed peer must give EPIPE, not kill the process with SIGPIPE.
            let written = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                return .transport(message: "writing to the exec stream: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        return nil
    }

    /// Blocking reads and writes give up after `timeout`; `nil` blocks forever.
    private static func setTimeout(_ fd: Int32, _ timeout: Duration?) {
        let milliseconds = timeout?.roundedUpMilliseconds ?? 0
        var value = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }
}
