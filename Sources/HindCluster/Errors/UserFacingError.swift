/// An error hind reports to a person as one line that names the problem and what to do
/// next, with the exit code it maps to.
///
/// Every error type of hind's layers adopts it (``SpecError`` here, `ProvisionError` and
/// the engine client's `DockerError` in HindProvisioner, `HindError` in the CLI), so the
/// entry point reports all of them the same way.
public protocol UserFacingError: Error, CustomStringConvertible, Sendable {
    /// Bad input (flags, names, values): the user changes the command and runs it again.
    /// Otherwise a failure at run time (engine, cluster not ready …).
    var isBadInput: Bool { get }
}

extension UserFacingError {
    /// 2 for bad input, 1 for a failure at run time.
    public var exitCode: Int32 { isBadInput ? ExitStatus.badInput : ExitStatus.failure }
}

/// hind's exit codes besides 0.
public enum ExitStatus {
    /// A failure at run time.
    public static let failure: Int32 = 1
    /// Bad input: the command line or a value in it.
    public static let badInput: Int32 = 2
}
