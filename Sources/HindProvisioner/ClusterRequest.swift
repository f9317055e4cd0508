import HindCluster

/// Everything `hind up` is asked for, parsed and checked: what ``ClusterProvisioner/up(_:)``
/// turns into a running cluster. (How the result is printed stays with the CLI.)
public struct ClusterRequest: Sendable {
    public var name: ClusterName
    /// Nil: the default image (`apache/hadoop` when present or pullable, else the offline one).
    public var image: ImageReference?
    public var shape: ClusterShape
    /// A Hadoop distribution on the host, mounted over the image's (`--dist`).
    public var distribution: HadoopDistribution?
    /// How long to wait for Hadoop to report the cluster ready; also how long each
    /// launcher waits for the daemons its node depends on.
    public var wait: Duration
    /// Keep what was created when `up` fails, for inspection.
    public var retain: Bool
    /// Run the smoke checks once the cluster is ready; a failed check fails `up`.
    public var smoke: Bool

    public init(
        name: ClusterName = .default, image: ImageReference? = nil, shape: ClusterShape = ClusterShape(),
        distribution: HadoopDistribution? = nil, wait: Duration = .seconds(300), retain: Bool = false,
        smoke: Bool = false
    ) {
        self.name = name
        self.image = image
        self.shape = shape
        self.distribution = distribution
        self.wait = wait
        self.retain = retain
        self.smoke = smoke
    }
}
