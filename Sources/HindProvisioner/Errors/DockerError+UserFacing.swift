import DockerEngine
import HindCluster

/// The engine client's errors already read as one line with what to do next (it is a
/// general-purpose library and knows nothing of hind); for hind they are failures at run
/// time, never bad input.
extension DockerError: UserFacingError {
    public var isBadInput: Bool { false }
}
