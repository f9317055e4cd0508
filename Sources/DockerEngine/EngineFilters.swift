import Foundation

/// The `filters` query parameter of list and event endpoints: JSON of the form
/// `{"label":["io.hind.cluster=dev"],"type":["container"]}`.
///
/// Find hind's objects by label: the engine's `name` filter is an unanchored regex.
public struct EngineFilters: Sendable, Hashable {
    public private(set) var values: [String: [String]]

    public init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    /// Filters on labels: `key=value` for each pair, `key` alone for an empty value
    /// (the label is present, whatever its value).
    public init(labels: [String: String]) {
        self.init()
        add(labels: labels)
    }

    public var isEmpty: Bool { values.isEmpty }

    public mutating func add(_ name: String, _ value: String) {
        values[name, default: []].append(value)
    }

    public mutating func add(labels: [String: String]) {
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) {
            add("label", value.isEmpty ? key : "\(key)=\(value)")
        }
    }

    /// Compact JSON with sorted keys (stable, so it can be compared in tests).
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(values)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
