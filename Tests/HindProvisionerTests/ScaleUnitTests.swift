import DockerEngine
import HindCluster
@testable import HindProvisioner
import Testing

/// The pure parts of `hind scale`: the spec it records, what it reads from the NameNode,
/// the commands it runs there, and which spec wins among the engine's objects.
@Suite struct ScaleUnitTests {
    @Test func aScaledSpecKeepsTheConfigOfTheOthers() throws {
        let spec = FakeProvider.spec()
        #expect(spec.replication == 2)
        let grown = try spec.scaled(to: 5)
        #expect(grown.workers == 5 && grown.revision == 1 && grown.replication == 2)
        #expect(HadoopConfiguration(topology: Topology(spec: grown)).value("dfs.replication", in: .hdfsSite) == "2")
        #expect(try grown.scaled(to: 1).revision == 2)
        #expect(throws: SpecError.workerCountOutOfRange(51)) { _ = try spec.scaled(to: 51) }
    }

    @Test func theHighestRevisionIsTheClustersSpec() throws {
        let labels = [ClusterLabels.cluster: "fake"]
        let original = FakeProvider.spec()
        let scaled = try original.scaled(to: 4)
        func spec(_ spec: ClusterSpec) -> [String: String] { labels.merging([ClusterLabels.spec: SpecLabel.encode(spec)]) { $1 } }
        let inventories = DockerProvider.inventories(
            containers: [ContainerSummary(id: "1", state: "running", labels: spec(original).merging([ClusterLabels.node: "namenode"]) { $1 })],
            networks: [Network(id: "n", name: "fake-net", labels: spec(original))],
            volumes: [Volume(name: "fake-spec-r1", labels: spec(scaled)), Volume(name: "fake-worker-1-data", labels: spec(original))])
        #expect(inventories["fake"]?.spec == scaled)
        #expect(SpecRecord.revision(ofVolume: "fake-spec-r12", cluster: ClusterName.default) == nil)
        #expect(SpecRecord.revision(ofVolume: "fake-spec-r12", cluster: try ClusterName("fake")) == 12)
        #expect(SpecRecord.revision(ofVolume: "fake-worker-1-data", cluster: try ClusterName("fake")) == nil)
    }

    /// A real NameNode's fsck of / (Hadoop 2.7.3, 4 workers).
    static let fsck = """
        Connecting to namenode via http://0.0.0.0:50070/fsck?ugi=hadoop&files=1&blocks=1&locations=1&path=%2F
        / <dir>
        /three 2000000 bytes, 2 block(s):  OK
        0. BP-1-172.18.0.2-1:blk_1073741825_1001 len=1048576 repl=3 [DatanodeInfoWithStorage[172.18.0.3:50010,DS-a,DISK], DatanodeInfoWithStorage[172.18.0.4:50010,DS-b,DISK], DatanodeInfoWithStorage[172.18.0.5:50010,DS-c,DISK]]
        1. BP-1-172.18.0.2-1:blk_1073741826_1002 len=951424 repl=3 [DatanodeInfoWithStorage[172.18.0.6:50010,DS-d,DISK], DatanodeInfoWithStorage[172.18.0.4:50010,DS-b,DISK], DatanodeInfoWithStorage[172.18.0.5:50010,DS-c,DISK]]

        /with space/one 10 bytes, 1 block(s):  OK
        0. BP-1-172.18.0.2-1:blk_1073741827_1003 len=10 repl=1 [DatanodeInfoWithStorage[172.18.0.6:50010,DS-d,DISK]]

        Status: HEALTHY
        """

    @Test func theSurveyFindsWhatFewerWorkersCannotHold() {
        let survey = ReplicationSurvey(fsck: Self.fsck)
        #expect(survey.blocks.map(\.file) == ["/three", "/three", "/with space/one"])
        #expect(survey.blocks.map(\.replication) == [3, 3, 1])
        #expect(survey.blocks[2].locations == ["172.18.0.6"])
        #expect(survey.exceeding(3).isEmpty)
        #expect(survey.exceeding(2).count == 2)
        #expect(survey.stuck(on: 2) == ["172.18.0.3": 1, "172.18.0.4": 2, "172.18.0.5": 2, "172.18.0.6": 1])
    }

