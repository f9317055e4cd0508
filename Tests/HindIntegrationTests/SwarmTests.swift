import DockerEngine
import Foundation
import HindCluster
import HindTestSupport
import Testing

/// `hind up --swarm` on a real 3-host Swarm made by `scripts/swarm-testbed` (each host a
/// container running its own Docker engine), with real Hadoop daemons: refusals first,
/// then a cluster spread over the hosts that keeps a file readable when one host dies,
/// and a `down` that leaves nothing on any host.
@Suite("Docker Swarm", .serialized, .requiresDockerEngine)
struct SwarmTests {
    static let hosts = 3
    static var testbed: URL { Repository.root().appendingPathComponent("scripts/swarm-testbed") }
    static var socketDirectory: String { ProcessInfo.processInfo.environment["HIND_TESTBED_DIR"] ?? "/tmp/hind-swarm-testbed" }

    static func socket(ofHost host: Int) -> String { "\(socketDirectory)/host-\(host)/docker.sock" }
    static func environment(host: Int = 1) -> [String: String] { ["DOCKER_HOST": "unix://\(socket(ofHost: host))"] }

    /// `hind ARGS` against a host's engine (the manager by default).
    @discardableResult
    static func hind(_ arguments: [String], host: Int = 1, expect status: Int32 = 0, stdin: URL? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> HindProcess.Result {
        let result = try HindProcess.run(arguments, environment: environment(host: host), stdin: stdin)
        #expect(result.status == status, "hind \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    static func engine(ofHost host: Int) async throws -> DockerClient {
        try await DockerClient.connect(endpoint: EngineEndpoint(socketPath: socket(ofHost: host)))
    }

    /// Every hind object of `cluster` on a host's engine: containers, volumes, networks,
    /// and on the manager its services and configs.
    static func objects(of cluster: String, onHost host: Int) async throws -> [String] {
        let client = try await engine(ofHost: host)
        let labels = [ClusterLabels.cluster: cluster]
        var objects = try await client.listContainers(labels: labels, all: true).map { "container \($0.name)" }
            + client.listVolumes(labels: labels).map { "volume \($0.name)" }
            + client.listNetworks(labels: labels).map { "network \($0.name)" }
        if host == 1 {
            objects += try await client.listServices(labels: labels).map { "service \($0.name)" }
                + client.listConfigs(labels: labels).map { "config \($0.name)" }
        }
        return objects
    }

    /// A refusal: exit `status` (2: bad input), one error line naming `mentions`, nothing of the cluster added on the manager.
    static func refuse(_ arguments: [String], host: Int = 1, status: Int32 = 2, mentions: String, environment extra: [String: String] = [:],
                       name: String = ClusterFixture.name("swbad"), sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let before = try await objects(of: name, onHost: 1)
        let result = try HindProcess.run(["up", "--name", name, "--image", ClusterFixture.image] + arguments,
                                         environment: environment(host: host).merging(extra) { $1 })
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(mentions), "\(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.last?.hasPrefix("error: ") == true && lines.filter { $0.hasPrefix("error: ") }.count == 1,
                "one error line, last: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try await objects(of: name, onHost: 1) == before, "nothing left", sourceLocation: sourceLocation)
    }

    @Test func aClusterSpreadOverThreeHosts() async throws {
        let up = try HostCommand.run([Self.testbed.path, "up", "--hosts", String(Self.hosts)])
        defer { _ = try? HostCommand.run([Self.testbed.path, "down"]) }
        try #require(up.status == 0, "\(up.output)")

        // Refused before anything is created.
        try await Self.refuse(["--swarm"], mentions: "is not in a Swarm (state inactive)",
                              environment: ["DOCKER_HOST": "unix://\(TestEngine.endpoint.socketPath)"])
        try await Self.refuse(["--swarm"], host: 2, mentions: "is a Swarm worker, and only managers create services")
        try await Self.refuse(["--swarm", "--place", "worker-9=host-2"], mentions: "the cluster has no node worker-9")
        try await Self.refuse(["--swarm", "--place", "worker-1=host-9"], mentions: "the Swarm has no ready node host-9; use one of host-1, host-2, host-3")
        try await Self.refuse(["--swarm", "--place", "namenode=host-2"], mentions: "the NameNode runs on the manager hind talks to")
        try await Self.refuse(["--swarm", "--place", "worker-1"], mentions: "use NODE=SWARMNODE")
        try await Self.refuse(["--place", "worker-1=host-2"], mentions: "--place needs --swarm")
        try await Self.refuse(["--swarm", "--ha"], mentions: "--ha is not available on Swarm")
        try await Self.refuse(["--swarm", "--racks", "2"], mentions: "--racks is not available on Swarm")
        try await Self.refuse(["--swarm", "--smoke"], mentions: "--smoke is not available on Swarm")
        try await Self.refuse(["--swarm", "--dist", "/tmp"], mentions: "--dist is not available on Swarm")

        // An image only the manager has: the task Swarm gives host-2 is rejected, `up`
        // says so at once, and removes what it made.
        let build = try HostCommand.run(["sh", "-c", "printf 'FROM \(ClusterFixture.image)\\nLABEL io.hind.test=manager-only\\n' | docker build -q -t hind-test/manager-only:1 -"],
                                        environment: Self.environment())
        try #require(build.status == 0, "\(build.output)")
        let lonely = ClusterFixture.name("swimg")
        let rejected = try HindProcess.run(["up", "--swarm", "--name", lonely, "--image", "hind-test/manager-only:1", "-c", "1",
                                            "--place", "worker-1=host-2", "--wait", "60s"], environment: Self.environment())
        #expect(rejected.status == 1, "\(rejected.stderr)")
        #expect(rejected.stderr.contains("node worker-1's task rejected on Swarm node host-2: No such image")
                    && rejected.stderr.contains("load the image on every Swarm node"), "\(rejected.stderr)")
        #expect(try await Self.objects(of: lonely, onHost: 1).isEmpty)
        #expect(try await Self.objects(of: lonely, onHost: 2).isEmpty)

        let name = ClusterFixture.name("swarm")
        defer { _ = try? HindProcess.run(["down", "--name", name], environment: Self.environment()) }
        // worker-1 placed on host-2 (and so off the manager): Swarm spreads the others.
        let created = try Self.hind(["up", "--swarm", "--name", name, "--image", ClusterFixture.image, "-c", "3",
                                     "--place", "worker-1=host-2", "-o", "json"])
        let status = try #require(try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])
        #expect(status["ready"] as? Bool == true, "\(created.stdout)")
        #expect(created.stderr.contains("Creating and starting 4 services"), "\(created.stderr)")

        // Each host's own engine runs the tasks it was given; at least two hosts take part.
        var hostsByNode: [String: Int] = [:]
        for host in 1...Self.hosts {
            let containers = try await Self.engine(ofHost: host).listContainers(labels: [ClusterLabels.cluster: name], all: false)
            for container in containers { hostsByNode[container.labels[ClusterLabels.node] ?? "?"] = host }
        }
        #expect(Set(hostsByNode.keys) == ["namenode", "worker-1", "worker-2", "worker-3"], "\(hostsByNode)")
        #expect(hostsByNode["namenode"] == 1)
        #expect(hostsByNode["worker-1"] == 2)
        #expect(Set(hostsByNode.values).count >= 2, "\(hostsByNode)")
        let text = try Self.hind(["status", "--name", name]).stdout
        #expect(text.contains("SWARM NODE") && text.contains("host-2"), "\(text)")

        // A cluster of the manager's own engine next to it (here only a half-created one,
        // its volume: the host cannot reach ports published inside a test-bed host) is
        // told apart: listed as itself, its name refused for a Swarm cluster, untouched
        // by the Swarm cluster's down.
        let own = ClusterFixture.name("swlocal")
        let manager = try await Self.engine(ofHost: 1)
        try await manager.createVolume(VolumeSpec(name: "\(own)-namenode-data", labels: [ClusterLabels.cluster: own]))
        defer { _ = try? HindProcess.run(["down", "--name", own], environment: Self.environment()) }
        let list = try Self.hind(["list"]).stdout
        let rows = list.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.contains { $0.first == name && $0.dropFirst().first == "running" && $0.dropFirst(2).first == "4" }, "\(list)")
        #expect(rows.contains { $0.first == own && $0.dropFirst().first == "incomplete" }, "\(list)")
        try await Self.refuse(["--swarm"], status: 1, mentions: "cluster '\(own)' already exists", name: own)

