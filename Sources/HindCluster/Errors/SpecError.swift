/// Why a cluster specification or one of its parts was rejected.
///
/// Each case reads as one line that names the problem and how to fix it; all of them are
/// bad input.
public enum SpecError: UserFacingError, Equatable {
    case invalidClusterName(String, reason: String)
    case workerCountOutOfRange(Int)
    case unknownComponent(String)
    case componentRequires(Component, Component)
    case malformedConfigOverride(String, reason: String)
    case unknownConfigFile(String)
    case malformedMemorySize(String)
    case memoryTooSmall(node: String, MemorySize, minimum: MemorySize)
    case unsupportedHadoopVersion(String)
    case invalidPort(String)
    case invalidImageReference(String, problem: String)
    case imageLacksComponents(String, missing: [Component], has: [Component])
    case invalidImageUser(String)
    case invalidZooKeeperCount(Int)
    case zookeepersWithoutHA
    /// A `--rack` that is malformed, names no worker or repeats one.
    case invalidRack(String, reason: String)
    case rackCountOutOfRange(Int, workers: Int)
    /// Two racks at different depths, which Hadoop's `NetworkTopology` refuses.
    case rackDepthsDiffer(String, String)
    /// A `--conf` of an address or directory key that hind's nodes could not follow.
    case unsupportedOverride(String, reason: String)

    public var isBadInput: Bool { true }

    public var description: String {
        switch self {
        case let .invalidClusterName(name, reason):
            return "invalid cluster name '\(name)': \(reason); use 1 to \(ClusterName.maximumLength) lowercase letters, digits or '-', starting with a letter (e.g. --name dev)"
        case let .workerCountOutOfRange(count):
            return "worker count \(count) is out of range: use -c 1 to -c \(ClusterSpec.workerLimit)"
        case let .unknownComponent(name):
            return "unknown component '\(name)': use a comma-separated list of \(Component.allCases.map(\.rawValue).joined(separator: ", ")) (e.g. --components hdfs,yarn)"
        case let .componentRequires(component, required):
            return "component '\(component.rawValue)' needs '\(required.rawValue)': add it (e.g. --components \(Component.ordered([component, required]).map(\.rawValue).joined(separator: ",")))"
        case let .malformedConfigOverride(text, reason):
            return "malformed --conf '\(text)': \(reason); use FILE:KEY=VALUE (e.g. --conf hdfs-site:dfs.replication=2)"
        case let .unknownConfigFile(name):
            return "unknown config file '\(name)' in --conf: use one of \(HadoopConfigFile.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .malformedMemorySize(text):
            return "malformed memory size '\(text)': use a whole number with a unit k, m or g (e.g. --memory 512m or --memory 2g)"
        case let .memoryTooSmall(node, size, minimum):
            return "memory \(size) is too small for the daemons of \(node): use --memory \(minimum) or more"
        case let .unsupportedHadoopVersion(text):
            return "unsupported Hadoop version '\(text)': hind renders Hadoop 2.x and 3.x (e.g. --hadoop-version 3)"
        case let .invalidPort(text):
            return "invalid port '\(text)': use a number from 1 to 65535"
        case let .imageLacksComponents(image, missing, has):
            let list = has.map(\.rawValue).joined(separator: ",")
            return "image \(image) ships \(list) only and cannot run \(missing.map(\.rawValue).joined(separator: ",")): use --components \(list) or an image with them such as \(ImageProfile.onlineReference)"
        case let .invalidImageUser(text):
            return "invalid --image-user '\(text)': use the image's non-root user as NAME, UID, NAME:GROUP or UID:GID (e.g. --image-user hadoop)"
        case let .invalidZooKeeperCount(count):
            return "--zookeepers \(count) is not an ensemble hind runs: use --zookeepers 1, 3 or 5 (a majority must survive)"
        case .zookeepersWithoutHA:
            return "--zookeepers needs --ha: ZooKeeper runs only for NameNode high availability (e.g. --ha --zookeepers 3)"
        case let .invalidRack(text, reason):
            return "invalid --rack '\(text)': \(reason)"
        case let .rackCountOutOfRange(count, workers):
            return "--racks \(count) is out of range for \(workers) worker\(workers == 1 ? "" : "s"): use --racks 1 to --racks \(workers) (or more workers with -c)"
        case let .rackDepthsDiffer(shallow, deep):
            return "racks \(shallow) and \(deep) have different depths, which Hadoop refuses: give every worker a rack with as many levels (workers without --rack are in \(RackLayout.defaultRack) or /rack-N)"
        case let .unsupportedOverride(text, reason):
            return "hind cannot honour \(text): \(reason)"
        case let .invalidImageReference(text, problem):
            return "invalid image reference '\(text)': \(problem); use [REGISTRY/]NAME[:TAG][@DIGEST], e.g. apache/hadoop:3.4.1"
        }
    }
}
