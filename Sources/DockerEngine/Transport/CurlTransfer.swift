import CCurl
import Foundation
import Synchronization

/// One request in flight: configures an easy handle, runs `curl_easy_perform` on a
/// pool thread and reports what libcurl hands its callbacks.
///
/// libcurl calls back on the transfer thread with an opaque pointer: the transfer
/// passes itself as `Unmanaged.passUnretained(self)` and stays alive because the pool
/// job holds it until `curl_easy_perform` returns. All state except `cancelled` is
/// touched only on that thread.
final class CurlTransfer: @unchecked Sendable {
    struct Handlers: Sendable {
        /// Called once, when the final status line and headers have arrived.
        var head: @Sendable (HTTPResponseHead) -> Void = { _ in }
        /// Body bytes as they arrive; `nil` collects the body into the finished response.
        var body: (@Sendable (UnsafeRawBufferPointer) -> Void)?
        /// Called exactly once, last.
        var finish: @Sendable (Result<HTTPResponse, TransportError>) -> Void
    }

    private let request: HTTPRequest
    private let unixSocketPath: String?
    private let handlers: Handlers
    private let cancelled = Atomic<Bool>(false)

    // Transfer-thread state.
    private var status = 0
    private var headers: [String: String] = [:]
    private var headDelivered = false
    private var collectedBody: [UInt8] = []
    private var bodySource: RequestBodySource?

    init(request: HTTPRequest, unixSocketPath: String?, handlers: Handlers) {
        self.request = request
        self.unixSocketPath = unixSocketPath
        self.handlers = handlers
    }

    /// Asks the transfer to stop; libcurl aborts it at its next progress callback
    /// (at the latest about a second later, even while idle).
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    // MARK: Running (transfer thread)

    func perform(on easy: CurlEasyHandle) {
        guard !isCancelled else {
            return handlers.finish(.failure(error(.cancelled, code: CURLE_ABORTED_BY_CALLBACK, "cancelled before start")))
        }
        var headerList: UnsafeMutablePointer<curl_slist>?
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer {
            curl_slist_free_all(headerList)
            errorBuffer.deallocate()
            bodySource = nil
        }

        do {
            for header in request.headers {
                headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
            }
            headerList = try configure(easy, errorBuffer: errorBuffer, headerList: headerList)
        } catch {
            return handlers.finish(.failure(self.error(.failed, code: CURLE_FAILED_INIT, "could not configure the transfer: \(error)")))
        }

        let code = curl_easy_perform(easy.raw)
        if code == CURLE_OK {
            deliverHeadIfNeeded()
            let head = HTTPResponseHead(status: status, headers: headers)
            handlers.finish(.success(HTTPResponse(head: head, body: collectedBody)))
        } else {
            let detail = String(cString: errorBuffer)
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            let osErrno = Int32(truncatingIfNeeded: easy.longInfo(CURLINFO_OS_ERRNO))
            handlers.finish(.failure(error(kind(of: code), code: code, message, osErrno: osErrno)))
        }
    }

    private func configure(
        _ easy: CurlEasyHandle,
        errorBuffer: UnsafeMutablePointer<CChar>,
        headerList: UnsafeMutablePointer<curl_slist>?
    ) throws -> UnsafeMutablePointer<curl_slist>? {
        var headerList = headerList
        let context = Unmanaged.passUnretained(self).toOpaque()

        try easy.set(CURLOPT_URL, request.url)
        if let unixSocketPath {
            try easy.set(CURLOPT_UNIX_SOCKET_PATH, unixSocketPath)
        }
        // Signals (SIGALRM for DNS timeouts, SIGPIPE) are not safe in a multithreaded process.
        try easy.set(CURLOPT_NOSIGNAL, true)
        try easy.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.roundedUpMilliseconds)
        try easy.set(CURLOPT_TIMEOUT_MS, request.timeout?.roundedUpMilliseconds ?? 0)
        if request.followRedirects {
            try easy.set(CURLOPT_FOLLOWLOCATION, true)
            try easy.set(CURLOPT_MAXREDIRS, 10)
        }

