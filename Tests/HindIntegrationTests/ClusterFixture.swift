import DockerEngine
import Foundation
import HindCluster
import HindTestSupport
import Testing

/// Helpers for tests that bring up real clusters from the offline image with the `hind`
/// binary, as a user would, and check the engine afterwards by label.
enum ClusterFixture {
    static let image = ImageProfile.offlineReference

    /// A cluster name unique to this test run.
    static func name(_ prefix: String) -> String {
        "it-\(prefix)-\(UUID().uuidString.prefix(6).lowercased())"
    }

    /// `hind ARGS`, failing the test with hind's stderr when the exit code differs.
    @discardableResult
    static func hind(_ arguments: [String], expect status: Int32 = 0, stdin: URL? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> HindProcess.Result {
        let result = try HindProcess.run(arguments, stdin: stdin)
        #expect(result.status == status, "hind \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// `hind exec --name NAME NODE -- sh -c SCRIPT`, returning its stdout.
    static func sh(_ cluster: String, _ node: String, _ script: String,
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try hind(["exec", "--name", cluster, node, "--", "sh", "-c", script], sourceLocation: sourceLocation).stdout
    }

    /// Every container, network and volume carrying the cluster's label.
    static func objects(of cluster: String) async throws -> [String] {
        let client = try await TestEngine.client()
        let labels = [ClusterLabels.cluster: cluster]
        return try await client.listContainers(labels: labels, all: true).map(\.name)
            + client.listNetworks(labels: labels).map(\.name)
            + client.listVolumes(labels: labels).map(\.name)
    }

    /// Removes the cluster whatever happened in the test; synchronous, so a `defer`
    /// finishes it before the test (and the test process) ends.
    static func cleanUp(_ clusters: String...) {
        for cluster in clusters { _ = try? HindProcess.run(["down", "--name", cluster]) }
    }

    static func statusJSON(_ cluster: String) throws -> [String: Any] {
        let result = try hind(["status", "--name", cluster, "-o", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }
}
