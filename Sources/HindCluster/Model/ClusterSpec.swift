/// Everything a user chooses about a cluster; the topology is derived from it.
public struct ClusterSpec: Hashable, Codable, Sendable {
    /// The most workers one `hind up` creates. Every worker runs one or two JVMs; beyond
    /// 50 a single machine spends minutes starting them, and a bigger cluster belongs on
    /// Swarm or Kubernetes.
    public static let workerLimit = 50
    public static let defaultMemory = MemorySize.gigabytes(2)

    public var name: ClusterName
    public var workers: Int
    public var image: ImageProfile
    public var components: Set<Component>
    /// The memory limit of each container; daemon heaps and YARN's memory derive from it.
    public var memory: MemorySize
    public var overrides: [ConfigOverride]
    public var publishing: PortPublishing
    /// How long a launcher waits for the daemons it depends on.
    public var dependencyTimeoutSeconds: Int
    /// A Hadoop distribution on the host, bind-mounted over the image's (patch review).
    public var distribution: String?
    /// Which rack each worker is in; nil: a flat cluster.
    public var racks: RackLayout?
    /// NameNode high availability (`--ha`); nil: one NameNode.
    public var ha: HighAvailability?
    /// The default replication of new files, fixed when the cluster is first scaled so
    /// every node keeps the same config; nil: min(3, workers).
    public var defaultReplication: Int?
    /// Incremented by every `hind scale`: the engine's objects are immutable, so each
    /// scale records its spec on a new object and the highest revision is the cluster's.
    public var revision: Int?

    public init(
        name: ClusterName = .default,
        workers: Int,
        image: ImageProfile,
        components: Set<Component>? = nil,
        memory: MemorySize = ClusterSpec.defaultMemory,
        overrides: [ConfigOverride] = [],
        publishing: PortPublishing = PortPublishing(),
        dependencyTimeoutSeconds: Int = 300,
        distribution: String? = nil,
        racks: RackLayout? = nil,
        ha: HighAvailability? = nil
    ) throws(SpecError) {
        guard (1...Self.workerLimit).contains(workers) else { throw .workerCountOutOfRange(workers) }
        let components = components ?? Self.defaultComponents(for: image)
        try Component.validate(components)
        let missing = Component.ordered(components.subtracting(image.components))
        guard missing.isEmpty else {
            throw .imageLacksComponents(image.reference, missing: missing, has: Component.ordered(image.components))
        }
        self.name = name
        self.workers = workers
        self.image = image
        self.components = components
        self.memory = memory
        self.overrides = overrides
        self.publishing = publishing
        self.dependencyTimeoutSeconds = dependencyTimeoutSeconds
        self.distribution = distribution
        try racks?.validate(workers: workers)
        self.racks = racks
        self.ha = ha
        if let problem = ConfiguredAddresses(version: image.hadoopVersion, components: components, overrides: overrides,
                                             dataDirectory: image.dataDirectory, ha: ha != nil).problem {
            throw problem
        }
        for node in Topology.nodeLayouts(workers: 1, components: components, ha: ha) {
            let minimum = MemoryPlan.minimum(for: node.daemons)
            guard memory >= minimum else {
                throw .memoryTooSmall(node: node.name, memory, minimum: minimum)
            }
        }
    }

    /// HDFS, plus YARN when the image has it; the history server is opt-in.
    public static func defaultComponents(for image: ImageProfile) -> Set<Component> {
        image.components.intersection([.hdfs, .yarn]).union([.hdfs])
    }

    public var hadoopVersion: HadoopMajorVersion { image.hadoopVersion }
    /// Where the daemons listen and keep their data: the release line's defaults with the
    /// user's overrides of those keys (validated when the spec was made).
    public var configured: ConfiguredAddresses {
        ConfiguredAddresses(version: hadoopVersion, components: components, overrides: overrides, dataDirectory: image.dataDirectory, ha: ha != nil)
    }
    public var ports: PortTable { configured.ports }
    public var storage: StorageDirectories { configured.storage }
    public var hasYARN: Bool { components.contains(.yarn) }

    /// `dfs.replication` of the cluster's config.
    public var replication: Int { defaultReplication ?? min(3, workers) }

    /// The spec of this cluster with `workers` workers (`hind scale`): the next revision,
    /// the same default replication as now (new workers get the config the others have).
    public func scaled(to workers: Int) throws(SpecError) -> ClusterSpec {
        guard (1...Self.workerLimit).contains(workers) else { throw .workerCountOutOfRange(workers) }
        var spec = self
        // Placements of removed workers go; the rest of the layout stays as it was made.
        spec.racks?.placements = racks?.placements.filter { (Topology.workerIndex(of: $0.key) ?? 0) <= workers } ?? [:]
        spec.defaultReplication = replication
        spec.workers = workers
        spec.revision = (revision ?? 0) + 1
        return spec
    }
}
