/// A node whose container stopped while the cluster should run.
public struct NodeExit: Hashable, Sendable {
    public var node: String
    public var status: Int
    public var oomKilled: Bool
}

/// A node that is not running healthy, with what it said last.
public struct NodeDiagnosis: Hashable, Sendable {
    public var node: String
    /// `exited`, `running, unhealthy` …
    public var state: String
    public var lastLogLines: String
}
