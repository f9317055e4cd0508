/// What a user asks of a cluster besides its name and image: the shape `up` and `render`
/// share, parsed from the command line. With an image's profile it becomes a
/// ``ClusterSpec``.
public struct ClusterShape: Hashable, Sendable {
    public var workers: Int
    /// Nil: the image's default components (``ClusterSpec/defaultComponents(for:)``).
    public var components: Set<Component>?
    public var overrides: [ConfigOverride]
    public var memory: MemorySize
    /// Overrides the release line read from or guessed for the image.
    public var hadoopVersion: HadoopMajorVersion?
    /// Overrides whom the image's daemons run as (`--image-user`): what `render` cannot
    /// read from an image without an engine.
    public var imageUser: String?
    public var publishing: PortPublishing
    /// `--racks` and `--rack`; nil: a flat cluster.
    public var racks: RackLayout?
    /// `--ha` (with `--zookeepers`); nil: one NameNode.
    public var ha: HighAvailability?

    public init(
        workers: Int = 3, components: Set<Component>? = nil, overrides: [ConfigOverride] = [],
        memory: MemorySize = ClusterSpec.defaultMemory, hadoopVersion: HadoopMajorVersion? = nil,
        imageUser: String? = nil, publishing: PortPublishing = PortPublishing(), racks: RackLayout? = nil,
        ha: HighAvailability? = nil
    ) {
        self.workers = workers
        self.components = components
        self.overrides = overrides
        self.memory = memory
        self.hadoopVersion = hadoopVersion
        self.imageUser = imageUser
        self.publishing = publishing
        self.racks = racks
        self.ha = ha
    }

    /// The spec of a cluster named `name` of this shape on the image `profile`.
    public func spec(
        name: ClusterName, image profile: ImageProfile, distribution: String? = nil,
        dependencyTimeout: Duration = .seconds(300)
    ) throws(SpecError) -> ClusterSpec {
        var profile = profile
        if let hadoopVersion { profile.hadoopVersion = hadoopVersion }
        if let imageUser { profile.run(as: imageUser) }
        return try ClusterSpec(
            name: name, workers: workers, image: profile, components: components, memory: memory,
            overrides: overrides, publishing: publishing,
            dependencyTimeoutSeconds: max(1, Int(dependencyTimeout.components.seconds)),
            distribution: distribution, racks: racks, ha: ha)
    }
}

extension ClusterShape {
    /// Checks an `--image-user`: `NAME`, `UID`, `NAME:GROUP` or `UID:GID`, as `docker
    /// run --user` takes it (root is refused: the daemons never run as root).
    public static func parseImageUser(_ text: String) throws(SpecError) -> String {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let valid = (1...2).contains(parts.count) && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 32 && !part.hasPrefix("-")
                && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }
        }
        guard valid, parts[0] != "root", parts[0] != "0" else { throw .invalidImageUser(text) }
        return text
    }
}
