/// How a node's memory limit is shared between its daemons' heaps and YARN containers.
///
/// A JVM needs room beyond its heap (metaspace, threads, direct buffers), so heaps take at
/// most half the limit. On a worker with YARN, half goes to containers and an eighth to
/// each daemon heap, leaving a quarter for JVM overhead.
public struct MemoryPlan: Hashable, Codable, Sendable {
    /// The smallest heap hind gives a Hadoop daemon; below it they fail under load.
    public static let minimumHeapMB: Int64 = 128
    /// The smallest memory YARN offers containers on a node: one AM plus one task.
    public static let minimumYARNMemoryMB: Int64 = 512

    /// Heap of each daemon, in MB.
    public var heapMB: [Daemon: Int64]
    /// `yarn.nodemanager.resource.memory-mb`, when the node runs a NodeManager.
    public var yarnMemoryMB: Int64?

    public init(memory: MemorySize, daemons: [Daemon]) {
        let total = memory.megabytes
        var heaps: [Daemon: Int64] = [:]
        var yarn: Int64?
        if daemons.contains(.nodemanager) {
            yarn = total / 2
            for daemon in daemons { heaps[daemon] = total / 8 }
        } else {
            for daemon in daemons { heaps[daemon] = total / 2 / Int64(daemons.count) }
        }
        self.heapMB = heaps
        self.yarnMemoryMB = yarn
    }

    /// Whether every heap and YARN's share meet their minimum.
    public var isSufficient: Bool {
        heapMB.values.allSatisfy { $0 >= Self.minimumHeapMB }
            && (yarnMemoryMB.map { $0 >= Self.minimumYARNMemoryMB } ?? true)
    }

    /// The smallest memory limit, in whole megabytes, that makes the plan sufficient.
    public static func minimum(for daemons: [Daemon]) -> MemorySize {
        var size = MemorySize.megabytes(256)
        while !MemoryPlan(memory: size, daemons: daemons).isSufficient {
            size = MemorySize.megabytes(size.megabytes + 256)
        }
        return size
    }
}
