/// How a NodeManager's memory is cut into YARN containers: MapReduce's application
/// master (AM) and tasks, their heaps and sort buffers.
///
/// The rules hold for every accepted `--memory` (a test checks them from the minimum to
/// 64g): every size is a multiple of the scheduler's minimum allocation (YARN rounds
/// requests up to one); a heap takes 80% of its container; the map-side sort buffer is a
/// quarter of the task heap at most (the stock 100 MB does not fit a small task heap:
/// "Java heap space"); an AM and a task fit on one node; with the default memory two
/// jobs' AMs fit within the scheduler's AM share, so a second job does not wait.
public struct YARNMemory: Hashable, Sendable {
    /// `yarn.scheduler.minimum-allocation-mb`.
    public static let minimumAllocationMB: Int64 = 128
    /// `yarn.scheduler.capacity.maximum-am-resource-percent`.
    public static let applicationMasterShare = 0.5

    /// `yarn.nodemanager.resource.memory-mb`, also the largest allocation.
    public var nodeManagerMB: Int64
    public var applicationMasterMB: Int64
    public var taskMB: Int64

    public init(nodeManagerMB: Int64) {
        let unit = Self.minimumAllocationMB
        func roundedDown(_ value: Int64) -> Int64 { max(unit, value / unit * unit) }
        self.nodeManagerMB = roundedDown(nodeManagerMB)
        self.taskMB = roundedDown(nodeManagerMB / 4)
        self.applicationMasterMB = max(2 * unit, roundedDown(nodeManagerMB / 4))
    }

    public var applicationMasterHeapMB: Int64 { Self.heap(of: applicationMasterMB) }
    public var taskHeapMB: Int64 { Self.heap(of: taskMB) }
    /// `mapreduce.task.io.sort.mb`: a quarter of the task heap, at most Hadoop's 100.
    public var sortBufferMB: Int64 { min(100, taskHeapMB / 4) }

    static func heap(of containerMB: Int64) -> Int64 { containerMB * 4 / 5 }
}
