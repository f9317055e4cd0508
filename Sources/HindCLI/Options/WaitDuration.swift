import ArgumentParser

/// A duration typed on the command line: `90s`, `5m`, `500ms`, `1h`, or bare seconds.
struct WaitDuration: ExpressibleByArgument, Sendable, CustomStringConvertible {
    var duration: Duration
    var description: String

    init?(argument: String) {
        let digits = argument.prefix { $0.isASCII && $0.isNumber }
        guard let value = Int64(digits), value > 0 else { return nil }
        switch argument.dropFirst(digits.count) {
        case "", "s": duration = .seconds(value)
        case "ms": duration = .milliseconds(value)
        case "m": duration = .seconds(value * 60)
        case "h": duration = .seconds(value * 3600)
        default: return nil
        }
        description = argument
    }
}
