import DockerEngine
import Foundation
import HindCluster
import HindProvisioner
import HindTestSupport
import Testing

/// `--conf` against the real image: keys checked against the `*-default.xml` of its own
/// jars (read through the engine), overrides of addresses and directories honoured by a
/// cluster that becomes ready and survives stop/start, and `hind config` agreeing with
/// Hadoop's own `hdfs getconf`.
@Suite("Config checked and honoured", .serialized, .requiresDockerEngine)
struct ConfigTests {
    /// Realistic typos across the four files, each refused with the key that was meant,
    /// as are wrong types, old names, keys in the wrong file and overrides hind cannot
    /// follow: exit 2, one line, nothing created.
    @Test(arguments: [
        ("hdfs-site:dfs.replicaton=1", "did you mean dfs.replication?"),
        ("core-site:fs.defaultFs=hdfs://namenode:8020", "did you mean fs.defaultFS?"),
        ("yarn-site:yarn.nodemanager.resource.memory_mb=4096", "did you mean yarn.nodemanager.resource.memory-mb?"),
        ("mapred-site:mapreduce.map.memory.mbs=512", "did you mean mapreduce.map.memory.mb?"),
        ("hdfs-site:dfs.namenode.heartbeat.recheck.interval=1000", "did you mean dfs.namenode.heartbeat.recheck-interval?"),
        ("hdfs-site:dfs.webhdfs.enabled=yes", "dfs.webhdfs.enabled takes true or false"),
        ("hdfs-site:dfs.replication=three", "dfs.replication takes a whole number"),
        ("hdfs-site:dfs.permissions=false", "use --conf hdfs-site:dfs.permissions.enabled=false"),
        ("core-site:dfs.replication=2", "use --conf hdfs-site:dfs.replication=2"),
        ("hdfs-site:dfs.namenode.http-address=0.0.0.0:0", "port 0 is chosen at random"),
        ("hdfs-site:dfs.namenode.rpc-address=localhost:9000", "not 'localhost'; use e.g. namenode:9000"),
    ])
    func badKeysAreRefusedBeforeAnythingIsCreated(_ conf: String, mentions: String) async throws {
        try await UpBadInputTests.refuse(["-c", "2", "--image", ClusterFixture.image, "--conf", conf], status: 2, mentions: mentions)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["HIND_DIST_DIR"] != nil, "HIND_DIST_DIR not set: scripts/test sets it"))
    func aMountedDistributionIsCheckedAgainstItsOwnJars() async throws {
        let distribution = try #require(ProcessInfo.processInfo.environment["HIND_DIST_DIR"])
        try await UpBadInputTests.refuse(["-c", "1", "--image", ClusterFixture.image, "--dist", distribution, "--conf", "hdfs-site:dfs.replicaton=1"],
                                         status: 2, mentions: "the hdfs-default.xml of \(distribution) does not list it")
    }

    @Test func defaultsAreReadFromTheImagesJarsAndCached() async throws {
        let cache = try TemporaryDirectory("hind-defaults")
        let client = try await TestEngine.client()
        let provider = DockerProvider(client: client, defaultsCache: HadoopDefaultsCache(directory: cache.url.path))
        // The offline image (HADOOP_HOME set) and the Apache-like one (no HADOOP_HOME: /opt/hadoop).
        for image in [ClusterFixture.image, "hind/hadoop:2.7.3-apache-layout"] {
            let defaults = try await provider.hadoopDefaults(of: image)
            for file in HadoopDefaults.File.allCases {
                #expect((defaults.files[file]?.count ?? 0) > 100, "\(image): \(file.rawValue)")
            }
            #expect(defaults.value(of: "dfs.replication", in: .hdfs) == "3")
            #expect(defaults.commented[.mapred]?.contains("mapreduce.map.java.opts") == true)
        }
        #expect(cache.files().count == 2, "one entry per image ID: \(cache.files())")
        // A cached read answers from the file: an edit to it shows.
        let id = try await client.inspectImage(reference: ClusterFixture.image).id
        let path = HadoopDefaultsCache(directory: cache.url.path).path(imageID: id)
        var cached = try JSONDecoder().decode(HadoopDefaults.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        cached.files[.core]?["hind.test.cached"] = "yes"
        try JSONEncoder().encode(cached).write(to: URL(fileURLWithPath: path))
        let again = try await provider.hadoopDefaults(of: ClusterFixture.image)
        #expect(again.value(of: "hind.test.cached", in: .core) == "yes")
        // Named after the reference asked for, whatever named the image when it was cached.
        #expect(again.origin == ClusterFixture.image)
        // No probe container stays behind.
        #expect(try await client.listContainers(labels: [ClusterLabels.imageProbe: ""], all: true).isEmpty)
        // An image without Hadoop has no defaults to read.
        await #expect(throws: HadoopDefaultsReader.ReadError.self) { _ = try await provider.hadoopDefaults(of: BusyboxImage.reference) }
    }

    @Test func renderChecksWhenAnEngineHasTheImage() throws {
        let directory = try TemporaryDirectory("hind-render")
        let output = directory.appending("out").path
        let refused = try HindProcess.run(["render", "--image", ClusterFixture.image, "--output-dir", output, "--conf", "hdfs-site:dfs.replicaton=1"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("did you mean dfs.replication?"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output), "nothing written")
        // Without an engine the keys go unchecked, and render says so.
        let unchecked = try HindProcess.run(["render", "--image", ClusterFixture.image, "--output-dir", output, "--conf", "hdfs-site:dfs.replicaton=1"],
                                            environment: ["DOCKER_HOST": "unix:///nonexistent/docker.sock"])
        #expect(unchecked.status == 0, "\(unchecked.stderr)")
        #expect(unchecked.stderr.contains("could not check the --conf keys: no Docker engine"), "\(unchecked.stderr)")
    }

    /// The cluster: the NameNode's HTTP and RPC ports and both storage
    /// directories moved, a key passed unchecked on purpose.
    @Test func overriddenAddressesAndDirectoriesMakeAWorkingCluster() async throws {
        let name = ClusterFixture.name("conf")
        defer { ClusterFixture.cleanUp(name) }
        let up = try ClusterFixture.hind([
            "up", "-c", "2", "--name", name, "--image", ClusterFixture.image,
            "--conf", "hdfs-site:dfs.namenode.http-address=0.0.0.0:50071",
            "--conf", "hdfs-site:dfs.namenode.rpc-address=namenode:9000",
            "--conf", "hdfs-site:dfs.namenode.name.dir=file:///hadoop/data/nn",
            "--conf", "hdfs-site:dfs.datanode.data.dir=/srv/dn",
            "--conf-unchecked", "hdfs-site:hind.test.marker=42",
        ])
        #expect(up.stdout.contains("HDFS 2/2 DataNodes live"), "\(up.stdout)")
        #expect(up.stderr.contains("warning: dfs.datanode.data.dir /srv/dn is outside the node's volume"), "\(up.stderr)")
        let written = try ClusterFixture.sh(name, "namenode", "head -c 2000000 /dev/urandom > /tmp/f && hdfs dfs -put /tmp/f /f && md5sum < /tmp/f")
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /f | md5sum") == written)
        #expect(try ClusterFixture.sh(name, "namenode", "test -f /hadoop/data/nn/current/VERSION && echo ok") == "ok\n")
        #expect(try ClusterFixture.sh(name, "worker-1", "stat -c %U /srv/dn && test -d /srv/dn/current && echo ok") == "hadoop\nok\n")

        // The published port is the moved one, and WebHDFS answers through it.
        let status = try ClusterFixture.statusJSON(name)
        let endpoints = try #require(status["endpoints"] as? [String: Any])
        let webHDFS = try #require(endpoints["webHDFS"] as? String)
        let client = try await TestEngine.client()
        let inspect = try await client.inspectContainer(id: "\(name)-namenode")
        #expect(inspect.hostPort(for: ContainerPort(50071)) != nil)
        let read = try HostCommand.run(["sh", "-c", "curl -sfL '\(webHDFS)/f?op=OPEN' | md5sum"])
        #expect(read.output == written, "\(read.output)")

        // hind config says what Hadoop itself reads.
        let keys = ["dfs.namenode.http-address", "dfs.namenode.rpc-address", "fs.defaultFS", "dfs.namenode.name.dir",
                    "dfs.datanode.data.dir", "dfs.replication", "dfs.blocksize", "hind.test.marker", "dfs.namenode.checkpoint.dir"]
        let json = try ClusterFixture.hind(["config", "--name", name, "--all", "-o", "json"]).stdout
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        for key in keys {
            let entry = try #require(entries.first { $0["key"] as? String == key }, "\(key)")
            let hadoop = try ClusterFixture.sh(name, "namenode", "hdfs getconf -confKey \(key) 2>/dev/null")
            #expect(entry["value"] as? String == hadoop.trimmingCharacters(in: .newlines), "\(key)")
        }
        #expect(entries.first { $0["key"] as? String == "hind.test.marker" }?["source"] as? String == "--conf")
        #expect(entries.first { $0["key"] as? String == "dfs.blocksize" }?["source"] as? String == "default")
        let one = try ClusterFixture.hind(["config", "--name", name, "--node", "worker-1", "dfs.datanode.hostname"]).stdout
        let address = try await client.inspectNetwork(id: "\(name)-net").containers.values.first { $0.name == "\(name)-worker-1" }?.ipv4Address
        #expect(one.contains(String(try #require(address).prefix { $0 != "/" })), "\(one)")
        let typo = try ClusterFixture.hind(["config", "--name", name, "dfs.replicaton"], expect: 2)
        #expect(typo.stderr.contains("did you mean dfs.replication?"))

        // Stop and start: the same NameNode directory, no second format.
        try ClusterFixture.hind(["stop", "--name", name])
        try ClusterFixture.hind(["start", "--name", name])
        #expect(try ClusterFixture.sh(name, "namenode", "hdfs dfs -cat /f | md5sum") == written)
        let logs = try ClusterFixture.hind(["logs", "--name", name, "namenode"])
        let log = logs.stdout + logs.stderr
        #expect(log.components(separatedBy: "formatting the NameNode in /hadoop/data/nn").count == 2, "formatted once")
        #expect(log.contains("NameNode directory /hadoop/data/nn is formatted: keeping its data"))
    }
}
