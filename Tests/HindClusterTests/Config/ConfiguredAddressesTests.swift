@testable import HindCluster
import Testing

/// Overrides of the address and directory keys move every port and path hind derives
/// from them (launchers, health checks, published ports), or are refused with the reason.
@Suite struct ConfiguredAddressesTests {
    @Test func overriddenPortsReachEveryConsumer() throws {
        let spec = try testSpec(image: "hind/hadoop:2.7.3-offline", overrides: [
            "hdfs-site:dfs.namenode.http-address=0.0.0.0:50071",
            "hdfs-site:dfs.namenode.rpc-address=namenode:9000",
            "hdfs-site:dfs.datanode.http.address=0.0.0.0:50076",
            "hdfs-site:dfs.datanode.ipc.address=0.0.0.0:50021",
        ])
        #expect(spec.ports.namenodeHTTP == 50071)
        #expect(spec.ports.namenodeRPC == 9000)
        #expect(spec.ports.datanodeHTTP == 50076)
        #expect(spec.ports.datanodeIPC == 50021)
        let topology = Topology(spec: spec)
        let namenode = try #require(topology.node(named: "namenode"))
        #expect(namenode.healthPorts == [9000])
        #expect(namenode.published.map(\.containerPort) == [50071, 9000])
        let worker = try #require(topology.node(named: "worker-1"))
        // Its IPC port, which opens last (not its HTTP port: Netty's buffers).
        #expect(worker.healthPorts == [50021])
        #expect(worker.dependencies[.datanode]?.description == "namenode:9000")
        // hind's own fs.defaultFS follows the RPC port.
        #expect(HadoopConfiguration(topology: topology).value("fs.defaultFS", in: .coreSite) == "hdfs://namenode:9000")
    }

    @Test func aComposeProjectPublishesAndProbesTheMovedPorts() throws {
        let spec = try testSpec(image: "hind/hadoop:2.7.3-offline", overrides: [
            "hdfs-site:dfs.namenode.http-address=0.0.0.0:50071", "hdfs-site:dfs.namenode.rpc-address=namenode:9000",
        ])
        let files = try RenderedCluster(topology: Topology(spec: spec)).composeProject()
        let compose = try #require(files.first { $0.path == "compose.yaml" }).contents
        #expect(compose.contains(":50071"), "the NameNode UI is published from its moved port")
        #expect(!compose.contains(":50070"))
        let launcher = try #require(files.first { $0.path == "launchers/worker-1.sh" }).contents
        #expect(launcher.contains("HIND_DATANODE_WAIT='namenode:9000'"))
    }

    @Test func defaultFSAloneMovesTheRPCPort() throws {
        let spec = try testSpec(overrides: ["core-site:fs.defaultFS=hdfs://namenode:9001/"])
        #expect(spec.ports.namenodeRPC == 9001)
        #expect(HadoopConfiguration(topology: Topology(spec: spec)).value("dfs.namenode.rpc-address", in: .hdfsSite) == "namenode:9001")
        #expect(try testSpec(overrides: ["core-site:fs.defaultFS=hdfs://namenode"]).ports.namenodeRPC == 8020)
    }

    @Test func yarnAndHistoryAddressesFollow() throws {
        let spec = try testSpec(components: [.hdfs, .yarn, .history], overrides: [
            "yarn-site:yarn.resourcemanager.webapp.address=${yarn.resourcemanager.hostname}:8089",
            "yarn-site:yarn.resourcemanager.resource-tracker.address=resourcemanager:8035",
            "yarn-site:yarn.nodemanager.address=0.0.0.0:8045",
            "mapred-site:mapreduce.jobhistory.webapp.address=historyserver:19889",
        ])
        #expect(spec.ports.resourcemanagerWeb == 8089)
        #expect(spec.ports.resourcemanagerTracker == 8035)
        #expect(spec.ports.nodemanagerIPC == 8045)
        #expect(spec.ports.historyWeb == 19889)
        let worker = try #require(Topology(spec: spec).node(named: "worker-1"))
        #expect(worker.dependencies[.nodemanager]?.description == "resourcemanager:8035")
    }

