import HindCluster

/// An error of the CLI itself (a file it cannot write, a cluster without the port it
/// needs): one line saying what went wrong and what to do next.
public struct HindError: UserFacingError {
    public var description: String
    public var isBadInput: Bool

    public init(_ description: String, badInput: Bool = false) {
        self.description = description
        self.isBadInput = badInput
    }

    public static func badInput(_ description: String) -> HindError { HindError(description, badInput: true) }
}
