import DockerEngine
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HindCluster
import HindTestSupport
import Testing

/// `hind smoke` and `up --smoke` on real clusters: all checks pass on a healthy one and
/// leave nothing behind; each fault makes the check that sees it fail, naming it.
@Suite("hind smoke", .serialized, .requiresDockerEngine)
struct SmokeTests {
    static func run(_ name: String, _ extra: [String] = [], expect status: Int32) throws -> (json: [String: Any], stderr: String) {
        let result = try ClusterFixture.hind(["smoke", "--name", name, "-o", "json"] + extra, expect: status)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (json, result.stderr)
    }

    static func outcome(_ json: [String: Any], _ check: String) -> String? {
        (json["results"] as? [[String: Any]])?.first { $0["name"] as? String == check }?["outcome"] as? String
    }

    static func leftovers(_ name: String) throws -> String {
        try ClusterFixture.sh(name, "namenode", "hdfs dfs -ls / | grep hind-smoke; ls -d /tmp/hind-smoke-* 2>/dev/null; true")
    }

    @Test func healthyClusterPassesAndEachFaultIsNamed() async throws {
        let name = ClusterFixture.name("smoke")
        defer { ClusterFixture.cleanUp(name) }
        // up --smoke passes on a healthy cluster (its default replication 1, for a fault below).
        let up = try ClusterFixture.hind(["up", "-c", "3", "--name", name, "--image", ClusterFixture.image, "--smoke",
                                          "--conf", "hdfs-site:dfs.replication=1"])
        #expect(up.stderr.contains("smoke: 8 passed, 0 failed, 5 skipped"), "\(up.stderr)")

        // Every HDFS, WebHDFS and UI check passes; JUnit with one testcase per check.
        let reports = try TemporaryDirectory()
        let junit = reports.appending("smoke.xml")
        let (json, stderr) = try Self.run(name, ["--junit", junit.path], expect: 0)
        #expect(json["passed"] as? Int == 8 && json["failed"] as? Int == 0 && json["skipped"] as? Int == 5, "\(json)")
        for check in ["hdfs.safe-mode", "hdfs.datanodes", "hdfs.write-read", "hdfs.fsck", "hdfs.namespace", "hdfs.report", "webhdfs.round-trip", "ui.namenode"] {
            #expect(Self.outcome(json, check) == "passed", "\(check): \(stderr)")
        }
        #expect(Self.outcome(json, "mapreduce.pi") == "skipped")
        #expect(Self.outcome(json, "hdfs.racks") == "skipped", "a flat cluster")
        #expect(Self.outcome(json, "hdfs.ha") == "skipped", "one NameNode")
        let parser = try #require(XMLParser(contentsOf: junit))
        final class Cases: NSObject, XMLParserDelegate {
            var testcases = 0, skipped = 0, failures = 0
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                if name == "testcase" { testcases += 1 }
                if name == "skipped" { skipped += 1 }
                if name == "failure" { failures += 1 }
            }
        }
        let cases = Cases()
        parser.delegate = cases
        #expect(parser.parse())
        #expect(cases.testcases == 13 && cases.skipped == 5 && cases.failures == 0)

        // Twice in a row: no smoke file left, in HDFS or in the container.
        _ = try Self.run(name, ["--only", "hdfs,webhdfs"], expect: 0)
        #expect(try Self.leftovers(name).isEmpty)

        // A user file forced above what 3 workers hold: fsck sees the under-replication;
        // the user's file is left as it is.
        _ = try ClusterFixture.sh(name, "namenode", "echo data > /tmp/u && hdfs dfs -put /tmp/u /user-file && hdfs dfs -setrep 5 /user-file")
        let underReplicated = try Self.run(name, ["--only", "hdfs"], expect: 1)
        #expect(Self.outcome(underReplicated.json, "hdfs.fsck") == "failed")
        #expect(underReplicated.stderr.contains("under-replicated"), "\(underReplicated.stderr)")
        #expect(underReplicated.stderr.contains("error: cluster '\(name)' failed 1 smoke check (hdfs.fsck)"), "\(underReplicated.stderr)")
        _ = try ClusterFixture.sh(name, "namenode", "hdfs dfs -rm -skipTrash /user-file")

