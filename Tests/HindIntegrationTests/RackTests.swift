import Foundation
import HindCluster
import HindTestSupport
import Testing

/// Rack-aware clusters on real daemons: the NameNode's own topology and block placement,
/// kept across stop/start, the same from a Compose project, and bad layouts refused.
@Suite("Racks", .serialized, .requiresDockerEngine)
struct RackIntegrationTests {
    /// `hdfs dfsadmin -printTopology`: each rack with the node names of its DataNodes
    /// (the NameNode prints each address with its reverse name, `<container>.<network>`).
    static func topology(_ text: String, cluster: String) -> [String: Set<String>] {
        var racks: [String: Set<String>] = [:]
        var current: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("Rack: ") {
                current = String(line.dropFirst("Rack: ".count))
                racks[current!] = []
            } else if let current, let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")") {
                let name = line[line.index(after: open)..<close].split(separator: ".")[0]
                racks[current]?.insert(String(name.dropFirst(cluster.count + 1)))
            }
        }
        return racks
    }

    static let expected: [String: Set<String>] = ["/rack-1": ["worker-1", "worker-3"], "/rack-2": ["worker-2", "worker-4"]]

    @Test func fourWorkersOnTwoRacks() async throws {
        let name = ClusterFixture.name("racks")
        defer { ClusterFixture.cleanUp(name) }
        try ClusterFixture.hind(["up", "-c", "4", "--racks", "2", "--name", name, "--image", ClusterFixture.image])
        let printed = try ClusterFixture.sh(name, "namenode", "hdfs dfsadmin -printTopology 2>/dev/null")
        #expect(Self.topology(printed, cluster: name) == Self.expected, "\(printed)")

        // Replication 3 over 2 racks: every block on both (BlockPlacementPolicyDefault).
        let fsck = try ClusterFixture.sh(name, "namenode", """
            head -c 3000000 /dev/urandom > /tmp/f && hdfs dfs -D dfs.blocksize=1048576 -D dfs.replication=3 -put /tmp/f /f \
            && hdfs fsck /f -files -blocks -racks 2>/dev/null
            """)
        let blocks = fsck.split(separator: "\n").filter { $0.contains(" repl=3 ") }
        #expect(blocks.count == 3, "\(fsck)")
        for block in blocks {
            #expect(block.contains("/rack-1/") && block.contains("/rack-2/"), "\(block)")
        }

        // status shows the racks, in text and JSON.
        let status = try ClusterFixture.statusJSON(name)
        let racks = (status["nodes"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) { $0[$1["name"] as! String] = $1["rack"] as? String }
        #expect(racks == ["worker-1": "/rack-1", "worker-2": "/rack-2", "worker-3": "/rack-1", "worker-4": "/rack-2"])
        #expect(try ClusterFixture.hind(["status", "--name", name]).stdout.contains("RACK"))

        // The smoke checks include rack placement.
        let smoke = try ClusterFixture.hind(["smoke", "--name", name, "--only", "hdfs", "-o", "json"]).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(smoke.utf8)) as? [String: Any])
        let check = (report["results"] as? [[String: Any]])?.first { $0["name"] as? String == "hdfs.racks" }
        #expect(check?["outcome"] as? String == "passed", "\(smoke)")

        // Stop and start: the same topology (containers get new addresses).
        try ClusterFixture.hind(["stop", "--name", name])
        try ClusterFixture.hind(["start", "--name", name])
        let again = try ClusterFixture.sh(name, "namenode", "hdfs dfsadmin -printTopology 2>/dev/null")
        #expect(Self.topology(again, cluster: name) == Self.expected, "\(again)")
    }

    @Test func aComposeProjectHasTheSameTopology() async throws {
        let name = ClusterFixture.name("rackcompose")
        let directory = try TemporaryDirectory()
        let compose = ["docker-compose", "-p", name, "-f", directory.appending("compose.yaml").path]
        defer { _ = try? HostCommand.run(compose + ["down", "-v", "--timeout", "5"]) }
        try ClusterFixture.hind(["render", "-c", "4", "--racks", "2", "--name", name, "--image", ClusterFixture.image,
                                 "--output-dir", directory.url.path])
        #expect(directory.files(under: "conf").contains("topology.sh"))
        let up = try HostCommand.run(compose + ["up", "-d"])
        #expect(up.status == 0, "\(up.output)")
        let exec = compose + ["exec", "-T", "-u", "hadoop", "namenode"]
        let printed = try await eventually({
            try HostCommand.run(exec + ["sh", "-c", "hdfs dfsadmin -printTopology 2>/dev/null"]).output
        }, until: { Self.topology($0, cluster: name) == Self.expected })
        #expect(Self.topology(printed, cluster: name) == Self.expected, "\(printed)")
    }

    @Test(arguments: [
        (["--racks", "0"], "--racks 0 is out of range for 3 workers"),
        (["--racks", "4"], "--racks 4 is out of range for 3 workers: use --racks 1 to --racks 3"),
        (["--rack", "worker-2=rack-1"], "a rack is a path such as /rack-1"),
        (["--rack", "worker-7=/rack-1"], "the cluster has no worker worker-7"),
        (["--rack", "worker-1=/rack-1", "--rack", "worker-1=/rack-2"], "worker-1 is placed twice"),
        (["--racks", "2", "--rack", "worker-3=/dc1/rack-2"], "have different depths"),
    ])
    func badLayoutsAreRefused(_ arguments: [String], mentions: String) async throws {
        try await UpBadInputTests.refuse(["-c", "3", "--image", ClusterFixture.image] + arguments, status: 2, mentions: mentions)
    }
}
