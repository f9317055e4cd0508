import ArgumentParser
import Foundation
import HindCluster
import HindProvisioner

/// `hind client-config DIR`: what a Hadoop client or a CI step on the host needs to use a
/// cluster: its site files, a quiet log4j configuration and an `env` file to source.
struct ClientConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client-config",
        abstract: "Write the Hadoop client config (site files, log4j.properties) and an env file for the host.",
        discussion: """
            Use it with HADOOP_CONF_DIR=DIR hdfs dfs -ls /, or source DIR/env first. Metadata
            goes to the NameNode's published RPC port; blocks and WebHDFS redirects go to
            the DataNodes' addresses on the cluster network, which the host reaches on Linux.
            """)

    @OptionGroup var cluster: ClusterNameOptions

    @Argument(help: "The directory to write to (created if missing; it must be empty unless --force).")
    var directory: String

    @Flag(help: "Write into a non-empty directory, replacing hind's files there.")
    var force = false

    func run() async throws {
        let name = try cluster.clusterName()
        let output = try OutputDirectory(directory, fix: "name a directory you can write to, e.g. hind client-config ./conf",
                                         refusingNonEmpty: force ? nil : "--force")
        let files = try await output.filling {
            let provider = try await Provider.connect(for: name)
            try provider.checkAvailable(.clientConfig)
            return try ClientConfig(status: try await provider.status(name), directory: output.url.path).files()
        }
        for (file, contents) in files {
            try output.write(Data(contents.utf8), to: file)
        }
        print(" ✓ Wrote \(files.map(\.name).joined(separator: ", ")) to \(output.url.path)")
        print("Use it: . \(output.url.appendingPathComponent("env").path) && hdfs dfs -ls /")
    }
}

/// The files `client-config` writes, from a cluster's status.
struct ClientConfig {
    var status: ClusterStatus
    /// Where they are written: `env` points `HADOOP_CONF_DIR` there.
    var directory: String

    /// The site files, `log4j.properties` and `env`; throws when the cluster publishes no
    /// NameNode RPC port (it is stopped or damaged).
    func files() throws -> [(name: String, contents: String)] {
        let name = status.name
        if let nameservice = status.endpoints.nameservice { return try highAvailabilityFiles(nameservice) }
        guard let rpc = status.endpoints.namenodeRPC else {
            let advice = status.condition.advice(for: try ClusterName(name)).map { ": \($0)" } ?? ""
            throw HindError("cluster '\(name)' publishes no NameNode RPC port (it is \(status.condition))\(advice)")
        }
        let comment = "Client config for hind cluster '\(name)' from the host."
        var files: [(String, String)] = [
            ("core-site.xml", HadoopXML.document([HadoopProperty("fs.defaultFS", rpc)], comment: comment)),
            ("hdfs-site.xml", HadoopXML.document(
                (status.endpoints.namenodeUI.map { [HadoopProperty("dfs.namenode.http-address", Self.hostPort($0))] } ?? [])
                    + [HadoopConfiguration.clientSocketTimeout], comment: comment)),
        ]
        if let rm = status.endpoints.resourcemanagerUI {
            files.append(("yarn-site.xml", HadoopXML.document([HadoopProperty("yarn.resourcemanager.webapp.address", Self.hostPort(rm))], comment: comment)))
        }
        files.append((Log4jProperties.fileName, Log4jProperties.renderQuietClient(cluster: try ClusterName(name))))
        files.append(("env", environment(rpc: rpc)))
        return files
    }

    /// HA: the nameservice with both NameNodes on their host ports and the failover
    /// proxy, so a client on the host fails over as one in the cluster does.
    func highAvailabilityFiles(_ nameservice: String) throws -> [(name: String, contents: String)] {
        let name = status.name
        let namenodes = status.endpoints.namenodes ?? []
        guard namenodes.count == HighAvailability.namenodeIDs.count, namenodes.allSatisfy({ $0.rpc != nil }),
              namenodes.contains(where: { $0.state == "active" })
        else {
            throw HindError("cluster '\(name)' has no active NameNode (it is \(status.condition)): start it with hind start --name \(name)")
        }
        let comment = "Client config for hind cluster '\(name)' (NameNode HA) from the host."
        var hdfs = [
            HadoopProperty("dfs.nameservices", name),
            HadoopProperty("dfs.ha.namenodes.\(name)", HighAvailability.namenodeIDs.joined(separator: ",")),
        ]
        for (id, namenode) in zip(HighAvailability.namenodeIDs, namenodes) {
            hdfs.append(HadoopProperty("dfs.namenode.rpc-address.\(name).\(id)", Self.hostPort(namenode.rpc!)))
            if let ui = namenode.ui { hdfs.append(HadoopProperty("dfs.namenode.http-address.\(name).\(id)", Self.hostPort(ui))) }
        }
        hdfs += HAConfiguration.clientFailover(nameservice: name) + [HadoopConfiguration.clientSocketTimeout]
        return [
            ("core-site.xml", HadoopXML.document([HadoopProperty("fs.defaultFS", nameservice)], comment: comment)),
            ("hdfs-site.xml", HadoopXML.document(hdfs, comment: comment)),
            (Log4jProperties.fileName, Log4jProperties.renderQuietClient(cluster: try ClusterName(name))),
            ("env", environment(rpc: nameservice)),
        ] + (status.endpoints.resourcemanagerUI.map { rm in
            [("yarn-site.xml", HadoopXML.document([HadoopProperty("yarn.resourcemanager.webapp.address", Self.hostPort(rm))], comment: comment))]
        } ?? [])
    }

    /// `export NAME='value'` lines a shell or a CI step sources.
    func environment(rpc: String) -> String {
        let endpoints = status.endpoints
        let values: [(String, String?)] = [
            ("HADOOP_CONF_DIR", directory),
            ("HIND_CLUSTER", status.name),
            ("HIND_NAMENODE_RPC", rpc),
            ("HIND_NAMENODE_UI", endpoints.namenodeUI),
            ("HIND_WEBHDFS_URL", endpoints.webHDFS),
            ("HIND_RESOURCEMANAGER_UI", endpoints.resourcemanagerUI),
            ("HIND_JOBHISTORY_UI", endpoints.historyUI),
        ]
        let lines = values.compactMap { name, value in value.map { "export \(ShellQuote.assignment(name, $0))" } }
        return "# hind cluster '\(status.name)': source this file (. ./env) before running Hadoop clients or tests.\n"
            + lines.joined(separator: "\n") + "\n"
    }

    static func hostPort(_ url: String) -> String {
        String(url.drop { $0 != "/" }.dropFirst(2))
    }
}
