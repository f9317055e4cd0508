extension DockerClient {
    /// Creates a network and returns its id.
    ///
    /// - Throws: ``DockerError/conflict(message:)`` if the name is taken.
    @discardableResult
    public func createNetwork(_ spec: NetworkSpec) async throws(DockerError) -> String {
        let created: CreatedObject = try await requestJSON(.post, "/networks/create", body: .json(spec))
        return created.id
    }

    /// A network with its member containers.
    public func inspectNetwork(id: String) async throws(DockerError) -> Network {
        try await requestJSON(.get, "/networks/\(id.pathEscaped)")
    }

    /// Networks carrying all of `labels`.
    public func listNetworks(labels: [String: String] = [:]) async throws(DockerError) -> [Network] {
        var query = QueryItems()
        query.add(filters: EngineFilters(labels: labels))
        return try await requestJSON(.get, "/networks", query: query)
    }

    /// Removes a network; a network with containers attached is a conflict.
    public func removeNetwork(id: String) async throws(DockerError) {
        try await send(.delete, "/networks/\(id.pathEscaped)")
    }

    /// Connects a container to a further network (on API 1.41 a container joins only one at create).
    public func connectNetwork(id: String, container: String, aliases: [String] = []) async throws(DockerError) {
        struct Connect: Encodable, Sendable {
            var container: String
            var endpointConfig: NetworkAttachment
            enum CodingKeys: String, CodingKey { case container = "Container", endpointConfig = "EndpointConfig" }
        }
        let body = Connect(container: container, endpointConfig: NetworkAttachment(aliases: aliases))
        try await send(.post, "/networks/\(id.pathEscaped)/connect", body: .json(body))
    }

    /// Disconnects a container from a network.
    public func disconnectNetwork(id: String, container: String, force: Bool = false) async throws(DockerError) {
        struct Disconnect: Encodable, Sendable {
            var container: String
            var force: Bool
            enum CodingKeys: String, CodingKey { case container = "Container", force = "Force" }
        }
        try await send(.post, "/networks/\(id.pathEscaped)/disconnect", body: .json(Disconnect(container: container, force: force)))
    }
}
