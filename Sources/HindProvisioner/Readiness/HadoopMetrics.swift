import Foundation

/// What Hadoop itself reports about a cluster, read from the daemons' REST endpoints.
public struct HadoopMetrics: Codable, Sendable, Hashable {
    /// `FSNamesystemState.FSState`: `Operational`, or `safeMode` while safe mode is on.
    public var fsState: String?
    public var liveDataNodes: Int?
    public var deadDataNodes: Int?
    /// ResourceManager `clusterInfo.state`: `STARTED` when serving.
    public var resourceManagerState: String?
    public var activeNodeManagers: Int?
    public var lostNodeManagers: Int?
    /// NodeManagers the ResourceManager took out of service (a failing disk check …).
    public var unhealthyNodeManagers: Int?
    /// `host: health report` of each unhealthy NodeManager, read when there are some.
    public var unhealthyReports: [String]?
    public var historyServerAnswers: Bool?
    /// HA: each NameNode's state in node order (`active`, `standby`, or `unreachable`);
    /// nil for a single NameNode. The other fields are the active NameNode's.
    public var namenodeStates: [String]?

    public init() {}

    public var safeModeOff: Bool { fsState == "Operational" }
}

/// Why Hadoop does not report a cluster ready, in its own words: read once, when a wait
/// fails, for the error message.
public struct HadoopExplanation: Sendable, Hashable {
    /// The unmet conditions of the NameNode's safe mode, e.g. "The number of live
    /// datanodes 1 needs an additional 1 live datanodes to reach the minimum number 2";
    /// nil when safe mode is off or the NameNode did not answer.
    public var safeMode: String?
    /// The DataNodes the NameNode counts live, by host name (`worker-1` …), each with the
    /// seconds since its last heartbeat; nil when the NameNode did not answer.
    public var liveDataNodes: [String: Int]?

    public init(safeMode: String? = nil, liveDataNodes: [String: Int]? = nil) {
        self.safeMode = safeMode
        self.liveDataNodes = liveDataNodes
    }

    public init(safeMode: String? = nil, liveDataNodeHosts: [String]) {
        self.init(safeMode: safeMode, liveDataNodes: Dictionary(uniqueKeysWithValues: liveDataNodeHosts.map { ($0, 0) }))
    }

    /// The live DataNodes' node names: a host name's first label (an address is kept
    /// whole; ``naming(_:)`` turns addresses into names first).
    public var liveNodeNames: Set<String>? {
        liveDataNodes.map { Set($0.keys.map(Self.nodeName)) }
    }

    /// The same, with the DataNodes registered by address named by `names` (address →
    /// node), as DataNodes register with their address on the cluster network.
    public func naming(_ names: [String: String]) -> HadoopExplanation {
        var named = self
        named.liveDataNodes = liveDataNodes.map { live in
            Dictionary(live.map { (names[$0.key] ?? $0.key, $0.value) }) { first, _ in first }
        }
        return named
    }

    static func nodeName(_ host: String) -> String {
        if host.allSatisfy({ $0.isNumber || $0 == "." || $0 == ":" }) { return host }
        return host.split(separator: ".").first.map(String.init) ?? host
    }

    /// Whether `node`'s DataNode registered since `age` seconds ago: the NameNode keeps
    /// counting a removed DataNode live until its heartbeat timeout (minutes), so a node
    /// started again only counts once its last heartbeat is younger than its container.
    public func heardFrom(_ node: String, since age: Double) -> Bool {
        guard let contacts = liveDataNodes,
              let lastContact = contacts.first(where: { Self.nodeName($0.key) == node })?.value
        else { return false }
        // Whole seconds on both sides: a stale entry's lastContact is at least the age.
        return lastContact < Int(age.rounded(.down))
    }
}

/// Parsers for the JSON the daemons answer, kept pure so they are unit-tested.
public enum HadoopREST {
    public static let namenodeStatePath = "/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState"
    public static let namenodeInfoPath = "/jmx?qry=Hadoop:service=NameNode,name=NameNodeInfo"
    /// HA state of a NameNode: `active` or `standby`.
    public static let namenodeStatusPath = "/jmx?qry=Hadoop:service=NameNode,name=NameNodeStatus"
    public static let resourcemanagerInfoPath = "/ws/v1/cluster/info"
    public static let resourcemanagerMetricsPath = "/ws/v1/cluster/metrics"
    public static let historyInfoPath = "/ws/v1/history/info"
    public static let unhealthyNodesPath = "/ws/v1/cluster/nodes?states=UNHEALTHY"

