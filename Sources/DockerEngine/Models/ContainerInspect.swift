/// A container as `GET /containers/{id}/json` reports it (the parts hind reads).
public struct ContainerInspect: Sendable, Hashable, Decodable {
    public var id: String
    /// The name with the engine's leading slash removed.
    public var name: String
    public var created: String
    /// The image id the container was created from.
    public var image: String
    public var restartCount: Int
    public var state: ContainerState
    public var config: Config
    public var networkSettings: NetworkSettings
    public var mounts: [MountPoint]

    public init(
        id: String,
        name: String,
        created: String = "",
        image: String = "",
        restartCount: Int = 0,
        state: ContainerState,
        config: Config = Config(),
        networkSettings: NetworkSettings = NetworkSettings(),
        mounts: [MountPoint] = []
    ) {
        self.id = id
        self.name = name
        self.created = created
        self.image = image
        self.restartCount = restartCount
        self.state = state
        self.config = config
        self.networkSettings = networkSettings
        self.mounts = mounts
    }

    /// The host port the engine bound for `port`, if it is published.
    public func hostPort(for port: ContainerPort) -> Int? {
        networkSettings.ports[port.description]??.lazy.compactMap { Int($0.hostPort) }.first
    }

    /// The container's configuration as created (labels, env, image name, TTY).
    public struct Config: Sendable, Hashable, Decodable {
        public var hostname: String
        public var image: String
        public var env: [String]
        public var cmd: [String]
        public var labels: [String: String]
        public var tty: Bool
        public var user: String
        public var workingDir: String

        public init(
            hostname: String = "",
            image: String = "",
            env: [String] = [],
            cmd: [String] = [],
            labels: [String: String] = [:],
            tty: Bool = false,
            user: String = "",
            workingDir: String = ""
        ) {
            self.hostname = hostname
            self.image = image
            self.env = env
            self.cmd = cmd
            self.labels = labels
            self.tty = tty
            self.user = user
            self.workingDir = workingDir
        }

        enum CodingKeys: String, CodingKey {
            case hostname = "Hostname", image = "Image", env = "Env", cmd = "Cmd", labels = "Labels"
            case tty = "Tty", user = "User", workingDir = "WorkingDir"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            hostname = try container.decode(.hostname, or: "")
            image = try container.decode(.image, or: "")
            env = try container.decode(.env, or: [])
            cmd = try container.decode(.cmd, or: [])
            labels = try container.decode(.labels, or: [:])
            tty = try container.decode(.tty, or: false)
            user = try container.decode(.user, or: "")
            workingDir = try container.decode(.workingDir, or: "")
        }
    }

    /// Published ports and network memberships.
    public struct NetworkSettings: Sendable, Hashable, Decodable {
        /// `"9870/tcp"` → bindings; `nil` for an exposed port that is not published.
        public var ports: [String: [PortBinding]?]
        /// Network name → this container's endpoint on it.
        public var networks: [String: Endpoint]

        public init(ports: [String: [PortBinding]?] = [:], networks: [String: Endpoint] = [:]) {
            self.ports = ports
            self.networks = networks
        }

        enum CodingKeys: String, CodingKey {
            case ports = "Ports", networks = "Networks"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ports = try container.decode(.ports, or: [:])
            networks = try container.decode(.networks, or: [:])
        }
    }

    /// A container's endpoint on one network.
    public struct Endpoint: Sendable, Hashable, Decodable {
        public var networkID: String
        public var ipAddress: String
        public var aliases: [String]

        public init(networkID: String = "", ipAddress: String = "", aliases: [String] = []) {
            self.networkID = networkID
            self.ipAddress = ipAddress
            self.aliases = aliases
        }

