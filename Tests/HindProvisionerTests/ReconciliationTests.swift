import DockerEngine
import HindCluster
@testable import HindProvisioner
import Testing

/// The spec against the engine's objects: what is missing, what `start` recreates, the
/// condition `status` and `list` show, and the NameNode's words when it is not ready.
@Suite("Reconciliation")
struct ReconciliationTests {
    static let topology = Topology(spec: FakeProvider.spec())

    static func plan(_ change: (inout ClusterInventory) -> Void) -> ClusterRepairPlan {
        var inventory = FakeProvider.stoppedCluster()
        change(&inventory)
        return ClusterRepairPlan(topology: topology, inventory: inventory)
    }

    @Suite("Repair plan")
    struct Plan {
        @Test func aCompleteClusterNeedsNothing() {
            let plan = ReconciliationTests.plan { _ in }
            #expect(plan.isComplete && plan.containersToCreate.isEmpty && plan.missingObjects.isEmpty)
            #expect(ClusterCondition(plan.inventory) == .stopped)
        }

        @Test func aRemovedWorkerIsRecreatedAlone() {
            let plan = ReconciliationTests.plan { $0.containers["worker-2"] = nil }
            #expect(plan.containersToCreate.map(\.name) == ["worker-2"])
            #expect(plan.containersToReplace.isEmpty && plan.missingVolumes.isEmpty)
            #expect(plan.work == "worker-2's container")
            #expect(plan.missingObjects == ["worker-2's container"])
            #expect(ClusterCondition(plan.inventory) == .damaged)
        }

        @Test func aWorkerRemovedWithItsVolume() {
            let plan = ReconciliationTests.plan {
                $0.containers["worker-1"] = nil
                $0.volumes.remove("fake-worker-1-data")
            }
            #expect(plan.work == "worker-1's container and volume")
            #expect(plan.lostNamenodes.isEmpty)
        }

        @Test func aRemovedNetworkTakesEveryContainerWithIt() {
            let plan = ReconciliationTests.plan { $0.networks = [] }
            #expect(plan.containersToCreate.map(\.name) == ["namenode", "worker-1", "worker-2"])
            #expect(plan.containersToReplace == ["namenode", "worker-1", "worker-2"])
            #expect(plan.work == "the network fake-net and its 3 containers")
        }

        @Test func aLostNameNodeVolumeIsDataLost() {
            let plan = ReconciliationTests.plan {
                $0.containers["namenode"] = nil
                $0.volumes.remove("fake-namenode-data")
            }
            #expect(plan.lostNamenodes.map(\.name) == ["namenode"])
            #expect(ClusterCondition(plan.inventory) == .dataLost)
            #expect(ClusterCondition.dataLost.advice(for: plan.topology.name)?.contains("hind down --name fake") == true)
        }

        @Test(arguments: [
            (["namenode": "running", "worker-1": "running", "worker-2": "running"], ClusterCondition.running),
            (["namenode": "running", "worker-1": "exited", "worker-2": "running"], .partlyStopped),
            (["namenode": "exited", "worker-1": "exited", "worker-2": "created"], .stopped),
        ])
        func conditionFromContainerStates(_ states: [String: String], _ condition: ClusterCondition) {
            #expect(ClusterCondition(ReconciliationTests.plan { $0.containers = states }.inventory) == condition)
        }

        @Test func networkAndVolumesWithoutContainersAreIncomplete() {
            let inventory = ClusterInventory(name: ReconciliationTests.topology.name, networks: ["fake-net"], volumes: ["fake-namenode-data"])
            #expect(inventory.isIncomplete && !inventory.isEmpty)
            #expect(ClusterCondition(inventory) == .incomplete)
            #expect(ClusterCondition.incomplete.advice(for: inventory.name)?.contains("hind down --name fake") == true)
        }
    }

    /// The engine's labelled objects grouped by cluster, the spec found on whichever
    /// object still carries it.
    @Suite("Inventory from labels")
    struct Labels {
        static let spec = SpecLabel.encode(FakeProvider.spec())

        @Test func specSurvivesTheNameNodesContainer() {
            let labels = [ClusterLabels.cluster: "fake"]
            let inventories = DockerProvider.inventories(
                containers: [ContainerSummary(id: "1", state: "running", labels: labels.merging([ClusterLabels.node: "worker-1"]) { $1 })],
                networks: [Network(id: "n", name: "fake-net", labels: labels.merging([ClusterLabels.spec: Labels.spec]) { $1 })],
                volumes: [Volume(name: "fake-namenode-data", labels: labels), Volume(name: "other-x-data", labels: [ClusterLabels.cluster: "other"])])
            #expect(Set(inventories.keys) == ["fake", "other"])
            let fake = inventories["fake"]
            #expect(fake?.spec == FakeProvider.spec())
            #expect(fake?.containers == ["worker-1": "running"])
            #expect(fake?.networks == ["fake-net"] && fake?.volumes == ["fake-namenode-data"])
            #expect(inventories["other"]?.isIncomplete == true && inventories["other"]?.spec == nil)
        }
    }