    /// Hadoop 2.8+ prints `Live_repl=` on block lines and the file's `replication=` on its
    /// line; 2.7 names an under-replicated block's target on the file line.
    @Test func theSurveyReadsEveryReleasesFsck() {
        let hadoop3 = """
            /three 2000000 bytes, replicated: replication=3, 2 block(s):  Under replicated BP-1:blk_1_1. Target Replicas is 3 but found 2 live replica(s), 0 decommissioned replica(s), 0 decommissioning replica(s).
            0. BP-1:blk_1_1 len=1048576 Live_repl=2  [DatanodeInfoWithStorage[172.18.0.3:9866,DS-a,DISK], DatanodeInfoWithStorage[172.18.0.4:9866,DS-b,DISK]]
            1. BP-1:blk_2_2 len=951424 Live_repl=3  [DatanodeInfoWithStorage[172.18.0.3:9866,DS-a,DISK], DatanodeInfoWithStorage[172.18.0.4:9866,DS-b,DISK], DatanodeInfoWithStorage[172.18.0.5:9866,DS-c,DISK]]
            """
        #expect(ReplicationSurvey(fsck: hadoop3).blocks.map(\.replication) == [3, 3])
        #expect(ReplicationSurvey(fsck: hadoop3).blocks[0].locations == ["172.18.0.3", "172.18.0.4"])
        let hadoop27 = """
            /three 2000000 bytes, 2 block(s):  Under replicated BP-1:blk_1_1. Target Replicas is 3 but found 2 replica(s).
            0. BP-1:blk_1_1 len=1048576 repl=2 [DatanodeInfoWithStorage[172.18.0.3:50010,DS-a,DISK], DatanodeInfoWithStorage[172.18.0.4:50010,DS-b,DISK]]
            1. BP-1:blk_2_2 len=951424 repl=2 [DatanodeInfoWithStorage[172.18.0.3:50010,DS-a,DISK], DatanodeInfoWithStorage[172.18.0.4:50010,DS-b,DISK]]
            """
        #expect(ReplicationSurvey(fsck: hadoop27).blocks.map(\.replication) == [3, 2])
    }

    /// The forced condition never holds on the NameNode's first, uncounted report (every
    /// counter 0), and holds only when it persists.
    @Test func aForcedDecommissionWaitsForTheNameNodesCount() {
        let clock = ContinuousClock()
        let start = clock.now
        func state(_ host: String, _ admin: String, under: Int, only: Int = 0) -> DataNodeAdminState {
            DataNodeAdminState(host: host, adminState: admin, underReplicatedBlocks: under, decommissionOnlyReplicas: only)
        }
        let progressing = DataNodeAdminState.decommissionInProgress
        var forced = DecommissionProgress(addresses: ["10.0.0.3"], stuck: ["10.0.0.3": 3], force: true)
        var verdicts = [
            forced.update(["10.0.0.3": state("10.0.0.3", progressing, under: 0)], at: start),
            forced.update(["10.0.0.3": state("10.0.0.3", progressing, under: 5, only: 1)], at: start + .seconds(1)),
            forced.update(["10.0.0.3": state("10.0.0.3", progressing, under: 3)], at: start + .seconds(2)),
            forced.update(["10.0.0.3": state("10.0.0.3", progressing, under: 3)], at: start + .seconds(6)),
        ]
        // Not counted yet, still moving, just settled, settled.
        #expect(verdicts == [false, false, false, true])
        // A node without stuck blocks must finish, forced or not.
        var clean = DecommissionProgress(addresses: ["10.0.0.4"], stuck: [:], force: true)
        verdicts = [
            clean.update(["10.0.0.4": state("10.0.0.4", progressing, under: 0)], at: start + .seconds(10)),
            clean.update(["10.0.0.4": state("10.0.0.4", DataNodeAdminState.decommissioned, under: 0)], at: start + .seconds(11)),
        ]
        #expect(verdicts == [false, true])
        var plain = DecommissionProgress(addresses: ["10.0.0.3"], stuck: ["10.0.0.3": 3], force: false)
        let stuckForever = plain.update(["10.0.0.3": state("10.0.0.3", progressing, under: 3)], at: start + .seconds(60))
        #expect(!stuckForever)
        #expect(plain.blocksLeft(["10.0.0.3": state("10.0.0.3", progressing, under: 7)]) == 7)
        #expect(forced.blocksLeft(["10.0.0.3": state("10.0.0.3", progressing, under: 7)]) == 4)
    }

    @Test func scalingKeepsTheRackLayoutOfTheRemainingWorkers() throws {
        var spec = FakeProvider.spec()
        spec.racks = RackLayout(count: 2, placements: ["worker-2": "/rack-9"])
        let shrunk = try spec.scaled(to: 1)
        #expect(shrunk.racks == RackLayout(count: 2, placements: [:]))
        #expect(RackLayout(placements: ["worker-1": "/dc1/r1"]).rack(ofWorker: 2) == "/default/default-rack")
    }

