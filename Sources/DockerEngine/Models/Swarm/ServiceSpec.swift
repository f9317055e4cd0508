/// What to create with `createService`: one replicated service whose single task runs
/// one container, the fields hind uses of the engine's `ServiceSpec`.
public struct ServiceSpec: Sendable, Hashable, Encodable {
    /// A file of a task's container backed by a Swarm config.
    public struct ConfigFile: Sendable, Hashable, Encodable {
        public var configID: String
        public var configName: String
        /// Absolute path in the container.
        public var path: String
        public var mode: UInt32

        public init(configID: String, configName: String, path: String, mode: UInt32) {
            self.configID = configID
            self.configName = configName
            self.path = path
            self.mode = mode
        }

        enum CodingKeys: String, CodingKey { case file = "File", configID = "ConfigID", configName = "ConfigName" }
        enum FileKeys: String, CodingKey { case name = "Name", uid = "UID", gid = "GID", mode = "Mode" }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var file = container.nestedContainer(keyedBy: FileKeys.self, forKey: .file)
            try file.encode(path, forKey: .name)
            try file.encode("0", forKey: .uid)
            try file.encode("0", forKey: .gid)
            try file.encode(mode, forKey: .mode)
            try container.encode(configID, forKey: .configID)
            try container.encode(configName, forKey: .configName)
        }
    }

    /// A volume of the task's container: named (kept on its Swarm node, carrying
    /// `labels`) or, with no name, anonymous (removed with the task's container).
    public struct VolumeMount: Sendable, Hashable, Encodable {
        public var name: String?
        public var target: String
        public var labels: [String: String]

        public init(name: String?, target: String, labels: [String: String] = [:]) {
            self.name = name
            self.target = target
            self.labels = labels
        }

        enum CodingKeys: String, CodingKey { case type = "Type", source = "Source", target = "Target", options = "VolumeOptions" }
        enum OptionKeys: String, CodingKey { case labels = "Labels" }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("volume", forKey: .type)
            try container.encodeIfPresent(name, forKey: .source)
            try container.encode(target, forKey: .target)
            var options = container.nestedContainer(keyedBy: OptionKeys.self, forKey: .options)
            try options.encode(labels, forKey: .labels)
        }
    }

    public var name: String
    public var labels: [String: String]
    public var image: String
    /// The container's labels (the service's go on the service).
    public var containerLabels: [String: String]
    public var entrypoint: [String]
    public var args: [String]
    public var hostname: String
    /// `KEY=value` pairs.
    public var env: [String]
    public var user: String?
    public var mounts: [VolumeMount]
    public var configs: [ConfigFile]
    public var healthcheck: Healthcheck?
    /// `IP host` lines for the container's `/etc/hosts`.
    public var hosts: [String]
    public var initProcess: Bool
    public var capabilityAdd: [String]
    public var capabilityDrop: [String]
    public var stopGracePeriod: Duration
    public var memoryLimit: Int64?
    public var pidsLimit: Int?
    /// Placement constraints, e.g. `node.id==abc`.
    public var constraints: [String]
    /// The overlay network the task joins, with its aliases there.
    public var network: String
    public var aliases: [String]
    /// Delay between a task's end and its replacement.
    public var restartDelay: Duration

    public init(name: String, labels: [String: String], image: String, containerLabels: [String: String] = [:],
                entrypoint: [String] = [], args: [String] = [], hostname: String, env: [String] = [], user: String? = nil,
                mounts: [VolumeMount] = [], configs: [ConfigFile] = [], healthcheck: Healthcheck? = nil, hosts: [String] = [],
                initProcess: Bool = true, capabilityAdd: [String] = [], capabilityDrop: [String] = [],
                stopGracePeriod: Duration = .seconds(10), memoryLimit: Int64? = nil, pidsLimit: Int? = nil,
                constraints: [String] = [], network: String, aliases: [String] = [], restartDelay: Duration = .seconds(2)) {
        self.name = name
        self.labels = labels
        self.image = image
        self.containerLabels = containerLabels
        self.entrypoint = entrypoint
        self.args = args
        self.hostname = hostname
        self.env = env
        self.user = user
        self.mounts = mounts
        self.configs = configs
        self.healthcheck = healthcheck
        self.hosts = hosts
        self.initProcess = initProcess
        self.capabilityAdd = capabilityAdd
        self.capabilityDrop = capabilityDrop
        self.stopGracePeriod = stopGracePeriod
        self.memoryLimit = memoryLimit
        self.pidsLimit = pidsLimit
        self.constraints = constraints
        self.network = network
        self.aliases = aliases
        self.restartDelay = restartDelay
    }

    enum Keys: String, CodingKey {
        case name = "Name", labels = "Labels", taskTemplate = "TaskTemplate", mode = "Mode", endpointSpec = "EndpointSpec"
        // TaskTemplate
        case containerSpec = "ContainerSpec", resources = "Resources", restartPolicy = "RestartPolicy"
        case placement = "Placement", networks = "Networks"
        // ContainerSpec
        case image = "Image", command = "Command", args = "Args", hostname = "Hostname", env = "Env", user = "User"
        case mounts = "Mounts", configs = "Configs", healthCheck = "HealthCheck", hosts = "Hosts", initProcess = "Init"
        case capabilityAdd = "CapabilityAdd", capabilityDrop = "CapabilityDrop", stopGracePeriod = "StopGracePeriod"
        // Resources, RestartPolicy, Placement, Networks, Mode, EndpointSpec
        case limits = "Limits", memoryBytes = "MemoryBytes", pids = "Pids"
        case condition = "Condition", delay = "Delay", maxAttempts = "MaxAttempts"
        case constraints = "Constraints", target = "Target", aliases = "Aliases"
        case replicated = "Replicated", replicas = "Replicas"
    }

    /// The engine's nested layout: `TaskTemplate.ContainerSpec`, `Mode.Replicated`, and a
    /// `dnsrr` endpoint, so the task's name resolves to the task's own address (a
    /// DataNode registers with the address it connects from; a virtual IP would not be it).
    public func encode(to encoder: any Encoder) throws {
        var root = encoder.container(keyedBy: Keys.self)
        try root.encode(name, forKey: .name)
        try root.encode(labels, forKey: .labels)
        var template = root.nestedContainer(keyedBy: Keys.self, forKey: .taskTemplate)
        var container = template.nestedContainer(keyedBy: Keys.self, forKey: .containerSpec)
        try container.encode(image, forKey: .image)
        try container.encode(containerLabels, forKey: .labels)
        try container.encode(entrypoint, forKey: .command)
        try container.encode(args, forKey: .args)
        try container.encode(hostname, forKey: .hostname)
        try container.encode(env, forKey: .env)
        try container.encodeIfPresent(user, forKey: .user)
        try container.encode(mounts, forKey: .mounts)
        try container.encode(configs, forKey: .configs)
        try container.encodeIfPresent(healthcheck, forKey: .healthCheck)
        try container.encode(hosts, forKey: .hosts)
        try container.encode(initProcess, forKey: .initProcess)
        if !capabilityAdd.isEmpty { try container.encode(capabilityAdd, forKey: .capabilityAdd) }
        if !capabilityDrop.isEmpty { try container.encode(capabilityDrop, forKey: .capabilityDrop) }
        try container.encode(stopGracePeriod.nanoseconds, forKey: .stopGracePeriod)
        var resources = template.nestedContainer(keyedBy: Keys.self, forKey: .resources)
        var limits = resources.nestedContainer(keyedBy: Keys.self, forKey: .limits)
        try limits.encodeIfPresent(memoryLimit, forKey: .memoryBytes)
        try limits.encodeIfPresent(pidsLimit, forKey: .pids)
        // A daemon should always run: Swarm replaces a task that ended, whatever its code.
        var restart = template.nestedContainer(keyedBy: Keys.self, forKey: .restartPolicy)
        try restart.encode("any", forKey: .condition)
        try restart.encode(restartDelay.nanoseconds, forKey: .delay)
        var placement = template.nestedContainer(keyedBy: Keys.self, forKey: .placement)
        try placement.encode(constraints, forKey: .constraints)
        var networks = template.nestedUnkeyedContainer(forKey: .networks)
        var attachment = networks.nestedContainer(keyedBy: Keys.self)
        try attachment.encode(network, forKey: .target)
        try attachment.encode(aliases, forKey: .aliases)
        var mode = root.nestedContainer(keyedBy: Keys.self, forKey: .mode)
        var replicated = mode.nestedContainer(keyedBy: Keys.self, forKey: .replicated)
        try replicated.encode(1, forKey: .replicas)
        var endpoint = root.nestedContainer(keyedBy: Keys.self, forKey: .endpointSpec)
        try endpoint.encode("dnsrr", forKey: .mode)
    }
}

/// A service as the engine lists it: its ID, name and labels.
public struct SwarmService: Sendable, Hashable, Decodable {
    public var id: String
    public var name: String
    public var labels: [String: String]
    public var version: Int

    enum CodingKeys: String, CodingKey { case id = "ID", spec = "Spec", version = "Version" }
    enum SpecKeys: String, CodingKey { case name = "Name", labels = "Labels" }
    enum VersionKeys: String, CodingKey { case index = "Index" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        let spec = try container.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
        name = try spec.decode(.name, or: "")
        labels = try spec.decode(.labels, or: [:])
        version = (try? container.nestedContainer(keyedBy: VersionKeys.self, forKey: .version).decode(.index, or: 0)) ?? 0
    }
}
