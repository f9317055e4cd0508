import Foundation
import HindCluster

/// Why provisioning or a lifecycle command failed; each reads as one line that says
/// what to do next.
public enum ProvisionError: UserFacingError {
    case clusterExists(ClusterName)
    case clusterNotFound(ClusterName)
    /// A network or volumes but no container: a `hind up` killed before it made any, or
    /// every container removed. `repairable` when the spec survives on them (`start`
    /// recreates the containers).
    case clusterIncomplete(ClusterName, repairable: Bool = true)
    /// The spec has the node, the engine has no container for it.
    case nodeMissing(String, cluster: ClusterName)
    case nodeNotRunning(String, cluster: ClusterName, state: String)
    /// The NameNode's volume is gone: recreating it would format a new file system.
    case namenodeDataLost(cluster: ClusterName, volume: String)
    /// The cluster exists but its NameNode carries no spec hind can read (created by
    /// docker-compose from `hind render`, or by another hind version).
    case specUnreadable(ClusterName)
    case nodeNotFound(String, cluster: ClusterName, known: [String])
    case imageMissing(String, reason: String)
    case hostPortBusy(Int, option: String)
    case volumeExists(String)
    case invalidDistribution(String, reason: String)
    /// No `hdfs` command in the image, and no `--dist` to mount one.
    case imageWithoutHadoop(String)
    /// `--ha` on an image (or distribution) without ZooKeeper's jar.
    case noZooKeeper(String)
    /// `nodes`: those whose logs explain it, shown before the error.
    case notReady(cluster: ClusterName, unmet: String, seconds: Double, nodes: [String])
    case nodeExited(NodeExit, cluster: ClusterName)
    /// Hadoop reports a state that waiting will not change (unhealthy NodeManagers).
    case hadoopUnhealthy(cluster: ClusterName, reason: String)
    case homeDirectoryFailed(user: String, reason: String)
    /// Ctrl-C or SIGTERM; `cleanedUp` is false with `--retain` or when removal failed.
    case interrupted(cleanedUp: Bool)
    /// Ctrl-C or SIGTERM during `start`; `stopped` is false with `--retain`.
    case startInterrupted(ClusterName, stopped: Bool)
    case cleanupFailed(ClusterName, reason: String)
    /// A request to a daemon's REST endpoint that hind needs answered (fsck before a scale).
    case hadoopRequestFailed(String)

    public var isBadInput: Bool {
        switch self {
        case .invalidDistribution, .imageWithoutHadoop, .noZooKeeper: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .clusterExists(let name):
            return "cluster '\(name)' already exists: use it (hind status --name \(name)), remove it with hind down --name \(name), or choose another --name"
        case .clusterIncomplete(let name, let repairable):
            return "cluster '\(name)' is incomplete (an earlier hind up did not finish, or its containers were removed: it has a network or volumes but no containers): "
                + (repairable
                    ? "recreate the containers with hind start --name \(name) (the volumes keep any data), or remove it with hind down --name \(name)"
                    : "remove it with hind down --name \(name), then run hind up again")
        case .nodeMissing(let node, let cluster):
            return "node \(node) of cluster '\(cluster)' is missing (its container was removed): recreate it with hind start --name \(cluster)"
        case .nodeNotRunning(let node, let cluster, let state):
            return "node \(node) of cluster '\(cluster)' is not running (\(state)): start the cluster with hind start --name \(cluster)"
        case .namenodeDataLost(let cluster, let volume):
            return "cluster '\(cluster)' cannot be repaired: the NameNode's volume \(volume) is gone, and with it the file system's metadata (hind never formats a new one over the DataNodes' blocks); remove the cluster with hind down --name \(cluster) and create it again"
        case .clusterNotFound(let name):
            return "no cluster named '\(name)': list clusters with hind list, or create it with hind up --name \(name)"
        case .specUnreadable(let name):
            return "cluster '\(name)' was not created by this hind (no readable io.hind.spec label on its namenode): manage it the way it was created, e.g. docker-compose"
        case .nodeNotFound(let node, let cluster, let known):
            return "cluster '\(cluster)' has no node '\(node)': use one of \(known.joined(separator: ", "))"
        case .imageMissing(let image, let reason):
            return "image \(image) is not present and cannot be pulled (\(reason)): build the offline image with scripts/build-offline-image and pass --image \(ImageProfile.offlineReference)"
        case .hostPortBusy(let port, let option):
            return "host port \(port) is in use: free it or choose another with \(option)"
        case .volumeExists(let volume):
            return "a volume named \(volume) exists and is not this cluster's: remove it (docker volume rm \(volume)) or choose another --name"
        case .invalidDistribution(let path, let reason):
            return "--dist \(path) is not a Hadoop distribution (\(reason)): pass the directory that holds bin/hdfs, e.g. hadoop-dist/target/hadoop-X.Y.Z"
        case .imageWithoutHadoop(let image):
            return "image \(image) has no Hadoop distribution (no hdfs command on its PATH or in /opt/hadoop/bin): mount one with --dist DIR (e.g. hadoop-dist/target/hadoop-X.Y.Z), or choose a Hadoop image with --image"
        case .notReady(let cluster, let unmet, let seconds, _):
            return "cluster '\(cluster)' was not ready after \(String(format: "%.0f", seconds))s: \(unmet); see the logs above, raise --wait, or keep the containers with --retain to inspect them"
        case .nodeExited(let exit, let cluster):
            if exit.removed {
                return "node \(exit.node)'s container was removed while cluster '\(cluster)' started: recreate it with hind start --name \(cluster)"
            }
            return exit.oomKilled
                ? "node \(exit.node) was killed for running out of memory: raise --memory"
                : "node \(exit.node) exited with status \(exit.status) while starting: see its logs above (keep it to inspect with --retain, then hind logs --name \(cluster) \(exit.node))"
        case .hadoopUnhealthy(let cluster, let reason):
            return "cluster '\(cluster)' cannot become ready: \(reason); see the NodeManagers' logs above, and free disk space if the report says the disks are bad"
        case .homeDirectoryFailed(let user, let reason):
            return "could not create /user/\(user) in HDFS (\(reason)): create it with hind exec namenode -- hdfs dfs -mkdir -p /user/\(user)"
        case .interrupted(let cleanedUp):
            return cleanedUp
                ? "interrupted: the cluster's containers, network and volumes were removed"
                : "interrupted: what was created is still there; remove it with hind down"
        case .startInterrupted(let name, let stopped):
            return stopped
                ? "interrupted: cluster '\(name)' was stopped again; start it with hind start --name \(name)"
                : "interrupted: cluster '\(name)' is left as it is (--retain); stop it with hind stop --name \(name)"
        case .noZooKeeper(let image):
            return "\(image) has no ZooKeeper jar in share/hadoop/common/lib, which --ha runs ZooKeeper from: use an image of a full Hadoop distribution (they all ship it), or drop --ha"
        case .hadoopRequestFailed(let reason):
            return "\(reason): see the NameNode's log (hind logs namenode) and try again"
        case .cleanupFailed(let name, let reason):
            return "some objects of cluster '\(name)' could not be removed (\(reason)): run hind down --name \(name)"
        }
    }

    /// The first line of an error's description: what a one-line message can quote.
    public static func firstLine(of error: any Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
