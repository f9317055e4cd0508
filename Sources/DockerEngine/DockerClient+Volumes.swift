extension DockerClient {
    /// Creates a volume (or returns the existing one of that name).
    @discardableResult
    public func createVolume(_ spec: VolumeSpec) async throws(DockerError) -> Volume {
        try await requestJSON(.post, "/volumes/create", body: .json(spec))
    }

    public func inspectVolume(name: String) async throws(DockerError) -> Volume {
        try await requestJSON(.get, "/volumes/\(name.pathEscaped)")
    }

    /// Volumes carrying all of `labels`.
    public func listVolumes(labels: [String: String] = [:]) async throws(DockerError) -> [Volume] {
        struct VolumeList: Decodable {
            var volumes: [Volume]?
            enum CodingKeys: String, CodingKey { case volumes = "Volumes" }
        }
        var query = QueryItems()
        query.add(filters: EngineFilters(labels: labels))
        let list: VolumeList = try await requestJSON(.get, "/volumes", query: query)
        return list.volumes ?? []
    }

    /// Removes a volume; one in use by a container is a conflict.
    public func removeVolume(name: String, force: Bool = false) async throws(DockerError) {
        var query = QueryItems()
        query.add("force", force)
        try await send(.delete, "/volumes/\(name.pathEscaped)", query: query)
    }
}
