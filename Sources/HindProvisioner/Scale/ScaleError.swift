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
    /// A daemon refused the new exclude list (`dfsadmin`/`rmadmin -refreshNodes`).
    case refreshFailed(ClusterName, daemon: String, command: String, output: String)
    /// Shrinking would leave every remaining worker in one rack of a cluster that had
    /// several: HDFS would keep wanting a second rack for every block.
    case singleRack(ClusterName, workers: Int, rack: String)
    /// Ctrl-C while the new workers were created or awaited.
    case growInterrupted(ClusterName, workers: Int, removed: Bool)
    /// Ctrl-C during the decommission: the leaving workers stay, excluded.
    case shrinkInterrupted(ClusterName, nodes: [String], workers: Int)

    public var isBadInput: Bool {
        switch self {
        case .noSpec, .wouldUnderReplicate, .singleRack: true
        case .notRunning, .decommissionTimedOut, .refreshFailed, .growInterrupted, .shrinkInterrupted: false
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
        case let .refreshFailed(name, daemon, command, output):
            let line = output.split(separator: "\n").last.map(String.init) ?? "no output"
            return "the \(daemon) of '\(name)' did not take the new exclude list (\(command): \(line)): see hind logs --name \(name) \(daemon.lowercased())"
        case let .singleRack(name, workers, rack):
            return "scaling '\(name)' to \(workers) worker\(workers == 1 ? "" : "s") would leave them all in \(rack), and HDFS, having seen several racks, would never finish moving blocks off the others: keep more workers (hind scale --name \(name) -c \(workers + 1) or more)"
        case let .growInterrupted(name, workers, removed):
            return removed
                ? "interrupted: the new workers were removed; cluster '\(name)' keeps its \(workers) workers"
                : "interrupted: the new workers of '\(name)' were kept: finish them with hind start --name \(name), or remove them with hind scale --name \(name) -c \(workers)"
        case let .shrinkInterrupted(name, nodes, workers):
            return "interrupted: \(nodes.joined(separator: ", ")) of '\(name)' stay\(nodes.count == 1 ? "s" : "") excluded while HDFS re-replicates; finish with hind scale --name \(name) -c \(workers), or cancel with hind scale --name \(name) -c \(workers + nodes.count)"
        }
    }
}