        switch (request.method, request.body) {
        case (.get, nil):
            try easy.set(CURLOPT_HTTPGET, true)
        case (.head, _):
            try easy.set(CURLOPT_NOBODY, true)
        case (_, nil):
            // A body-less POST still sends `Content-Length: 0`, which every server accepts.
            try easy.set(CURLOPT_POST, true)
            try easy.set(CURLOPT_POSTFIELDSIZE, 0)
            try easy.set(CURLOPT_COPYPOSTFIELDS, "")
            try easy.set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        case (_, let body?):
            let source = try RequestBodySource(body)
            bodySource = source
            // UPLOAD streams the body through READFUNCTION with a known length; the
            // custom method replaces the PUT that UPLOAD implies.
            try easy.set(CURLOPT_UPLOAD, true)
            try easy.set(CURLOPT_INFILESIZE_LARGE, offset: source.length)
            try easy.set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
            try easy.set(CURLOPT_READDATA, pointer: context)
            try checked(CURLOPT_READFUNCTION, ccurl_setopt_read_function(easy.raw) { buffer, size, count, userdata in
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
                return transfer.readBody(into: buffer!, capacity: size * count)
            })
            // Without this libcurl waits for `100 Continue` before sending a large body.
            headerList = curl_slist_append(headerList, "Expect:")
        }
        try easy.set(CURLOPT_HTTPHEADER, list: headerList)

        try easy.set(CURLOPT_HEADERDATA, pointer: context)
        try checked(CURLOPT_HEADERFUNCTION, ccurl_setopt_header_function(easy.raw) { buffer, size, count, userdata in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            let length = size * count
            transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: length))
            return length
        })
        try easy.set(CURLOPT_WRITEDATA, pointer: context)
        try checked(CURLOPT_WRITEFUNCTION, ccurl_setopt_write_function(easy.raw) { buffer, size, count, userdata in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            let length = size * count
            transfer.receiveBody(UnsafeRawBufferPointer(start: buffer, count: length))
            return length
        })
        try easy.set(CURLOPT_NOPROGRESS, false)
        try easy.set(CURLOPT_XFERINFODATA, pointer: context)
        try checked(CURLOPT_XFERINFOFUNCTION, ccurl_setopt_xferinfo_function(easy.raw) { userdata, _, _, _, _ in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            // Non-zero aborts the transfer with CURLE_ABORTED_BY_CALLBACK.
            return transfer.isCancelled ? 1 : 0
        })
        return headerList
    }

    private func checked(_ option: CURLoption, _ code: CURLcode) throws {
        guard code == CURLE_OK else { throw CurlEasyHandle.SetOptionError(option: option, code: code) }
    }

    // MARK: Callbacks (transfer thread)

    private func receiveHeaderLine(_ raw: UnsafeRawBufferPointer) {
        let line = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            // A new status line: an earlier `100 Continue` (or a redirect) is superseded.
            let fields = line.split(separator: " ", maxSplits: 2)
            status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
            headers = [:]
        } else if line.isEmpty {
            if status >= 200 || status == 101 { deliverHeadIfNeeded() }
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    private func receiveBody(_ bytes: UnsafeRawBufferPointer) {
        deliverHeadIfNeeded()
        if let body = handlers.body {
            body(bytes)
        } else {
            collectedBody.append(contentsOf: bytes)
        }
    }

    private func readBody(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        guard let bodySource else { return 0 }
        return bodySource.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: capacity)) ?? ccurl_readfunc_abort
    }

    private func deliverHeadIfNeeded() {
        guard !headDelivered else { return }
        headDelivered = true
        handlers.head(HTTPResponseHead(status: status, headers: headers))
    }

    // MARK: Errors

    private func kind(of code: CURLcode) -> TransportError.Kind {
        switch code {
        case CURLE_ABORTED_BY_CALLBACK: isCancelled ? .cancelled : .failed
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST: .couldNotConnect
        default: .failed
        }
    }

    private func error(_ kind: TransportError.Kind, code: CURLcode, _ message: String, osErrno: Int32 = 0) -> TransportError {
        TransportError(kind: kind, curlCode: Int(code.rawValue), osErrno: osErrno, message: message, url: request.url)
    }
}

/// Feeds a request body to libcurl's read callback, from memory or from a file.
private final class RequestBodySource {
    private enum Storage {
        case bytes([UInt8], offset: Int)
        case file(FileHandle)
    }

    let length: Int64
    private var storage: Storage

    init(_ body: HTTPBody) throws {
        switch body {
        case .bytes(let bytes):
            length = Int64(bytes.count)
            storage = .bytes(bytes, offset: 0)
        case .file(let path):
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            length = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            storage = .file(try FileHandle(forReadingFrom: URL(fileURLWithPath: path)))
        }
    }

    deinit {
        if case .file(let handle) = storage { try? handle.close() }
    }

    /// Bytes written into `buffer`, 0 at the end, `nil` on a read error.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        switch storage {
        case .bytes(let bytes, let offset):
            let count = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
            }
            storage = .bytes(bytes, offset: offset + count)
            return count
        case .file(let handle):
            let count = Foundation.read(handle.fileDescriptor, buffer.baseAddress, buffer.count)
            return count >= 0 ? count : nil
        }
    }
}
