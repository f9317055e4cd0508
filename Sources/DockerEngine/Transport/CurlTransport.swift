import Synchronization

/// HTTP over libcurl, to a unix socket (the engine) or plain TCP (`unixSocketPath == nil`).
///
/// Every transfer runs on a ``TransferThreadPool`` thread; the async methods only
/// await its outcome, so no blocking call ever occupies the cooperative pool, and
/// any number of requests run side by side. Cancelling the awaiting task aborts the
/// transfer (libcurl's progress callback sees the flag and returns non-zero).
struct CurlTransport: Sendable {
    /// `nil` for plain TCP to the URL's host.
    let unixSocketPath: String?
    let pool: TransferThreadPool

    init(unixSocketPath: String?, pool: TransferThreadPool = .shared) {
        self.unixSocketPath = unixSocketPath
        self.pool = pool
    }

    /// Sends `request` and collects the whole response.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let outcome = PendingResult<Result<HTTPResponse, TransportError>>()
        let transfer = CurlTransfer(
            request: request,
            unixSocketPath: unixSocketPath,
            handlers: .init(finish: { outcome.resume($0) })
        )
        return try await run(transfer, awaiting: outcome).get()
    }

    /// Sends `request` and returns as soon as the response head is in; the body
    /// follows as a stream of chunks. Ending the iteration early (or cancelling the
    /// iterating task) aborts the transfer.
    ///
    /// The body is buffered without bound if the consumer is slower than the engine;
    /// the engine's streams (logs, events, progress) are small enough for that.
    func stream(_ request: HTTPRequest) async throws(TransportError) -> HTTPStreamingResponse {
        let (body, bodyContinuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let head = PendingResult<Result<HTTPResponseHead, TransportError>>()
        let transfer = CurlTransfer(
            request: request,
            unixSocketPath: unixSocketPath,
            handlers: .init(
                head: { head.resume(.success($0)) },
                body: { bytes in bodyContinuation.yield(Array(bytes)) },
                finish: { result in
                    switch result {
                    case .success(let response):
                        head.resume(.success(response.head))
                        bodyContinuation.finish()
                    case .failure(let error):
                        head.resume(.failure(error))
                        bodyContinuation.finish(throwing: error)
                    }
                }
            )
        )
        bodyContinuation.onTermination = { termination in
            if case .cancelled = termination { transfer.cancel() }
        }
        let responseHead = try await run(transfer, awaiting: head).get()
        return HTTPStreamingResponse(head: responseHead, body: body)
    }

    /// Submits `transfer` and waits for `pending`, aborting the transfer if the
    /// current task is (or becomes) cancelled meanwhile.
    private func run<Value: Sendable>(_ transfer: CurlTransfer, awaiting pending: PendingResult<Value>) async -> Value {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                pending.install(continuation)
                pool.submit { easy in transfer.perform(on: easy) }
            }
        } onCancel: {
            transfer.cancel()
        }
    }
}

/// A continuation resumed by the first of possibly several signals (a stream's head is
/// signalled by the header callback and again, harmlessly, when the transfer finishes).
private final class PendingResult<Value: Sendable>: Sendable {
    private enum State {
        case waiting
        case installed(CheckedContinuation<Value, Never>)
        case resumed
    }

    private let state = Mutex(State.waiting)

    /// Must be called before anything can `resume`.
    func install(_ continuation: CheckedContinuation<Value, Never>) {
        state.withLock { $0 = .installed(continuation) }
    }

    func resume(_ value: Value) {
        let continuation: CheckedContinuation<Value, Never>? = state.withLock { state in
            guard case .installed(let continuation) = state else { return nil }
            state = .resumed
            return continuation
        }
        continuation?.resume(returning: value)
    }
}
