import DockerEngine
import Foundation
import HindCluster
import HindTestSupport
import Testing

/// The offline image on its own, without hind's provisioner: a NameNode and 2 DataNodes
/// started with the engine API, configured by hand, must serve HDFS.
@Suite("Offline image", .serialized, .requiresDockerEngine)
struct OfflineImageTests {
    static let image = ImageProfile.offlineReference

    @Test func labelsDescribeAnHDFSOnlyHadoop2() async throws {
        let client = try await TestEngine.client()
        let labels = try await client.inspectImage(reference: Self.image).config.labels
        #expect(labels["io.hind.hadoop.version"] == "2.7.3")
        #expect(labels["io.hind.components"] == "hdfs")
        #expect(labels["io.hind.data-dir"] == "/hadoop/data")
        #expect(labels["io.hind.recipe"]?.isEmpty == false)
    }

    @Test func aSecondBuildReusesTheCachedImage() throws {
        let script = Repository.root().appendingPathComponent("scripts/build-offline-image")
        let process = Process()
        process.executableURL = script
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("is up to date"), "\(output)")
    }

    @Test func nameNodeAndTwoDataNodesServeAFile() async throws {
        try await TestEngine.withLabeledObjects(prefix: "image") { client, labels in
            let network = "hind-image-test-\(labels[TestEngine.labelKey]!)"
            _ = try await client.createNetwork(NetworkSpec(name: network, labels: labels))
            let config = Self.config()
            func node(_ name: String, _ script: String, publish: Bool = false) async throws -> String {
                let spec = ContainerSpec(
                    image: Self.image, cmd: ["sh", "-c", script],
                    env: ["HADOOP_CONF_DIR=/conf"], labels: labels, hostname: name,
                    publishedPorts: publish ? [PortPublication(ContainerPort(50070))] : [],
                    networkMode: network, networks: [network: NetworkAttachment(aliases: [name])])
                let id = try await client.createContainer(name: "\(network)-\(name)", spec: spec)
                try await client.putArchive(container: id, path: "/", archive: config)
                try await client.startContainer(id: id)
                return id
            }
            let namenode = try await node("namenode", "hdfs namenode -format -nonInteractive && exec hdfs namenode", publish: true)
            // DataNodes wait for the NameNode's RPC port: an unresolved NameNode address sticks.
            let wait = "until bash -c 'exec 3<>/dev/tcp/namenode/8020' 2>/dev/null; do sleep 0.2; done; exec hdfs datanode"
            _ = try await node("datanode-1", wait)
            _ = try await node("datanode-2", wait)

            let port = try #require(try await client.inspectContainer(id: namenode).hostPort(for: ContainerPort(50070)))
            var live = -1
            var state = ""
            for _ in 0..<600 where live != 2 || state != "Operational" {
                if let response = try? await HTTPGetter().get(
                    "http://127.0.0.1:\(port)/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState"),
                   let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
                   let bean = (object["beans"] as? [[String: Any]])?.first {
                    live = bean["NumLiveDataNodes"] as? Int ?? -1
                    state = bean["FSState"] as? String ?? ""
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(live == 2)
            #expect(state == "Operational")

            let written = try await client.exec(container: namenode, cmd: ["sh", "-c",
                "head -c 5000000 /dev/urandom > /tmp/f && hdfs dfs -put /tmp/f /f && md5sum < /tmp/f"])
            #expect(written.exitCode == 0, "\(written.stderrText)")
            let read = try await client.exec(container: namenode, cmd: ["sh", "-c", "hdfs dfs -cat /f | md5sum"])
            #expect(read.exitCode == 0)
            #expect(read.stdoutText == written.stdoutText && !read.stdoutText.isEmpty)
        }
    }

    /// The image's JVMs map its class-data archive where it was dumped, so its pages stay
    /// shared: the build kept the options only after a NameNode and a DataNode ran with
    /// them (an archive holding an old class with subroutines would crash them).
    @Test func classDataArchiveIsMappedAtItsBaseAddress() async throws {
        try await TestEngine.withLabeledObjects(prefix: "cds") { client, labels in
            let spec = ContainerSpec(image: Self.image, cmd: ["sleep", "60"], labels: labels)
            let id = try await client.createContainer(name: "hind-cds-test-\(labels[TestEngine.labelKey]!)", spec: spec)
            try await client.startContainer(id: id)
            let options = try await client.exec(container: id, cmd: ["cat", "/opt/hadoop/share/hadoop/hadoop-cds.jsa.options"])
            #expect(options.stdoutText.contains("-XX:ArchiveRelocationMode=0"), "\(options.stderrText)")
            let excluded = try await client.exec(container: id, cmd: ["grep", "-c", "^org/apache/xerces/parsers/XML11Configuration$",
                                                                      "/opt/hadoop/share/hind/cds-exclude"])
            #expect(excluded.stdoutText == "1\n")
            let version = try await client.exec(container: id, cmd: ["sh", "-c", "HADOOP_OPTS=-Xlog:cds=info hdfs version"])
            #expect(version.exitCode == 0, "\(version.stderrText)")
            #expect(version.stdoutText.contains("Mapped static  region #0"), "\(version.stdoutText)")
            #expect(!version.stdoutText.contains("alternative address"), "\(version.stdoutText)")
        }
    }

    /// core-site and hdfs-site for a 2-DataNode cluster, at /conf.
    static func config() -> TarArchive {
        let core = HadoopXML.document([HadoopProperty("fs.defaultFS", "hdfs://namenode:8020")])
        let hdfs = HadoopXML.document([
            HadoopProperty("dfs.replication", "2"),
            HadoopProperty("dfs.namenode.name.dir", "file:///hadoop/data/name"),
            HadoopProperty("dfs.datanode.data.dir", "file:///hadoop/data/data"),
            HadoopProperty("dfs.namenode.rpc-bind-host", "0.0.0.0"),
            HadoopProperty("dfs.namenode.datanode.registration.ip-hostname-check", "false"),
            HadoopProperty("dfs.namenode.safemode.extension", "0"),
        ])
        return TarArchive(entries: [
            .directory("conf"),
            .file("conf/core-site.xml", text: core),
            .file("conf/hdfs-site.xml", text: hdfs),
        ])
    }
}
