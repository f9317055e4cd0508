import DockerEngine
import Foundation
import HindCluster
import Testing
@testable import HindProvisioner

func topology(workers: Int = 3, components: Set<Component>? = nil, distribution: String? = nil) throws -> Topology {
    let spec = try ClusterSpec(
        name: ClusterName("unit"), workers: workers,
        image: ImageProfile.guess(reference: ImageProfile.offlineReference).with(components: Set(Component.allCases)),
        components: components ?? [.hdfs], distribution: distribution)
    return Topology(spec: spec)
}

extension ImageProfile {
    func with(components: Set<Component>) -> ImageProfile {
        var copy = self
        copy.components = components
        return copy
    }
}

@Suite("Provisioner, pure parts")
struct ProvisionerUnitTests {
    @Suite("Container specs")
    struct Specs {
        @Test func workerContainerIsLabelledUnprivilegedAndOnTheClusterNetwork() throws {
            let topology = try topology()
            let node = try #require(topology.node(named: "worker-2"))
            let spec = ContainerSpecBuilder.spec(for: node, in: topology)
            #expect(spec.hostname == "worker-2")
            #expect(spec.labels["io.hind.cluster"] == "unit")
            #expect(spec.labels["io.hind.roles"] == "datanode")
            #expect(spec.networkMode == "unit-net")
            #expect(spec.networks["unit-net"]?.aliases == ["worker-2"])
            #expect(spec.entrypoint == ["/bin/sh", "/hind/launcher.sh"])
            #expect(spec.initProcess == true)
            #expect(spec.memoryLimit == 2 << 30)
            #expect(spec.mounts == [.volume("unit-worker-2-data", at: "/hadoop/data")])
            #expect(spec.env.contains("HADOOP_CONF_DIR=/tmp/hind/conf"))
            #expect(spec.publishedPorts.isEmpty)
            // Root only for the launcher's first step (the data directory), with just the
            // capabilities it needs; the daemons and hind exec run as the image's user.
            #expect(spec.user == "0:0")
            #expect(spec.capDrop == ["ALL"] && spec.capAdd == ["CHOWN", "SETGID", "SETUID"])
            #expect(spec.securityOptions == ["no-new-privileges:true"])
            #expect(spec.labels[ClusterLabels.daemonUser] == "1000:1000")
        }

        @Test func namenodePublishesOnLoopbackAndCarriesTheSpec() throws {
            let topology = try topology()
            let node = try #require(topology.node(named: "namenode"))
            let spec = ContainerSpecBuilder.spec(for: node, in: topology)
            #expect(Set(spec.publishedPorts.map(\.containerPort.port)) == [50070, 8020])
            #expect(spec.publishedPorts.allSatisfy { $0.hostIP == "127.0.0.1" })
            #expect(SpecLabel.decode(spec.labels[ClusterLabels.spec]) == topology.spec)
        }

        @Test func distributionIsMountedReadOnlyOverHadoopHome() throws {
            let topology = try topology(distribution: "/src/hadoop-dist")
            let spec = ContainerSpecBuilder.spec(for: topology.nodes[0], in: topology)
            #expect(spec.mounts.contains(.bind("/src/hadoop-dist", at: "/opt/hadoop", readOnly: true)))
            #expect(spec.env.contains("HADOOP_HOME=/opt/hadoop"))
            #expect(spec.env.contains { $0.hasPrefix("PATH=/opt/hadoop/bin:") })
        }

        @Test func filesLandUnderHind() throws {
            let topology = try topology(components: [.hdfs, .yarn])
            let node = try #require(topology.node(named: "worker-1"))
            let archive = ContainerSpecBuilder.files(for: node, in: RenderedCluster(topology: topology))
            let paths = archive.entries.map(\.path)
            #expect(paths.contains("hind/launcher.sh"))
            #expect(paths.contains("hind/conf/yarn-site.xml"))
            let launcher = try #require(archive.entries.first { $0.path == "hind/launcher.sh" })
            #expect(launcher.mode == 0o755)
            #expect(launcher.text.contains("HIND_NODE='worker-1'"))
        }
    }