    @Test(arguments: [
        ("hdfs-site:dfs.namenode.http-address=0.0.0.0:0", "port 0 is chosen at random"),
        ("hdfs-site:dfs.namenode.rpc-address=0.0.0.0:9000", "reach this daemon as 'namenode', not '0.0.0.0'"),
        ("hdfs-site:dfs.namenode.rpc-address=namenode", "use HOST:PORT"),
        ("hdfs-site:dfs.datanode.address=worker-1:50010", "not 'worker-1'"),
        ("hdfs-site:dfs.namenode.http-address=0.0.0.0:70000", "out of range"),
        ("core-site:fs.defaultFS=file:///", "HDFS on its NameNode"),
        ("core-site:fs.defaultFS=hdfs://namenode:abc", "use hdfs://namenode:PORT"),
        ("hdfs-site:dfs.namenode.http-address=0.0.0.0:8020", "would both listen on port 8020"),
        ("hdfs-site:dfs.namenode.name.dir=relative/name", "not a local absolute path"),
        ("hdfs-site:dfs.namenode.name.dir=hdfs://namenode/x", "not a local absolute path"),
        ("hdfs-site:dfs.datanode.data.dir=/tmp/hadoop-${user.name}/dn", "cannot know before the daemons start"),
        ("hdfs-site:dfs.datanode.data.dir=/data/../etc", "climbs out"),
        ("hdfs-site:dfs.datanode.data.dir=/data/*", "pattern characters"),
        ("hdfs-site:dfs.namenode.name.dir=file:///", "the root directory"),
        ("mapred-site:mapreduce.jobhistory.address=history:10020", "use e.g. historyserver:10020"),
    ])
    func unsupportedOverridesAreRefused(_ text: String, reason: String) throws {
        #expect {
            _ = try testSpec(overrides: [text])
        } throws: { error in
            guard case let .unsupportedOverride(override, message) = error as? SpecError else { return false }
            return override == "--conf \(text)" && message.contains(reason)
                && (error as! SpecError).description.hasPrefix("hind cannot honour --conf \(text): ")
        }
    }

    @Test func anUncheckedOverrideIsNamedAsSuch() throws {
        var spec = try testSpec()
        spec.overrides = [try ConfigOverride(parsing: "hdfs-site:dfs.namenode.http-address=0.0.0.0:0", unchecked: true)]
        #expect(spec.configured.problem?.description.hasPrefix("hind cannot honour --conf-unchecked hdfs-site:dfs.namenode.http-address=0.0.0.0:0: ") == true)
    }

    @Test func conflictingRPCPortsAreRefused() throws {
        #expect(throws: SpecError.self) {
            _ = try testSpec(overrides: ["hdfs-site:dfs.namenode.rpc-address=namenode:9000", "core-site:fs.defaultFS=hdfs://namenode:9001"])
        }
        // The same port twice is fine.
        _ = try testSpec(overrides: ["hdfs-site:dfs.namenode.rpc-address=namenode:9000", "core-site:fs.defaultFS=hdfs://namenode:9000"])
    }

    @Test func storageDirectoriesReachTheLauncher() throws {
        let spec = try testSpec(image: "hind/hadoop:2.7.3-offline", overrides: [
            "hdfs-site:dfs.namenode.name.dir=file:///hadoop/data/nn,/srv/nn-copy",
            "hdfs-site:dfs.datanode.data.dir=[SSD]file:///srv/dn, [DISK]${hadoop.tmp.dir}/dn/",
        ])
        #expect(spec.storage.nameDirectories == ["/hadoop/data/nn", "/srv/nn-copy"])
        #expect(spec.storage.dataDirectories == ["/srv/dn", "/hadoop/data/tmp/dn"])
        let topology = Topology(spec: spec)
        let namenode = LauncherScript.render(node: try #require(topology.node(named: "namenode")), topology: topology)
        #expect(namenode.contains("HIND_NAME_DIRS='/hadoop/data/nn /srv/nn-copy'"))
        #expect(namenode.contains("HIND_OWN_DIRS='/hadoop/data/nn /srv/nn-copy'"))
        let worker = LauncherScript.render(node: try #require(topology.node(named: "worker-1")), topology: topology)
        #expect(worker.contains("HIND_OWN_DIRS='/srv/dn /hadoop/data/tmp/dn'"))
        let warnings = ConfigCheck.warnings(spec).map(\.message)
        #expect(warnings.contains { $0.hasPrefix("dfs.namenode.name.dir /srv/nn-copy is outside the node's volume") })
        #expect(warnings.contains { $0.hasPrefix("dfs.datanode.data.dir /srv/dn is outside") })
        #expect(!warnings.contains { $0.contains("/hadoop/data/tmp/dn") })
    }

    @Test func defaultsNeedNoOverride() throws {
        let spec = try testSpec(image: "hind/hadoop:2.7.3-offline")
        #expect(spec.ports == PortTable.hadoop2)
        #expect(spec.storage.nameDirectories == ["/hadoop/data/dfs/name"])
        #expect(spec.storage.dataDirectories == ["/hadoop/data/dfs/data"])
    }
}
