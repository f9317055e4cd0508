import Foundation
import HindCluster
import HindTestSupport
import Testing

/// `hind scale` on real daemons: growing adds workers Hadoop uses, shrinking
/// decommissions first and loses nothing, the new size survives stop/start, and what
/// cannot be done is refused in one line.
@Suite("Scale", .serialized, .requiresDockerEngine)
struct ScaleTests {
    /// The DataNode addresses of `nodes`, from the cluster network.
    static func addresses(_ cluster: String, _ nodes: [String]) async throws -> [String] {
        let client = try await TestEngine.client()
        let members = try await client.inspectNetwork(id: "\(cluster)-net").containers.values
        return nodes.compactMap { node in
            members.first { $0.name == "\(cluster)-\(node)" }.map { String($0.ipv4Address.prefix { $0 != "/" }) }
        }
    }

    static func workers(_ status: [String: Any]) -> [String] {
        (status["nodes"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }.filter { $0.hasPrefix("worker-") }
    }

    @Test func growThenShrinkWithDecommissionAndRestart() async throws {
        let name = ClusterFixture.name("scale")
        defer { ClusterFixture.cleanUp(name) }
        try ClusterFixture.hind(["up", "-c", "3", "--name", name, "--image", ClusterFixture.image])

        // 3 → 5: five live, and a new file's blocks land on the new workers too.
        let grown = try ClusterFixture.hind(["scale", "--name", name, "-c", "5"])
        #expect(grown.stdout.contains("HDFS 5/5 DataNodes live"), "\(grown.stdout)\(grown.stderr)")
        #expect(Self.workers(try ClusterFixture.statusJSON(name)) == ["worker-1", "worker-2", "worker-3", "worker-4", "worker-5"])
        let locations = try ClusterFixture.sh(name, "namenode", """
            head -c 6000000 /dev/urandom > /tmp/spread && hdfs dfs -D dfs.blocksize=1048576 -D dfs.replication=3 -put /tmp/spread /spread \
            && hdfs fsck /spread -files -blocks -locations 2>/dev/null
            """)
        let new = try await Self.addresses(name, ["worker-4", "worker-5"])
        #expect(new.count == 2)
        #expect(new.contains { locations.contains("\($0):") }, "the new workers hold blocks: \(locations)")

        // 5 → 4 with a replication-3 file: decommissioned first, nothing lost.
        let written = try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /spread | md5sum")
        let shrunk = try ClusterFixture.hind(["scale", "--name", name, "-c", "4"])
        #expect(shrunk.stderr.contains("Decommissioned worker-5"), "\(shrunk.stderr)")
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /spread | md5sum") == written)
        let fsck = try ClusterFixture.sh(name, "namenode", "hdfs fsck / 2>/dev/null")
        #expect(fsck.contains("is HEALTHY") && fsck.contains("Under-replicated blocks:\t0"), "\(fsck)")
        let left = try await ClusterFixture.objects(of: name)
        #expect(!left.contains("\(name)-worker-5") && !left.contains("\(name)-worker-5-data"), "\(left)")
        let status = try ClusterFixture.statusJSON(name)
        #expect(Self.workers(status) == ["worker-1", "worker-2", "worker-3", "worker-4"])
        #expect(status["condition"] as? String == "ready")

        // Growing again at once: a new worker-5 (which may get the removed one's address)
        // is not excluded, and the removed worker counts as neither live nor dead.
        let regrown = try ClusterFixture.hind(["scale", "--name", name, "-c", "5"])
        #expect(regrown.stdout.contains("HDFS 5/5 DataNodes live"), "\(regrown.stdout)\(regrown.stderr)")
        let hadoop = try ClusterFixture.statusJSON(name)["hadoop"] as? [String: Any]
        #expect(hadoop?["deadDataNodes"] as? Int == 0, "\(hadoop ?? [:])")
        try ClusterFixture.hind(["scale", "--name", name, "-c", "4"])

        // The new size survives stop/start.
        try ClusterFixture.hind(["stop", "--name", name])
        let started = try ClusterFixture.hind(["start", "--name", name])
        #expect(started.stdout.contains("HDFS 4/4 DataNodes live"), "\(started.stdout)")
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /spread | md5sum") == written)
    }

    /// 3 → 2 with a replication-3 file: refused, nothing changed; forced: done, and the
    /// announced under-replication is what fsck reports.
    @Test func shrinkingBelowTheReplicationNeedsForce() async throws {
        let name = ClusterFixture.name("scaleforce")
        defer { ClusterFixture.cleanUp(name) }
        try ClusterFixture.hind(["up", "-c", "3", "--name", name, "--image", ClusterFixture.image])
        let written = try ClusterFixture.sh(name, "namenode", "head -c 3000000 /dev/urandom > /tmp/f && hdfs dfs -D dfs.blocksize=1048576 -D dfs.replication=3 -put /tmp/f /three && md5sum < /tmp/f")
        // Single-replica files, some of them (at random) on the worker that leaves: a
        // forced shrink must still move them before it goes.
        let singles = try ClusterFixture.sh(name, "namenode", """
            for i in 1 2 3 4 5 6 7 8; do head -c 100000 /dev/urandom > /tmp/s$i && hdfs dfs -D dfs.replication=1 -put /tmp/s$i /s$i; done; cat /tmp/s? | md5sum
            """)

        let refused = try ClusterFixture.hind(["scale", "--name", name, "-c", "2"], expect: 2)
        #expect(refused.stderr.contains("would leave 3 blocks of 1 file (/three) below their replication of up to 3"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").last?.hasPrefix("error: ") == true)
        #expect(Self.workers(try ClusterFixture.statusJSON(name)).count == 3, "nothing changed")

        let forced = try ClusterFixture.hind(["scale", "--name", name, "-c", "2", "--force"])
        #expect(forced.stderr.contains("--force: 3 blocks of 1 file (/three) will stay under-replicated"), "\(forced.stderr)")
        #expect(Self.workers(try ClusterFixture.statusJSON(name)) == ["worker-1", "worker-2"])
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /three | md5sum") == written)
        #expect(try ClusterFixture.sh(name, "namenode", "for i in 1 2 3 4 5 6 7 8; do hdfs dfs -cat /s$i; done | md5sum") == singles)
        let fsck = try ClusterFixture.sh(name, "namenode", "hdfs fsck / 2>/dev/null")
        #expect(fsck.contains("Under-replicated blocks:\t3"), "\(fsck)")
    }

    /// Racks carry over: a new worker gets its round-robin rack, and a shrink that would
    /// leave one rack of two is refused (HDFS would never finish it).
    @Test func scalingARackedCluster() async throws {
        let name = ClusterFixture.name("scaleracks")
        defer { ClusterFixture.cleanUp(name) }
        try ClusterFixture.hind(["up", "-c", "2", "--racks", "2", "--name", name, "--image", ClusterFixture.image])
        let refused = try ClusterFixture.hind(["scale", "--name", name, "-c", "1"], expect: 2)
        #expect(refused.stderr.contains("would leave them all in /rack-1"), "\(refused.stderr)")
        try ClusterFixture.hind(["scale", "--name", name, "-c", "3"])
        let printed = try ClusterFixture.sh(name, "namenode", "hdfs dfsadmin -printTopology 2>/dev/null")
        #expect(RackIntegrationTests.topology(printed, cluster: name) == ["/rack-1": ["worker-1", "worker-3"], "/rack-2": ["worker-2"]], "\(printed)")
        let racks = (try ClusterFixture.statusJSON(name)["nodes"] as? [[String: Any]] ?? []).compactMap { $0["rack"] as? String }
        #expect(racks == ["/rack-1", "/rack-2", "/rack-1"])
    }

    @Test func badRequestsAreRefused() async throws {
        let missing = ClusterFixture.name("noscale")
        let result = try HindProcess.run(["scale", "--name", missing, "-c", "2"])
        #expect(result.status == 1 && result.stderr.contains("no cluster named '\(missing)'"), "\(result.stderr)")
        for (count, message) in [("0", "worker count 0 is out of range"), ("51", "worker count 51 is out of range: use -c 1 to -c 50")] {
            let bad = try HindProcess.run(["scale", "--name", missing, "-c", count])
            #expect(bad.status == 2 && bad.stderr.contains(message), "\(bad.stderr)")
        }

        // A stopped cluster.
        let name = ClusterFixture.name("scalestop")
        defer { ClusterFixture.cleanUp(name) }
        try ClusterFixture.hind(["up", "-c", "1", "--name", name, "--image", ClusterFixture.image])
        try ClusterFixture.hind(["stop", "--name", name])
        let stopped = try ClusterFixture.hind(["scale", "--name", name, "-c", "2"], expect: 1)
        #expect(stopped.stderr.contains("is not fully running (namenode exited, worker-1 exited): start it with hind start --name \(name), then scale"), "\(stopped.stderr)")
        #expect(Self.workers(try ClusterFixture.statusJSON(name)) == ["worker-1"])
    }

    /// A cluster docker-compose started from `hind render` has no spec to scale.
    @Test func aComposeClusterIsRefused() async throws {
        let name = ClusterFixture.name("scalecompose")
        let directory = try TemporaryDirectory()
        let compose = ["docker-compose", "-p", name, "-f", directory.appending("compose.yaml").path]
        defer { _ = try? HostCommand.run(compose + ["down", "-v", "--timeout", "5"]) }
        try ClusterFixture.hind(["render", "-c", "1", "--name", name, "--image", ClusterFixture.image, "--output-dir", directory.url.path])
        #expect(try HostCommand.run(compose + ["up", "-d"]).status == 0)
        let refused = try ClusterFixture.hind(["scale", "--name", name, "-c", "2"], expect: 2)
        #expect(refused.stderr.contains("carries no hind spec (started by docker-compose from hind render?)"), "\(refused.stderr)")
    }
}
