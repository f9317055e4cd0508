/// A Hadoop daemon process, as `hdfs`, `yarn` and `mapred` start it.
public enum Daemon: String, CaseIterable, Codable, Sendable, Comparable {
    case namenode
    case datanode
    case resourcemanager
    case nodemanager
    case historyserver
    /// HA: a JournalNode, one of the quorum holding the NameNodes' shared edits.
    case journalnode
    /// HA: the ZooKeeper failover controller next to each NameNode.
    case zkfc
    /// HA: a ZooKeeper server (from the ZooKeeper jar every Hadoop distribution ships).
    case zookeeper

    /// The component the daemon belongs to.
    public var component: Component {
        switch self {
        case .namenode, .datanode, .journalnode, .zkfc, .zookeeper: .hdfs
        case .resourcemanager, .nodemanager: .yarn
        case .historyserver: .history
        }
    }

    /// The environment variable that carries the daemon's JVM options, per release line.
    ///
    /// Hadoop 3 renamed them (`HDFS_NAMENODE_OPTS`) and still reads the old names with a
    /// deprecation warning, so hind sets the one the release line expects.
    public func optionsVariable(for version: HadoopMajorVersion) -> String {
        switch (self, version) {
        case (.namenode, .v2): "HADOOP_NAMENODE_OPTS"
        case (.namenode, .v3): "HDFS_NAMENODE_OPTS"
        case (.datanode, .v2): "HADOOP_DATANODE_OPTS"
        case (.datanode, .v3): "HDFS_DATANODE_OPTS"
        case (.resourcemanager, _): "YARN_RESOURCEMANAGER_OPTS"
        case (.nodemanager, _): "YARN_NODEMANAGER_OPTS"
        case (.historyserver, .v2): "HADOOP_JOB_HISTORYSERVER_OPTS"
        case (.historyserver, .v3): "MAPRED_HISTORYSERVER_OPTS"
        case (.journalnode, .v2): "HADOOP_JOURNALNODE_OPTS"
        case (.journalnode, .v3): "HDFS_JOURNALNODE_OPTS"
        case (.zkfc, .v2): "HADOOP_ZKFC_OPTS"
        case (.zkfc, .v3): "HDFS_ZKFC_OPTS"
        // hind runs the server with the `hadoop` command, whose client options these are.
        case (.zookeeper, _): "HADOOP_CLIENT_OPTS"
        }
    }

    public static func < (lhs: Daemon, rhs: Daemon) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
