import Foundation

/// Readers of what Hadoop's tools print, kept pure so they are unit-tested.
public enum SmokeParsing {
    /// One block of `fsck -files -blocks -locations`: its replication and the DataNodes
    /// holding it.
    public struct Block: Hashable, Sendable {
        public var replication: Int
        public var locations: [String]
        /// The rack of each location, with `-racks` (`/rack-1/172.18.0.3:50010`).
        public var racks: [String] = []
    }

    /// The summary and blocks of an fsck report.
    public struct Fsck: Hashable, Sendable {
        public var healthy: Bool
        public var underReplicated: Int
        public var missing: Int
        public var corrupt: Int
        public var blocks: [Block]
    }

    /// Reads `hdfs fsck PATH -files -blocks -locations` (or the NameNode's `/fsck` page).
    /// A block line looks like
    /// `0. BP-1:blk_1073741825_1001 len=1048576 repl=3 [DatanodeInfoWithStorage[172.18.0.3:50010,DS-…,DISK], …]`
    /// (Hadoop 2.7+; older releases list bare `ip:port`).
    public static func fsck(_ text: String) -> Fsck {
        func count(_ label: String) -> Int {
            guard let line = text.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }) else { return 0 }
            let digits = line.drop { !$0.isNumber }.prefix { $0.isNumber }
            return Int(digits) ?? 0
        }
        var blocks: [Block] = []
        // `repl=N` (Hadoop 2.7) or `Live_repl=N` (2.8 and later): the live replicas.
        for line in text.split(separator: "\n") where line.contains(" repl=") || line.contains(" Live_repl=") {
            let marker = line.contains(" Live_repl=") ? " Live_repl=" : " repl="
            let replication = Int(line.components(separatedBy: marker)[1].prefix { $0.isNumber }) ?? 0
            var locations: [String] = []
            var rest = Substring(line)
            while let open = rest.range(of: "DatanodeInfoWithStorage[") {
                rest = rest[open.upperBound...]
                locations.append(String(rest.prefix { $0 != "," && $0 != "]" }))
            }
            // With -racks each location is the DataNode's path: `[/rack-1/ip:port, …]`.
            var racks: [String] = []
            if locations.isEmpty, let open = line.range(of: " [/"), let close = line[open.upperBound...].firstIndex(of: "]") {
                for path in line[line.index(before: open.upperBound)..<close].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                    guard let slash = path.lastIndex(of: "/") else { continue }
                    racks.append(String(path[..<slash]))
                    locations.append(String(path[path.index(after: slash)...]))
                }
            }
            blocks.append(Block(replication: replication, locations: locations, racks: racks))
        }
        return Fsck(
            healthy: text.contains("is HEALTHY"),
            underReplicated: count("Under-replicated blocks:"),
            missing: count("Missing blocks:"),
            corrupt: count("Corrupt blocks:"),
            blocks: blocks)
    }

    /// `Live datanodes (3):` of `hdfs dfsadmin -report`.
    public static func reportedLiveDataNodes(_ text: String) -> Int? {
        guard let range = text.range(of: "Live datanodes (") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// `Estimated value of Pi is 3.20000000000000000000` of the examples jar's `pi`.
    public static func estimatedPi(_ text: String) -> Double? {
        guard let range = text.range(of: "Estimated value of Pi is ") else { return nil }
        return Double(text[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }

    /// `word<TAB>count` lines of wordcount's output, as a dictionary.
    public static func wordCounts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count == 2, let count = Int(fields[1]) { counts[String(fields[0])] = count }
        }
        return counts
    }
}
