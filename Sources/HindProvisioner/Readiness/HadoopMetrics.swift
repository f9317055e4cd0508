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

    public init() {}

    public var safeModeOff: Bool { fsState == "Operational" }
}

/// Parsers for the JSON the daemons answer, kept pure so they are unit-tested.
public enum HadoopREST {
    public static let namenodeStatePath = "/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState"
    public static let resourcemanagerInfoPath = "/ws/v1/cluster/info"
    public static let resourcemanagerMetricsPath = "/ws/v1/cluster/metrics"
    public static let historyInfoPath = "/ws/v1/history/info"
    public static let unhealthyNodesPath = "/ws/v1/cluster/nodes?states=UNHEALTHY"

    /// `FSState`, `NumLiveDataNodes` and `NumDeadDataNodes` from the NameNode's JMX bean.
    public static func parseNamenodeState(_ body: [UInt8]) -> (state: String, live: Int, dead: Int)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let bean = (object["beans"] as? [[String: Any]])?.first,
              let state = bean["FSState"] as? String,
              let live = bean["NumLiveDataNodes"] as? Int
        else { return nil }
        return (state, live, bean["NumDeadDataNodes"] as? Int ?? 0)
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
}
