/// Everything needed to create a container, flattened from the engine's three
/// create sections (container config, `HostConfig`, `NetworkingConfig`).
///
/// Only `image` is required; everything else defaults to the engine's default.
public struct ContainerSpec: Sendable, Hashable, Encodable {
    public var image: String
    /// Arguments to the entrypoint (`Cmd`); `nil` keeps the image's.
    public var cmd: [String]?
    /// `nil` keeps the image's; `[]` clears it.
    public var entrypoint: [String]?
    /// `KEY=value` pairs.
    public var env: [String]
    /// `user`, `user:group` or `uid:gid`.
    public var user: String?
    public var workingDir: String?
    public var labels: [String: String]
    public var hostname: String?
    public var domainname: String?
    public var healthcheck: Healthcheck?
    /// Ports exposed without publishing (reachable from the container's networks).
    public var exposedPorts: [ContainerPort]
    /// Ports published on the host (exposed too).
    public var publishedPorts: [PortPublication]
    public var mounts: [Mount]
    /// tmpfs mounts: container path → mount options (`"size=64m"`, or `""`).
    public var tmpfs: [String: String]
    /// Memory limit in bytes.
    public var memoryLimit: Int64?
    /// Run an init process (tini) as PID 1 that reaps zombies and forwards signals.
    public var initProcess: Bool?
    /// `bridge`, `host`, `none`, or a network name; `nil` for the engine's default.
    public var networkMode: String?
    /// Networks to join at creation, with this container's aliases on each. The engine
    /// before API 1.44 accepts one network here; join others with `connectNetwork`.
    public var networks: [String: NetworkAttachment]
    /// Signal sent by `stop` (default `SIGTERM`).
    public var stopSignal: String?
    /// Seconds `stop` waits before killing.
    public var stopTimeout: Int?
    public var tty: Bool
    /// Keep stdin open (needed to attach to it later).
    public var openStdin: Bool
    public var restartPolicy: RestartPolicy?
    /// Extra `/etc/hosts` entries, `host:ip`.
    public var extraHosts: [String]
    /// Remove the container when it exits.
    public var autoRemove: Bool
    /// Linux capabilities to drop, e.g. `["ALL"]`.
    public var capDrop: [String]
    /// Linux capabilities to add after the drop, e.g. `["CHOWN"]`.
    public var capAdd: [String]
    /// Security options, e.g. `["no-new-privileges:true"]`.
    public var securityOptions: [String]
    /// Relative CPU weight under contention (the engine's default is 1024).
    public var cpuShares: Int?
    /// Most processes and threads the container may have at once (nil: unlimited).
    public var pidsLimit: Int?

    public init(
        image: String,
        cmd: [String]? = nil,
        entrypoint: [String]? = nil,
        env: [String] = [],
        user: String? = nil,
        workingDir: String? = nil,
        labels: [String: String] = [:],
        hostname: String? = nil,
        domainname: String? = nil,
        healthcheck: Healthcheck? = nil,
        exposedPorts: [ContainerPort] = [],
        publishedPorts: [PortPublication] = [],
        mounts: [Mount] = [],
        tmpfs: [String: String] = [:],
        memoryLimit: Int64? = nil,
        initProcess: Bool? = nil,
        networkMode: String? = nil,
        networks: [String: NetworkAttachment] = [:],
        stopSignal: String? = nil,
        stopTimeout: Int? = nil,
        tty: Bool = false,
        openStdin: Bool = false,
        restartPolicy: RestartPolicy? = nil,
        extraHosts: [String] = [],
        autoRemove: Bool = false,
        capDrop: [String] = [],
        capAdd: [String] = [],
        securityOptions: [String] = [],
        cpuShares: Int? = nil,
        pidsLimit: Int? = nil
    ) {
        self.image = image
        self.cmd = cmd
        self.entrypoint = entrypoint
        self.env = env
        self.user = user
        self.workingDir = workingDir
        self.labels = labels
        self.hostname = hostname
        self.domainname = domainname
        self.healthcheck = healthcheck
        self.exposedPorts = exposedPorts
        self.publishedPorts = publishedPorts
        self.mounts = mounts
        self.tmpfs = tmpfs
        self.memoryLimit = memoryLimit
        self.initProcess = initProcess
        self.networkMode = networkMode
        self.networks = networks
        self.stopSignal = stopSignal
        self.stopTimeout = stopTimeout
        self.tty = tty
        self.openStdin = openStdin
        self.restartPolicy = restartPolicy
        self.extraHosts = extraHosts
        self.autoRemove = autoRemove
        self.capDrop = capDrop
        self.capAdd = capAdd
        self.securityOptions = securityOptions
        self.cpuShares = cpuShares
        self.pidsLimit = pidsLimit
    }

    // MARK: Wire format (`POST /containers/create` body)

    private enum CodingKeys: String, CodingKey {
        case image = "Image", cmd = "Cmd", entrypoint = "Entrypoint", env = "Env", user = "User"
        case workingDir = "WorkingDir", labels = "Labels", hostname = "Hostname", domainname = "Domainname"
        case healthcheck = "Healthcheck", exposedPorts = "ExposedPorts", stopSignal = "StopSignal"
        case stopTimeout = "StopTimeout", tty = "Tty", openStdin = "OpenStdin", attachStdin = "AttachStdin"
        case stdinOnce = "StdinOnce", hostConfig = "HostConfig", networkingConfig = "NetworkingConfig"
    }