    @Suite("Hadoop's own words")
    struct Words {
        static let info: [UInt8] = Array("""
            {"beans":[{"name":"Hadoop:service=NameNode,name=NameNodeInfo",
            "Safemode":"Safe mode is ON. The reported blocks 0 has reached the threshold 0.9990 of total blocks 0. The number of live datanodes 1 needs an additional 1 live datanodes to reach the minimum number 2. Safe mode will be turned off automatically once the thresholds have been reached.",
            "LiveNodes":"{\\"worker-1:50010\\":{\\"xferaddr\\":\\"172.18.0.2:50010\\",\\"lastContact\\":2},\\"worker-3.c-net:50010\\":{\\"lastContact\\":40}}"}]}
            """.utf8)

        @Test func safeModeReasonAndLiveNodes() throws {
            let explanation = try #require(HadoopREST.parseNamenodeInfo(Words.info))
            #expect(explanation.safeMode == "The number of live datanodes 1 needs an additional 1 live datanodes to reach the minimum number 2")
            #expect(explanation.liveDataNodes == ["worker-1": 2, "worker-3.c-net": 40])
            #expect(explanation.liveNodeNames == ["worker-1", "worker-3"])
        }

        /// Hadoop ends the sentences of its safe-mode text with "%n": still one line.
        @Test func safeModeTextWithNewlinesIsOneLine() {
            let text = "Safe mode is ON. The reported blocks 0 needs additional 12 blocks to reach the threshold 0.9990 of total blocks 12.\nThe number of live datanodes 1 has reached the minimum number 0. Safe mode will be turned off automatically once the thresholds have been reached."
            #expect(HadoopREST.safeModeReason(text) == "The reported blocks 0 needs additional 12 blocks to reach the threshold 0.9990 of total blocks 12")
        }

        @Test func safeModeOffIsNoReason() {
            #expect(HadoopREST.safeModeReason("") == nil)
            #expect(HadoopREST.safeModeReason("Safe mode is ON. It was turned on manually. Use \"hdfs dfsadmin -safemode leave\" to turn safe mode off.")
                == "It was turned on manually; Use \"hdfs dfsadmin -safemode leave\" to turn safe mode off")
        }

        /// A DataNode the NameNode still counts from before it was removed is not "heard
        /// from" until a heartbeat younger than the node's restart arrives.
        @Test func aStaleEntryIsNotARejoinedNode() throws {
            let explanation = try #require(HadoopREST.parseNamenodeInfo(Words.info))
            #expect(explanation.heardFrom("worker-1", since: 5.2))
            #expect(!explanation.heardFrom("worker-1", since: 2.9), "last heartbeat 2 s ago, started 2.9 s ago: could be the old one")
            #expect(!explanation.heardFrom("worker-3", since: 30))
            #expect(!explanation.heardFrom("worker-2", since: 30), "not registered at all")
        }

        @Test func unregisteredWorkersAreNamedWithTheirLogs() {
            var metrics = HadoopMetrics()
            metrics.fsState = "safeMode"
            metrics.liveDataNodes = 1
            let check = ReadinessCheck(expectedWorkers: 3, components: [.hdfs])
            let diagnosis = check.diagnosis(metrics, HadoopExplanation(liveDataNodeHosts: ["worker-2"]), workers: ["worker-1", "worker-2", "worker-3"])
            #expect(diagnosis.unmet == "HDFS has 1/3 DataNodes live (worker-1, worker-3 have not registered)")
            #expect(diagnosis.nodes == ["namenode", "worker-1", "worker-3"])
        }

        @Test func safeModeWithEveryDataNodeGivesTheNameNodesReason() {
            var metrics = HadoopMetrics()
            metrics.fsState = "safeMode"
            metrics.liveDataNodes = 1
            let check = ReadinessCheck(expectedWorkers: 1, components: [.hdfs])
            let diagnosis = check.diagnosis(metrics, HadoopExplanation(safeMode: "needs an additional 1 live datanodes", liveDataNodeHosts: ["worker-1"]), workers: ["worker-1"])
            #expect(diagnosis.unmet == "the NameNode is in safe mode: needs an additional 1 live datanodes")
            #expect(diagnosis.nodes == ["namenode"])
        }
    }
}
