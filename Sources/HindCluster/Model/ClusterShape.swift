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
    public var publishing: PortPublishing

    public init(
        workers: Int = 3, components: Set<Component>? = nil, overrides: [ConfigOverride] = [],
        memory: MemorySize = ClusterSpec.defaultMemory, hadoopVersion: HadoopMajorVersion? = nil,
        publishing: PortPublishing = PortPublishing()
    ) {
        self.workers = workers
        self.components = components
        self.overrides = overrides
        self.memory = memory
        self.hadoopVersion = hadoopVersion
        self.publishing = publishing
    }

    /// The spec of a cluster named `name` of this shape on the image `profile`.
    public func spec(
        name: ClusterName, image profile: ImageProfile, distribution: String? = nil,
        dependencyTimeout: Duration = .seconds(300)
    ) throws(SpecError) -> ClusterSpec {
        var profile = profile
        if let hadoopVersion { profile.hadoopVersion = hadoopVersion }
        return try ClusterSpec(
            name: name, workers: workers, image: profile, components: components, memory: memory,
            overrides: overrides, publishing: publishing,
            dependencyTimeoutSeconds: max(1, Int(dependencyTimeout.components.seconds)),
            distribution: distribution)
    }
}
