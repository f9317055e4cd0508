/// NameNode high availability (`--ha`): two NameNodes (`namenode-1`, `namenode-2`) of one
/// nameservice named after the cluster, sharing their edits through three JournalNodes
/// (`journal-1` … `journal-3`), each with a ZooKeeper failover controller beside it that
/// makes one of them active through ZooKeeper (`zookeeper`, or an ensemble
/// `zookeeper-1` … `zookeeper-N`). With YARN the ResourceManager is doubled the same way
/// (`resourcemanager-1`, `resourcemanager-2`).
public struct HighAvailability: Hashable, Codable, Sendable {
    /// The ensemble sizes hind accepts: a majority must survive, so odd and small.
    public static let ensembleSizes = [1, 3, 5]
    public static let journalCount = 3
    /// The NameNode IDs of the nameservice, in node order.
    public static let namenodeIDs = ["nn1", "nn2"]
    public static let resourcemanagerIDs = ["rm1", "rm2"]

    /// ZooKeeper servers: 1 (`zookeeper`) or an ensemble of 3 or 5.
    public var zookeepers: Int

    public init(zookeepers: Int = 1) throws(SpecError) {
        guard Self.ensembleSizes.contains(zookeepers) else { throw .invalidZooKeeperCount(zookeepers) }
        self.zookeepers = zookeepers
    }

    /// `namenode-1`, `namenode-2`.
    public static var namenodes: [String] { (1...2).map { "\(Topology.namenode)-\($0)" } }
    /// `journal-1` … `journal-3`.
    public static var journals: [String] { (1...journalCount).map { "journal-\($0)" } }
    /// `zookeeper`, or `zookeeper-1` … `zookeeper-N`.
    public var zookeeperNodes: [String] { zookeepers == 1 ? ["zookeeper"] : (1...zookeepers).map { "zookeeper-\($0)" } }
    /// `resourcemanager-1`, `resourcemanager-2`.
    public static var resourcemanagers: [String] { (1...2).map { "\(Topology.resourcemanager)-\($0)" } }
}