    @Suite("Hadoop REST")
    struct REST {
        @Test func parsesTheNameNodeBean() {
            let body = Array(#"{"beans":[{"name":"Hadoop:service=NameNode,name=FSNamesystemState","FSState":"safeMode","NumLiveDataNodes":2,"NumDeadDataNodes":1}]}"#.utf8)
            let state = HadoopREST.parseNamenodeState(body)
            #expect(state?.state == "safeMode")
            #expect(state?.live == 2)
            #expect(state?.dead == 1)
            // Decommissioned DataNodes are not in service.
            let scaled = Array(#"{"beans":[{"FSState":"Operational","NumLiveDataNodes":5,"NumDeadDataNodes":2,"NumDecomLiveDataNodes":1,"NumDecommissioningDataNodes":1,"NumDecomDeadDataNodes":2}]}"#.utf8)
            #expect(HadoopREST.parseNamenodeState(scaled)?.live == 4)
            #expect(HadoopREST.parseNamenodeState(scaled)?.dead == 0)
            #expect(HadoopREST.parseNamenodeState(Array("{}".utf8)) == nil)
            #expect(HadoopREST.parseNamenodeState(Array("<html>".utf8)) == nil)
        }

        @Test func parsesResourceManagerAnswers() {
            #expect(HadoopREST.parseResourcemanagerState(Array(#"{"clusterInfo":{"state":"STARTED"}}"#.utf8)) == "STARTED")
            let nodes = HadoopREST.parseResourcemanagerNodes(Array(#"{"clusterMetrics":{"activeNodes":3,"lostNodes":1}}"#.utf8))
            #expect(nodes?.active == 3 && nodes?.lost == 1)
        }

        @Test func unhealthyNodeManagersFailAtOnceWithTheirHealthReports() {
            let nodes = HadoopREST.parseResourcemanagerNodes(Array(#"{"clusterMetrics":{"activeNodes":1,"lostNodes":0,"unhealthyNodes":2}}"#.utf8))
            #expect(nodes?.unhealthy == 2)
            let reports = HadoopREST.parseNodeReports(Array(#"""
                {"nodes":{"node":[{"id":"worker-1:45454","nodeHostName":"worker-1","state":"UNHEALTHY",
                "healthReport":"1/1 local-dirs usable space is below configured utilization percentage/no more usable space"},
                {"id":"worker-2:45454","nodeHostName":"worker-2","healthReport":""}]}}
                """#.utf8))
            #expect(reports == ["worker-1: 1/1 local-dirs usable space is below configured utilization percentage/no more usable space",
                                "worker-2: no health report"])
            let check = ReadinessCheck(expectedWorkers: 3, components: [.hdfs, .yarn])
            var metrics = HadoopMetrics()
            #expect(check.failure(metrics) == nil)
            metrics.unhealthyNodeManagers = 2
            metrics.unhealthyReports = reports
            #expect(check.failure(metrics)?.hasPrefix("2 NodeManagers are unhealthy (worker-1: 1/1 local-dirs") == true)
            #expect(ReadinessCheck(expectedWorkers: 3, components: [.hdfs]).failure(metrics) == nil, "no YARN, no NodeManagers")
        }

        @Test func readinessNamesWhatIsMissing() {
            let check = ReadinessCheck(expectedWorkers: 3, components: [.hdfs, .yarn])
            var metrics = HadoopMetrics()
            #expect(check.unmet(metrics) == "the NameNode web endpoint does not answer yet")
            metrics.fsState = "safeMode"
            metrics.liveDataNodes = 2
            #expect(check.unmet(metrics) == "HDFS has 2/3 DataNodes live")
            metrics.liveDataNodes = 3
            #expect(check.unmet(metrics) == "the NameNode is in safe mode (FSState safeMode)")
            metrics.fsState = "Operational"
            #expect(check.unmet(metrics)?.contains("ResourceManager is not started") == true)
            metrics.resourceManagerState = "STARTED"
            metrics.activeNodeManagers = 1
            #expect(check.unmet(metrics) == "YARN has 1/3 NodeManagers active")
            metrics.activeNodeManagers = 3
            #expect(check.unmet(metrics) == nil)
        }
    }

    @Test func nodesSortMastersFirstThenWorkersByNumber() {
        let names = ["worker-10", "worker-2", "namenode", "historyserver", "worker-1", "resourcemanager"]
        #expect(NodeOrder.sorted(names) == ["namenode", "resourcemanager", "historyserver", "worker-1", "worker-2", "worker-10"])
    }

    @Test func freePortsAreChosenOnlyWhereUnset() throws {
        var counter = 40000
        let filled = PortPublishing(namenodeHTTP: 9870).fillingUnset(for: [.hdfs, .yarn]) { counter += 1; return counter }
        #expect(filled.namenodeHTTP == 9870)
        #expect([filled.namenodeRPC, filled.resourcemanagerWeb] == [40001, 40002])
        #expect(filled.historyWeb == nil, "no port for a daemon the cluster does not run")
        let port = try HostPort.free()
        #expect((1024...65535).contains(port))
        #expect(!HostPort.isBusy(port))
    }

    @Test func provisionErrorsSayWhatToDo() {
        let name = try! ClusterName("dev")
        #expect(ProvisionError.clusterExists(name).description.contains("hind down --name dev"))
        #expect(ProvisionError.hostPortBusy(9870, option: "--namenode-port").description.contains("--namenode-port"))
        #expect(ProvisionError.invalidDistribution("/x", reason: "no bin/hdfs").exitCode == 2)
        #expect(ProvisionError.clusterExists(name).exitCode == 1)
        #expect(DockerError.cancelled.exitCode == 1)
    }
}
