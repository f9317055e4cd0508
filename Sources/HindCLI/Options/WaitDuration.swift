import ArgumentParser

/// A duration typed on the command line: `90s`, `5m`, `500ms`, `1h`, or bare seconds.
struct WaitDuration: ExpressibleByArgument, Sendable, CustomStringConvertible {
    var duration: Duration
    var description: String

    init?(argument: String) {
        let digits = argument.prefix { $0.isASCII && $0.isNumber }
        guard let value = Int64(digits), value > 0 else { return nil }
        let unit: Int64
        switch argument.dropFirst(digits.count) {
        case "ms": unit = 1
        case "", "s": unit = 1000
        case "m": unit = 60_000
        case "h": unit = 3_600_000
        default: return nil
        }
        let (milliseconds, overflow) = value.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        duration = .milliseconds(milliseconds)
        description = argument
    }
}
