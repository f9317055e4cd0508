/// One node's container, described once. The Compose renderer (``ComposeFile``) and the
/// engine spec builder (HindProvisioner's `ContainerSpecBuilder`) each translate it field
/// by field and decide nothing of their own, so the two ways of running a cluster cannot
/// drift apart (a test checks both translations against this description).
///
/// Two things stay with the translations, on purpose: how the launcher and config reach
/// the container (bind mounts of the rendered project for Compose, an archive upload for
/// the engine, which needs no host path), and the labels hind adds for its own
/// bookkeeping when it creates a cluster (`io.hind.run`, `io.hind.spec`).
public struct NodeContainer: Hashable, Sendable {
    public enum Mount: Hashable, Sendable {
        /// A named volume (the node's data).
        case volume(String, target: String)
        /// A host directory, read-only (a `--dist` Hadoop distribution).
        case bind(String, target: String)
    }

    public struct HealthCheck: Hashable, Sendable {
        /// The command, exec form (`CMD` semantics).
        public var command: [String]
        public var interval: Duration
        public var timeout: Duration
        public var retries: Int
    }

    /// `<cluster>-<node>`.
    public var name: String
    public var hostname: String
    public var image: String
    public var entrypoint: [String]
    public var command: [String]
    public var environment: [String: String]
    /// Root (`0:0`) when the daemons run as another user: the launcher's first step gives
    /// the data directory to that user, then drops to it. Nil keeps the image's user.
    public var user: String?
    public var labels: [String: String]
    public var network: String
    public var aliases: [String]
    public var published: [PublishedPort]
    public var mounts: [Mount]
    public var health: HealthCheck
    public var memoryLimit: MemorySize
    /// CPU weight; nil is the engine's default (1024).
    public var cpuShares: Int?
    /// Most processes and threads at once (``ContainerPolicy/pidsLimit(of:)``).
    public var pidsLimit: Int
    /// docker-init as PID 1: reaps the launcher's children and forwards signals.
    public var initProcess: Bool
    public var droppedCapabilities: [String]
    /// What the launcher's root step needs (chown, then setuid/setgid); the daemons
    /// keep none of it.
    public var addedCapabilities: [String]
    public var securityOptions: [String]
    public var stopGracePeriod: Duration
    /// The nodes that must be healthy before this one starts (Compose's `depends_on`);
    /// empty when the launchers order the start (``StartOrdering/launchersWait``).
    public var startsAfterHealthy: [String]

    /// How the nodes of a cluster are started in order, which decides how often their
    /// health is checked (each check costs ~70 ms of CPU, see ``ContainerPolicy``).
    public enum StartOrdering: Sendable {
        /// The engine starts a node once the nodes it depends on are healthy (Compose's
        /// `depends_on: service_healthy`): those nodes are checked every second.
        case afterHealthyDependencies
        /// Every container starts at once and each launcher waits for what its daemons
        /// need (`hind up`): nothing waits on health, every node is checked every 5 s.
        case launchersWait
    }

    public init(node: Node, in topology: Topology, ordering: StartOrdering) {
        let spec = topology.spec
        let health = ContainerPolicy.health(of: node, in: topology, ordering: ordering)
        var environment = ContainerPolicy.environment
        var mounts: [Mount] = [.volume(node.volumeName, target: spec.image.dataDirectory)]
        if let distribution = spec.distribution {
            mounts.append(.bind(distribution, target: ContainerPolicy.hadoopHome))
            environment.merge(ContainerPolicy.distributionEnvironment) { $1 }
        }
        self.name = node.containerName
        self.hostname = node.hostname
        self.image = spec.image.reference
        self.entrypoint = ContainerPolicy.entrypoint
        self.command = ["run"]
        self.environment = environment
        let dropsToUser = spec.image.user != nil
        self.user = dropsToUser ? "0:0" : nil
        var labels = node.labels
        if let user = spec.image.user { labels[ClusterLabels.daemonUser] = user }
        self.labels = labels
        self.network = topology.networkName
        self.aliases = [node.hostname]
        self.published = node.published
        self.mounts = mounts
        self.health = HealthCheck(
            command: ContainerPolicy.healthCommand, interval: health.interval,
            timeout: ContainerPolicy.healthTimeout, retries: health.retries)
        self.memoryLimit = spec.memory
        self.cpuShares = ContainerPolicy.cpuShares(of: node, in: topology)
        self.pidsLimit = ContainerPolicy.pidsLimit(of: node)
        self.initProcess = true
        self.droppedCapabilities = ContainerPolicy.droppedCapabilities
        self.addedCapabilities = dropsToUser ? ContainerPolicy.userSwitchCapabilities : []
        self.securityOptions = ContainerPolicy.securityOptions
        self.stopGracePeriod = ContainerPolicy.stopGracePeriod
        self.startsAfterHealthy = ordering == .afterHealthyDependencies ? node.dependsOn : []
    }
}
