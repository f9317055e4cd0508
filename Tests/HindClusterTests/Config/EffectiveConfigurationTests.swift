@testable import HindCluster
import Testing

/// `hind config`'s answer: the value Hadoop's `Configuration` would read, and its source.
@Suite struct EffectiveConfigurationTests {
    static let defaults = HadoopDefaults(files: [
        .core: ["hadoop.tmp.dir": "/tmp/hadoop-${user.name}", "io.file.buffer.size": "4096", "fs.trash.interval": "0"],
        .hdfs: ["dfs.replication": "3", "dfs.blocksize": "134217728", "dfs.namenode.checkpoint.dir": "file://${hadoop.tmp.dir}/dfs/namesecondary"],
    ], origin: "hind-test/hadoop:1")

    static func configuration(_ overrides: [String] = [], address: String? = nil) throws -> EffectiveConfiguration {
        EffectiveConfiguration(topology: Topology(spec: try testSpec(image: "hind/hadoop:2.7.3-offline", overrides: overrides)),
                               defaults: defaults, nodeAddress: address)
    }

    @Test func eachValueNamesItsSource() throws {
        let configuration = try Self.configuration(["hdfs-site:dfs.replication=2"])
        #expect(configuration.entry("dfs.replication") == .init(key: "dfs.replication", value: "2", file: "hdfs-site.xml", source: .override))
        #expect(configuration.entry("dfs.webhdfs.enabled")?.source == .hind)
        #expect(configuration.entry("dfs.blocksize") == .init(key: "dfs.blocksize", value: "134217728", file: "hdfs-default.xml", source: .defaults))
        #expect(configuration.entry("no.such.key") == nil)
    }

    @Test func referencesExpandFromTheSameConfiguration() throws {
        let configuration = try Self.configuration()
        // hind's hadoop.tmp.dir replaces the default's ${user.name}.
        let checkpoint = try #require(configuration.entry("dfs.namenode.checkpoint.dir"))
        #expect(checkpoint.value == "file:///hadoop/data/tmp/dfs/namesecondary")
        #expect(checkpoint.raw == "file://${hadoop.tmp.dir}/dfs/namesecondary")
        // Unknown without a node; the node's address with one.
        #expect(configuration.entry("dfs.datanode.hostname")?.value == "${hind.node.address}")
        #expect(try Self.configuration(address: "172.18.0.4").entry("dfs.datanode.hostname")?.value == "172.18.0.4")
    }

    /// A daemon reads hdfs-default.xml after core-site.xml: a core-site value of an HDFS
    /// key loses to the default, as in Hadoop.
    @Test func componentDefaultsWinOverCoreSite() throws {
        var spec = try testSpec(image: "hind/hadoop:2.7.3-offline")
        spec.overrides = [ConfigOverride(file: .coreSite, key: "dfs.blocksize", value: "1048576", unchecked: true)]
        let configuration = EffectiveConfiguration(topology: Topology(spec: spec), defaults: Self.defaults)
        #expect(configuration.entry("dfs.blocksize")?.value == "134217728")
        // A core key set in core-site wins over core-default.
        spec.overrides = [ConfigOverride(file: .coreSite, key: "fs.trash.interval", value: "60")]
        #expect(EffectiveConfiguration(topology: Topology(spec: spec), defaults: Self.defaults).entry("fs.trash.interval")?.source == .override)
    }

    @Test func listingsCoverTheSiteFilesOrEverything() throws {
        let configuration = try Self.configuration()
        let site = configuration.entries(includingDefaults: false).map(\.key)
        #expect(site.contains("dfs.replication") && !site.contains("dfs.blocksize"))
        #expect(site == site.sorted())
        let all = configuration.entries(includingDefaults: true).map(\.key)
        #expect(all.contains("dfs.blocksize") && all.contains("io.file.buffer.size"))
    }
}
