/// An error the CLI reports as one line saying what went wrong and what to do next.
public struct HindError: Error, CustomStringConvertible, Sendable {
    public var description: String
    /// Bad input (exit 2) rather than a failure at run time (exit 1).
    public var isUsage: Bool

    public init(_ description: String, usage: Bool = false) {
        self.description = description
        self.isUsage = usage
    }

    public static func usage(_ description: String) -> HindError { HindError(description, usage: true) }
}
