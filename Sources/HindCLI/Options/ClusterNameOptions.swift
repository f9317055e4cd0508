import ArgumentParser
import HindCluster

/// `--name NAME`: which cluster a command acts on.
public struct ClusterNameOptions: ParsableArguments {
    @Option(name: [.customShort("n"), .long], parsing: .unconditional, help: "The cluster's name: a DNS label of at most 40 characters.")
    public var name: String = ClusterName.default.rawValue

    public init() {}

    public func clusterName() throws(SpecError) -> ClusterName { try ClusterName(name) }

    public mutating func validate() throws { _ = try clusterName() }
}
