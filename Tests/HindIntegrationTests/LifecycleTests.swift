import DockerEngine
import Foundation
import HindCluster
import HindTestSupport
import Testing

/// Real clusters: the offline image's NameNode and DataNodes, driven through `hind`.
/// Serialized: each cluster takes both cores while its JVMs start.
@Suite("Cluster lifecycle", .serialized, .requiresDockerEngine)
struct LifecycleTests {
    /// up → put/cat a 20 MB file with replication 3 → report and status agree →
    /// kill a worker (the file still reads, status shows it) → stop/start keeps the data → down.
    @Test func threeWorkerClusterServesHDFSAndSurvivesItsLifecycle() async throws {
        let name = ClusterFixture.name("main")
        defer { ClusterFixture.cleanUp(name) }
        let up = try ClusterFixture.hind(["up", "-c", "3", "--name", name, "--image", ClusterFixture.image])
        #expect(up.stdout.contains("is ready: HDFS 3/3 DataNodes live, safe mode off"))
        #expect(up.stdout.contains("NameNode UI"))

        // A 20 MB random file, written through hind exec's stdin, replication 3.
        let directory = try TemporaryDirectory()
        let file = directory.appending("random.bin")
        let bytes = (0..<20_000_000).map { _ in UInt8.random(in: 0...255) }
        try Data(bytes).write(to: file)
        try ClusterFixture.hind(["exec", "--name", name, "namenode", "--", "hdfs", "dfs", "-D", "dfs.replication=3", "-put", "-", "/random.bin"], stdin: file)
        let readBack = try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /random.bin | md5sum | cut -d' ' -f1")
        let written = try md5(file)
        #expect(readBack.trimmingCharacters(in: .whitespacesAndNewlines) == written)
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -stat %r /random.bin").contains("3"))

        let report = try ClusterFixture.sh(name, "namenode", "hdfs dfsadmin -report")
        #expect(report.contains("Live datanodes (3)"))
        let status = try ClusterFixture.statusJSON(name)
        let hadoop = try #require(status["hadoop"] as? [String: Any])
        #expect(hadoop["liveDataNodes"] as? Int == 3)
        #expect(hadoop["fsState"] as? String == "Operational")
        #expect(status["ready"] as? Bool == true)
        #expect((status["nodes"] as? [[String: Any]])?.count == 4)
        let endpoints = try #require(status["endpoints"] as? [String: String])

        // Kill one worker: with replication 3 the file still reads back identical.
        let client = try await TestEngine.client()
        try await client.killContainer(id: "\(name)-worker-2")
        let afterKill = try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /random.bin | md5sum | cut -d' ' -f1")
        #expect(afterKill.trimmingCharacters(in: .whitespacesAndNewlines) == written)
        let degraded = try ClusterFixture.statusJSON(name)
        let worker2 = (degraded["nodes"] as? [[String: Any]])?.first { $0["name"] as? String == "worker-2" }
        #expect(worker2?["state"] as? String == "exited")
        #expect(degraded["ready"] as? Bool == false)

        // stop, start: no re-format, the data is still there, every worker is back.
        try ClusterFixture.hind(["stop", "--name", name])
        let stopped = try ClusterFixture.statusJSON(name)
        #expect((stopped["nodes"] as? [[String: Any]])?.allSatisfy { $0["state"] as? String == "exited" } == true)
        let started = try ClusterFixture.hind(["start", "--name", name])
        #expect(started.stdout.contains("HDFS 3/3 DataNodes live"))
        #expect(try ClusterFixture.statusJSON(name)["endpoints"] as? [String: String] == endpoints, "host ports survive stop/start")
        let afterRestart = try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /random.bin | md5sum | cut -d' ' -f1")
        #expect(afterRestart.trimmingCharacters(in: .whitespacesAndNewlines) == written)
        let logs = try ClusterFixture.hind(["logs", "--name", name, "namenode"])
        #expect(logs.stderr.contains("keeping its data"), "no re-format on start")
        // The offline image's new namespace stood in for the format JVM and the home
        // directory's WebHDFS request, with this cluster's own IDs: the file system above
        // is made of it.
        #expect(logs.stderr.contains("formatting the NameNode in /hadoop/data/dfs/name from the image's new namespace"), "no format JVM")
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -stat %u:%g /user/hadoop").trimmingCharacters(in: .whitespacesAndNewlines) == "hadoop:supergroup")
        #expect(!logs.stderr.contains("Formatting using clusterid"), "no format JVM")
        let version = try ClusterFixture.sh(name, "namenode", "cat /hadoop/data/dfs/name/current/VERSION")
        let template = try ClusterFixture.sh(name, "namenode", "cat /opt/hadoop/share/hind/namenode-template/current/VERSION")
        #expect(version.contains("clusterID=CID-hind-\(name)\n"), "\(version)")
        for key in ["namespaceID=", "blockpoolID="] {
            let line = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix(key) } }
            #expect(line(version) != nil && line(version) != line(template), "\(key) of its own")
        }

        // export-logs writes every node's logs and inspect output.
        let artifacts = try TemporaryDirectory()
        try ClusterFixture.hind(["export-logs", "--name", name, artifacts.url.path])
        #expect(Set(artifacts.files()).isSuperset(of: ["namenode.log", "namenode.inspect.json", "worker-3.log", "status.json"]))

        try ClusterFixture.hind(["down", "--name", name])
        #expect(try await ClusterFixture.objects(of: name).isEmpty)
        try ClusterFixture.hind(["down", "--name", name])  // idempotent
    }

    @Test func twoClustersRunSideBySideAndDownRemovesOnlyOne() async throws {
        let first = ClusterFixture.name("a"), second = ClusterFixture.name("b")
        defer { ClusterFixture.cleanUp(first, second) }
        try ClusterFixture.hind(["up", "-c", "1", "--name", first, "--image", ClusterFixture.image])
        try ClusterFixture.hind(["up", "-c", "1", "--name", second, "--image", ClusterFixture.image])
        let list = try ClusterFixture.hind(["list", "-o", "json"]).stdout
        #expect(list.contains(first) && list.contains(second))
        let a = try ClusterFixture.statusJSON(first), b = try ClusterFixture.statusJSON(second)
        #expect(a["ready"] as? Bool == true && b["ready"] as? Bool == true)
        let uiA = (a["endpoints"] as? [String: String])?["namenodeUI"], uiB = (b["endpoints"] as? [String: String])?["namenodeUI"]
        #expect(uiA != nil && uiA != uiB, "each cluster gets its own free port")

        // Every node's logs, prefixed by the node's name.
        let logs = try ClusterFixture.hind(["logs", "--name", first, "--tail", "5"]).stdout
        #expect(logs.contains("namenode | ") && logs.contains("worker-1 | "))

        // client-config: a Hadoop client on the host reaches the NameNode through the published port.
        let config = try TemporaryDirectory()
        try ClusterFixture.hind(["client-config", "--name", first, config.url.path])
        let core = try String(contentsOf: config.appending("core-site.xml"), encoding: .utf8)
        let rpc = try #require((a["endpoints"] as? [String: String])?["namenodeRPC"])
        #expect(core.contains("<value>\(rpc)</value>"))
        if let dist = ProcessInfo.processInfo.environment["HIND_DIST_DIR"], FileManager.default.isExecutableFile(atPath: "/usr/bin/java") {
            let client = Process()
            client.executableURL = URL(fileURLWithPath: "\(dist)/bin/hdfs")
            client.arguments = ["dfs", "-mkdir", "/from-the-host"]
            client.environment = ["HADOOP_CONF_DIR": config.url.path, "PATH": "/usr/bin:/bin", "JAVA_HOME": "/usr/lib/jvm/java-17-openjdk-amd64"]
            try client.run()
            client.waitUntilExit()
            #expect(client.terminationStatus == 0, "hdfs dfs -mkdir from the host")
            #expect(try ClusterFixture.sh(first, "namenode", "hdfs dfs -ls /").contains("/from-the-host"))
        }

        try ClusterFixture.hind(["down", "--name", first])
        #expect(try await ClusterFixture.objects(of: first).isEmpty)
        #expect(try ClusterFixture.statusJSON(second)["ready"] as? Bool == true)
        #expect(try ClusterFixture.sh(second, "namenode", "hdfs dfs -ls / && echo ok").contains("ok"))
    }

    /// A cluster that can never be ready, whatever the machine's speed: its NameNode stays
    /// in safe mode until more DataNodes report than the cluster has.
    static func neverReady(workers: Int) -> [String] {
        ["-c", String(workers), "--image", ClusterFixture.image,
         "--conf", "hdfs-site:dfs.namenode.safemode.min.datanodes=\(workers + 1)"]
    }

    @Test func readinessTimeoutRemovesEverythingUnlessRetained() async throws {
        let name = ClusterFixture.name("wait")
        defer { ClusterFixture.cleanUp(name) }
        // Long enough for the NameNode to answer on a busy machine, so the error names the
        // check that can never pass.
        let shape = Self.neverReady(workers: 1) + ["--wait", "20s"]
        let failed = try ClusterFixture.hind(["up", "--name", name] + shape, expect: 1)
        #expect(failed.stderr.contains("was not ready after"), "\(failed.stderr)")
        // The NameNode's own reason, and its log lines above the error ("see the logs above").
        #expect(failed.stderr.contains("the NameNode is in safe mode: The number of live datanodes 1 needs an additional 1 live datanodes to reach the minimum number 2"), "\(failed.stderr)")
        #expect(failed.stderr.contains("node namenode (running, healthy), last log lines:"), "\(failed.stderr)")
        #expect(try await ClusterFixture.objects(of: name).isEmpty)

        let retained = try ClusterFixture.hind(["up", "--name", name, "--retain"] + shape, expect: 1)
        #expect(retained.stderr.contains("the NameNode is in safe mode"), "\(retained.stderr)")
        #expect(try await ClusterFixture.objects(of: name).contains { $0.hasSuffix("\(name)-namenode") }, "containers kept")
        try ClusterFixture.hind(["down", "--name", name])
        #expect(try await ClusterFixture.objects(of: name).isEmpty)
    }

    @Test func interruptDuringUpRemovesWhatWasCreated() async throws {
        let name = ClusterFixture.name("sigint")
        defer { ClusterFixture.cleanUp(name) }
        // Never ready: `up` is still running whenever the interrupt arrives.
        let process = try HindProcess.start(["up", "--name", name] + Self.neverReady(workers: 2))
        // Interrupt once the containers exist.
        let created = try await eventually(attempts: 600, every: .milliseconds(100), {
            try await ClusterFixture.objects(of: name).contains { $0.contains("worker-2") && !$0.hasSuffix("-data") }
        }, until: { $0 })
        #expect(created, "up created its containers")
        #expect(process.isRunning, "up cannot finish: the cluster never becomes ready")
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(try await ClusterFixture.objects(of: name).isEmpty)
    }

    /// A reviewer's flow: a Hadoop distribution from the host mounted into the bare base image.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HIND_DIST_DIR"] != nil, "HIND_DIST_DIR not set: scripts/test sets it"))
    func distributionMountedIntoTheBaseImage() async throws {
        let name = ClusterFixture.name("dist")
        defer { ClusterFixture.cleanUp(name) }
        let dist = try #require(ProcessInfo.processInfo.environment["HIND_DIST_DIR"])
        let up = try ClusterFixture.hind(["up", "-c", "1", "--name", name, "--image", "hind/base:bookworm-jre17", "--dist", dist])
        #expect(up.stdout.contains("HDFS 1/1 DataNodes live"))
        #expect(try ClusterFixture.sh(name, "namenode", "command -v hdfs") == "/opt/hadoop/bin/hdfs\n")
        // The base image's default user is root: hind runs the daemons as its labelled user.
        #expect(try ClusterFixture.sh(name, "namenode", "id -u") == "1000\n")
        try ClusterFixture.hind(["down", "--name", name])
    }
}

func md5(_ file: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/md5sum")
    process.arguments = [file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}