        // Safe mode entered by hand: the NameNode's own words.
        _ = try ClusterFixture.sh(name, "namenode", "hdfs dfsadmin -safemode enter")
        let safeMode = try Self.run(name, ["--only", "hdfs"], expect: 1)
        #expect(Self.outcome(safeMode.json, "hdfs.safe-mode") == "failed")
        #expect(safeMode.stderr.contains("the NameNode is in safe mode: It was turned on manually"), "\(safeMode.stderr)")
        _ = try ClusterFixture.sh(name, "namenode", "hdfs dfsadmin -safemode leave")

        // A stopped DataNode container: HDFS still counts it live for a while; smoke does not.
        let client = try await TestEngine.client()
        try await client.stopContainer(id: "\(name)-worker-3", timeout: 1)
        let stopped = try Self.run(name, ["--only", "hdfs"], expect: 1)
        #expect(Self.outcome(stopped.json, "hdfs.datanodes") == "failed")
        #expect(stopped.stderr.contains("DataNode containers not running: worker-3 is exited"), "\(stopped.stderr)")
        #expect(try Self.leftovers(name).isEmpty, "failed runs clean up too")

        // A stopped cluster: nothing to check, and the fix.
        try ClusterFixture.hind(["stop", "--name", name])
        let refused = try ClusterFixture.hind(["smoke", "--name", name], expect: 1)
        #expect(refused.stderr.contains("cluster '\(name)' is stopped: its NameNode does not run"), "\(refused.stderr)")
    }

    /// With permissions enforced, the namespace check also proves a third user is refused.
    @Test func permissionsEnforcedAreChecked() async throws {
        let name = ClusterFixture.name("smokeperm")
        defer { ClusterFixture.cleanUp(name) }
        try ClusterFixture.hind(["up", "-c", "1", "--name", name, "--image", ClusterFixture.image, "--conf", "hdfs-site:dfs.permissions.enabled=true"])
        let (json, stderr) = try Self.run(name, ["--only", "hdfs"], expect: 0)
        let namespace = (json["results"] as? [[String: Any]])?.first { $0["name"] as? String == "hdfs.namespace" }
        #expect(namespace?["message"] as? String == "owner hind-smoke-other, renamed, mode 700 refused to a third user", "\(stderr)")
        #expect(try Self.leftovers(name).isEmpty)
    }

    /// A cluster whose HDFS refuses smoke's small blocks fails `up --smoke`, which removes it.
    @Test func upSmokeFailureRemovesTheCluster() async throws {
        let name = ClusterFixture.name("smokefail")
        defer { ClusterFixture.cleanUp(name) }
        let up = try ClusterFixture.hind(["up", "-c", "1", "--name", name, "--image", ClusterFixture.image, "--smoke",
                                          "--conf", "hdfs-site:dfs.namenode.fs-limits.min-block-size=2097152"], expect: 1)
        #expect(up.stderr.contains("smoke check"), "\(up.stderr)")
        #expect(up.stderr.contains("hdfs.write-read"), "\(up.stderr)")
        #expect(try await ClusterFixture.objects(of: name).isEmpty)
    }

    @Test func badInput() throws {
        let missing = ClusterFixture.name("none")
        let unknown = try HindProcess.run(["smoke", "--name", missing, "--only", "hdfs,pig"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown smoke check group 'pig'"))
        let absent = try HindProcess.run(["smoke", "--name", missing])
        #expect(absent.status == 1 && absent.stderr.contains("no cluster named '\(missing)'"), "\(absent.stderr)")
        let junit = try HindProcess.run(["smoke", "--name", missing, "--junit", "/proc/nope/smoke.xml"])
        #expect(junit.status == 2 && junit.stderr.contains("cannot write /proc/nope/smoke.xml: no such file or directory"), "\(junit.stderr)")
    }
}
