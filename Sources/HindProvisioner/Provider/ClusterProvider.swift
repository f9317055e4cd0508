import DockerEngine
import HindCluster

/// The engine a cluster runs on, behind one interface (kind's `Provider`): the Docker
/// Engine API today; Swarm or Kubernetes would be other conformers, never a home-made
/// scheduler. Everything is found by the labels in `ClusterLabels`.
///
/// A provider offers the engine's primitives; the use cases that order them (`up` with
/// its rollback, `start`, readiness) live in ``ClusterProvisioner``, once for every
/// provider. Commands hold this protocol, never an engine client.
public protocol ClusterProvider: Sendable {
    // MARK: Images

    /// The profile of `reference`, pulled when missing; nil picks the default image
    /// (the choice is reported through `progress`).
    func resolveImage(_ reference: ImageReference?, progress: any ProgressReporter) async throws -> ImageProfile
    /// Hadoop's `*-default.xml` keys as the image's jars carry them: what `--conf` keys
    /// are checked against.
    func hadoopDefaults(of image: String) async throws -> HadoopDefaults
    /// Whether the image's Hadoop ships a ZooKeeper jar (`share/hadoop/common/lib`), which
    /// `--ha` runs its ZooKeeper servers from.
    func hasZooKeeper(image: String) async throws -> Bool

    /// Refuses, before anything is created, what this engine cannot run of `topology`
    /// (a Swarm has no bridge network for `--ha`'s fixed addresses, …).
    func preflight(_ topology: Topology) async throws
    /// Throws when this engine does not offer `verb`, saying what to do instead.
    func checkAvailable(_ verb: ClusterVerb) throws
    /// How often readiness is read while `up` and `start` wait.
    var readinessPollInterval: Duration { get }
    /// What a node is on this engine, in step lines: `containers`, or `services`.
    var nodeObjects: String { get }

    // MARK: Finding

    /// Every object carrying the cluster's label, and the spec they carry: empty when
    /// there is no such cluster. `up` refuses a name that has any; `status` and `start`
    /// compare it with the spec (``ClusterRepairPlan``).
    func inventory(of name: ClusterName) async throws -> ClusterInventory

    // MARK: Creating, in the order `up` calls them (`start` too, for what is missing)

    /// Creates the cluster's network, labelled with `run`'s labels.
    func createNetwork(_ topology: Topology, run: ProvisioningRun) async throws
    /// Creates the volume of each of `nodes`, labelled with `run`'s labels.
    func createVolumes(for nodes: [Node], of topology: Topology, run: ProvisioningRun) async throws
    /// Creates the container of each of `nodes`, places its launcher and config, and starts it.
    func createAndStartNodes(_ nodes: [Node], of topology: Topology, run: ProvisioningRun) async throws
    /// How Hadoop's own view of the cluster is read (its daemons' REST endpoints).
    func hadoop(_ topology: Topology) async throws -> any HadoopClient
    /// A node whose container stopped or is gone, or nil when every node of `topology` runs.
    func stoppedNode(of topology: Topology) async throws -> NodeExit?
    /// The nodes not running healthy, and those named in `also`, each with its last
    /// `logLines` log lines: what a failed `up` or `start` shows before it undoes anything.
    func diagnoses(of name: ClusterName, also: Set<String>, logLines: Int) async -> [NodeDiagnosis]
    /// Removes every object one `up` run created (and nothing of another run).
    func delete(_ run: ProvisioningRun) async throws

    // MARK: Existing clusters

    func list() async throws -> [ClusterSummary]
    func status(_ name: ClusterName) async throws -> ClusterStatus
    /// The spec the cluster was created from; throws when there is no such cluster or it
    /// was not created by hind.
    func spec(of name: ClusterName) async throws -> ClusterSpec
    /// The ID of the image the cluster's NameNode container runs; nil without one.
    func imageID(of name: ClusterName) async throws -> String?
    /// Each running node's address on the cluster's network, by node name.
    func addresses(of name: ClusterName) async throws -> [String: String]
    /// The cluster's node names in topology order, of the containers that exist; throws
    /// when there is no such cluster.
    func nodes(of name: ClusterName) async throws -> [String]
    /// Removes the containers of `nodes` (their volumes stay), to create them anew.
    func removeContainers(of nodes: [String], in name: ClusterName) async throws
    /// Removes `nodes` for good: their containers and their volumes (`hind scale` down).
    func removeNodes(_ nodes: [Node], of name: ClusterName) async throws
    /// Records `spec` as the cluster's on an object of its own (the engine's labels cannot
    /// change): the highest ``ClusterSpec/revision`` among the cluster's objects wins, and
    /// records of lower revisions are removed.
    func recordSpec(_ spec: ClusterSpec, run: ProvisioningRun) async throws
    func stopNodes(of name: ClusterName) async throws
    /// Stops only `nodes` (by name) of the cluster.
    func stopNodes(_ nodes: [String], of name: ClusterName) async throws
    func startNodes(of name: ClusterName) async throws
    /// Removes every object of the cluster; returns how many were removed.
    @discardableResult func delete(_ name: ClusterName) async throws -> Int
    /// Removes every object of every hind cluster.
    @discardableResult func deleteAll() async throws -> Int

    // MARK: Inside nodes

    /// Runs `command` in a node; with `attachStdin` the process reads what is written to it.
    func exec(_ command: [String], in node: String, of name: ClusterName, attachStdin: Bool) async throws -> NodeProcess
    /// A node's output (the launcher's and its daemons').
    func logs(of node: String, in name: ClusterName, options: LogOptions) async throws -> AsyncThrowingStream<OutputChunk, any Error>
    /// The engine's own description of a node's container (for `export-logs`), as JSON.
    func inspection(of node: String, in name: ClusterName) async throws -> [UInt8]
}

/// The verbs an engine may not offer (a Swarm does not stop tasks in place).
public enum ClusterVerb: String, Sendable {
    case stop, scale, smoke
    case clientConfig = "client-config"
}

extension ClusterProvider {
    public func preflight(_ topology: Topology) async throws {}
    public func checkAvailable(_ verb: ClusterVerb) throws {}
    /// One local HTTP GET of a JMX bean (plus two with YARN), cheap enough ten times a
    /// second, so `up` returns at most ~0.1 s after the last DataNode registers.
    public var readinessPollInterval: Duration { .milliseconds(100) }
    public var nodeObjects: String { "containers" }

    /// Node names by their address on the cluster's network (the NameNode lists DataNodes
    /// by the address they register with), for Hadoop's words about them; a lookup that
    /// fails gives none. A closure, so it runs only when an explanation needs it.
    func nodeNamesByAddress(of name: ClusterName) -> @Sendable () async -> [String: String] {
        { [self] in
            let addresses = (try? await addresses(of: name)) ?? [:]
            return Dictionary(addresses.map { ($0.value, $0.key) }) { first, _ in first }
        }
    }

    /// Why `node` has no container (or service) among those of `present`: a node the spec
    /// has but the engine lost is named as missing, with the repair; any other name is
    /// unknown, with the nodes there are.
    func absentNode(_ node: String, in name: ClusterName, present: [String]) async -> ProvisionError {
        if let spec = try? await spec(of: name), Topology(spec: spec).node(named: node) != nil {
            return .nodeMissing(node, cluster: name)
        }
        return .nodeNotFound(node, cluster: name, known: NodeOrder.sorted(present))
    }
}