        // A replicated file, written and read back through the NameNode's task.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hind-swarm-\(name).bin")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data((0..<2_000_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }).write(to: file)
        let local = try HostCommand.run(["md5sum", file.path]).output.prefix(32)
        try Self.hind(["exec", "--name", name, "-i", "namenode", "--", "hdfs", "dfs", "-put", "-", "/swarm.bin"], stdin: file)
        let replicas = try Self.hind(["exec", "--name", name, "namenode", "--", "hdfs", "dfs", "-stat", "%r", "/swarm.bin"]).stdout
        #expect(replicas.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
        let read = try Self.hind(["exec", "--name", name, "namenode", "--", "sh", "-c", "hdfs dfs -cat /swarm.bin | md5sum"]).stdout
        #expect(read.prefix(32) == local)

        // What Swarm does not allow here, said plainly.
        let stop = try Self.hind(["stop", "--name", name], expect: 2)
        #expect(stop.stderr.contains("hind stop is not available on Swarm"), "\(stop.stderr)")
        let exec = try Self.hind(["exec", "--name", name, "worker-1", "--", "true"], expect: 1)
        #expect(exec.stderr.contains("runs on Swarm node host-2, and exec reaches only tasks on the manager"), "\(exec.stderr)")
        // Logs come from any host, through the manager (which may take a moment to
        // reach a task on another host after it started).
        let logs = try await eventually(attempts: 30, every: .seconds(1), {
            let result = try Self.hind(["logs", "--name", name, "worker-1"])
            return result.stdout + result.stderr
        }, until: { $0.contains("DataNode") })
        #expect(logs.contains("DataNode"), "\(logs.suffix(500))")

