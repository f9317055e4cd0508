import ArgumentParser
import HindCluster

/// The options that shape a cluster, shared by `up` and `render`; parsed into a
/// ``ClusterShape``.
public struct ClusterSpecOptions: ParsableArguments, Sendable {
    @Option(
        name: [.customShort("c"), .customLong("workers")],
        parsing: .unconditional,
        help: "Number of workers, each a DataNode (and NodeManager with YARN): 1 to \(ClusterSpec.workerLimit).")
    public var workers: Int = 3

    @Option(help: "The Hadoop image (default: \(ImageProfile.onlineReference), or the offline image when only it is present).")
    public var image: String?

    @Option(help: "Comma-separated components: hdfs, yarn, history (default: hdfs plus yarn when the image has it).")
    public var components: String?

    @Option(
        name: .customLong("conf"),
        help: ArgumentHelp("Set a Hadoop property, e.g. hdfs-site:dfs.replication=2; repeatable, later wins. The key is checked against the image's own *-default.xml files.", valueName: "FILE:KEY=VALUE"))
    public var overrides: [String] = []

    @Option(
        name: .customLong("conf-unchecked"),
        help: ArgumentHelp("Like --conf, without checking the key (a key the image's defaults do not list, on purpose); applied after every --conf.", valueName: "FILE:KEY=VALUE"))
    public var uncheckedOverrides: [String] = []

    @Option(parsing: .unconditional, help: "Memory limit of each container, e.g. 1g or 512m; daemon heaps derive from it.")
    public var memory: String = ClusterSpec.defaultMemory.description

    @Option(name: .customLong("hadoop-version"), help: "Hadoop release line of the image (2 or 3), when hind cannot tell.")
    public var hadoopVersion: String?

    @Option(name: .customLong("image-user"), help: ArgumentHelp("Whom the image's daemons run as, when hind cannot read it from the image (render): NAME, UID, NAME:GROUP or UID:GID.", valueName: "user"))
    public var imageUser: String?

    @Option(parsing: .unconditional, help: "Spread the workers round-robin over N racks (/rack-1 … /rack-N); HDFS places replicas across them.")
    public var racks: Int?

    @Option(name: .customLong("rack"), help: ArgumentHelp("Place one worker in a rack, e.g. worker-3=/dc1/rack-2; repeatable.", valueName: "NODE=RACK"))
    public var rackPlacements: [String] = []

    @Flag(help: "NameNode high availability: two NameNodes (active and standby), 3 JournalNodes, ZooKeeper and automatic failover.")
    public var ha = false

    @Option(parsing: .unconditional, help: "ZooKeeper servers with --ha: 1 (default), 3 or 5.")
    public var zookeepers: Int?

    @Option(name: .customLong("namenode-port"), parsing: .unconditional, help: "Host port for the NameNode web UI (default: a free port).")
    public var namenodePort: String?

    @Option(name: .customLong("resourcemanager-port"), parsing: .unconditional, help: "Host port for the ResourceManager web UI (default: a free port).")
    public var resourcemanagerPort: String?

    public init() {}

    public func validate() throws {
        _ = try shape()
        _ = try image.map { (text) throws(SpecError) in try ImageReference(parsing: text) }
    }

    /// The parsed shape; every value is checked here, before an engine is contacted.
    public func shape() throws(SpecError) -> ClusterShape {
        guard (1...ClusterSpec.workerLimit).contains(workers) else { throw .workerCountOutOfRange(workers) }
        // Checked here too, so a bad layout is refused before an engine is contacted.
        let layout = try RackLayout.parse(count: racks, placements: rackPlacements)
        try layout?.validate(workers: workers)
        if zookeepers != nil, !ha { throw .zookeepersWithoutHA }
        let highAvailability = ha ? try HighAvailability(zookeepers: zookeepers ?? 1) : nil
        return ClusterShape(
            workers: workers,
            components: try components.map { (text) throws(SpecError) in try Component.parseList(text) },
            overrides: try overrides.map { (text) throws(SpecError) in try ConfigOverride(parsing: text) }
                + uncheckedOverrides.map { (text) throws(SpecError) in try ConfigOverride(parsing: text, unchecked: true) },
            memory: try MemorySize(parsing: memory),
            hadoopVersion: try hadoopVersion.map { (text) throws(SpecError) in try HadoopMajorVersion(parsing: text) },
            imageUser: try imageUser.map { (text) throws(SpecError) in try ClusterShape.parseImageUser(text) },
            publishing: PortPublishing(
                namenodeHTTP: try namenodePort.map { (text) throws(SpecError) in try PortPublishing.parsePort(text) },
                resourcemanagerWeb: try resourcemanagerPort.map { (text) throws(SpecError) in try PortPublishing.parsePort(text) }),
            racks: layout, ha: highAvailability)
    }
}