    @Test func decommissionProgressIsReadFromNameNodeInfo() {
        let live = #"{\"172.18.0.3\":{\"adminState\":\"In Service\",\"lastContact\":1},\"172.18.0.6\":{\"adminState\":\"Decommission In Progress\",\"lastContact\":0}}"#
        let decom = #"{\"172.18.0.6:50010\":{\"xferaddr\":\"172.18.0.6:50010\",\"underReplicatedBlocks\":7,\"decommissionOnlyReplicas\":1,\"underReplicateInOpenFiles\":0}}"#
        let body = Array(#"{"beans":[{"name":"Hadoop:service=NameNode,name=NameNodeInfo","LiveNodes":"\#(live)","DecomNodes":"\#(decom)"}]}"#.utf8)
        let states = HadoopREST.parseDataNodeAdmin(body)
        #expect(states?["172.18.0.3"]?.adminState == DataNodeAdminState.inService)
        #expect(states?["172.18.0.6"] == DataNodeAdminState(host: "172.18.0.6", adminState: DataNodeAdminState.decommissionInProgress,
                                                             underReplicatedBlocks: 7, decommissionOnlyReplicas: 1))
        #expect(HadoopREST.parseDataNodeAdmin(Array("{}".utf8)) == nil)
    }

    @Test func excludeCommandsQuoteAndSkipIdleRefreshes() {
        #expect(DecommissionFiles.hdfsRefresh(excluding: ["172.18.0.5", "172.18.0.6"])
            == "printf '%s\\n' '172.18.0.5' '172.18.0.6' > '/tmp/hind/conf/dfs.exclude' && hdfs dfsadmin -refreshNodes")
        #expect(DecommissionFiles.hdfsRefresh(excluding: [])
            == "[ ! -s '/tmp/hind/conf/dfs.exclude' ] || { : > '/tmp/hind/conf/dfs.exclude' && hdfs dfsadmin -refreshNodes; }")
        #expect(DecommissionFiles.yarnRefresh(excluding: ["worker-4"], version: .v3, timeoutSeconds: 30)
            == "printf '%s\\n' 'worker-4' > '/tmp/hind/conf/yarn.exclude' && yarn rmadmin -refreshNodes -g 30 -server")
        #expect(DecommissionFiles.yarnRefresh(excluding: ["worker-4"], version: .v2, timeoutSeconds: 30).hasSuffix("yarn rmadmin -refreshNodes"))
    }

    @Test func everyClusterCanBeDecommissioned() throws {
        let topology = Topology(spec: try FakeProvider.spec().scaled(to: 2))
        let configuration = HadoopConfiguration(topology: topology)
        #expect(configuration.value("dfs.hosts.exclude", in: .hdfsSite) == "/tmp/hind/conf/dfs.exclude")
        #expect(RenderedCluster(topology: topology).configFiles.contains { $0.path == "conf/dfs.exclude" && $0.contents.isEmpty })
    }

    /// Growing fails at the containers: only the new workers' objects are removed, and the
    /// failure is the engine's.
    @Test func aFailedGrowRemovesOnlyTheNewWorkers() async throws {
        var running = FakeProvider.stoppedCluster()
        running.containers = running.containers.mapValues { _ in "running" }
        let provider = FakeProvider(failing: .nodes, cluster: running)
        let provisioner = ClusterProvisioner(provider: provider, progress: RecordingProgress())
        await #expect(throws: FakeProvider.Failure.self) {
            _ = try await provisioner.scale(try ClusterName("fake"), to: 4, wait: .seconds(5))
        }
        #expect(provider.calls.contains("delete(run)"), "\(provider.calls)")
        #expect(provider.objects.isEmpty, "the new workers' volumes went with their run")
        #expect(!provider.calls.contains { $0.hasPrefix("recordSpec") })
    }
}

/// The fixed addresses an HA cluster's NameNodes get on its network.
@Suite struct FixedAddressesTests {
    @Test func theUpperHalfOfTheEnginesSubnet() throws {
        let chosen = IPAMPool(subnet: "172.21.0.0/16", gateway: "172.21.0.1")
        #expect(FixedAddresses.pool(from: chosen) == IPAMPool(subnet: "172.21.0.0/16", gateway: "172.21.0.1", ipRange: "172.21.0.0/17"))
        let fixed = try #require(FixedAddresses(pool: chosen, nodes: ["namenode-1", "namenode-2", "zookeeper"]))
        #expect(fixed.hostsEntries == ["namenode-1:172.21.128.1", "namenode-2:172.21.128.2", "zookeeper:172.21.128.3"])
        #expect(FixedAddresses(pool: IPAMPool(subnet: "192.168.48.0/20"), nodes: ["a", "b"])?.addresses["b"] == "192.168.56.2")
        #expect(FixedAddresses(pool: IPAMPool(subnet: "10.0.0.0/30"), nodes: ["a"]) == nil, "too small")
        #expect(FixedAddresses(pool: IPAMPool(subnet: "fd00::/64"), nodes: ["a"]) == nil, "not IPv4")
        // Every HA node but the workers gets one.
        let spec = try ClusterSpec(name: ClusterName("demo"), workers: 2, image: ImageProfile.guess(reference: "apache/hadoop:3.4.1"),
                                   components: [.hdfs, .yarn], ha: HighAvailability(zookeepers: 3))
        #expect(FixedAddresses.nodes(of: Topology(spec: spec)) == [
            "namenode-1", "namenode-2", "journal-1", "journal-2", "journal-3", "zookeeper-1", "zookeeper-2", "zookeeper-3",
            "resourcemanager-1", "resourcemanager-2",
        ])
        #expect(FixedAddresses.nodes(of: Topology(spec: FakeProvider.spec())).isEmpty)
    }
}
