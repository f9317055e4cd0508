import Foundation

/// Swarm mode through a manager's engine: nodes, services, their tasks and configs.
extension DockerClient {
    /// The engine's Swarm membership (from `GET /info`).
    public func swarmInfo() async throws(DockerError) -> SwarmInfo {
        try await requestJSON(.get, "/info")
    }

    /// The Swarm's nodes; only a manager answers.
    public func listSwarmNodes() async throws(DockerError) -> [SwarmNode] {
        try await requestJSON(.get, "/nodes")
    }

    /// Creates a service and returns its ID.
    @discardableResult
    public func createService(_ spec: ServiceSpec) async throws(DockerError) -> String {
        let created: CreatedSwarmObject = try await requestJSON(.post, "/services/create", body: .json(spec))
        return created.id
    }

    /// Services carrying all of `labels`.
    public func listServices(labels: [String: String] = [:]) async throws(DockerError) -> [SwarmService] {
        var query = QueryItems()
        query.add(filters: EngineFilters(labels: labels))
        return try await requestJSON(.get, "/services", query: query)
    }

    /// The engine's own description of a service, as JSON.
    public func inspectServiceJSON(id: String) async throws(DockerError) -> [UInt8] {
        try await send(.get, "/services/\(id.pathEscaped)").body
    }

    /// Removes a service; its tasks' containers are removed on their nodes afterwards.
    public func removeService(id: String) async throws(DockerError) {
        try await send(.delete, "/services/\(id.pathEscaped)")
    }

    /// The tasks of the given services (all when empty), finished ones included.
    public func listTasks(services: [String] = []) async throws(DockerError) -> [SwarmTask] {
        var filters = EngineFilters()
        for service in services { filters.add("service", service) }
        var query = QueryItems()
        query.add(filters: filters)
        return try await requestJSON(.get, "/tasks", query: query)
    }

    /// A service's output from all its tasks, wherever they run, as stdout and stderr chunks.
    public func serviceLogs(id: String, options: LogOptions = LogOptions()) async throws(DockerError) -> AsyncThrowingStream<OutputChunk, any Error> {
        var query = QueryItems()
        query.add("follow", options.follow)
        query.add("stdout", options.stdout)
        query.add("stderr", options.stderr)
        query.add("timestamps", options.timestamps)
        query.add("tail", options.tail.map(String.init) ?? "all")
        query.add("since", options.since.map(String.init))
        let response = try await openStream(.get, "/services/\(id.pathEscaped)/logs", query: query)
        return .decoding(response.body, with: MultiplexedStreamDecoder())
    }

    /// Creates a config and returns its ID; a taken name is a conflict.
    @discardableResult
    public func createConfig(_ spec: SwarmConfigSpec) async throws(DockerError) -> String {
        let created: CreatedSwarmObject = try await requestJSON(.post, "/configs/create", body: .json(spec))
        return created.id
    }

    /// Configs carrying all of `labels`.
    public func listConfigs(labels: [String: String] = [:]) async throws(DockerError) -> [SwarmConfig] {
        var query = QueryItems()
        query.add(filters: EngineFilters(labels: labels))
        return try await requestJSON(.get, "/configs", query: query)
    }

    /// Removes a config; one still used by a service is a conflict.
    public func removeConfig(id: String) async throws(DockerError) {
        try await send(.delete, "/configs/\(id.pathEscaped)")
    }
}

/// What Swarm's create endpoints answer: `ID`, where containers and networks say `Id`
/// (the v1.41 spec types `/configs/create`'s answer as `IdResponse` with `Id`, but the
/// engine sends `ID`; both are read).
struct CreatedSwarmObject: Decodable {
    var id: String
    enum CodingKeys: String, CodingKey { case id = "ID", legacyID = "Id" }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? container.decode(String.self, forKey: .legacyID)
    }
}
