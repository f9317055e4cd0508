/// A node whose container stopped, or was removed, while the cluster should run.
public struct NodeExit: Hashable, Sendable {
    public var node: String
    public var status: Int
    public var oomKilled: Bool
    /// The container is gone (removed by hand, or by an engine that lost it).
    public var removed: Bool

    public init(node: String, status: Int = 0, oomKilled: Bool = false, removed: Bool = false) {
        self.node = node
        self.status = status
        self.oomKilled = oomKilled
        self.removed = removed
    }
}

/// A node that is not running healthy, with what it said last.
public struct NodeDiagnosis: Hashable, Sendable {
    public var node: String
    /// `exited`, `running, unhealthy` …
    public var state: String
    public var lastLogLines: String
}
