import DockerEngine
import Foundation
import HindCluster
import HindTestSupport
import Testing

/// NameNode HA on real daemons: one active and one standby, a killed active replaced by
/// the standby on its own while the nameservice keeps serving (from a node and from the
/// host), the killed one back as standby after `start`, a manual failover, and the data
/// across stop and start.
@Suite("NameNode HA", .serialized, .requiresDockerEngine,
       .enabled(if: ProcessInfo.processInfo.environment["HIND_DIST_DIR"] != nil, "HIND_DIST_DIR not set: scripts/test sets it"))
struct HATests {
    /// Each NameNode's HA state from `status -o json`.
    static func states(_ cluster: String) throws -> [String: String] {
        let nodes = try ClusterFixture.statusJSON(cluster)["nodes"] as? [[String: Any]] ?? []
        return nodes.reduce(into: [:]) { states, node in
            if let name = node["name"] as? String, let state = node["haState"] as? String { states[name] = state }
        }
    }

    static func waitForStates(_ cluster: String, _ expected: [String: String]) async throws -> [String: String] {
        try await eventually(attempts: 60, { try Self.states(cluster) }, until: { $0 == expected })
    }

    @Test func theStandbyTakesOverAndTheNameserviceKeepsServing() async throws {
        let name = ClusterFixture.name("ha")
        defer { ClusterFixture.cleanUp(name) }
        let up = try ClusterFixture.hind(["up", "-c", "3", "--ha", "--name", name, "--image", ClusterFixture.image])
        #expect(up.stdout.contains("NameNodes nn1 active, nn2 standby") || up.stdout.contains("NameNodes nn1 standby, nn2 active"), "\(up.stdout)")
        let status = try ClusterFixture.statusJSON(name)
        #expect((status["endpoints"] as? [String: Any])?["nameservice"] as? String == "hdfs://\(name)")
        let initial = try Self.states(name)
        #expect(Set(initial.values) == ["active", "standby"], "\(initial)")

        // A file through the nameservice, and the smoke checks' HA check.
        let written = try ClusterFixture.sh(name, "worker-1", "head -c 3000000 /dev/urandom > /tmp/f && hdfs dfs -put /tmp/f hdfs://\(name)/f && md5sum < /tmp/f")
        let smoke = try ClusterFixture.hind(["smoke", "--name", name, "--only", "hdfs", "-o", "json"]).stdout
        #expect(smoke.contains("\"name\" : \"hdfs.ha\"") && !smoke.contains("\"failed\" : 1"), "\(smoke)")

        // Kill the active NameNode's container: the standby becomes active by itself.
        let active = try #require(initial.first { $0.value == "active" }?.key)
        let standby = try #require(initial.first { $0.value == "standby" }?.key)
        let client = try await TestEngine.client()
        try await client.killContainer(id: "\(name)-\(active)")
        let after = try await Self.waitForStates(name, [standby: "active"])
        #expect(after == [standby: "active"], "\(after)")
        #expect(try ClusterFixture.sh(name, "worker-2", "hdfs dfs -cat hdfs://\(name)/f | md5sum") == written)
        #expect(try ClusterFixture.sh(name, "worker-2", "echo from-a-node | hdfs dfs -put - hdfs://\(name)/g && hdfs dfs -cat hdfs://\(name)/g") == "from-a-node\n")

        // From the host with client-config: the same nameservice, failing over by itself.
        let (directory, env) = try HostAccessTests.clientConfig(name)
        let host = try HostCommand.run(["sh", "-c", "\"$1\" dfs -cat hdfs://\(name)/f | md5sum", "sh", HostAccessTests.hdfs],
                                       environment: env.merging(["JAVA_HOME": "/usr/lib/jvm/java-17-openjdk-amd64"]) { $1 })
        #expect(host.output == written, "\(host.output)")
        let local = directory.appending("h.txt")
        try Data("from-the-host\n".utf8).write(to: local)
        _ = try HostAccessTests.hadoop(env, ["dfs", "-put", local.path, "hdfs://\(name)/h"])
        #expect(try ClusterFixture.sh(name, standby, "hdfs dfs -cat hdfs://\(name)/h") == "from-the-host\n")

        // start brings the killed one back, as standby.
        try ClusterFixture.hind(["start", "--name", name])
        #expect(try await Self.waitForStates(name, [active: "standby", standby: "active"]) == [active: "standby", standby: "active"])

        // A manual failover back: once the restarted NameNode's failover controller has
        // found it healthy (a second or so after start), which the command needs.
        let ids = [HighAvailability.namenodes[0]: "nn1", HighAvailability.namenodes[1]: "nn2"]
        let failover = try await eventually(attempts: 30, {
            try HindProcess.run(["exec", "--name", name, standby, "--", "hdfs", "haadmin", "-failover", ids[standby]!, ids[active]!])
        }, until: { $0.status == 0 })
        #expect(failover.status == 0, "\(failover.stderr)")
        #expect(try await Self.waitForStates(name, [active: "active", standby: "standby"]) == [active: "active", standby: "standby"])

        // Stop and start of the whole cluster: everything kept, one active.
        try ClusterFixture.hind(["stop", "--name", name])
        let restarted = try ClusterFixture.hind(["start", "--name", name])
        #expect(restarted.stdout.contains("active") && restarted.stdout.contains("standby"), "\(restarted.stdout)")
        #expect(Set(try Self.states(name).values) == ["active", "standby"])
        #expect(try ClusterFixture.sh(name, "worker-3", "hdfs dfs -cat hdfs://\(name)/f | md5sum; hdfs dfs -cat hdfs://\(name)/g hdfs://\(name)/h")
            == written + "from-a-node\nfrom-the-host\n")
    }

    /// An ensemble of 3 ZooKeeper servers (each with its ID) carries the election too.
    @Test func aZooKeeperEnsemble() async throws {
        let name = ClusterFixture.name("haens")
        defer { ClusterFixture.cleanUp(name) }
        let up = try ClusterFixture.hind(["up", "-c", "1", "--ha", "--zookeepers", "3", "--name", name, "--image", ClusterFixture.image])
        #expect(up.stdout.contains("active"), "\(up.stdout)")
        let nodes = (try ClusterFixture.statusJSON(name)["nodes"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(nodes.filter { $0.hasPrefix("zookeeper-") } == ["zookeeper-1", "zookeeper-2", "zookeeper-3"])
        #expect(try ClusterFixture.sh(name, "zookeeper-2", "cat /hadoop/data/zookeeper/myid") == "2\n")
    }

    @Test(arguments: [
        (["--ha", "--zookeepers", "2"], "--zookeepers 2 is not an ensemble hind runs: use --zookeepers 1, 3 or 5"),
        (["--zookeepers", "3"], "--zookeepers needs --ha"),
        (["--ha", "--memory", "256m"], "is too small for the daemons of namenode-1: use --memory 512m or more"),
    ])
    func badHARequestsAreRefused(_ arguments: [String], mentions: String) async throws {
        try await UpBadInputTests.refuse(["-c", "1", "--image", ClusterFixture.image] + arguments, status: 2, mentions: mentions)
    }

    /// An image laid out like Hadoop's without ZooKeeper's jar cannot run `--ha`.
    @Test func anImageWithoutZooKeeperIsRefused() async throws {
        let client = try await TestEngine.client()
        let reference = "hind-test/hadoop-without-zookeeper:1"
        var context = TarArchive()
        context.append(.file("Dockerfile", text: """
            FROM hind/hadoop:2.7.3-apache-layout
            USER root
            RUN rm /opt/hadoop/share/hadoop/common/lib/zookeeper-*.jar
            USER hadoop
            """))
        for try await _ in try await client.buildImage(context: context.encoded(), options: BuildOptions(tags: [reference], networkMode: "none")) {}
        defer { Task { try? await client.removeImage(reference: reference, force: true) } }
        try await UpBadInputTests.refuse(["-c", "1", "--ha", "--image", reference, "--image-user", "hadoop"], status: 2,
                                         mentions: "\(reference) has no ZooKeeper jar in share/hadoop/common/lib")
    }
}

/// What `start` rebuilds of an HA cluster: a NameNode whose volume is gone copies the
/// namespace of the other (the JournalNodes refuse a new format), and a ZooKeeper that
/// lost its data gets the failover controllers' znode again.
@Suite("NameNode HA repair", .serialized, .requiresDockerEngine)
struct HARepairTests {
    @Test func aLostNameNodeAndALostZooKeeperAreRebuilt() async throws {
        let name = ClusterFixture.name("harep")
        defer { ClusterFixture.cleanUp(name) }
        try ClusterFixture.hind(["up", "-c", "1", "--ha", "--name", name, "--image", ClusterFixture.image])
        _ = try ClusterFixture.sh(name, "worker-1", "echo kept | hdfs dfs -put - hdfs://\(name)/kept")
        try ClusterFixture.hind(["stop", "--name", name])
        let client = try await TestEngine.client()
        for node in ["namenode-1", "zookeeper"] {
            try await client.removeContainer(id: "\(name)-\(node)", force: true)
            try await client.removeVolume(name: "\(name)-\(node)-data")
        }
        let started = try ClusterFixture.hind(["start", "--name", name])
        #expect(started.stdout.contains("active") && started.stdout.contains("standby"), "\(started.stdout)\(started.stderr)")
        let logs = try ClusterFixture.hind(["logs", "--name", name, "namenode-1"])
        #expect((logs.stdout + logs.stderr).contains("copy its namespace (bootstrapStandby)"))
        #expect(try ClusterFixture.sh(name, "worker-1", "hdfs dfs -cat hdfs://\(name)/kept") == "kept\n")
    }
}
