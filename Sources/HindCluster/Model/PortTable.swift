/// The ports each Hadoop daemon listens on, per release line.
///
/// Hadoop 3 moved the HDFS ports out of the ephemeral range (HDFS-9427); YARN and
/// MapReduce ports did not change.
public struct PortTable: Hashable, Sendable, Codable {
    public var namenodeRPC: Int
    public var namenodeHTTP: Int
    public var datanodeData: Int
    public var datanodeHTTP: Int
    public var datanodeIPC: Int
    public var secondaryNamenodeHTTP: Int
    public var resourcemanagerWeb: Int
    public var resourcemanagerClient: Int
    public var resourcemanagerScheduler: Int
    public var resourcemanagerTracker: Int
    public var resourcemanagerAdmin: Int
    public var nodemanagerWeb: Int
    /// `yarn.nodemanager.address`: ephemeral by default; hind fixes it so health checks can see it.
    public var nodemanagerIPC: Int
    public var historyWeb: Int
    public var historyRPC: Int
    /// HA: JournalNode RPC and HTTP, the failover controller's RPC, ZooKeeper's client,
    /// peer and election ports (the same in Hadoop 2 and 3).
    public var journalnodeRPC = 8485
    public var journalnodeHTTP = 8480
    public var zkfcRPC = 8019
    public var zookeeperClient = 2181
    public var zookeeperPeer = 2888
    public var zookeeperElection = 3888

    public static let hadoop2 = PortTable(
        namenodeRPC: 8020, namenodeHTTP: 50070,
        datanodeData: 50010, datanodeHTTP: 50075, datanodeIPC: 50020,
        secondaryNamenodeHTTP: 50090,
        resourcemanagerWeb: 8088, resourcemanagerClient: 8032, resourcemanagerScheduler: 8030,
        resourcemanagerTracker: 8031, resourcemanagerAdmin: 8033,
        nodemanagerWeb: 8042, nodemanagerIPC: 8041,
        historyWeb: 19888, historyRPC: 10020
    )

    public static let hadoop3 = PortTable(
        namenodeRPC: 8020, namenodeHTTP: 9870,
        datanodeData: 9866, datanodeHTTP: 9864, datanodeIPC: 9867,
        secondaryNamenodeHTTP: 9868,
        resourcemanagerWeb: 8088, resourcemanagerClient: 8032, resourcemanagerScheduler: 8030,
        resourcemanagerTracker: 8031, resourcemanagerAdmin: 8033,
        nodemanagerWeb: 8042, nodemanagerIPC: 8041,
        historyWeb: 19888, historyRPC: 10020
    )

    /// The ports a daemon listens on, the first being the one its health check probes:
    /// the port others wait for, or for a DataNode its web port (a bare connection to
    /// the data port makes the DataNode log an error each time).
    public func listening(_ daemon: Daemon) -> [Int] {
        switch daemon {
        case .namenode: [namenodeRPC, namenodeHTTP]
        case .datanode: [datanodeHTTP, datanodeData, datanodeIPC]
        case .resourcemanager:
            [resourcemanagerTracker, resourcemanagerWeb, resourcemanagerClient,
             resourcemanagerScheduler, resourcemanagerAdmin]
        case .nodemanager: [nodemanagerIPC, nodemanagerWeb]
        case .historyserver: [historyRPC, historyWeb]
        case .journalnode: [journalnodeRPC, journalnodeHTTP]
        case .zkfc: [zkfcRPC]
        case .zookeeper: [zookeeperClient]
        }
    }
}
