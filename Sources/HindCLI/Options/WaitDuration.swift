import ArgumentParser

/// A duration typed on the command line: `90s`, `5m`, `500ms`, `1h`, or bare seconds.
struct WaitDuration: Sendable, CustomStringConvertible {
    var duration: Duration
    var description: String

    /// The refusal names the accepted form, so the parser's "invalid value" says what to type.
    struct Invalid: Error, CustomStringConvertible {
        var description: String { "use a positive whole number with a unit ms, s, m or h, e.g. --wait 90s or --wait 5m" }
    }

    init(parsing argument: String) throws(Invalid) {
        let digits = argument.prefix { $0.isASCII && $0.isNumber }
        guard let value = Int64(digits), value > 0 else { throw Invalid() }
        let unit: Int64
        switch argument.dropFirst(digits.count) {
        case "ms": unit = 1
        case "", "s": unit = 1000
        case "m": unit = 60_000
        case "h": unit = 3_600_000
        default: throw Invalid()
        }
        let (milliseconds, overflow) = value.multipliedReportingOverflow(by: unit)
        guard !overflow else { throw Invalid() }
        duration = .milliseconds(milliseconds)
        description = argument
    }
}

/// `--wait` and `--retain`: how long a command that brings a cluster up waits for Hadoop,
/// and whether a failure leaves the cluster as it is for inspection. Shared by `up` and
/// `start`.
struct WaitOptions: ParsableArguments {
    // Unconditional: `--wait -1s` reaches the check below instead of reading as a flag.
    @Option(parsing: .unconditional, help: "How long to wait for the cluster to be ready, e.g. 90s or 5m (default 5m).",
            transform: { try WaitDuration(parsing: $0) })
    var wait: WaitDuration = try! WaitDuration(parsing: "5m")

    @Flag(help: "When the command fails, leave the containers as they are (created, running) to inspect them with hind logs and hind exec.")
    var retain = false
}
