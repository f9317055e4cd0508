/// How the engine checks a container's health.
public struct Healthcheck: Sendable, Hashable, Encodable {
    /// `["CMD", "prog", "arg"]`, `["CMD-SHELL", "command line"]` or `["NONE"]`.
    public var test: [String]
    public var interval: Duration?
    public var timeout: Duration?
    /// Failures in a row before the container is unhealthy.
    public var retries: Int?
    /// Grace period at start during which failures do not count.
    public var startPeriod: Duration?

    public init(
        test: [String],
        interval: Duration? = nil,
        timeout: Duration? = nil,
        retries: Int? = nil,
        startPeriod: Duration? = nil
    ) {
        self.test = test
        self.interval = interval
        self.timeout = timeout
        self.retries = retries
        self.startPeriod = startPeriod
    }

    /// A check run by the container's shell.
    public static func shell(
        _ command: String,
        interval: Duration? = nil,
        timeout: Duration? = nil,
        retries: Int? = nil,
        startPeriod: Duration? = nil
    ) -> Healthcheck {
        Healthcheck(test: ["CMD-SHELL", command], interval: interval, timeout: timeout, retries: retries, startPeriod: startPeriod)
    }

    enum CodingKeys: String, CodingKey {
        case test = "Test"
        case interval = "Interval"
        case timeout = "Timeout"
        case retries = "Retries"
        case startPeriod = "StartPeriod"
    }

    /// The engine takes durations as integer nanoseconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(test, forKey: .test)
        try container.encodeIfPresent(interval?.nanoseconds, forKey: .interval)
        try container.encodeIfPresent(timeout?.nanoseconds, forKey: .timeout)
        try container.encodeIfPresent(retries, forKey: .retries)
        try container.encodeIfPresent(startPeriod?.nanoseconds, forKey: .startPeriod)
    }
}
