/// A user's `--conf FILE:KEY=VALUE`: one property set in one Hadoop config file.
///
/// Overrides are applied in order after hind's defaults, so a later one wins.
public struct ConfigOverride: Hashable, Codable, Sendable {
    public var file: HadoopConfigFile
    public var key: String
    public var value: String
    /// Passed without checking the key against the image's defaults (`--conf-unchecked`).
    public var unchecked: Bool

    public init(file: HadoopConfigFile, key: String, value: String, unchecked: Bool = false) {
        self.file = file
        self.key = key
        self.value = value
        self.unchecked = unchecked
    }

    private enum CodingKeys: String, CodingKey { case file, key, value, unchecked }

    /// Spec labels written before `--conf-unchecked` existed have no `unchecked`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(HadoopConfigFile.self, forKey: .file)
        key = try container.decode(String.self, forKey: .key)
        value = try container.decode(String.self, forKey: .value)
        unchecked = try container.decodeIfPresent(Bool.self, forKey: .unchecked) ?? false
    }

    /// Parses `hdfs-site:dfs.replication=2`. The value runs to the end and may hold `=` or `:`.
    public init(parsing text: String, unchecked: Bool = false) throws(SpecError) {
        guard let colon = text.firstIndex(of: ":") else {
            throw .malformedConfigOverride(text, reason: "it has no 'FILE:'")
        }
        let fileName = String(text[..<colon])
        let assignment = text[text.index(after: colon)...]
        guard let equals = assignment.firstIndex(of: "=") else {
            throw .malformedConfigOverride(text, reason: "it has no '='")
        }
        let key = String(assignment[..<equals])
        guard !key.isEmpty else { throw .malformedConfigOverride(text, reason: "the key is empty") }
        guard !key.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "&" }) else {
            throw .malformedConfigOverride(text, reason: "the key '\(key)' has spaces or markup")
        }
        let value = String(assignment[assignment.index(after: equals)...])
        // XML 1.0 cannot carry these even escaped: the daemons would fail to parse the file.
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 && !["\t", "\n", "\r"].contains($0) }) else {
            throw .malformedConfigOverride(text, reason: "the value has control characters XML cannot carry")
        }
        self.file = try HadoopConfigFile(parsing: fileName)
        self.key = key
        self.value = value
        self.unchecked = unchecked
    }

    public var description: String { "\(file.rawValue):\(key)=\(value)" }

    /// The option that set it, for messages: `--conf` or `--conf-unchecked`.
    public var flag: String { unchecked ? "--conf-unchecked" : "--conf" }
}
