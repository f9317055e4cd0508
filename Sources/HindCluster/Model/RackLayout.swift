/// Which rack each worker is in, as Hadoop's rack awareness sees it: `--racks N` spreads
/// the workers round-robin over `/rack-1` … `/rack-N`, `--rack worker-3=/dc1/rack-2`
/// places one worker explicitly (over the round-robin). Without either the cluster is
/// flat: every DataNode in Hadoop's `/default-rack`.
///
/// The NameNode learns the racks from a topology script (``RackTopologyScript``), which
/// applies the same rule to any worker, so workers added later get a rack too.
public struct RackLayout: Hashable, Codable, Sendable {
    /// Hadoop's rack for a node no mapping names (`NetworkTopology.DEFAULT_RACK`).
    public static let defaultRack = "/default-rack"

    /// `--racks N`: the number of racks workers are spread over, round-robin.
    public var count: Int?
    /// `--rack NODE=PATH`: explicit racks by worker name.
    public var placements: [String: String]

    public init(count: Int? = nil, placements: [String: String] = [:]) {
        self.count = count
        self.placements = placements
    }

    /// Whether the cluster has racks at all.
    public var isEmpty: Bool { count == nil && placements.isEmpty }

    /// The rack of `worker-K`: its placement, else its round-robin rack, else the default
    /// rack at the depth of the placements.
    public func rack(ofWorker index: Int) -> String {
        if let placed = placements[Topology.workerName(index)] { return placed }
        if let count { return "/rack-\((index - 1) % count + 1)" }
        return defaultRack
    }

    /// Hadoop's default rack at the depth of the layout's racks (every DataNode must sit
    /// at the same depth): `/default-rack`, `/default/default-rack` ….
    public var defaultRack: String {
        let depth = count != nil ? 1 : placements.values.map { $0.split(separator: "/").count }.max() ?? 1
        return String(repeating: "/default", count: max(depth - 1, 0)) + Self.defaultRack
    }

    /// Parses `worker-3=/dc1/rack-2` of `--rack`.
    public static func parsePlacement(_ text: String) throws(SpecError) -> (node: String, rack: String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw .invalidRack(text, reason: "use NODE=/RACK, e.g. --rack worker-3=/dc1/rack-2")
        }
        let node = String(text[..<equals])
        let rack = String(text[text.index(after: equals)...])
        try validate(path: rack, in: text)
        return (node, rack)
    }

    /// Builds the layout of `--racks` and `--rack`s, refusing a node placed twice.
    public static func parse(count: Int?, placements: [String]) throws(SpecError) -> RackLayout? {
        var placed: [String: String] = [:]
        for text in placements {
            let (node, rack) = try parsePlacement(text)
            guard placed[node] == nil else {
                throw .invalidRack(text, reason: "\(node) is placed twice; give each worker one --rack")
            }
            placed[node] = rack
        }
        let layout = RackLayout(count: count, placements: placed)
        return layout.isEmpty ? nil : layout
    }

    /// Checks the layout against a cluster of `workers` workers: a count of 1 to
    /// `workers`, placements of existing workers only, and every rack at the same depth
    /// (Hadoop's `NetworkTopology` refuses DataNodes at different depths).
    public func validate(workers: Int) throws(SpecError) {
        if let count, !(1...workers).contains(count) {
            throw .rackCountOutOfRange(count, workers: workers)
        }
        for node in placements.keys.sorted() {
            guard let index = Topology.workerIndex(of: node), (1...workers).contains(index) else {
                throw .invalidRack("\(node)=\(placements[node]!)", reason: "the cluster has no worker \(node): place worker-1 to worker-\(workers)")
            }
        }
        let racks = (1...workers).map(rack(ofWorker:))
        let depths = Dictionary(grouping: racks) { $0.split(separator: "/").count }
        if depths.count > 1, let shallow = depths.keys.min(), let deep = depths.keys.max() {
            throw .rackDepthsDiffer(depths[shallow]![0], depths[deep]![0])
        }
    }

    /// A rack path: `/` then one or more parts of letters, digits, `.`, `_` or `-`.
    static func validate(path: String, in text: String) throws(SpecError) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard path.hasPrefix("/"), parts.count >= 2, parts.dropFirst().allSatisfy({ part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        }) else {
            throw .invalidRack(text, reason: "a rack is a path such as /rack-1 or /dc1/rack-2: '/' then parts of letters, digits, '.', '_' or '-'")
        }
    }
}
