/// Receives the steps of a long operation, kind-style: each step starts, then ends with
/// ✓ or ✗ and its elapsed time. The CLI prints them on standard error.
public protocol ProgressReporter: Sendable {
    func stepStarted(_ title: String)
    /// `detail` replaces the title on the final line when the step learned something
    /// worth saying (e.g. "Waiting for HDFS: 3/3 DataNodes live").
    func stepEnded(_ title: String, detail: String?, seconds: Double, succeeded: Bool)
    /// A line of its own, such as a choice hind made for the user.
    func note(_ message: String)
}

extension ProgressReporter {
    /// Runs `body` as one step, timing it and reporting how it ended.
    public func step<Result>(
        _ title: String,
        detail: (Result) -> String? = { _ in nil },
        _ body: () async throws -> Result
    ) async throws -> Result {
        stepStarted(title)
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let result = try await body()
            stepEnded(title, detail: detail(result), seconds: (clock.now - started).seconds, succeeded: true)
            return result
        } catch {
            stepEnded(title, detail: nil, seconds: (clock.now - started).seconds, succeeded: false)
            throw error
        }
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
