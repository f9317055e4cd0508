import ArgumentParser
import Foundation
import HindCluster
import HindProvisioner

/// `hind client-config DIR`: Hadoop client config for the host, pointing at the
/// cluster's published ports.
struct ClientConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client-config",
        abstract: "Write core-site.xml, hdfs-site.xml (and yarn-site.xml) for a Hadoop client on the host.",
        discussion: """
            Use it with HADOOP_CONF_DIR=DIR hdfs dfs -ls /. Metadata operations reach the
            NameNode through its published RPC port; reading and writing blocks from the host
            needs the DataNodes, which are reachable only from the cluster network (use
            hind exec, or WebHDFS from a node).
            """)

    @OptionGroup var cluster: ClusterNameOptions

    @Argument(help: "The directory to write to (created if missing).")
    var directory: String

    func run() async throws {
        let name = try cluster.clusterName()
        let output = try OutputDirectory(directory, fix: "name a directory you can write to, e.g. hind client-config ./conf")
        let files = try await output.filling { try await Self.files(for: name) }
        for (file, properties) in files {
            let xml = HadoopXML.document(properties, comment: "Client config for hind cluster '\(name)' from the host.")
            try output.write(Data(xml.utf8), to: file)
        }
        print(" ✓ Wrote \(files.map(\.0).joined(separator: ", ")) to \(output.url.path)")
        print("Use it: HADOOP_CONF_DIR=\(output.url.path) hdfs dfs -ls /")
    }

    /// Each file's properties, from the cluster's published endpoints.
    static func files(for name: ClusterName) async throws -> [(String, [HadoopProperty])] {
        let status = try await Provider.connect().status(name)
        guard let rpc = status.endpoints.namenodeRPC else {
            throw HindError("cluster \"\(name)\" publishes no NameNode RPC port: is it running? (hind status --name \(name))")
        }
        let http = status.endpoints.namenodeUI.map { String($0.dropFirst("http://".count)) }
        var files: [(String, [HadoopProperty])] = [
            ("core-site.xml", [HadoopProperty("fs.defaultFS", rpc)]),
            ("hdfs-site.xml", (http.map { [HadoopProperty("dfs.namenode.http-address", $0)] } ?? []) + [HadoopConfiguration.clientSocketTimeout]),
        ]
        if let rm = status.endpoints.resourcemanagerUI {
            files.append(("yarn-site.xml", [HadoopProperty("yarn.resourcemanager.webapp.address", String(rm.dropFirst("http://".count)))]))
        }
        return files
    }
}
