import Foundation

extension DockerClient {
    /// The image `reference` (`name:tag` or id).
    ///
    /// - Throws: ``DockerError/notFound(message:)`` if the engine does not have it.
    public func inspectImage(reference: String) async throws(DockerError) -> ImageInspect {
        try await requestJSON(.get, "/images/\(URLEscaping.imageReference(reference))/json")
    }

    /// Images carrying all of `labels`.
    ///
    /// - Parameter all: include intermediate images.
    public func listImages(labels: [String: String] = [:], all: Bool = false) async throws(DockerError) -> [ImageSummary] {
        var query = QueryItems()
        query.add("all", all)
        query.add(filters: EngineFilters(labels: labels))
        return try await requestJSON(.get, "/images/json", query: query)
    }

    /// Removes an image (untags it; the layers go when no tag is left).
    public func removeImage(reference: String, force: Bool = false, noPrune: Bool = false) async throws(DockerError) {
        var query = QueryItems()
        query.add("force", force)
        query.add("noprune", noPrune)
        try await send(.delete, "/images/\(URLEscaping.imageReference(reference))", query: query)
    }

    /// Gives image `reference` the further name `repository:tag`.
    public func tagImage(reference: String, repository: String, tag: String) async throws(DockerError) {
        var query = QueryItems()
        query.add("repo", repository)
        query.add("tag", tag)
        try await send(.post, "/images/\(URLEscaping.imageReference(reference))/tag", query: query)
    }

    /// Pulls `repository:tag` from its registry; progress arrives as the stream's
    /// messages, and a failure (unknown image, no registry) is thrown from the stream
    /// as ``DockerError/streamError(message:)``. Drain the stream to wait for the pull.
    ///
    /// - Parameter tag: must not be empty (an empty tag would pull every tag).
    public func pullImage(repository: String, tag: String = "latest") async throws(DockerError) -> AsyncThrowingStream<ProgressMessage, any Error> {
        precondition(!tag.isEmpty, "pullImage needs a tag: an empty tag pulls every tag of \(repository)")
        var query = QueryItems()
        query.add("fromImage", repository)
        query.add("tag", tag)
        let response = try await openStream(.post, "/images/create", query: query)
        return Self.progressMessages(response.body)
    }

    /// Builds an image from a tar of the build context (Dockerfile included); the build
    /// output arrives as the stream's messages (`stream`), the image id as `auxID`, and a
    /// failed step is thrown from the stream as ``DockerError/streamError(message:)``.
    public func buildImage(context: [UInt8], options: BuildOptions = BuildOptions()) async throws(DockerError) -> AsyncThrowingStream<ProgressMessage, any Error> {
        try await buildImage(body: .bytes(context), options: options)
    }

    /// Builds an image from a build context tar file on disk, streamed (a context holding
    /// a Hadoop distribution is a few hundred MB); see ``buildImage(context:options:)``.
    public func buildImage(contextFile path: String, options: BuildOptions = BuildOptions()) async throws(DockerError) -> AsyncThrowingStream<ProgressMessage, any Error> {
        try await buildImage(body: .file(path: path), options: options)
    }

    private func buildImage(body: HTTPBody, options: BuildOptions) async throws(DockerError) -> AsyncThrowingStream<ProgressMessage, any Error> {
        var query = QueryItems()
        for tag in options.tags { query.add("t", tag) }
        query.add("dockerfile", options.dockerfile)
        if !options.labels.isEmpty { query.add("labels", Self.jsonText(options.labels)) }
        if !options.buildArgs.isEmpty { query.add("buildargs", Self.jsonText(options.buildArgs)) }
        query.add("nocache", options.noCache)
        query.add("pull", options.pull)
        query.add("rm", options.removeIntermediate)
        query.add("forcerm", options.forceRemoveIntermediate)
        query.add("target", options.target)
        query.add("networkmode", options.networkMode)
        let response = try await openStream(.post, "/build", query: query, body: .tar(body))
        return Self.progressMessages(response.body)
    }

    /// Creates an image from a tar of a root filesystem and returns its id.
    ///
    /// - Parameter changes: Dockerfile instructions applied to the result, e.g.
    ///   `ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`
    ///   (an imported image has no environment, not even `PATH`) or `CMD ["sh"]`.
    @discardableResult
    public func importImage(
        tar: [UInt8],
        repository: String,
        tag: String = "latest",
        changes: [String] = [],
        message: String? = nil
    ) async throws(DockerError) -> String {
        try await importImage(body: .bytes(tar), repository: repository, tag: tag, changes: changes, message: message)
    }

    /// Creates an image from a root filesystem tar file on disk, streamed (never loaded
    /// whole), and returns its id.
    @discardableResult
    public func importImage(
        tarFile path: String,
        repository: String,
        tag: String = "latest",
        changes: [String] = [],
        message: String? = nil
    ) async throws(DockerError) -> String {
        try await importImage(body: .file(path: path), repository: repository, tag: tag, changes: changes, message: message)
    }

    private func importImage(
        body: HTTPBody,
        repository: String,
        tag: String,
        changes: [String],
        message: String?
    ) async throws(DockerError) -> String {
        var query = QueryItems()
        query.add("fromSrc", "-")
        query.add("repo", repository)
        query.add("tag", tag)
        for change in changes { query.add("changes", change) }
        query.add("message", message)
        let response = try await openStream(.post, "/images/create", query: query, body: .tar(body))
        var imageID: String?
        do {
            for try await progress in Self.progressMessages(response.body) {
                // The import's one status line is the new image's id.
                if let status = progress.status, status.hasPrefix("sha256:") { imageID = status }
            }
        } catch {
            throw DockerError.wrapping(error)
        }
        if let imageID { return imageID }
        return try await inspectImage(reference: "\(repository):\(tag)").id
    }

    /// Decodes a JSON-lines progress stream, ending it with an error at the first
    /// message that reports one.
    static func progressMessages(_ body: AsyncThrowingStream<[UInt8], any Error>) -> AsyncThrowingStream<ProgressMessage, any Error> {
        let lines = AsyncThrowingStream<[UInt8], any Error>.decoding(body, with: JSONLineSplitter())
        return .mapping(lines) { line in
            let message = try decode(ProgressMessage.self, from: line, context: "progress stream")
            if let failure = message.errorMessage {
                throw DockerError.streamError(message: failure)
            }
            return message
        }
    }

    static func jsonText(_ value: [String: String]) -> String {
        let data = (try? jsonEncoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension DockerError {
    /// `error` as a ``DockerError`` (errors thrown from this library's streams already are).
    static func wrapping(_ error: any Error) -> DockerError {
        if let error = error as? DockerError { return error }
        if error is CancellationError { return .cancelled }
        return .transport(message: String(describing: error))
    }
}
