import DockerEngine
import Foundation
import Testing

/// The Docker engine the integration tests run against, and helpers they share.
///
/// Suites that need the engine declare `@Suite(.requiresDockerEngine)` (or
/// `.enabled(if: TestEngine.isAvailable, ...)`): without an engine they are skipped
/// with a note saying how to start one — except under CI (`CI=true`), where a missing
/// engine must fail the run rather than pass it silently.
public enum TestEngine {
    /// The endpoint from `DOCKER_HOST`, or the default socket.
    public static let endpoint: EngineEndpoint =
        (try? EngineEndpoint.fromEnvironment()) ?? EngineEndpoint()

    /// Whether engine tests should run: always under CI, else if the engine answers a
    /// ping within a second. Probed once per process, synchronously and without Swift
    /// concurrency (trait conditions may be evaluated on the cooperative pool, which
    /// must not be blocked waiting for itself).
    public static let isAvailable: Bool = {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        return SocketProbe.answersPing(socketPath: endpoint.socketPath, timeoutMilliseconds: 1000)
    }()

    /// Why engine tests are skipped.
    public static var unavailableReason: Comment {
        Comment(rawValue: "no Docker engine answers on \(endpoint.socketPath): run scripts/setup-engine (or set DOCKER_HOST=unix:///path)")
    }

    /// The label key carried by everything the tests create.
    public static let labelKey = "io.hind.test"

    /// A fresh label value for one test run, so parallel runs and leftovers of
    /// crashed runs never collide.
    public static func makeRunID(_ prefix: String = "run") -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// A connected client.
    public static func client() async throws -> DockerClient {
        try await DockerClient.connect(endpoint: endpoint)
    }

    /// Runs `body` with labels `[io.hind.test: <fresh id>]` and removes every object
    /// carrying them afterwards, whether `body` succeeded or threw.
    public static func withLabeledObjects<Result: Sendable>(
        prefix: String = "run",
        _ body: (DockerClient, _ labels: [String: String]) async throws -> Result
    ) async throws -> Result {
        let client = try await client()
        let labels = [labelKey: makeRunID(prefix)]
        let result: Result
        do {
            result = try await body(client, labels)
        } catch {
            try? await removeAll(labeled: labels, using: client)
            throw error
        }
        try await removeAll(labeled: labels, using: client)
        return result
    }

    /// Removes every container (forced, with its anonymous volumes), network, volume
    /// and image carrying all of `labels`. Objects already gone are not an error.
    public static func removeAll(labeled labels: [String: String], using client: DockerClient) async throws {
        precondition(!labels.isEmpty, "refusing to remove every object of the engine")
        for container in try await client.listContainers(labels: labels, all: true) {
            try await ignoringNotFound { try await client.removeContainer(id: container.id, force: true, removeVolumes: true) }
        }
        for network in try await client.listNetworks(labels: labels) {
            try await ignoringNotFound { try await client.removeNetwork(id: network.id) }
        }
        for volume in try await client.listVolumes(labels: labels) {
            try await ignoringNotFound { try await client.removeVolume(name: volume.name, force: true) }
        }
        for image in try await client.listImages(labels: labels) {
            try await ignoringNotFound { try await client.removeImage(reference: image.id, force: true) }
        }
    }

    private static func ignoringNotFound(_ operation: () async throws -> Void) async throws {
        do {
            try await operation()
        } catch DockerError.notFound {
            // Removed meanwhile (auto-remove, a parallel cleanup): the goal is reached.
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the suite or test only when ``TestEngine/isAvailable``.
    public static var requiresDockerEngine: Self {
        .enabled(if: TestEngine.isAvailable, TestEngine.unavailableReason)
    }
}
