import Foundation
import HindCluster
import HindTestSupport
import Testing

/// Every way `hind up` can be refused: one line naming the problem and the fix, a
/// non-zero exit, and no object left with the cluster's label.
@Suite("hind up refuses", .serialized, .requiresDockerEngine)
struct UpBadInputTests {
    static func refuse(_ arguments: [String], status: Int32, mentions: String, name: String = ClusterFixture.name("bad"),
                       executable: [String] = [], environment: [String: String] = [:],
                       sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let result = try HindProcess.run(["up", "--name", name] + arguments, environment: environment, executable: executable)
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(mentions), "\(result.stderr)", sourceLocation: sourceLocation)
        // Step lines may come first (kind-style); the error itself is one line, the last.
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("error: ") }.count == 1 && lines.last?.hasPrefix("error: ") == true,
                "one error line, last: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try await ClusterFixture.objects(of: name).isEmpty, "nothing left", sourceLocation: sourceLocation)
    }

    @Test func unreachableEngine() async throws {
        try await Self.refuse(["--image", ClusterFixture.image], status: 1, mentions: "cannot reach the Docker engine at /nonexistent/docker.sock",
                              environment: ["DOCKER_HOST": "unix:///nonexistent/docker.sock"])
    }

    @Test func socketNotPermitted() async throws {
        // As an unprivileged user (nobody), the root-owned socket refuses the connection.
        try await Self.refuse(["--image", ClusterFixture.image], status: 1, mentions: "permission denied",
                              executable: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"])
    }

    @Test func missingImageThatCannotBePulled() async throws {
        try await Self.refuse(["--image", "hind-test/no-such-image:1"], status: 1,
                              mentions: "image hind-test/no-such-image:1 is not present and cannot be pulled")
    }

    @Test func yarnOnTheHDFSOnlyImage() async throws {
        try await Self.refuse(["--image", ClusterFixture.image, "--components", "hdfs,yarn"], status: 2,
                              mentions: "ships hdfs only and cannot run yarn")
    }

    @Test func memoryTooSmallForADaemon() async throws {
        try await Self.refuse(["--image", ClusterFixture.image, "--memory", "128m"], status: 2, mentions: "too small for the daemons")
    }

    @Test func busyFixedHostPort() async throws {
        let listener = try TCPListener()
        try await Self.refuse(["--image", ClusterFixture.image, "--namenode-port", String(listener.port)], status: 1,
                              mentions: "host port \(listener.port) is in use")
    }

    @Test func distributionThatIsNotOne() async throws {
        let directory = try TemporaryDirectory()
        try await Self.refuse(["--image", ClusterFixture.image, "--dist", directory.url.path], status: 2,
                              mentions: "is not a Hadoop distribution (no executable bin/hdfs)")
    }

    /// The base image has a JRE and no Hadoop: refused before anything is created,
    /// naming --dist (it ran and exited 127 before).
    @Test func imageWithoutHadoop() async throws {
        try await Self.refuse(["--image", "hind/base:bookworm-jre17"], status: 2,
                              mentions: "image hind/base:bookworm-jre17 has no Hadoop distribution (no hdfs command on its PATH or in /opt/hadoop/bin): mount one with --dist")
    }

    @Test(arguments: ["root", "a b", "x:y:z"])
    func badImageUser(_ user: String) async throws {
        try await Self.refuse(["--image", ClusterFixture.image, "--image-user", user], status: 2, mentions: "invalid --image-user")
    }

    @Test(arguments: ["soon", "0s", "3000000000000000h"])
    func badWaitDuration(_ wait: String) async throws {
        try await Self.refuse(["--wait", wait], status: 2, mentions: "--wait")
    }

    @Test func nameThatExists() async throws {
        let name = ClusterFixture.name("dup")
        defer { ClusterFixture.cleanUp(name) }
        try ClusterFixture.hind(["up", "-c", "1", "--name", name, "--image", ClusterFixture.image])
        let again = try HindProcess.run(["up", "-c", "1", "--name", name, "--image", ClusterFixture.image])
        #expect(again.status == 1)
        #expect(again.stderr.contains("cluster '\(name)' already exists"))
        #expect(try ClusterFixture.statusJSON(name)["ready"] as? Bool == true, "the existing cluster is untouched")
    }

    @Test func verbsOnClustersAndNodesThatDoNotExist() throws {
        let name = ClusterFixture.name("none")
        let config = try TemporaryDirectory()
        for verb in [["status"], ["stop"], ["start"], ["logs"], ["exec", "namenode", "--", "true"], ["client-config", config.appending("conf").path]] {
            let result = try HindProcess.run([verb[0], "--name", name] + verb.dropFirst())
            #expect(result.status == 1, "\(verb)")
            #expect(result.stderr.contains("no cluster named '\(name)'"), "\(verb): \(result.stderr)")
        }
        let noCommand = try HindProcess.run(["exec", "--name", name, "namenode"])
        #expect(noCommand.status == 2)
        #expect(noCommand.stderr.contains("no command given"))
    }
}
