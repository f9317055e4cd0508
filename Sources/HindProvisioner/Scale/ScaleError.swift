import HindCluster

/// Why `hind scale` would not or could not change a cluster's size: one line each, with
/// what to do next.
public enum ScaleError: UserFacingError, Equatable {
    /// No spec label: a cluster started by docker-compose from `hind render`.
    case noSpec(ClusterName)
    /// Not every node runs (`nodes`: those that do not, with their state).
    case notRunning(ClusterName, nodes: [String])
    /// Shrinking to `workers` would leave blocks below their replication.
    case wouldUnderReplicate(ClusterName, workers: Int, blocks: Int, files: [String], replication: Int)
    /// The decommission did not finish within `--wait`; the workers stay, excluded.
    case decommissionTimedOut(ClusterName, nodes: [String], blocksLeft: Int, seconds: Int, workers: Int)
    /// The NameNode refused the exclude list (`dfsadmin -refreshNodes`) or its replacement.
    case refreshFailed(ClusterName, output: String)

    public var isBadInput: Bool {
        switch self {
        case .noSpec, .wouldUnderReplicate: true
        case .notRunning, .decommissionTimedOut, .refreshFailed: false
        }
    }

    public var description: String {
        switch self {
        case let .noSpec(name):
            return "cluster '\(name)' carries no hind spec (started by docker-compose from hind render?): hind scale changes clusters made by hind up; scale a Compose project by editing it"
        case let .notRunning(name, nodes):
            return "cluster '\(name)' is not fully running (\(nodes.joined(separator: ", "))): start it with hind start --name \(name), then scale"
        case let .wouldUnderReplicate(name, workers, blocks, files, replication):
            let list = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " …" : "")
            return "scaling '\(name)' to \(workers) worker\(workers == 1 ? "" : "s") would leave \(blocks) block\(blocks == 1 ? "" : "s") of \(files.count) file\(files.count == 1 ? "" : "s") (\(list)) below their replication of up to \(replication): lower it first (hind exec --name \(name) namenode -- hdfs dfs -setrep -w \(workers) PATH) or pass --force to keep them under-replicated"
        case let .decommissionTimedOut(name, nodes, blocks, seconds, workers):
            return "decommissioning \(nodes.joined(separator: ", ")) did not finish in \(seconds)s (\(blocks) block\(blocks == 1 ? "" : "s") still to re-replicate): the cluster keeps working with \(nodes.count == 1 ? "it" : "them") excluded; wait longer with hind scale --name \(name) -c \(workers) --wait 30m, or cancel with hind scale --name \(name) -c \(workers + nodes.count)"
        case let .refreshFailed(name, output):
            let line = output.split(separator: "\n").last.map(String.init) ?? "no output"
            return "the NameNode of '\(name)' did not take the new exclude list (dfsadmin -refreshNodes: \(line)): see hind logs --name \(name) namenode"
        }
    }
}
