import Foundation
import Testing
@testable import HindCluster

/// Where the offline distribution keeps Hadoop's defaults.
let hadoopDefaultsDirectory = ProcessInfo.processInfo.environment["HIND_DIST_DIR"].map { "\($0)/share/hind/defaults" }

/// Every key hind renders is one Hadoop knows: checked against the `*-default.xml` files
/// of the Hadoop jars (`scripts/build-offline-image` copies them into the offline
/// distribution's `share/hind/defaults`). Hadoop ignores an unknown key in silence, so a
/// typo in hind's defaults would otherwise never show.
@Suite("Rendered keys are Hadoop's", .enabled(if: hadoopDefaultsDirectory != nil, "HIND_DIST_DIR not set: scripts/test sets it"))
struct HadoopDefaultsTests {

    /// Keys Hadoop's code reads that the 2.7.3 `-default.xml` files at hand do not list,
    /// each with the constant that reads it.
    static let newerThan273: [HadoopConfigFile: Set<String>] = [
        // DFSConfigKeys.DFS_CLIENT_SOCKET_TIMEOUT_KEY: read by DFSClient and the DataNode
        // since 0.20, listed in hdfs-default.xml only in later releases.
        // DFSConfigKeys.DFS_DATANODE_HOST_NAME_KEY: read by DataNode.getHostName.
        .hdfsSite: ["dfs.client.socket-timeout", "dfs.datanode.hostname"],
        // YarnConfiguration.YARN_LOG_SERVER_URL: the history server's log links.
        .yarnSite: ["yarn.log.server.url"],
        // JHAdminConfig.MR_HISTORY_BIND_HOST (since 2.5): the history server binds every interface.
        .mapredSite: ["mapreduce.jobhistory.bind-host"],
    ]

    static func keys(of file: String) throws -> Set<String> {
        let xml = try String(contentsOfFile: "\(try #require(hadoopDefaultsDirectory))/\(file)", encoding: .utf8)
        let regex = try NSRegularExpression(pattern: "<name>\\s*([^<\\s]+)\\s*</name>")
        return Set(regex.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).compactMap {
            Range($0.range(at: 1), in: xml).map { String(xml[$0]) }
        })
    }

    @Test(arguments: [HadoopConfigFile.coreSite, .hdfsSite, .yarnSite, .mapredSite])
    func everyRenderedKeyIsInHadoopsDefaults(_ file: HadoopConfigFile) throws {
        let known = try Self.keys(of: file.rawValue.replacingOccurrences(of: "-site", with: "-default") + ".xml")
        #expect(known.count > 50, "read the defaults of \(file)")
        for components: Set<Component> in [[.hdfs], [.hdfs, .yarn], [.hdfs, .yarn, .history]] {
            let topology = Topology(spec: try testSpec(components: components))
            for property in HadoopConfiguration(topology: topology).files[file] ?? [] {
                #expect(known.contains(property.name) || Self.newerThan273[file]?.contains(property.name) == true,
                        "\(file.fileName) sets \(property.name), which Hadoop does not know")
            }
        }
    }

    @Test func aMisspelledKeyIsCaught() throws {
        #expect(!(try Self.keys(of: "yarn-default.xml")).contains("yarn.nodemanager.resource.memory_mb"))
        #expect(try Self.keys(of: "yarn-default.xml").contains("yarn.nodemanager.resource.memory-mb"))
    }
}
