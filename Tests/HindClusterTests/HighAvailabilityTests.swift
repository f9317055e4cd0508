import Foundation
@testable import HindCluster
import Testing

/// What `--ha` renders: the nodes, the nameservice's properties (checked against
/// HDFSHighAvailabilityWithQJM.html and ResourceManagerHA.html), ZooKeeper's config and
/// what each launcher is told.
@Suite struct HighAvailabilityTests {
    static func spec(workers: Int = 3, components: Set<Component> = [.hdfs], zookeepers: Int = 1, image: String = "hind/hadoop:2.7.3-offline") throws -> ClusterSpec {
        try ClusterSpec(name: ClusterName("demo"), workers: workers, image: ImageProfile.guess(reference: image),
                        components: components, ha: HighAvailability(zookeepers: zookeepers))
    }

    @Test func theNodesOfAnHACluster() throws {
        let topology = Topology(spec: try Self.spec())
        #expect(topology.nodes.map(\.name) == ["namenode-1", "namenode-2", "journal-1", "journal-2", "journal-3", "zookeeper", "worker-1", "worker-2", "worker-3"])
        #expect(topology.node(named: "namenode-1")?.daemons == [.namenode, .zkfc])
        #expect(topology.node(named: "namenode-1")?.healthPorts == [8020, 8019])
        #expect(topology.node(named: "journal-2")?.healthPorts == [8485])
        #expect(topology.node(named: "zookeeper")?.healthPorts == [2181])
        #expect(topology.node(named: "worker-1")?.dependencies[.datanode]?.description == "namenode-1:8020")
        #expect(topology.node(named: "namenode-2")?.dependencies[.zkfc]?.description == "zookeeper:2181")
        #expect(topology.namenodes.map(\.name) == ["namenode-1", "namenode-2"])
        let yarn = Topology(spec: try Self.spec(components: [.hdfs, .yarn], zookeepers: 3, image: "apache/hadoop:3.4.1"))
        #expect(yarn.nodes.map(\.name).filter { !$0.hasPrefix("worker") } == [
            "namenode-1", "namenode-2", "journal-1", "journal-2", "journal-3", "zookeeper-1", "zookeeper-2", "zookeeper-3",
            "resourcemanager-1", "resourcemanager-2",
        ])
        #expect(yarn.node(named: "worker-1")?.dependencies[.nodemanager]?.description == "resourcemanager-1:8031")
        // Each NameNode and ResourceManager publishes its own ports; a ResourceManager's
        // health is its web port (the standby's tracker port stays closed), and the
        // NodeManagers wait only for its name.
        #expect(yarn.node(named: "namenode-2")?.published.map(\.containerPort) == [9870, 8020])
        #expect(yarn.node(named: "resourcemanager-2")?.published.map(\.containerPort) == [8088])
        #expect(yarn.node(named: "resourcemanager-2")?.healthPorts == [8088])
        let worker = LauncherScript.render(node: try #require(yarn.node(named: "worker-1")), topology: yarn)
        #expect(worker.contains("HIND_NODEMANAGER_WAIT_FOR='name'"))
    }

    @Test func theNameserviceProperties() throws {
        let configuration = HadoopConfiguration(topology: Topology(spec: try Self.spec()))
        func hdfs(_ key: String) -> String? { configuration.value(key, in: .hdfsSite) }
        #expect(configuration.value("fs.defaultFS", in: .coreSite) == "hdfs://demo")
        #expect(configuration.value("ha.zookeeper.quorum", in: .coreSite) == "zookeeper:2181")
        #expect(hdfs("dfs.nameservices") == "demo")
        #expect(hdfs("dfs.ha.namenodes.demo") == "nn1,nn2")
        #expect(hdfs("dfs.namenode.rpc-address.demo.nn1") == "namenode-1:8020")
        #expect(hdfs("dfs.namenode.http-address.demo.nn2") == "namenode-2:50070")
        #expect(hdfs("dfs.namenode.shared.edits.dir") == "qjournal://journal-1:8485;journal-2:8485;journal-3:8485/demo")
        #expect(hdfs("dfs.client.failover.proxy.provider.demo") == "org.apache.hadoop.hdfs.server.namenode.ha.ConfiguredFailoverProxyProvider")
        #expect(hdfs("dfs.ha.automatic-failover.enabled") == "true")
        #expect(hdfs("dfs.ha.fencing.methods") == "shell(/bin/true)")
        #expect(hdfs("dfs.namenode.rpc-address") == nil && hdfs("dfs.namenode.http-address") == nil)
    }

    /// ResourceManager HA, rendered for images with YARN (it cannot run here).
    @Test func theResourceManagerPair() throws {
        let v3 = HadoopConfiguration(topology: Topology(spec: try Self.spec(components: [.hdfs, .yarn], zookeepers: 3, image: "apache/hadoop:3.4.1")))
        func yarn(_ key: String) -> String? { v3.value(key, in: .yarnSite) }
        #expect(yarn("yarn.resourcemanager.ha.enabled") == "true")
        #expect(yarn("yarn.resourcemanager.cluster-id") == "demo")
        #expect(yarn("yarn.resourcemanager.ha.rm-ids") == "rm1,rm2")
        #expect(yarn("yarn.resourcemanager.hostname.rm1") == "resourcemanager-1")
        #expect(yarn("yarn.resourcemanager.webapp.address.rm2") == "resourcemanager-2:8088")
        #expect(yarn("hadoop.zk.address") == "zookeeper-1:2181,zookeeper-2:2181,zookeeper-3:2181")
        #expect(yarn("yarn.resourcemanager.hostname") == nil)
        let v2 = HadoopConfiguration(topology: Topology(spec: try Self.spec(components: [.hdfs, .yarn], image: "apache/hadoop:2.10.2")))
        #expect(v2.value("yarn.resourcemanager.zk-address", in: .yarnSite) == "zookeeper:2181")
    }

    @Test func zooKeeperAndTheLaunchers() throws {
        let topology = Topology(spec: try Self.spec(zookeepers: 3))
        let rendered = RenderedCluster(topology: topology)
        let zoo = try #require(rendered.configFiles.first { $0.path == "conf/zoo.cfg" }).contents
        #expect(zoo.contains("tickTime=500\n") && zoo.contains("clientPort=2181\n") && zoo.contains("dataDir=/hadoop/data/zookeeper\n"))
        #expect(zoo.contains("server.2=zookeeper-2:2888:3888\n"))
        let first = LauncherScript.render(node: try #require(topology.node(named: "namenode-1")), topology: topology)
        #expect(first.contains("HIND_HA_PEER='namenode-2:8020'") && first.contains("HIND_HA_FIRST='yes'"))
        #expect(first.contains("HIND_JOURNALS='journal-1:8485 journal-2:8485 journal-3:8485'"))
        #expect(first.contains("HIND_ZOOKEEPER='zookeeper-1:2181'"))
        let second = LauncherScript.render(node: try #require(topology.node(named: "namenode-2")), topology: topology)
        #expect(second.contains("HIND_HA_PEER='namenode-1:8020'") && second.contains("HIND_HA_FIRST=''"))
        let server = LauncherScript.render(node: try #require(topology.node(named: "zookeeper-3")), topology: topology)
        #expect(server.contains("HIND_ZOOKEEPER_ID='3'"))
        let standalone = Topology(spec: try Self.spec())
        #expect(LauncherScript.render(node: try #require(standalone.node(named: "zookeeper")), topology: standalone).contains("HIND_ZOOKEEPER_ID=''"))
    }

    @Test func badHAInput() throws {
        #expect(throws: SpecError.invalidZooKeeperCount(2)) { _ = try HighAvailability(zookeepers: 2) }
        #expect(throws: SpecError.memoryTooSmall(node: "namenode-1", .megabytes(256), minimum: .megabytes(512))) {
            _ = try ClusterSpec(workers: 1, image: ImageProfile.guess(reference: "hind/hadoop:2.7.3-offline"),
                                memory: .megabytes(256), ha: HighAvailability())
        }
        #expect {
            _ = try ClusterSpec(workers: 1, image: ImageProfile.guess(reference: "hind/hadoop:2.7.3-offline"),
                                overrides: [ConfigOverride(parsing: "hdfs-site:dfs.namenode.rpc-address=namenode:9000")], ha: HighAvailability())
        } throws: { "\($0)".contains("with --ha each NameNode's address is the nameservice's") }
    }
}
