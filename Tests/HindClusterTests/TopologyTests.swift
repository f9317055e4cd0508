import Testing
@testable import HindCluster

/// A spec for tests: `workers` workers on a Hadoop 3 image with every component.
func testSpec(
    workers: Int = 3,
    components: Set<Component>? = nil,
    image: String = "apache/hadoop:3.4.1",
    memory: String = "2g",
    overrides: [String] = []
) throws -> ClusterSpec {
    try ClusterSpec(
        name: ClusterName("demo"),
        workers: workers,
        image: ImageProfile.guess(reference: image),
        components: components,
        memory: MemorySize(parsing: memory),
        overrides: overrides.map { try ConfigOverride(parsing: $0) })
}

@Suite("Topology")
struct TopologyTests {
    @Test func hdfsOnlyHasANameNodeAndWorkers() throws {
        let topology = Topology(spec: try testSpec(workers: 3, components: [.hdfs]))
        #expect(topology.nodes.map(\.name) == ["namenode", "worker-1", "worker-2", "worker-3"])
        #expect(topology.workers.allSatisfy { $0.daemons == [.datanode] })
    }

    @Test func yarnAndHistoryAddMastersAndNodeManagers() throws {
        let topology = Topology(spec: try testSpec(workers: 2, components: [.hdfs, .yarn, .history]))
        #expect(topology.nodes.map(\.name) == ["namenode", "resourcemanager", "historyserver", "worker-1", "worker-2"])
        #expect(topology.node(named: "worker-2")?.daemons == [.datanode, .nodemanager])
    }

    @Test func defaultComponentsFollowTheImage() throws {
        #expect(try testSpec().components == [.hdfs, .yarn])
        #expect(try testSpec(image: ImageProfile.offlineReference).components == [.hdfs])
    }

    @Test func namesAndLabels() throws {
        let topology = Topology(spec: try testSpec(workers: 1))
        let worker = try #require(topology.node(named: "worker-1"))
        #expect(worker.containerName == "demo-worker-1")
        #expect(worker.hostname == "worker-1")
        #expect(worker.volumeName == "demo-worker-1-data")
        #expect(worker.labels == [
            "io.hind.cluster": "demo", "io.hind.node": "worker-1", "io.hind.roles": "datanode,nodemanager",
        ])
        #expect(topology.networkName == "demo-net")
        #expect(topology.labels == ["io.hind.cluster": "demo"])
    }

    @Test func workersWaitForTheirMasters() throws {
        let topology = Topology(spec: try testSpec(workers: 1, components: [.hdfs, .yarn, .history]))
        let worker = try #require(topology.node(named: "worker-1"))
        #expect(worker.dependencies[.datanode] == Endpoint(host: "namenode", port: 8020))
        #expect(worker.dependencies[.nodemanager] == Endpoint(host: "resourcemanager", port: 8031))
        #expect(worker.dependsOn == ["namenode", "resourcemanager"])
        #expect(topology.node(named: "historyserver")?.dependsOn == ["namenode"])
        #expect(topology.node(named: "namenode")?.dependsOn == [])
    }

    @Test func nodesWhoseHealthOthersWaitForAreCheckedEverySecondTheRestEveryFiveSeconds() throws {
        let topology = Topology(spec: try testSpec(workers: 2, components: [.hdfs, .yarn, .history]))
        func intervals(_ ordering: NodeContainer.StartOrdering) -> [String: Duration] {
            Dictionary(uniqueKeysWithValues: topology.nodes.map {
                ($0.name, ContainerPolicy.health(of: $0, in: topology, ordering: ordering).interval)
            })
        }
        #expect(intervals(.afterHealthyDependencies) == [
            "namenode": .seconds(1), "resourcemanager": .seconds(1),
            "historyserver": .seconds(10), "worker-1": .seconds(10), "worker-2": .seconds(10),
        ])
        // When the launchers order the start, nothing waits on health.
        #expect(Set(intervals(.launchersWait).values) == [.seconds(10)])
        // Either way a node turns unhealthy after the same ten minutes of failed checks.
        for node in topology.nodes {
            for ordering in [NodeContainer.StartOrdering.afterHealthyDependencies, .launchersWait] {
                let health = ContainerPolicy.health(of: node, in: topology, ordering: ordering)
                #expect(health.interval * health.retries == .seconds(600))
            }
        }
    }

    @Test func onlyEntryPointsArePublishedOnLoopback() throws {
        let topology = Topology(spec: try testSpec(workers: 2))
        let published = topology.nodes.flatMap(\.published)
        #expect(Set(published.map(\.containerPort)) == [9870, 8020, 8088])
        #expect(published.allSatisfy { $0.hostIP == "127.0.0.1" && $0.hostPort == nil })
    }

    @Test(arguments: [0, -1, 51, 1000])
    func workerCountIsBounded(_ workers: Int) {
        #expect(throws: SpecError.workerCountOutOfRange(workers)) { try testSpec(workers: workers) }
    }

    @Test func memoryIsSplitBetweenHeapsAndYARN() throws {
        let topology = Topology(spec: try testSpec(workers: 1, memory: "2g"))
        let worker = try #require(topology.node(named: "worker-1"))
        #expect(worker.memory.heapMB == [.datanode: 256, .nodemanager: 256])
        #expect(worker.memory.yarnMemoryMB == 1024)
        #expect(topology.node(named: "namenode")?.memory.heapMB == [.namenode: 1024])
    }

    @Test func tooLittleMemoryIsRejectedWithTheMinimum() {
        #expect(throws: SpecError.memoryTooSmall(node: "worker-1", .megabytes(512), minimum: .gigabytes(1))) {
            try testSpec(components: [.hdfs, .yarn], memory: "512m")
        }
        #expect(throws: SpecError.memoryTooSmall(node: "namenode", .megabytes(128), minimum: .megabytes(256))) {
            try testSpec(components: [.hdfs], memory: "128m")
        }
    }
}
