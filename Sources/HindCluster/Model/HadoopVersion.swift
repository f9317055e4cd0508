/// The Hadoop release line a cluster runs: it decides ports, daemon names and a few settings.
public enum HadoopMajorVersion: Int, CaseIterable, Codable, Sendable {
    case v2 = 2
    case v3 = 3

    /// Parses `2`, `3`, `2.7.3`, `3.4.1`.
    public init(parsing text: String) throws(SpecError) {
        guard let major = text.split(separator: ".").first.flatMap({ Int($0) }),
              let version = HadoopMajorVersion(rawValue: major)
        else { throw .unsupportedHadoopVersion(text) }
        self = version
    }

    /// The well-known ports of this release line.
    public var ports: PortTable { self == .v2 ? .hadoop2 : .hadoop3 }
}
