import Yams

/// Small constructors for Yams nodes that keep key order and quote strings YAML would
/// otherwise read as numbers, booleans or null.
enum YAMLBuilder {
    static func map(_ pairs: [(String, Yams.Node?)]) -> Yams.Node {
        .mapping(Yams.Node.Mapping(pairs.compactMap { key, value in value.map { (string(key), $0) } }))
    }

    static func map(sorted dictionary: [String: String]) -> Yams.Node {
        map(dictionary.keys.sorted().map { ($0, string(dictionary[$0]!)) })
    }

    static func list(_ items: [Yams.Node]) -> Yams.Node {
        .sequence(Yams.Node.Sequence(items))
    }

    static func strings(_ items: [String]) -> Yams.Node { list(items.map(string)) }

    static func string(_ text: String) -> Yams.Node {
        .scalar(Yams.Node.Scalar(text, .implicit, needsQuotes(text) ? .doubleQuoted : .any))
    }

    static func int(_ value: some BinaryInteger) -> Yams.Node {
        .scalar(Yams.Node.Scalar(String(value)))
    }

    /// A Compose duration in whole seconds, e.g. `30s`.
    static func duration(_ value: Duration) -> Yams.Node {
        string("\(value.components.seconds)s")
    }

    static func bool(_ value: Bool) -> Yams.Node {
        .scalar(Yams.Node.Scalar(value ? "true" : "false"))
    }

    /// Whether a plain scalar would resolve to something other than this string (YAML 1.1,
    /// as PyYAML and docker-compose read it, is stricter than 1.2).
    static func needsQuotes(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(lowered) {
            return true
        }
        if Double(text) != nil || Int(text) != nil { return true }
        // Sexagesimal numbers and times such as 1:30 are numbers in YAML 1.1.
        if text.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." }) { return true }
        return false
    }
}