    /// `FSState` and the DataNodes in service, live and dead, from the NameNode's JMX bean.
    public static func parseNamenodeState(_ body: [UInt8]) -> (state: String, live: Int, dead: Int)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let bean = (object["beans"] as? [[String: Any]])?.first,
              let state = bean["FSState"] as? String,
              let live = bean["NumLiveDataNodes"] as? Int
        else { return nil }
        // Decommissioned DataNodes are counted apart: the workers `hind scale` removed stay
        // listed, live and then dead, until the NameNode restarts. (Decommissioning ones,
        // live or dead, are not told apart by this bean: they count as what they are.)
        let count = { (field: String) in bean[field] as? Int ?? 0 }
        return (state, live - count("NumDecomLiveDataNodes"), count("NumDeadDataNodes") - count("NumDecomDeadDataNodes"))
    }

    /// `NameNodeStatus.State`: `active`, `standby` (or `initializing` while starting).
    public static func parseNamenodeHAState(_ body: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let bean = (object["beans"] as? [[String: Any]])?.first
        else { return nil }
        return bean["State"] as? String
    }

    /// `clusterInfo.haState` of a ResourceManager: `ACTIVE`, `STANDBY` (HA) or nil.
    public static func parseResourcemanagerHAState(_ body: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
        return (object["clusterInfo"] as? [String: Any])?["haState"] as? String
    }

    public static func parseResourcemanagerState(_ body: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
        return (object["clusterInfo"] as? [String: Any])?["state"] as? String
    }

    public static func parseResourcemanagerNodes(_ body: [UInt8]) -> (active: Int, lost: Int, unhealthy: Int)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let metrics = object["clusterMetrics"] as? [String: Any],
              let active = metrics["activeNodes"] as? Int
        else { return nil }
        return (active, metrics["lostNodes"] as? Int ?? 0, metrics["unhealthyNodes"] as? Int ?? 0)
    }

    /// `host: health report` of each node in a `/ws/v1/cluster/nodes` answer.
    public static func parseNodeReports(_ body: [UInt8]) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let nodes = (object["nodes"] as? [String: Any])?["node"] as? [[String: Any]]
        else { return [] }
        return nodes.map { node in
            let host = node["nodeHostName"] as? String ?? node["id"] as? String ?? "?"
            let report = (node["healthReport"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "no health report"
            return "\(host): \(report)"
        }
    }

    /// `Safemode` (the unmet sentences) and the hosts in `LiveNodes` of the NameNode's
    /// `NameNodeInfo` bean.
    public static func parseNamenodeInfo(_ body: [UInt8]) -> HadoopExplanation? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let bean = (object["beans"] as? [[String: Any]])?.first
        else { return nil }
        var explanation = HadoopExplanation()
        explanation.safeMode = (bean["Safemode"] as? String).flatMap(safeModeReason)
        // LiveNodes is a JSON document in a string, keyed by "host:xferPort".
        if let text = bean["LiveNodes"] as? String,
           let live = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
            explanation.liveDataNodes = Dictionary(live.map { key, value in
                let host = key.lastIndex(of: ":").map { String(key[..<$0]) } ?? key
                return (host, (value as? [String: Any])?["lastContact"] as? Int ?? 0)
            }) { first, _ in first }
        }
        return explanation
    }

    /// The sentences of the NameNode's safe-mode text that say what is missing (those
    /// with "needs"), else the text without its fixed opening and closing; nil when off.
    public static func safeModeReason(_ text: String) -> String? {
        // Hadoop ends its sentences with "%n" (a newline) or ". ": one line either way.
        let sentences = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: "")
            .split(separator: ". ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ". ")) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Safe mode is ON") && !$0.hasPrefix("Safe mode will be turned off") }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let unmet = sentences.filter { $0.contains("needs") }
        return (unmet.isEmpty ? sentences : unmet).joined(separator: "; ")
    }
}
