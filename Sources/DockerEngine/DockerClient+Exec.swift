extension DockerClient {
    /// Prepares a command in a running container; start it with `startExec`.
    public func createExec(container id: String, spec: ExecSpec) async throws(DockerError) -> String {
        let created: CreatedObject = try await requestJSON(.post, "/containers/\(id.pathEscaped)/exec", body: .json(spec))
        return created.id
    }

    /// Runs a created exec and returns its output, which ends when the command exits;
    /// then ``inspectExec(id:)`` has its exit code.
    ///
    /// - Parameter tty: as in the exec's spec; a TTY's output is one stream, delivered as stdout.
    public func startExec(id: String, tty: Bool = false) async throws(DockerError) -> AsyncThrowingStream<OutputChunk, any Error> {
        struct Start: Encodable, Sendable {
            var detach = false
            var tty: Bool
            enum CodingKeys: String, CodingKey { case detach = "Detach", tty = "Tty" }
        }
        let response = try await openStream(.post, "/exec/\(id.pathEscaped)/start", body: .json(Start(tty: tty)))
        return tty
            ? .decoding(response.body, with: RawStreamDecoder())
            : .decoding(response.body, with: MultiplexedStreamDecoder())
    }

    public func inspectExec(id: String) async throws(DockerError) -> ExecInspect {
        try await requestJSON(.get, "/exec/\(id.pathEscaped)/json")
    }

    /// Runs `cmd` in a running container to completion and collects its output
    /// and exit code.
    public func exec(
        container: String,
        cmd: [String],
        env: [String] = [],
        user: String? = nil,
        workingDir: String? = nil
    ) async throws(DockerError) -> ExecResult {
        let spec = ExecSpec(cmd: cmd, env: env, user: user, workingDir: workingDir)
        let execID = try await createExec(container: container, spec: spec)
        var result = ExecResult(exitCode: -1)
        do {
            for try await chunk in try await startExec(id: execID) {
                switch chunk.stream {
                case .stdout: result.stdout += chunk.bytes
                case .stderr: result.stderr += chunk.bytes
                case .stdin: break
                }
            }
        } catch {
            throw DockerError.wrapping(error)
        }
        result.exitCode = try await exitCode(ofExec: execID)
        return result
    }

    /// The exit code of an exec whose output has ended. The engine records it just
    /// after closing the output, so a brief "still running" is waited out.
    public func exitCode(ofExec id: String) async throws(DockerError) -> Int {
        for attempt in 0..<50 {
            let inspect = try await inspectExec(id: id)
            if !inspect.running, let exitCode = inspect.exitCode { return exitCode }
            do {
                try await Task.sleep(for: .milliseconds(min(10 * (attempt + 1), 100)))
            } catch {
                throw .cancelled
            }
        }
        throw .timeout(operation: "exit code of exec \(id)")
    }

    /// Creates and starts an exec with stdin attached, over a hijacked connection.
    public func execAttached(container: String, spec: ExecSpec) async throws(DockerError) -> ExecSession {
        var spec = spec
        spec.attachStdin = true
        let execID = try await createExec(container: container, spec: spec)
        return try await startExecAttached(id: execID, tty: spec.tty)
    }

    /// Starts a created exec (made with `attachStdin`) and takes over its connection:
    /// the engine answers `101 UPGRADED` and from then on the socket carries stdin to
    /// the process and its output back.
    public func startExecAttached(id: String, tty: Bool = false) async throws(DockerError) -> ExecSession {
        let body = Array(#"{"Detach":false,"Tty":\#(tty)}"#.utf8)
        let head = """
            POST \(apiVersion.pathPrefix)/exec/\(id.pathEscaped)/start HTTP/1.1\r
            Host: localhost\r
            Content-Type: application/json\r
            Content-Length: \(body.count)\r
            Connection: Upgrade\r
            Upgrade: tcp\r
            \r

            """
        let (connection, _, initialBytes) = try await HijackedConnection.open(
            socketPath: endpoint.socketPath,
            request: Array(head.utf8) + body,
            timeout: timeouts.request
        )
        let raw = connection.incoming(startingWith: initialBytes)
        let output: AsyncThrowingStream<OutputChunk, any Error> = tty
            ? .decoding(raw, with: RawStreamDecoder())
            : .decoding(raw, with: MultiplexedStreamDecoder())
        return ExecSession(id: id, output: output, connection: connection, client: self)
    }
}
