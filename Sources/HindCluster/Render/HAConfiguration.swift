/// The properties of an HA cluster (``HighAvailability``), after
/// HDFSHighAvailabilityWithQJM.html and ResourceManagerHA.html: a nameservice named after
/// the cluster with `nn1` on `namenode-1` and `nn2` on `namenode-2`, shared edits on the
/// JournalNodes, automatic failover through ZooKeeper, and the failover timings chosen
/// for a failover in seconds on one machine.
public enum HAConfiguration {
    /// The nameservice: the cluster's name (a DNS label, so a valid nameservice ID).
    static func nameservice(_ spec: ClusterSpec) -> String { spec.name.rawValue }

    /// `zookeeper:2181` or the ensemble's `zookeeper-1:2181,…`.
    static func quorum(_ spec: ClusterSpec, _ ha: HighAvailability) -> String {
        ha.zookeeperNodes.map { "\($0):\(spec.ports.zookeeperClient)" }.joined(separator: ",")
    }

    static func coreSite(_ spec: ClusterSpec, _ ha: HighAvailability) -> [HadoopProperty] {
        [
            HadoopProperty("ha.zookeeper.quorum", quorum(spec, ha)),
            // A dead NameNode's controller loses its ZooKeeper session, and with it the
            // active lock, after 2 s (default 5 s; the servers allow it: tickTime 500 ms).
            HadoopProperty("ha.zookeeper.session-timeout.ms", "2000"),
            // A client (or a DataNode, or the other failover controller fencing it) trying a
            // NameNode whose container is gone waits for a connect that never completes:
            // 1 s instead of 20 on a local bridge, then the failover proxy tries the other.
            HadoopProperty("ipc.client.connect.timeout", "1000"),
            // The new active's controller asks the old one to step down once, not twice,
            // before it fences (shell(/bin/true)).
            HadoopProperty("ha.failover-controller.graceful-fence.connection.retries", "0"),
            // Each controller checks its NameNode's health 4 times a second (default
            // once): a NameNode is made active, or a manual failover accepted, sooner.
            HadoopProperty("ha.health-monitor.check-interval.ms", "250"),
            HadoopProperty("ha.health-monitor.connect-retry-interval.ms", "250"),
        ]
    }

    /// Replaces the single NameNode's addresses.
    static func hdfsSite(_ spec: ClusterSpec, _ ha: HighAvailability) -> [HadoopProperty] {
        let ns = nameservice(spec)
        let ports = spec.ports
        let journals = HighAvailability.journals.map { "\($0):\(ports.journalnodeRPC)" }.joined(separator: ";")
        var properties = [
            HadoopProperty("dfs.nameservices", ns),
            HadoopProperty("dfs.ha.namenodes.\(ns)", HighAvailability.namenodeIDs.joined(separator: ",")),
        ]
        for (id, node) in zip(HighAvailability.namenodeIDs, HighAvailability.namenodes) {
            properties += [
                HadoopProperty("dfs.namenode.rpc-address.\(ns).\(id)", "\(node):\(ports.namenodeRPC)"),
                // Peers fetch images from each other's HTTP address: by name, bound to every interface.
                HadoopProperty("dfs.namenode.http-address.\(ns).\(id)", "\(node):\(ports.namenodeHTTP)"),
            ]
        }
        properties += [
            HadoopProperty("dfs.namenode.http-bind-host", "0.0.0.0"),
            HadoopProperty("dfs.namenode.shared.edits.dir", "qjournal://\(journals)/\(ns)"),
            HadoopProperty("dfs.journalnode.edits.dir", "\(spec.image.dataDirectory)/dfs/journal"),
            HadoopProperty("dfs.ha.automatic-failover.enabled", "true"),
            // Fencing: containers share no storage and the JournalNodes accept one writer
            // at a time (the quorum fences a stale active by epoch), so there is nothing
            // left to fence; a killed container cannot be reached by ssh anyway.
            HadoopProperty("dfs.ha.fencing.methods", "shell(/bin/true)"),

            // The standby reads new edits every 2 s instead of 60: it is current when it
            // takes over, and a test sees a write on both at once.
            HadoopProperty("dfs.ha.tail-edits.period", "2"),
        ]
        return properties + clientFailover(nameservice: ns)
    }

    /// How a client finds the active NameNode of `nameservice`, in the cluster and in
    /// `client-config` alike: it retries the other NameNode after 0.1 s, backing off to
    /// 1 s at most (defaults 0.5 s and 15 s), so a failover shows within seconds.
    public static func clientFailover(nameservice: String) -> [HadoopProperty] {
        [
            HadoopProperty("dfs.client.failover.proxy.provider.\(nameservice)", "org.apache.hadoop.hdfs.server.namenode.ha.ConfiguredFailoverProxyProvider"),
            HadoopProperty("dfs.client.failover.sleep.base.millis", "100"),
            HadoopProperty("dfs.client.failover.sleep.max.millis", "1000"),
        ]
    }

    /// Replaces `yarn.resourcemanager.hostname` (ResourceManagerHA.html): rm1 and rm2 on
    /// the same ZooKeeper.
    static func yarnSite(_ spec: ClusterSpec, _ ha: HighAvailability) -> [HadoopProperty] {
        var properties = [
            HadoopProperty("yarn.resourcemanager.ha.enabled", "true"),
            HadoopProperty("yarn.resourcemanager.cluster-id", nameservice(spec)),
            HadoopProperty("yarn.resourcemanager.ha.rm-ids", HighAvailability.resourcemanagerIDs.joined(separator: ",")),
        ]
        for (id, node) in zip(HighAvailability.resourcemanagerIDs, HighAvailability.resourcemanagers) {
            properties += [
                HadoopProperty("yarn.resourcemanager.hostname.\(id)", node),
                HadoopProperty("yarn.resourcemanager.webapp.address.\(id)", "\(node):\(spec.ports.resourcemanagerWeb)"),
            ]
        }
        // Hadoop 3 reads the ZooKeeper address from `hadoop.zk.address` (2.x's key deprecated).
        properties.append(HadoopProperty(spec.hadoopVersion == .v3 ? "hadoop.zk.address" : "yarn.resourcemanager.zk-address", quorum(spec, ha)))
        return properties
    }

    static let zooConfigName = "zoo.cfg"

    /// Where a ZooKeeper server keeps its data (and its `myid`): on the node's volume.
    static func zookeeperData(_ spec: ClusterSpec) -> String { "\(spec.image.dataDirectory)/zookeeper" }

    /// zoo.cfg of every ZooKeeper server: a short tick so sessions can time out in 2 s.
    static func zooConfig(_ spec: ClusterSpec, _ ha: HighAvailability) -> String {
        var lines = [
            "# ZooKeeper of hind cluster '\(spec.name)'. Rendered by hind; edits are overwritten.",
            "tickTime=500",
            "initLimit=20",
            "syncLimit=10",
            "dataDir=\(zookeeperData(spec))",
            "clientPort=\(spec.ports.zookeeperClient)",
            "maxClientCnxns=0",
            // ZooKeeper 3.5+ would start an admin web server on 8080.
            "admin.enableServer=false",
        ]
        if ha.zookeepers > 1 {
            for (index, node) in ha.zookeeperNodes.enumerated() {
                lines.append("server.\(index + 1)=\(node):\(spec.ports.zookeeperPeer):\(spec.ports.zookeeperElection)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