    private enum HostConfigKeys: String, CodingKey {
        case portBindings = "PortBindings", mounts = "Mounts", tmpfs = "Tmpfs", memory = "Memory"
        case initProcess = "Init", networkMode = "NetworkMode", restartPolicy = "RestartPolicy"
        case extraHosts = "ExtraHosts", autoRemove = "AutoRemove"
        case capDrop = "CapDrop", capAdd = "CapAdd", securityOptions = "SecurityOpt", cpuShares = "CpuShares", pidsLimit = "PidsLimit"
    }

    private enum NetworkingConfigKeys: String, CodingKey {
        case endpointsConfig = "EndpointsConfig"
    }

    /// The engine's "set" encoding: `{"9870/tcp": {}}`.
    private struct EmptyObject: Encodable {}

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(image, forKey: .image)
        try container.encodeIfPresent(cmd, forKey: .cmd)
        try container.encodeIfPresent(entrypoint, forKey: .entrypoint)
        if !env.isEmpty { try container.encode(env, forKey: .env) }
        try container.encodeIfPresent(user, forKey: .user)
        try container.encodeIfPresent(workingDir, forKey: .workingDir)
        if !labels.isEmpty { try container.encode(labels, forKey: .labels) }
        try container.encodeIfPresent(hostname, forKey: .hostname)
        try container.encodeIfPresent(domainname, forKey: .domainname)
        try container.encodeIfPresent(healthcheck, forKey: .healthcheck)
        let exposed = Set(exposedPorts + publishedPorts.map(\.containerPort))
        if !exposed.isEmpty {
            let set = Dictionary(uniqueKeysWithValues: exposed.map { ($0.description, EmptyObject()) })
            try container.encode(set, forKey: .exposedPorts)
        }
        try container.encodeIfPresent(stopSignal, forKey: .stopSignal)
        try container.encodeIfPresent(stopTimeout, forKey: .stopTimeout)
        if tty { try container.encode(true, forKey: .tty) }
        if openStdin {
            try container.encode(true, forKey: .openStdin)
            try container.encode(true, forKey: .attachStdin)
            try container.encode(false, forKey: .stdinOnce)
        }

        var host = container.nestedContainer(keyedBy: HostConfigKeys.self, forKey: .hostConfig)
        if !publishedPorts.isEmpty {
            let bindings = Dictionary(grouping: publishedPorts, by: { $0.containerPort.description })
                .mapValues { publications in
                    publications.map { PortBinding(hostIP: $0.hostIP, hostPort: $0.hostPort.map(String.init) ?? "") }
                }
            try host.encode(bindings, forKey: .portBindings)
        }
        if !mounts.isEmpty { try host.encode(mounts, forKey: .mounts) }
        if !tmpfs.isEmpty { try host.encode(tmpfs, forKey: .tmpfs) }
        try host.encodeIfPresent(memoryLimit, forKey: .memory)
        try host.encodeIfPresent(cpuShares, forKey: .cpuShares)
        try host.encodeIfPresent(pidsLimit, forKey: .pidsLimit)
        try host.encodeIfPresent(initProcess, forKey: .initProcess)
        try host.encodeIfPresent(networkMode, forKey: .networkMode)
        try host.encodeIfPresent(restartPolicy, forKey: .restartPolicy)
        if !extraHosts.isEmpty { try host.encode(extraHosts, forKey: .extraHosts) }
        if autoRemove { try host.encode(true, forKey: .autoRemove) }
        if !capDrop.isEmpty { try host.encode(capDrop, forKey: .capDrop) }
        if !capAdd.isEmpty { try host.encode(capAdd, forKey: .capAdd) }
        if !securityOptions.isEmpty { try host.encode(securityOptions, forKey: .securityOptions) }

        if !networks.isEmpty {
            var networking = container.nestedContainer(keyedBy: NetworkingConfigKeys.self, forKey: .networkingConfig)
            try networking.encode(networks, forKey: .endpointsConfig)
        }
    }
}

/// A container's membership of one network.
public struct NetworkAttachment: Sendable, Hashable, Encodable {
    /// Extra names that resolve to this container on the network.
    public var aliases: [String]
    /// A fixed address, inside the network's subnet (given at its creation) but outside
    /// the range the engine hands out.
    public var ipv4Address: String?

    public init(aliases: [String] = [], ipv4Address: String? = nil) {
        self.aliases = aliases
        self.ipv4Address = ipv4Address
    }

    enum CodingKeys: String, CodingKey {
        case aliases = "Aliases", ipamConfig = "IPAMConfig"
    }

    enum IPAMKeys: String, CodingKey { case ipv4Address = "IPv4Address" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(aliases, forKey: .aliases)
        if let ipv4Address {
            var ipam = container.nestedContainer(keyedBy: IPAMKeys.self, forKey: .ipamConfig)
            try ipam.encode(ipv4Address, forKey: .ipv4Address)
        }
    }
}

/// What the engine does when a container exits.
public struct RestartPolicy: Sendable, Hashable, Encodable {
    /// `no`, `always`, `unless-stopped` or `on-failure`.
    public var name: String
    /// Retries for `on-failure`.
    public var maximumRetryCount: Int?

    public init(name: String, maximumRetryCount: Int? = nil) {
        self.name = name
        self.maximumRetryCount = maximumRetryCount
    }

    public static let no = RestartPolicy(name: "no")
    public static let always = RestartPolicy(name: "always")
    public static let unlessStopped = RestartPolicy(name: "unless-stopped")
    public static func onFailure(maximumRetryCount: Int? = nil) -> RestartPolicy {
        RestartPolicy(name: "on-failure", maximumRetryCount: maximumRetryCount)
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case maximumRetryCount = "MaximumRetryCount"
    }
}
