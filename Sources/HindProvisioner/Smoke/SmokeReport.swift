/// What `hind smoke` checks, grouped the way `--only` selects them.
public enum SmokeComponent: String, Codable, Sendable, CaseIterable, Comparable {
    case hdfs, webhdfs, ui, yarn, mapreduce

    public static func < (a: SmokeComponent, b: SmokeComponent) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// `hdfs,webhdfs` → the set; an unknown name is bad input naming the known ones.
    public static func parseList(_ text: String) throws(SmokeError) -> Set<SmokeComponent> {
        var components: Set<SmokeComponent> = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let component = SmokeComponent(rawValue: item) else { throw .unknownComponent(item) }
            components.insert(component)
        }
        return components
    }
}

/// How one check ended.
public enum SmokeOutcome: String, Codable, Sendable {
    case passed, failed, skipped
}

/// One check's result: what it proved, or why it failed (with the output that shows it),
/// or why it did not run.
public struct SmokeResult: Codable, Sendable, Hashable {
    /// `hdfs.write-read`: stable, for JUnit and `-o json`.
    public var name: String
    public var component: SmokeComponent
    /// What the check proves, for people: "a 3-block file reads back byte-identical".
    public var title: String
    public var outcome: SmokeOutcome
    public var seconds: Double
    /// On success, what was measured; on failure, the reason; when skipped, why.
    public var message: String
    /// The commands' output behind a failure.
    public var output: String?
}

/// Every check of one run.
public struct SmokeReport: Codable, Sendable, Hashable {
    public var cluster: String
    public var results: [SmokeResult]
    public var seconds: Double

    public var passed: Int { results.filter { $0.outcome == .passed }.count }
    public var failed: Int { results.filter { $0.outcome == .failed }.count }
    public var skipped: Int { results.filter { $0.outcome == .skipped }.count }
    public var succeeded: Bool { failed == 0 }

    enum CodingKeys: String, CodingKey { case cluster, results, seconds, passed, failed, skipped }

    public init(cluster: String, results: [SmokeResult], seconds: Double) {
        self.cluster = cluster
        self.results = results
        self.seconds = seconds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cluster = try container.decode(String.self, forKey: .cluster)
        results = try container.decode([SmokeResult].self, forKey: .results)
        seconds = try container.decode(Double.self, forKey: .seconds)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cluster, forKey: .cluster)
        try container.encode(results, forKey: .results)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(passed, forKey: .passed)
        try container.encode(failed, forKey: .failed)
        try container.encode(skipped, forKey: .skipped)
    }
}
