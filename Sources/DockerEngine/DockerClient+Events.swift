extension DockerClient {
    /// The engine's events as they happen, filtered (by label, type, event...).
    ///
    /// The stream stays open until the iterating task is cancelled or `until` passes.
    ///
    /// - Parameters:
    ///   - since: Unix time from which to replay past events; `nil` for new events only.
    ///   - until: Unix time at which the stream ends.
    public func events(
        filters: EngineFilters = EngineFilters(),
        since: Int64? = nil,
        until: Int64? = nil
    ) async throws(DockerError) -> AsyncThrowingStream<EngineEvent, any Error> {
        var query = QueryItems()
        query.add("since", since.map(String.init))
        query.add("until", until.map(String.init))
        query.add(filters: filters)
        let response = try await openStream(.get, "/events", query: query)
        let lines = AsyncThrowingStream<[UInt8], any Error>.decoding(response.body, with: JSONLineSplitter())
        return .mapping(lines) { [self] line in
            try decode(EngineEvent.self, from: line, context: "event stream")
        }
    }

    /// Events about objects carrying all of `labels`.
    public func events(labels: [String: String], since: Int64? = nil) async throws(DockerError) -> AsyncThrowingStream<EngineEvent, any Error> {
        try await events(filters: EngineFilters(labels: labels), since: since)
    }
}
