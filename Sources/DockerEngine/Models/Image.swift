/// An image as `GET /images/{name}/json` reports it.
public struct ImageInspect: Sendable, Hashable, Decodable {
    public var id: String
    public var repoTags: [String]
    public var created: String
    public var size: Int64
    public var architecture: String
    public var os: String
    public var config: Config

    public init(
        id: String,
        repoTags: [String] = [],
        created: String = "",
        size: Int64 = 0,
        architecture: String = "",
        os: String = "",
        config: Config = Config()
    ) {
        self.id = id
        self.repoTags = repoTags
        self.created = created
        self.size = size
        self.architecture = architecture
        self.os = os
        self.config = config
    }

    /// The defaults an image gives its containers.
    public struct Config: Sendable, Hashable, Decodable {
        public var env: [String]
        public var cmd: [String]
        public var entrypoint: [String]
        public var workingDir: String
        public var user: String
        public var labels: [String: String]
        public var exposedPorts: [String]

        public init(
            env: [String] = [],
            cmd: [String] = [],
            entrypoint: [String] = [],
            workingDir: String = "",
            user: String = "",
            labels: [String: String] = [:],
            exposedPorts: [String] = []
        ) {
            self.env = env
            self.cmd = cmd
            self.entrypoint = entrypoint
            self.workingDir = workingDir
            self.user = user
            self.labels = labels
            self.exposedPorts = exposedPorts
        }

        enum CodingKeys: String, CodingKey {
            case env = "Env", cmd = "Cmd", entrypoint = "Entrypoint", workingDir = "WorkingDir"
            case user = "User", labels = "Labels", exposedPorts = "ExposedPorts"
        }

        private struct Empty: Decodable {}

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            env = try container.decode(.env, or: [])
            cmd = try container.decode(.cmd, or: [])
            entrypoint = try container.decode(.entrypoint, or: [])
            workingDir = try container.decode(.workingDir, or: "")
            user = try container.decode(.user, or: "")
            labels = try container.decode(.labels, or: [:])
            exposedPorts = try container.decode(.exposedPorts, or: [String: Empty]()).keys.sorted()
        }
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", repoTags = "RepoTags", created = "Created", size = "Size"
        case architecture = "Architecture", os = "Os", config = "Config"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        repoTags = try container.decode(.repoTags, or: [])
        created = try container.decode(.created, or: "")
        size = try container.decode(.size, or: 0)
        architecture = try container.decode(.architecture, or: "")
        os = try container.decode(.os, or: "")
        config = try container.decode(.config, or: Config())
    }
}

/// An image as `GET /images/json` lists it.
public struct ImageSummary: Sendable, Hashable, Decodable {
    public var id: String
    public var repoTags: [String]
    /// Unix time of creation.
    public var created: Int64
    public var size: Int64
    public var labels: [String: String]

    public init(id: String, repoTags: [String] = [], created: Int64 = 0, size: Int64 = 0, labels: [String: String] = [:]) {
        self.id = id
        self.repoTags = repoTags
        self.created = created
        self.size = size
        self.labels = labels
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", repoTags = "RepoTags", created = "Created", size = "Size", labels = "Labels"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        repoTags = try container.decode(.repoTags, or: [])
        created = try container.decode(.created, or: 0)
        size = try container.decode(.size, or: 0)
        labels = try container.decode(.labels, or: [:])
    }
}

/// Options of `buildImage` (`POST /build`).
public struct BuildOptions: Sendable, Hashable {
    /// `name:tag` references to give the result.
    public var tags: [String]
    /// Path of the Dockerfile inside the context.
    public var dockerfile: String
    public var labels: [String: String]
    public var buildArgs: [String: String]
    public var noCache: Bool
    /// Try to pull newer base images (never possible without a registry).
    public var pull: Bool
    /// Remove intermediate containers after a successful build.
    public var removeIntermediate: Bool
    /// Remove intermediate containers even after a failure.
    public var forceRemoveIntermediate: Bool
    /// A multi-stage build's target stage.
    public var target: String?
    /// Network for `RUN` steps: `none` for builds that must not reach out, a network name,
    /// or `nil` for the engine's default bridge.
    public var networkMode: String?

    public init(
        tags: [String] = [],
        dockerfile: String = "Dockerfile",
        labels: [String: String] = [:],
        buildArgs: [String: String] = [:],
        noCache: Bool = false,
        pull: Bool = false,
        removeIntermediate: Bool = true,
        forceRemoveIntermediate: Bool = true,
        target: String? = nil,
        networkMode: String? = nil
    ) {
        self.tags = tags
        self.dockerfile = dockerfile
        self.labels = labels
        self.buildArgs = buildArgs
        self.noCache = noCache
        self.pull = pull
        self.removeIntermediate = removeIntermediate
        self.forceRemoveIntermediate = forceRemoveIntermediate
        self.target = target
        self.networkMode = networkMode
    }
}
