/// Which part of a container's log to read.
public struct LogOptions: Sendable, Hashable {
    /// Keep the stream open and deliver new output as it is written.
    public var follow: Bool
    public var stdout: Bool
    public var stderr: Bool
    /// Prefix each line with an RFC 3339 timestamp.
    public var timestamps: Bool
    /// Only the last `tail` lines; `nil` for all.
    public var tail: Int?
    /// Unix time: only output since then.
    public var since: Int64?

    public init(
        follow: Bool = false,
        stdout: Bool = true,
        stderr: Bool = true,
        timestamps: Bool = false,
        tail: Int? = nil,
        since: Int64? = nil
    ) {
        self.follow = follow
        self.stdout = stdout
        self.stderr = stderr
        self.timestamps = timestamps
        self.tail = tail
        self.since = since
    }
}
