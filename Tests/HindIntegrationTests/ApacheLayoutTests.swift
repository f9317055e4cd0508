import DockerEngine
import Foundation
import HindCluster
import HindTestSupport
import Testing

/// The path of Apache's own image, on `hind/hadoop:2.7.3-apache-layout`: laid out like
/// apache/hadoop:3 (user hadoop 1000:100, no HADOOP_HOME, a root-owned `VOLUME /data`,
/// no io.hind labels) around the offline HDFS jars. Real daemons, through `hind up` and
/// through `hind render` + docker-compose, each stopped and started again.
@Suite("Apache's image layout", .serialized, .requiresDockerEngine)
struct ApacheLayoutTests {
    static let image = "hind/hadoop:2.7.3-apache-layout"

    @Test func hindUpRunsItAsTheImagesUserAndKeepsDataAcrossStopAndStart() async throws {
        let name = ClusterFixture.name("apache")
        defer { ClusterFixture.cleanUp(name) }
        // The image declares VOLUME /data: looking into it must leave no anonymous volume.
        let client = try await TestEngine.client()
        let volumesBefore = Set(try await client.listVolumes().map(\.name))
        // No --components: hind reads from the image's files that it has HDFS only.
        let up = try ClusterFixture.hind(["up", "-c", "3", "--name", name, "--image", Self.image])
        #expect(up.stdout.contains("is ready: HDFS 3/3 DataNodes live"), "\(up.stderr)")
        #expect(up.stderr.contains("3 workers; hdfs; Hadoop 2.x"), "\(up.stderr)")

        // The daemons and hind exec run as the image's user, with gid 100; the data
        // directory, root's in the image, is theirs.
        #expect(try ClusterFixture.sh(name, "namenode", "id -u; id -g") == "1000\n100\n")
        #expect(try ClusterFixture.sh(name, "worker-2", "stat -c %u:%g /data") == "1000:100\n")
        // A relative path lands in /user/hadoop.
        _ = try ClusterFixture.sh(name, "namenode", "cd /tmp && echo apache > kept.txt && hdfs dfs -D dfs.replication=3 -put kept.txt kept.txt")
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /user/hadoop/kept.txt") == "apache\n")
        // The daemons log to the console with hind's log4j.properties (the image's own
        // is in place under HADOOP_CONF_DIR too).
        let logs = try ClusterFixture.hind(["logs", "--name", name, "namenode"])
        #expect((logs.stdout + logs.stderr).contains("INFO namenode.NameNode: STARTUP_MSG"))
        #expect(!(logs.stdout + logs.stderr).contains("No appenders could be found"))

        try ClusterFixture.hind(["stop", "--name", name])
        let started = try ClusterFixture.hind(["start", "--name", name])
        #expect(started.stdout.contains("HDFS 3/3 DataNodes live"), "\(started.stderr)")
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat kept.txt") == "apache\n")
        try ClusterFixture.hind(["down", "--name", name])
        #expect(try await ClusterFixture.objects(of: name).isEmpty)
        let left = Set(try await client.listVolumes().map(\.name)).subtracting(volumesBefore)
        #expect(left.isEmpty, "volumes left behind: \(left)")
    }

    @Test func renderAndDockerComposeRunItToo() async throws {
        let name = ClusterFixture.name("apcompose")
        let directory = try TemporaryDirectory()
        let compose = ["docker-compose", "-p", name, "-f", directory.appending("compose.yaml").path]
        defer { _ = try? HostCommand.run(compose + ["down", "-v", "--timeout", "5"]) }
        // Without an engine render cannot read the image's user: --image-user says it.
        try ClusterFixture.hind(["render", "-c", "3", "--name", name, "--image", Self.image, "--components", "hdfs",
                                 "--image-user", "hadoop", "--output-dir", directory.url.path])
        let up = try HostCommand.run(compose + ["up", "-d"])
        #expect(up.status == 0, "\(up.output)")

        let exec = compose + ["exec", "-T", "-u", "hadoop", "namenode"]
        let live = try await eventually({
            try HostCommand.run(exec + ["sh", "-c", "hdfs dfsadmin -report 2>/dev/null | grep 'Live datanodes'"]).output
        }, until: { $0.contains("(3)") })
        #expect(live.contains("Live datanodes (3)"), "\(live)")
        let put = try HostCommand.run(exec + ["sh", "-c", "echo composed | hdfs dfs -put - /composed.txt && stat -c %u:%g /data"])
        #expect(put.output.hasSuffix("1000:100\n"), "\(put.output)")

        #expect(try HostCommand.run(compose + ["stop"]).status == 0)
        #expect(try HostCommand.run(compose + ["start"]).status == 0)
        let read = try await eventually({
            try HostCommand.run(exec + ["sh", "-c", "hdfs dfs -cat /composed.txt 2>/dev/null"]).output
        }, until: { $0 == "composed\n" })
        #expect(read == "composed\n", "the data survives docker-compose stop and start")
    }

    /// What `scripts/verify-apache-image` can check here: the HDFS half, YARN reported as
    /// skipped (the image has none).
    @Test func theVerifyScriptPassesItsHDFSChecksAndSkipsYARN() async throws {
        let name = ClusterFixture.name("verify")
        defer { ClusterFixture.cleanUp(name) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try HostCommand.run(
            [root.appendingPathComponent("scripts/verify-apache-image").path, Self.image],
            environment: ["HIND": HindProcess.binary.path, "VERIFY_NAME": name])
        #expect(result.status == 0, "\(result.output)")
        for check in ["HDFS: 3 DataNodes live", "HDFS: 8 MB, replication 3, reads back identical", "HDFS: relative paths land in the user's home", "hind down"] {
            #expect(result.output.contains("| \(check) | ✓ |"), "\(check): \(result.output)")
        }
        #expect(result.output.contains("| MapReduce: pi 2 10, wordcount | skipped: \(Self.image) has no YARN |"))
        #expect(try await ClusterFixture.objects(of: name).isEmpty)
    }
}
