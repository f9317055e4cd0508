/// The labels hind puts on every object it creates, and finds them by.
///
/// hind never touches an object that does not carry `io.hind.cluster`.
public enum ClusterLabels {
    public static let cluster = "io.hind.cluster"
    public static let node = "io.hind.node"
    public static let roles = "io.hind.roles"
    /// One `hind up` run: what a failed run removes, never another run's objects.
    public static let run = "io.hind.run"
    /// Set on the NameNode container: the spec the cluster was created from, as JSON,
    /// so `status`, `start` and `client-config` know it without any state on the host.
    public static let spec = "io.hind.spec"
    /// Set on every container: whom its daemons run as, so `hind exec` runs commands as
    /// that user too (the container itself starts as root, see `LauncherScript`).
    public static let daemonUser = "io.hind.daemon-user"
    /// On the short-lived container hind creates (never starts) to look into an image.
    public static let imageProbe = "io.hind.image-probe"
    /// On every object of a cluster that runs on Swarm (services, their tasks' containers,
    /// configs, the overlay network, the NameNode's volume), with the value
    /// ``swarmEngine``: what keeps a Swarm cluster and a cluster of the manager's own
    /// engine apart.
    public static let engine = "io.hind.engine"
    public static let swarmEngine = "swarm"

    /// Labels of a cluster-wide object (network, volume).
    public static func forCluster(_ name: ClusterName) -> [String: String] {
        [cluster: name.rawValue]
    }
}
