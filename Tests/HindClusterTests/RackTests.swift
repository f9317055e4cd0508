import Foundation
@testable import HindCluster
import Testing

/// Racks: the layout `--racks`/`--rack` describe, its refusals, and the topology script
/// the NameNode runs, exercised with a stand-in resolver.
@Suite struct RackTests {
    static func spec(workers: Int, count: Int? = nil, placements: [String] = []) throws -> ClusterSpec {
        try ClusterSpec(name: ClusterName("demo"), workers: workers, image: ImageProfile.guess(reference: "hind/hadoop:2.7.3-offline"),
                        racks: RackLayout.parse(count: count, placements: placements))
    }

    @Test func workersGoRoundRobinUnlessPlaced() throws {
        let topology = Topology(spec: try Self.spec(workers: 5, count: 2, placements: ["worker-5=/rack-1"]))
        #expect(topology.workers.map(\.rack) == ["/rack-1", "/rack-2", "/rack-1", "/rack-2", "/rack-1"])
        #expect(topology.node(named: "namenode")?.rack == nil)
        #expect(Topology(spec: try Self.spec(workers: 2)).workers.map(\.rack) == [nil, nil])
        // Only placements: the others in Hadoop's default rack.
        let placed = Topology(spec: try Self.spec(workers: 3, placements: ["worker-2=/rack-b"]))
        #expect(placed.workers.map(\.rack) == ["/default-rack", "/rack-b", "/default-rack"])
    }

    @Test(arguments: [
        (3, 0, [String](), "--racks 0 is out of range for 3 workers: use --racks 1 to --racks 3"),
        (3, 4, [], "--racks 4 is out of range for 3 workers"),
        (3, nil, ["worker-2=rack-1"], "invalid --rack 'worker-2=rack-1': a rack is a path such as /rack-1"),
        (3, nil, ["worker-2=/"], "a rack is a path"),
        (3, nil, ["worker-2=/a//b"], "a rack is a path"),
        (3, nil, ["worker-2"], "use NODE=/RACK"),
        (3, nil, ["worker-9=/rack-1"], "the cluster has no worker worker-9: place worker-1 to worker-3"),
        (3, nil, ["namenode=/rack-1"], "the cluster has no worker namenode"),
        (3, nil, ["worker-1=/rack-1", "worker-1=/rack-2"], "worker-1 is placed twice"),
        (3, 2, ["worker-3=/dc1/rack-2"], "racks /rack-1 and /dc1/rack-2 have different depths"),
    ] as [(Int, Int?, [String], String)])
    func badLayoutsAreRefused(workers: Int, count: Int?, placements: [String], message: String) {
        #expect {
            _ = try Self.spec(workers: workers, count: count, placements: placements)
        } throws: { error in
            "\(error)".contains(message) && "\(error)".split(separator: "\n").count == 1
        }
    }

    @Test func theSpecRecordsTheRacks() throws {
        let spec = try Self.spec(workers: 4, count: 2, placements: ["worker-4=/rack-1"])
        let decoded = try JSONDecoder().decode(ClusterSpec.self, from: JSONEncoder().encode(spec))
        #expect(decoded.racks == spec.racks)
        // A label from before racks existed decodes as a flat cluster.
        var old = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try Self.spec(workers: 2))) as! [String: Any]
        old.removeValue(forKey: "racks")
        #expect(try JSONDecoder().decode(ClusterSpec.self, from: JSONSerialization.data(withJSONObject: old)).racks == nil)
    }

    @Test func onlyARackedClusterGetsTheScript() throws {
        let racked = RenderedCluster(topology: Topology(spec: try Self.spec(workers: 2, count: 2)))
        #expect(racked.configFiles.map(\.path).contains("conf/topology.sh"))
        #expect(racked.configFiles.first { $0.path == "conf/topology.sh" }?.mode == 0o755)
        let core = try #require(racked.configFiles.first { $0.path == "conf/core-site.xml" }).contents
        #expect(core.contains("<name>net.topology.script.file.name</name>") && core.contains("<value>/hind/conf/topology.sh</value>"))
        let node = try #require(racked.topology.node(named: "namenode"))
        #expect(racked.containerFiles(for: node).first { $0.path == "/hind/conf/topology.sh" }?.mode == 0o755)
        let flat = RenderedCluster(topology: Topology(spec: try Self.spec(workers: 2)))
        #expect(!flat.configFiles.map(\.path).contains("conf/topology.sh"))
        #expect(!(flat.configFiles.first { $0.path == "conf/core-site.xml" }?.contents.contains("net.topology") ?? true))
    }

    /// The script as the NameNode runs it: addresses resolved to container names through
    /// `getent` (a stand-in here answering as the engine's DNS does), names from the table,
    /// later workers round-robin, anything else in the default rack.
    @Test func theScriptMapsAddressesAndNames() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hind-racks-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let topology = Topology(spec: try Self.spec(workers: 3, count: 2, placements: ["worker-3=/rack-9"]))
        try RackTopologyScript.script.write(to: directory.appendingPathComponent("topology.sh"), atomically: true, encoding: .utf8)
        try RackTopologyScript.table(topology).write(to: directory.appendingPathComponent("racks"), atomically: true, encoding: .utf8)
        try """
            #!/bin/sh
            case "$2" in
                172.18.0.3) echo "172.18.0.3      demo-worker-1.demo-net" ;;
                172.18.0.4) echo "172.18.0.4      demo-worker-3.demo-net" ;;
                172.18.0.9) echo "172.18.0.9      demo-worker-6.demo-net" ;;
                *) exit 2 ;;
            esac
            """.write(to: directory.appendingPathComponent("bin/getent"), atomically: true, encoding: .utf8)
        for file in ["topology.sh", "bin/getent"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.appendingPathComponent(file).path)
        }
        let process = Process()
        process.executableURL = directory.appendingPathComponent("topology.sh")
        process.arguments = ["172.18.0.3", "172.18.0.4", "worker-2", "172.18.0.9", "10.0.0.1", "namenode"]
        process.environment = ["PATH": directory.appendingPathComponent("bin").path + ":/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(output == "/rack-1\n/rack-9\n/rack-2\n/rack-2\n/default-rack\n/default-rack\n")
    }

    @Test func theDefaultRackHasTheRacksDepth() throws {
        let deep = Topology(spec: try Self.spec(workers: 2, placements: ["worker-1=/dc1/r1", "worker-2=/dc1/r2"]))
        #expect(RackTopologyScript.table(deep).contains("default /default/default-rack\n"))
    }
}