        enum CodingKeys: String, CodingKey {
            case networkID = "NetworkID", ipAddress = "IPAddress", aliases = "Aliases"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            networkID = try container.decode(.networkID, or: "")
            ipAddress = try container.decode(.ipAddress, or: "")
            aliases = try container.decode(.aliases, or: [])
        }
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", name = "Name", created = "Created", image = "Image", restartCount = "RestartCount"
        case state = "State", config = "Config", networkSettings = "NetworkSettings", mounts = "Mounts"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        let rawName = try container.decode(.name, or: "")
        name = rawName.hasPrefix("/") ? String(rawName.dropFirst()) : rawName
        created = try container.decode(.created, or: "")
        image = try container.decode(.image, or: "")
        restartCount = try container.decode(.restartCount, or: 0)
        state = try container.decode(ContainerState.self, forKey: .state)
        config = try container.decode(.config, or: Config())
        networkSettings = try container.decode(.networkSettings, or: NetworkSettings())
        mounts = try container.decode(.mounts, or: [])
    }
}

/// A container's run state.
public struct ContainerState: Sendable, Hashable, Decodable {
    /// `created`, `running`, `paused`, `restarting`, `removing`, `exited` or `dead`.
    public var status: String
    public var running: Bool
    public var paused: Bool
    public var restarting: Bool
    public var oomKilled: Bool
    public var dead: Bool
    public var pid: Int
    public var exitCode: Int
    /// The engine's error starting the container, if any.
    public var error: String
    /// RFC 3339 timestamps; `0001-01-01T00:00:00Z` when not yet started/finished.
    public var startedAt: String
    public var finishedAt: String
    /// `nil` when the container has no health check.
    public var health: Health?

    public init(
        status: String,
        running: Bool = false,
        paused: Bool = false,
        restarting: Bool = false,
        oomKilled: Bool = false,
        dead: Bool = false,
        pid: Int = 0,
        exitCode: Int = 0,
        error: String = "",
        startedAt: String = "",
        finishedAt: String = "",
        health: Health? = nil
    ) {
        self.status = status
        self.running = running
        self.paused = paused
        self.restarting = restarting
        self.oomKilled = oomKilled
        self.dead = dead
        self.pid = pid
        self.exitCode = exitCode
        self.error = error
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.health = health
    }

    /// Health check results.
    public struct Health: Sendable, Hashable, Decodable {
        /// `starting`, `healthy` or `unhealthy` (`none` without a check).
        public var status: String
        public var failingStreak: Int
        /// The most recent checks, oldest first.
        public var log: [HealthLogEntry]

        public init(status: String, failingStreak: Int = 0, log: [HealthLogEntry] = []) {
            self.status = status
            self.failingStreak = failingStreak
            self.log = log
        }

        enum CodingKeys: String, CodingKey {
            case status = "Status", failingStreak = "FailingStreak", log = "Log"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            status = try container.decode(.status, or: "none")
            failingStreak = try container.decode(.failingStreak, or: 0)
            log = try container.decode(.log, or: [])
        }
    }

    /// One run of a health check.
    public struct HealthLogEntry: Sendable, Hashable, Decodable {
        public var start: String
        public var end: String
        public var exitCode: Int
        public var output: String

        public init(start: String = "", end: String = "", exitCode: Int, output: String = "") {
            self.start = start
            self.end = end
            self.exitCode = exitCode
            self.output = output
        }

        enum CodingKeys: String, CodingKey {
            case start = "Start", end = "End", exitCode = "ExitCode", output = "Output"
        }
    }

    enum CodingKeys: String, CodingKey {
        case status = "Status", running = "Running", paused = "Paused", restarting = "Restarting"
        case oomKilled = "OOMKilled", dead = "Dead", pid = "Pid", exitCode = "ExitCode", error = "Error"
        case startedAt = "StartedAt", finishedAt = "FinishedAt", health = "Health"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(.status, or: "")
        running = try container.decode(.running, or: false)
        paused = try container.decode(.paused, or: false)
        restarting = try container.decode(.restarting, or: false)
        oomKilled = try container.decode(.oomKilled, or: false)
        dead = try container.decode(.dead, or: false)
        pid = try container.decode(.pid, or: 0)
        exitCode = try container.decode(.exitCode, or: 0)
        error = try container.decode(.error, or: "")
        startedAt = try container.decode(.startedAt, or: "")
        finishedAt = try container.decode(.finishedAt, or: "")
        health = try container.decodeIfPresent(Health.self, forKey: .health)
    }
}
