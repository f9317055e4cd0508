import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A unix socket for error tests: either bound but not listening (connections are
/// refused), or served by a tiny HTTP server that is not a (healthy) Docker engine.
final class UnixSocketStub: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private let thread: Thread?

    /// - Parameter response: raw HTTP response written to every connection; `nil` to
    ///   bind without listening.
    convenience init(response: String?) throws {
        if let response {
            try self.init { _ in response }
        } else {
            try self.init(respond: nil)
        }
    }

    /// Answers each connection with what `respond` returns for its request line
    /// (`GET /_ping HTTP/1.1`); nil leaves the connection open and unanswered, an engine
    /// that hangs.
    init(respond: (@Sendable (String) -> String?)?) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hind-stub-\(UUID().uuidString.prefix(8)).sock").path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        self.path = path
        self.fd = fd

        guard let respond else {
            thread = nil
            return
        }
        listen(fd, 8)
        let listener = fd
        let thread = Thread {
            var hanging: [Int32] = []
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else {
                    hanging.forEach { close($0) }
                    return
                }
                var request = [UInt8](repeating: 0, count: 4096)
                let count = read(connection, &request, request.count)
                let requestLine = String(decoding: request[..<max(count, 0)], as: UTF8.self).split(separator: "\r\n").first.map(String.init) ?? ""
                guard let response = respond(requestLine) else {
                    hanging.append(connection)
                    continue
                }
                let reply = Array(response.utf8)
                _ = write(connection, reply, reply.count)
                close(connection)
            }
        }
        self.thread = thread
        thread.start()
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        unlink(path)
    }
}
