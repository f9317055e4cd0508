import ArgumentParser

/// `--output text|json`: step lines for people, one JSON document for machines.
public struct OutputOptions: ParsableArguments {
    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, json
    }

    @Option(name: [.customShort("o"), .long], help: "Output format: text or json.")
    public var output: Format = .text

    public init() {}

    public var isJSON: Bool { output == .json }
}
