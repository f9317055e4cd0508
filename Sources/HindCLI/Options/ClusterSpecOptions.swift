import ArgumentParser
import HindCluster

/// The options that shape a cluster, shared by `up` and `render`.
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
        help: ArgumentHelp("Set a Hadoop property, e.g. hdfs-site:dfs.replication=2; repeatable, later wins.", valueName: "FILE:KEY=VALUE"))
    public var overrides: [String] = []

    @Option(help: "Memory limit of each container, e.g. 1g or 512m; daemon heaps derive from it.")
    public var memory: String = ClusterSpec.defaultMemory.description

    @Option(name: .customLong("hadoop-version"), help: "Hadoop release line of the image (2 or 3), when hind cannot tell.")
    public var hadoopVersion: String?

    @Option(name: .customLong("namenode-port"), help: "Host port for the NameNode web UI (default: a free port).")
    public var namenodePort: String?

    @Option(name: .customLong("resourcemanager-port"), help: "Host port for the ResourceManager web UI (default: a free port).")
    public var resourcemanagerPort: String?

    public init() {}

    public func validate() throws {
        guard (1...ClusterSpec.workerLimit).contains(workers) else {
            throw SpecError.workerCountOutOfRange(workers)
        }
        _ = try parsedComponents()
        _ = try overrides.map { (text) throws(SpecError) in try ConfigOverride(parsing: text) }
        _ = try MemorySize(parsing: memory)
        _ = try hadoopVersion.map { (text) throws(SpecError) in try HadoopMajorVersion(parsing: text) }
        _ = try publishing()
    }

    public func parsedComponents() throws(SpecError) -> Set<Component>? {
        try components.map { (text) throws(SpecError) in try Component.parseList(text) }
    }

    public func publishing() throws(SpecError) -> PortPublishing {
        PortPublishing(
            namenodeHTTP: try namenodePort.map { (text) throws(SpecError) in try PortPublishing.parsePort(text) },
            resourcemanagerWeb: try resourcemanagerPort.map { (text) throws(SpecError) in try PortPublishing.parsePort(text) })
    }

    /// Applies `--hadoop-version` to a profile inferred or read from the image.
    public func adjusted(_ profile: ImageProfile) throws(SpecError) -> ImageProfile {
        var profile = profile
        if let hadoopVersion { profile.hadoopVersion = try HadoopMajorVersion(parsing: hadoopVersion) }
        return profile
    }

    /// The spec for a cluster named `name` on the image described by `profile`.
    public func spec(
        name: ClusterName, image profile: ImageProfile, distribution: String? = nil, dependencyTimeout: Duration = .seconds(300)
    ) throws(SpecError) -> ClusterSpec {
        try ClusterSpec(
            name: name,
            workers: workers,
            image: adjusted(profile),
            components: parsedComponents(),
            memory: MemorySize(parsing: memory),
            overrides: overrides.map { (text) throws(SpecError) in try ConfigOverride(parsing: text) },
            publishing: publishing(),
            dependencyTimeoutSeconds: max(1, Int(dependencyTimeout.components.seconds)),
            distribution: distribution)
    }
}