        // export-logs gathers every node's log and the services' descriptions.
        let exported = FileManager.default.temporaryDirectory.appendingPathComponent("hind-swarm-logs-\(name)")
        defer { try? FileManager.default.removeItem(at: exported) }
        try Self.hind(["export-logs", "--name", name, exported.path])
        let files = try FileManager.default.contentsOfDirectory(atPath: exported.path)
        #expect(files.contains("worker-3.log") && files.contains("namenode.inspect.json") && files.contains("status.json"), "\(files)")

        // worker-1's host dies: the file stays readable from the other replicas.
        let kill = try HostCommand.run(["docker", "kill", "hind-swarm-host-2"], environment: ["DOCKER_HOST": "unix://\(TestEngine.endpoint.socketPath)"])
        try #require(kill.status == 0, "\(kill.output)")
        let again = try Self.hind(["exec", "--name", name, "namenode", "--", "sh", "-c", "hdfs dfs -cat /swarm.bin | md5sum"]).stdout
        #expect(again.prefix(32) == local)

        // down: nothing of the cluster on any host that is up (host-2's engine is gone
        // with it), and the engine's own cluster untouched until `down --all`.
        try Self.hind(["down", "--name", name])
        for host in [1, 3] {
            #expect(try await Self.objects(of: name, onHost: host).isEmpty, "host-\(host)")
        }
        #expect(try await Self.objects(of: own, onHost: 1) == ["volume \(own)-namenode-data"])
        try Self.hind(["down", "--all"])
        #expect(try await Self.objects(of: own, onHost: 1).isEmpty)
    }
}
