/// The choices every hind container shares, whichever way it is created (Compose or
/// `hind up`): what it runs, its privileges, health checks and CPU weight.
/// ``NodeContainer`` applies them to one node.
public enum ContainerPolicy {
    /// Where Hadoop lives in every supported image; `--dist` mounts over it.
    public static let hadoopHome = "/opt/hadoop"
    public static let entrypoint = ["/bin/sh", LauncherScript.path]
    public static let healthCommand = ["/bin/sh", LauncherScript.path, "health"]
    /// The environment of every container, so that `hind exec NODE -- hdfs …` sees the
    /// cluster's config as the daemons do.
    public static let environment = ["HADOOP_CONF_DIR": LauncherScript.runtimeConfigDirectory]
    /// Added with `--dist`: the base image has no Hadoop, so `hdfs` must be found on the
    /// mounted distribution.
    public static let distributionEnvironment = [
        "HADOOP_HOME": hadoopHome,
        "PATH": "\(hadoopHome)/bin:\(hadoopHome)/sbin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    ]
    /// Hadoop's daemons need no Linux capability and never gain privileges.
    public static let droppedCapabilities = ["ALL"]
    /// The launcher's root step, before it drops to the daemons' user: CHOWN to give them
    /// the data directory (a new volume mounted over an image's root-owned `VOLUME`
    /// keeps root's ownership), SETUID and SETGID to switch. The switch clears them.
    public static let userSwitchCapabilities = ["CHOWN", "SETGID", "SETUID"]
    public static let securityOptions = ["no-new-privileges:true"]
    /// Health checks of a node whose health other nodes' start waits for (the NameNode and
    /// the ResourceManager under Compose): every second, so `depends_on` starts the
    /// dependent nodes soon after.
    public static let healthInterval: Duration = .seconds(1)
    /// Health checks of the nodes nothing waits for (workers, the history server, and
    /// every node `hind up` creates, whose launchers order the start): every 10 s. Each
    /// check is an exec in the container, about 70 ms of CPU between the engine, runc and
    /// the probe: at one a second, 11 containers would spend a third of 2 cores on them
    /// while their JVMs start, and 4 containers 14% of 2 cores for as long as the cluster
    /// runs; at every 5 s, a 10-worker cluster still ran 11 checks while both cores were
    /// busy starting its JVMs, the first one coming 5 s after start (BENCHMARKS.md).
    public static let leafHealthInterval: Duration = .seconds(10)
    public static let healthTimeout: Duration = .seconds(5)
    /// A node turns unhealthy after 10 minutes of failed checks, whatever its interval.
    public static let healthRetries = 600
    public static let leafHealthRetries = 60

    /// The health check interval and retries of `node`: every second only when another
    /// node's start waits for its health.
    public static func health(
        of node: Node, in topology: Topology, ordering: NodeContainer.StartOrdering
    ) -> (interval: Duration, retries: Int) {
        let awaited = ordering == .afterHealthyDependencies && topology.nodes.contains { $0.dependsOn.contains(node.name) }
        return awaited ? (healthInterval, healthRetries) : (leafHealthInterval, leafHealthRetries)
    }
    /// The CPU weight of a node others wait for (the NameNode, the ResourceManager): that
    /// of all the nodes waiting for it together (the engine's default weight is 1024), at
    /// least twice the default. Its start-up is the longest path to a ready cluster: on a
    /// busy host it keeps a core while the workers' JVMs, started alongside, take what is
    /// left. Nil (the default weight) for the other nodes.
    public static func cpuShares(of node: Node, in topology: Topology) -> Int? {
        let waiting = topology.nodes.filter { $0.dependsOn.contains(node.name) }.count
        return waiting == 0 ? nil : 1024 * max(2, waiting)
    }
    /// How long `stop` lets the daemons shut down before the engine kills them.
    public static let stopGracePeriod: Duration = .seconds(30)

    /// Most processes and threads a node may run at once: a finite limit, so a runaway
    /// fork or thread leak in one node cannot exhaust the host, sized far above what the
    /// daemons need. Measured on the offline image: an idle NameNode has 47 threads and a
    /// DataNode 45; with eight `hdfs dfs -put` clients exec'd into the NameNode's container
    /// it held 268, and the DataNode serving them 67. A NodeManager adds a JVM per task
    /// container (30–100 threads each), hence the higher limit for YARN workers.
    public static func pidsLimit(of node: Node) -> Int {
        node.runs(.nodemanager) ? 8192 : 2048
    }
}
