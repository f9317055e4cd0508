import Foundation
import HindCluster
import HindTestSupport
import Testing

/// A cluster used from the host as CI jobs use it, with nothing but what `hind
/// client-config` writes: Hadoop's own CLI (RPC and block I/O), curl and a third-party
/// WebHDFS client (PyPI's `hdfs`) following the DataNode redirects, two clusters at once,
/// and the in-cluster paths still working.
@Suite("Host access", .serialized, .requiresDockerEngine,
       .enabled(if: ProcessInfo.processInfo.environment["HIND_DIST_DIR"] != nil, "HIND_DIST_DIR not set: scripts/test sets it"))
struct HostAccessTests {
    static let hdfs = ProcessInfo.processInfo.environment["HIND_DIST_DIR"].map { "\($0)/bin/hdfs" } ?? "hdfs"

    /// `client-config` into a fresh directory, and its `env` file read as a shell would.
    static func clientConfig(_ cluster: String) throws -> (directory: TemporaryDirectory, env: [String: String]) {
        let directory = try TemporaryDirectory()
        let config = directory.appending("conf")
        try ClusterFixture.hind(["client-config", "--name", cluster, config.path])
        let sourced = try HostCommand.run(["sh", "-c", ". \"$1\" && env", "sh", config.appendingPathComponent("env").path])
        #expect(sourced.status == 0, "\(sourced.output)")
        var env: [String: String] = [:]
        for line in sourced.output.split(separator: "\n") where line.hasPrefix("HIND_") || line.hasPrefix("HADOOP_CONF_DIR=") {
            let parts = line.split(separator: "=", maxSplits: 1)
            env[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return (directory, env)
    }

    /// Hadoop's CLI on the host, with the cluster's `env`; stdout and stderr together.
    static func hadoop(_ env: [String: String], _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try HostCommand.run([hdfs] + arguments, environment: env.merging(["JAVA_HOME": "/usr/lib/jvm/java-17-openjdk-amd64"]) { $1 })
        #expect(result.status == 0, "hdfs \(arguments.joined(separator: " ")): \(result.output)", sourceLocation: sourceLocation)
        #expect(!result.output.contains("log4j:WARN"), "client-config's log4j.properties is used: \(result.output)", sourceLocation: sourceLocation)
        return result.output
    }

    static func curl(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try HostCommand.run(["curl", "-sS", "-f", "-L"] + arguments)
        #expect(result.status == 0, "curl \(arguments.joined(separator: " ")): \(result.output)", sourceLocation: sourceLocation)
        return result.output
    }

    @Test func everyHDFSEntryPointWorksFromTheHost() async throws {
        let name = ClusterFixture.name("host"), other = ClusterFixture.name("host2")
        defer { ClusterFixture.cleanUp(name, other) }
        try ClusterFixture.hind(["up", "-c", "3", "--name", name, "--image", ClusterFixture.image])
        try ClusterFixture.hind(["up", "-c", "1", "--name", other, "--image", ClusterFixture.image])
        let (config, env) = try Self.clientConfig(name)
        let status = try ClusterFixture.statusJSON(name)
        let endpoints = try #require(status["endpoints"] as? [String: String])
        #expect(env["HIND_NAMENODE_RPC"] == endpoints["namenodeRPC"] && env["HIND_WEBHDFS_URL"] == endpoints["webHDFS"])
        #expect(env["HADOOP_CONF_DIR"] == config.appending("conf").path)

        // RPC and block I/O: 64 MB in 4 blocks, replication 3, back byte-identical.
        let file = config.appending("big.bin")
        let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
        try random.readData(ofLength: 67_108_864).write(to: file)
        _ = try Self.hadoop(env, ["dfs", "-mkdir", "-p", "/host"])
        _ = try Self.hadoop(env, ["dfs", "-D", "dfs.blocksize=16777216", "-D", "dfs.replication=3", "-put", file.path, "/host/big.bin"])
        let copy = config.appending("copy.bin")
        _ = try Self.hadoop(env, ["dfs", "-get", "/host/big.bin", copy.path])
        #expect(try md5(copy) == md5(file))
        let fsck = try Self.hadoop(env, ["fsck", "/host/big.bin", "-files", "-blocks"])
        #expect(fsck.contains("Total blocks (validated):\t4") && fsck.contains("HEALTHY"), "\(fsck)")
        // (Without -w: waiting for excess replicas to be deleted takes Hadoop minutes.)
        _ = try Self.hadoop(env, ["dfs", "-setrep", "2", "/host/big.bin"])
        #expect(try Self.hadoop(env, ["dfs", "-stat", "%r", "/host/big.bin"]).contains("2"))
        #expect(try Self.hadoop(env, ["dfs", "-ls", "/host"]).contains("67108864 "))

        // WebHDFS with curl, following the NameNode's redirects to a DataNode.
        let webhdfs = try #require(env["HIND_WEBHDFS_URL"])
        let small = config.appending("small.txt")
        try Data("hello ".utf8).write(to: small)
        _ = try Self.curl(["-X", "PUT", "-T", small.path, "\(webhdfs)/host/hello.txt?op=CREATE&user.name=hadoop"])
        _ = try Self.curl(["-X", "POST", "-T", small.path, "\(webhdfs)/host/hello.txt?op=APPEND&user.name=hadoop"])
        #expect(try Self.curl(["\(webhdfs)/host/hello.txt?op=OPEN&user.name=hadoop"]) == "hello hello ")
        #expect(try Self.curl(["\(webhdfs)/host?op=LISTSTATUS"]).contains("\"pathSuffix\":\"hello.txt\""))
        #expect(try Self.curl(["-X", "DELETE", "\(webhdfs)/host/hello.txt?op=DELETE&user.name=hadoop"]).contains("true"))

        // A third-party WebHDFS client: PyPI's hdfs package.
        let script = """
            import json, os, hdfs
            client = hdfs.InsecureClient(os.environ["HIND_NAMENODE_UI"], user="hadoop")
            client.write("/py/a.txt", data=b"hello ", overwrite=True)
            client.write("/py/a.txt", data=b"world", append=True)
            with client.read("/py/a.txt") as reader:
                text = reader.read().decode()
            print(json.dumps({"text": text, "list": client.list("/py")}))
            """
        let python = try HostCommand.run(["python3", "-c", script], environment: env)
        #expect(python.status == 0, "\(python.output)")
        #expect(python.output.contains(#"{"text": "hello world", "list": ["a.txt"]}"#), "\(python.output)")

        // Two clusters from the host at once.
        let (otherConfig, otherEnv) = try Self.clientConfig(other)
        defer { withExtendedLifetime(otherConfig) {} }
        async let first = Task { try Self.hadoop(env, ["dfs", "-cat", "/py/a.txt"]) }.value
        async let second = Task {
            _ = try Self.hadoop(otherEnv, ["dfs", "-put", small.path, "/other.txt"])
            return try Self.hadoop(otherEnv, ["dfs", "-cat", "/other.txt"])
        }.value
        #expect(try await first.contains("hello world"))
        #expect(try await second.contains("hello"))
        #expect(!(try Self.hadoop(env, ["dfs", "-ls", "/"]).contains("/other.txt")), "each cluster its own")

        // Inside the cluster: hind exec, and WebHDFS from a node through Hadoop's own client.
        #expect(try ClusterFixture.sh(name, "worker-1", "hdfs dfs -cat webhdfs://namenode:50070/py/a.txt") == "hello world")
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /host/big.bin | md5sum | cut -d' ' -f1").trimmingCharacters(in: .whitespacesAndNewlines) == md5(file))
        _ = try Self.hadoop(env, ["dfs", "-rm", "-skipTrash", "/host/big.bin"])
        #expect(!(try Self.hadoop(env, ["dfs", "-ls", "/host"]).contains("big.bin")))

        // client-config for a stopped cluster: what to do, not a raw error.
        try ClusterFixture.hind(["stop", "--name", other])
        let stopped = try ClusterFixture.hind(["client-config", "--name", other, config.appending("stopped").path], expect: 1)
        #expect(stopped.stderr.contains("cluster '\(other)' publishes no NameNode RPC port (it is stopped): start it with hind start --name \(other)"), "\(stopped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: config.appending("stopped").path), "nothing left behind")
    }
}
