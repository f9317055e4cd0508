extension DockerClient {
    /// Creates a container and returns its id.
    ///
    /// - Throws: ``DockerError/conflict(message:)`` if `name` is taken,
    ///   ``DockerError/notFound(message:)`` if the image does not exist.
    @discardableResult
    public func createContainer(name: String? = nil, spec: ContainerSpec) async throws(DockerError) -> String {
        var query = QueryItems()
        query.add("name", name)
        let created: CreatedObject = try await requestJSON(.post, "/containers/create", query: query, body: .json(spec))
        return created.id
    }

    /// Starts a container; starting a running one is a success (the engine's 304).
    public func startContainer(id: String) async throws(DockerError) {
        try await send(.post, "/containers/\(id.pathEscaped)/start", notModifiedIsSuccess: true)
    }

    /// Stops a container: its stop signal, then SIGKILL after `timeout` seconds
    /// (`nil` for the container's own stop timeout). Stopping a stopped one is a success.
    public func stopContainer(id: String, timeout: Int? = nil) async throws(DockerError) {
        var query = QueryItems()
        query.add("t", timeout)
        try await send(
            .post, "/containers/\(id.pathEscaped)/stop", query: query,
            timeout: .extended(.seconds(timeout ?? 30)), notModifiedIsSuccess: true
        )
    }

    /// Sends a signal to a running container's main process.
    public func killContainer(id: String, signal: String = "SIGKILL") async throws(DockerError) {
        var query = QueryItems()
        query.add("signal", signal)
        try await send(.post, "/containers/\(id.pathEscaped)/kill", query: query)
    }

    /// Stops (waiting up to `timeout` seconds) and starts a container again.
    public func restartContainer(id: String, timeout: Int? = nil) async throws(DockerError) {
        var query = QueryItems()
        query.add("t", timeout)
        try await send(.post, "/containers/\(id.pathEscaped)/restart", query: query, timeout: .extended(.seconds(timeout ?? 30)))
    }

    /// The container's state, configuration, published ports and mounts.
    public func inspectContainer(id: String) async throws(DockerError) -> ContainerInspect {
        try await requestJSON(.get, "/containers/\(id.pathEscaped)/json")
    }

    /// The engine's inspect document as it sent it, for saving whole (e.g. CI artifacts).
    public func inspectContainerJSON(id: String) async throws(DockerError) -> [UInt8] {
        try await send(.get, "/containers/\(id.pathEscaped)/json").body
    }

    /// Containers carrying all of `labels` (`[:]` for every container).
    ///
    /// - Parameter all: include stopped containers (by default they are included:
    ///   a stopped cluster member is still there to clean up).
    public func listContainers(labels: [String: String] = [:], all: Bool = true) async throws(DockerError) -> [ContainerSummary] {
        var query = QueryItems()
        query.add("all", all)
        query.add(filters: EngineFilters(labels: labels))
        return try await requestJSON(.get, "/containers/json", query: query)
    }

    /// Removes a container.
    ///
    /// - Parameters:
    ///   - force: kill it first if it runs (otherwise a running container is a conflict).
    ///   - removeVolumes: also remove its anonymous volumes.
    public func removeContainer(id: String, force: Bool = false, removeVolumes: Bool = false) async throws(DockerError) {
        var query = QueryItems()
        query.add("force", force)
        query.add("v", removeVolumes)
        try await send(.delete, "/containers/\(id.pathEscaped)", query: query)
    }

    /// When `waitContainer` returns.
    public enum WaitCondition: String, Sendable {
        case notRunning = "not-running"
        case nextExit = "next-exit"
        case removed
    }

    /// Waits for the container to reach `condition` and returns its exit code.
    public func waitContainer(id: String, condition: WaitCondition = .notRunning) async throws(DockerError) -> Int {
        struct WaitResponse: Decodable {
            var statusCode: Int
            var error: WaitError?
            struct WaitError: Decodable {
                var message: String?
                enum CodingKeys: String, CodingKey { case message = "Message" }
            }
            enum CodingKeys: String, CodingKey { case statusCode = "StatusCode", error = "Error" }
        }
        var query = QueryItems()
        query.add("condition", condition.rawValue)
        let response: WaitResponse = try await requestJSON(
            .post, "/containers/\(id.pathEscaped)/wait", query: query, timeout: .unlimited
        )
        if let message = response.error?.message, !message.isEmpty {
            throw .streamError(message: message)
        }
        return response.statusCode
    }

    /// The container's output, as stdout and stderr chunks.
    ///
    /// With `follow`, the stream stays open until the container stops or the iterating
    /// task is cancelled (which closes the connection). A TTY container's log is one
    /// unmultiplexed stream, delivered as stdout.
    public func logs(container id: String, options: LogOptions = LogOptions()) async throws(DockerError) -> AsyncThrowingStream<OutputChunk, any Error> {
        let tty = try await inspectContainer(id: id).config.tty
        var query = QueryItems()
        query.add("follow", options.follow)
        query.add("stdout", options.stdout)
        query.add("stderr", options.stderr)
        query.add("timestamps", options.timestamps)
        query.add("tail", options.tail.map(String.init) ?? "all")
        query.add("since", options.since.map(String.init))
        let response = try await openStream(.get, "/containers/\(id.pathEscaped)/logs", query: query)
        return tty
            ? .decoding(response.body, with: RawStreamDecoder())
            : .decoding(response.body, with: MultiplexedStreamDecoder())
    }

    /// Extracts `tar` into the directory `path` of the container (which must exist).
    /// Works on a created, not yet started container: a way to place rendered
    /// configuration before start without bind mounts.
    public func putArchive(container id: String, path: String, tar: [UInt8]) async throws(DockerError) {
        var query = QueryItems()
        query.add("path", path)
        try await send(.put, "/containers/\(id.pathEscaped)/archive", query: query, body: .tar(.bytes(tar)))
    }

    /// Extracts `archive` into the directory `path` of the container.
    public func putArchive(container id: String, path: String, archive: TarArchive) async throws(DockerError) {
        try await putArchive(container: id, path: path, tar: archive.encoded())
    }

    /// A tar of the file or directory at `path` in the container.
    public func getArchive(container id: String, path: String) async throws(DockerError) -> [UInt8] {
        var query = QueryItems()
        query.add("path", path)
        return try await send(.get, "/containers/\(id.pathEscaped)/archive", query: query).body
    }
}

/// `{"Id": "...", "Warnings": [...]}` answered by create endpoints.
struct CreatedObject: Decodable {
    var id: String
    enum CodingKeys: String, CodingKey { case id = "Id" }
}

extension String {
    /// This name or id escaped for use as one path segment.
    var pathEscaped: String { URLEscaping.pathSegment(self) }
}

extension DockerClient {
    /// The tar of the file or directory at `path` in the container, as it streams: a
    /// caller looking for a few members of a large directory stops reading (and so the
    /// transfer) once it has them.
    public func archiveStream(container id: String, path: String) async throws(DockerError) -> AsyncThrowingStream<[UInt8], any Error> {
        var query = QueryItems()
        query.add("path", path)
        return try await openStream(.get, "/containers/\(id.pathEscaped)/archive", query: query).body
    }
}
