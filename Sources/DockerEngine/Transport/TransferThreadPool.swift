import Foundation

/// Dedicated threads that run blocking libcurl transfers.
///
/// `curl_easy_perform` blocks its thread for the whole exchange — for a followed log
/// or event stream, indefinitely — so it must never run on Swift's cooperative pool,
/// whose few threads would starve every other task. This pool is elastic: a job
/// always gets a thread at once (a new one is started when none is idle, so ten
/// parallel container creations really run in parallel), and up to `maxIdleThreads`
/// threads stay parked afterwards, each keeping its easy handle and the handle's
/// keep-alive connection for the next request.
final class TransferThreadPool: @unchecked Sendable {
    typealias Job = @Sendable (CurlEasyHandle) -> Void

    static let shared = TransferThreadPool()

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [Job] = []
    private var idleThreads = 0
    private var threadCount = 0

    private let maxIdleThreads: Int
    private let idleTimeout: TimeInterval

    init(maxIdleThreads: Int = 8, idleTimeout: TimeInterval = 30) {
        self.maxIdleThreads = maxIdleThreads
        self.idleTimeout = idleTimeout
    }

    /// Runs `job` on a pool thread with that thread's easy handle, freshly reset.
    func submit(_ job: @escaping Job) {
        condition.lock()
        queue.append(job)
        let needsThread = queue.count > idleThreads
        if needsThread { threadCount += 1 }
        condition.signal()
        condition.unlock()
        if needsThread { startThread() }
    }

    /// Runs blocking work that is not a libcurl transfer on a pool thread and returns its result.
    func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            submit { _ in continuation.resume(returning: work()) }
        }
    }

    private func startThread() {
        let thread = Thread { [self] in runWorker() }
        thread.name = "hind-curl"
        thread.stackSize = 512 * 1024
        thread.start()
    }

    private func runWorker() {
        let handle = CurlEasyHandle()
        while let job = nextJob() {
            job(handle)
            handle.reset()
        }
    }

    /// Waits for a job; `nil` when this thread should exit (idle too long, or too many idle).
    private func nextJob() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if idleThreads >= maxIdleThreads {
                threadCount -= 1
                return nil
            }
            idleThreads += 1
            let signalled = condition.wait(until: Date(timeIntervalSinceNow: idleTimeout))
            idleThreads -= 1
            if !signalled && queue.isEmpty {
                threadCount -= 1
                return nil
            }
        }
        return queue.removeFirst()
    }
}
