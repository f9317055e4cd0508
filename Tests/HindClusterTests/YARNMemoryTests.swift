import Testing
@testable import HindCluster

/// The memory rules of a worker's NodeManager, for every `--memory` hind accepts.
@Suite("YARN memory")
struct YARNMemoryTests {
    static let workerDaemons: [Daemon] = [.datanode, .nodemanager]

    /// From the smallest accepted limit to 64g, in 128 MB steps.
    static var acceptedSizes: [MemorySize] {
        let minimum = MemoryPlan.minimum(for: workerDaemons).megabytes
        return stride(from: minimum, through: 64 * 1024, by: 128).map { MemorySize.megabytes($0) }
    }

    @Test func rulesHoldForEveryAcceptedMemory() throws {
        let unit = YARNMemory.minimumAllocationMB
        for size in Self.acceptedSizes {
            let plan = MemoryPlan(memory: size, daemons: Self.workerDaemons)
            let yarn = YARNMemory(nodeManagerMB: try #require(plan.yarnMemoryMB))
            for container in [yarn.nodeManagerMB, yarn.applicationMasterMB, yarn.taskMB] {
                #expect(container % unit == 0 && container >= unit, "YARN rounds requests to \(unit) MB at --memory \(size)")
            }
            #expect(yarn.applicationMasterMB + yarn.taskMB <= yarn.nodeManagerMB, "an AM and a task fit on one node at --memory \(size)")
            #expect(yarn.applicationMasterMB <= yarn.nodeManagerMB, "the AM fits the largest allocation at --memory \(size)")
            #expect(yarn.taskHeapMB * 5 <= yarn.taskMB * 4 && yarn.applicationMasterHeapMB * 5 <= yarn.applicationMasterMB * 4,
                    "heaps at most 80% of their container at --memory \(size)")
            #expect(yarn.sortBufferMB * 4 <= yarn.taskHeapMB && yarn.sortBufferMB >= 16, "the sort buffer fits the task heap at --memory \(size)")
            #expect(yarn.taskHeapMB >= 100, "a task heap that runs a map task at --memory \(size)")
            #expect(yarn.nodeManagerMB + plan.heapMB.values.reduce(0, +) <= size.megabytes * 3 / 4, "room for JVM overhead at --memory \(size)")
        }
    }

    @Test func fromTheDefaultMemoryTwoJobsRunAtOnceOnOneWorker() {
        for size in Self.acceptedSizes where size >= ClusterSpec.defaultMemory {
            let yarn = YARNMemory(nodeManagerMB: MemoryPlan(memory: size, daemons: Self.workerDaemons).yarnMemoryMB!)
            let share = Int64(Double(yarn.nodeManagerMB) * YARNMemory.applicationMasterShare)
            #expect(2 * yarn.applicationMasterMB <= share, "two AMs within the AM share at --memory \(size)")
            #expect(2 * (yarn.applicationMasterMB + yarn.taskMB) <= yarn.nodeManagerMB, "each with a task at --memory \(size)")
        }
    }

    @Test func theRenderedConfigUsesThePlan() throws {
        let topology = Topology(spec: try testSpec(components: [.hdfs, .yarn], memory: "1g"))
        let configuration = HadoopConfiguration(topology: topology)
        let yarn = YARNMemory(nodeManagerMB: try #require(topology.workers.first?.memory.yarnMemoryMB))
        #expect(configuration.value("mapreduce.task.io.sort.mb", in: .mapredSite) == String(yarn.sortBufferMB))
        #expect(configuration.value("mapreduce.map.java.opts", in: .mapredSite) == "-Xmx\(yarn.taskHeapMB)m")
        #expect(configuration.value("yarn.app.mapreduce.am.resource.mb", in: .mapredSite) == String(yarn.applicationMasterMB))
        #expect(configuration.value("yarn.scheduler.capacity.maximum-am-resource-percent", in: .capacityScheduler) == "0.5")
        // At 1g the stock 100 MB sort buffer would not fit the 102 MB task heap.
        #expect(yarn.sortBufferMB < 100)
    }

    @Test func withoutTheHistoryServerJobClientsDoNotLookForIt() throws {
        let without = HadoopConfiguration(topology: Topology(spec: try testSpec(components: [.hdfs, .yarn])))
        #expect(without.value("mapreduce.jobhistory.address", in: .mapredSite) == "")
        let with = HadoopConfiguration(topology: Topology(spec: try testSpec(components: [.hdfs, .yarn, .history])))
        #expect(with.value("mapreduce.jobhistory.address", in: .mapredSite) == "historyserver:10020")
    }

    @Test func nodeManagersStayHealthyOnAFullishDisk() throws {
        let configuration = HadoopConfiguration(topology: Topology(spec: try testSpec(components: [.hdfs, .yarn])))
        #expect(configuration.value("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", in: .yarnSite) == "100.0")
    }
}
