import DockerEngine
import Foundation
import HindTestSupport
import Testing

/// What a caller sees when the engine is missing, or something else sits on the socket.
/// None of these need a running engine.
@Suite struct EngineErrorTests {
    @Test func missingSocketIsUnreachableWithThePath() async throws {
        let path = "/tmp/hind-no-such-\(UUID().uuidString.prefix(8)).sock"
        await #expect(throws: DockerError.engineUnreachable(socketPath: path, reason: "no such file")) {
            try await DockerClient.connect(endpoint: EngineEndpoint(socketPath: path))
        }
        let error = await #expect(throws: DockerError.self) {
            try await DockerClient.connect(endpoint: EngineEndpoint(socketPath: path))
        }
        #expect(error?.description.contains("start it with scripts/setup-engine") == true)
    }

    @Test func socketNobodyListensOnRefusesTheConnection() async throws {
        let stub = try UnixSocketStub(response: nil)
        defer { stub.stop() }
        await #expect(throws: DockerError.engineUnreachable(socketPath: stub.path, reason: "connection refused")) {
            try await DockerClient.connect(endpoint: EngineEndpoint(socketPath: stub.path))
        }
    }

    @Test func httpServerThatIsNotAnEngineIsRecognised() async throws {
        let stub = try UnixSocketStub(response: "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found")
        defer { stub.stop() }
        let error = await #expect(throws: DockerError.self) {
            try await DockerClient.connect(endpoint: EngineEndpoint(socketPath: stub.path))
        }
        guard case .notAnEngine(let path, let detail) = error else {
            Issue.record("expected notAnEngine, got \(String(describing: error))")
            return
        }
        #expect(path == stub.path)
        #expect(detail.contains("404"))
    }

    @Test func engineTooOldIsVersionUnsupported() async throws {
        let stub = try UnixSocketStub(response: "HTTP/1.1 200 OK\r\nApi-Version: 1.24\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK")
        defer { stub.stop() }
        await #expect(throws: DockerError.versionUnsupported(server: "1.24", minimum: "1.41")) {
            try await DockerClient.connect(endpoint: EngineEndpoint(socketPath: stub.path))
        }
    }

    @Test func newerEngineIsSpokenToAtOurMaximum() async throws {
        let stub = try UnixSocketStub(response: "HTTP/1.1 200 OK\r\nApi-Version: 1.52\r\nServer: Docker/29.1.0 (linux)\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK")
        defer { stub.stop() }
        let client = try await DockerClient.connect(endpoint: EngineEndpoint(socketPath: stub.path))
        #expect(client.apiVersion == .maximumSupported)
    }

    @Test func tcpDockerHostIsRefusedClearly() async throws {
        let error = #expect(throws: DockerError.self) {
            try EngineEndpoint.fromEnvironment(["DOCKER_HOST": "tcp://127.0.0.1:2375"])
        }
        #expect(error == .unsupportedEndpoint("tcp://127.0.0.1:2375"))
    }

    @Test func nothingOnAPortIsATransportError() async throws {
        // Port 9 (discard) on loopback: nothing listens in the test environment.
        let error = await #expect(throws: TransportError.self) {
            try await HTTPGetter().get("http://127.0.0.1:9/", timeout: .seconds(2))
        }
        #expect(error?.kind == .couldNotConnect)
    }
}

@Suite(.requiresDockerEngine)
struct EngineNotFoundTests {
    @Test func missingObjectsAreNotFound() async throws {
        let client = try await TestEngine.client()
        let missing = "hind-test-missing-\(UUID().uuidString.prefix(8).lowercased())"
        await #expect(throws: DockerError.notFound(message: "No such container: \(missing)")) {
            try await client.inspectContainer(id: missing)
        }
        for operation in [
            { _ = try await client.inspectNetwork(id: missing) },
            { _ = try await client.inspectVolume(name: missing) },
            { _ = try await client.inspectImage(reference: "\(missing):1") },
            { try await client.removeContainer(id: missing, force: true) },
        ] as [@Sendable () async throws -> Void] {
            let error = await #expect(throws: DockerError.self) { try await operation() }
            #expect(error?.statusCode == 404)
        }
    }

    /// Nothing but the cancellation can end this wait; the time limit only guards a hang.
    @Test(.timeLimit(.minutes(1))) func cancellingAWaitForAnEventEndsIt() async throws {
        let client = try await TestEngine.client()
        let task = Task {
            // No object carries this label: only cancellation ends the wait.
            try await client.events(labels: [TestEngine.labelKey: "never-\(UUID().uuidString)"]).first { _ in true }
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        // Ended without an event: by cancellation (as an error or as the end of the stream).
        if case .success(let event?) = await task.result { Issue.record("an event arrived: \(event)") }
    }

    /// An engine that answers `_ping` and then nothing: a read fails within its short
    /// limit (10 s by default, was 120 s), naming the request and the socket.
    @Test(.timeLimit(.minutes(1)))
    func engineThatHangsAfterPingFailsInSeconds() async throws {
        let stub = try UnixSocketStub { line in
            line.hasPrefix("GET /_ping") ? Self.ping : nil
        }
        defer { stub.stop() }
        let client = try await DockerClient.connect(endpoint: EngineEndpoint(socketPath: stub.path))
        #expect(client.timeouts.read <= .seconds(10))
        let error = await #expect(throws: DockerError.self) {
            try await client.listContainers(labels: [:], all: true)
        }
        #expect(error == .timeout(operation: "GET /containers/json on \(stub.path)"))
        #expect(error?.description.contains("did not answer in time") == true)
    }

    /// An answer that is not the JSON expected names the request, the socket and the API
    /// version, on one line, instead of a `DecodingError` dump.
    @Test func undecodableAnswerNamesEndpointAndVersion() async throws {
        let stub = try UnixSocketStub { line in
            line.hasPrefix("GET /_ping") ? Self.ping : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 14\r\nConnection: close\r\n\r\n{\"not\": \"a list"
        }
        defer { stub.stop() }
        let client = try await DockerClient.connect(endpoint: EngineEndpoint(socketPath: stub.path))
        let error = await #expect(throws: DockerError.self) {
            try await client.listContainers(labels: [:], all: true)
        }
        let text = error?.description ?? ""
        #expect(text.contains("GET /containers/json on \(stub.path) (API 1.41): not valid JSON"))
        #expect(!text.contains("\n"))
        #expect(!text.contains("dataCorrupted"))
    }

    static let ping = "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK"
}
