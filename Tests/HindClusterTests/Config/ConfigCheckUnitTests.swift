@testable import HindCluster
import Testing

/// The rules of ``ConfigCheck`` on a small set of defaults; the same check against
/// Hadoop 2.7.3's real defaults runs in HindProvisionerTests.
@Suite struct ConfigCheckUnitTests {
    static let defaults = HadoopDefaults(files: [
        .core: ["fs.defaultFS": "file:///", "io.file.buffer.size": "4096",
                "hadoop.security.crypto.codec.classes.EXAMPLECIPHERSUITE": "", "ipc.[port_number].backoff.enable": "false"],
        .hdfs: ["dfs.replication": "3", "dfs.webhdfs.enabled": "true", "dfs.namenode.rpc-address": "",
                "dfs.namenode.safemode.threshold-pct": "0.999f"],
        .yarn: ["yarn.resourcemanager.address": "${yarn.resourcemanager.hostname}:8032"],
    ], commented: [.mapred: ["mapreduce.map.java.opts"]], origin: "hind-test/hadoop:1")

    static func check(_ texts: String..., workers: Int = 3, unchecked: Bool = false) throws {
        let overrides = try texts.map { try ConfigOverride(parsing: $0, unchecked: unchecked) }
        let spec = try testSpec(workers: workers, components: [.hdfs, .yarn], overrides: overrides.map(\.description))
        var checked = spec
        checked.overrides = overrides
        _ = try ConfigCheck(defaults: defaults, hindKeys: [:]).check(checked)
    }

    @Test func listedKeysPass() throws {
        try Self.check("core-site:io.file.buffer.size=65536", "hdfs-site:dfs.replication=2", "mapred-site:mapreduce.map.java.opts=-Xmx1g")
    }

    @Test(arguments: [
        "core-site:hadoop.security.crypto.codec.classes.aes.ctr.nopadding=x",
        "core-site:ipc.8020.backoff.enable=true",
        "hdfs-site:dfs.namenode.rpc-address.ns1=namenode:8020",
        "hdfs-site:dfs.namenode.rpc-address.ns1.nn2=namenode:8020",
        "yarn-site:yarn.resourcemanager.address.rm2=resourcemanager:8032",
        "core-site:hadoop.proxyuser.hue.groups=*",
    ])
    func familiesPass(_ text: String) throws {
        try Self.check(text)
    }

    @Test func patternsMatchWholeParts() {
        #expect(KeyPattern("hadoop.proxyuser.*.hosts").matches("hadoop.proxyuser.bob.hosts"))
        #expect(!KeyPattern("hadoop.proxyuser.*.hosts").matches("hadoop.proxyuser.bob.hostz"))
        #expect(!KeyPattern("hadoop.proxyuser.*.hosts").matches("hadoop.proxyuser..hosts"))
        #expect(KeyPattern("fs.s3a.bucket.*.**").matches("fs.s3a.bucket.b.server-side-encryption.key"))
        #expect(!KeyPattern("fs.s3a.bucket.*.**").matches("fs.s3a.bucket.b"))
        #expect(KeyPattern(placeholdersIn: "dfs.ha.namenodes.EXAMPLENAMESERVICE")?.description == "dfs.ha.namenodes.**")
        #expect(KeyPattern(placeholdersIn: "fs.AbstractFileSystem.hdfs.impl") == nil)
        #expect(KeyPattern("ipc.#.**").matches("ipc.8020.callqueue.impl"))
        #expect(!KeyPattern("ipc.#.**").matches("ipc.client.connect.timeout"))
        #expect(KeyPattern(placeholdersIn: "ipc.[port_number].backoff.enable")?.description == "ipc.**.backoff.enable")
    }

    @Test func unknownKeysAreRefusedWithSuggestions() throws {
        #expect(throws: ConfigCheckError.unknownKey(try ConfigOverride(parsing: "hdfs-site:dfs.replicaton=1"), defaultsFile: "hdfs-default.xml", origin: "hind-test/hadoop:1", suggestions: ["dfs.replication"])) {
            try Self.check("hdfs-site:dfs.replicaton=1")
        }
        // Nothing close: no guess, a pointer to the file.
        do {
            try Self.check("hdfs-site:completely.different=1")
            Issue.record("accepted")
        } catch {
            #expect("\(error)".contains("check its spelling against hdfs-default.xml"))
        }
        // A key of another file is suggested with its file.
        do {
            try Self.check("core-site:dfs.replicaton=1")
            Issue.record("accepted")
        } catch {
            #expect("\(error)".contains("did you mean hdfs-site:dfs.replication?"), "\(error)")
        }
    }

    @Test func uncheckedPassesAnything() throws {
        try Self.check("hdfs-site:my.plugin.setting=abc", unchecked: true)
    }

    @Test func typesFollowTheDefaults() throws {
        #expect(ConfigValueType(defaultValue: "3") == .integer)
        #expect(ConfigValueType(defaultValue: "true") == .boolean)
        #expect(ConfigValueType(defaultValue: "0.999f") == .decimal)
        #expect(ConfigValueType(defaultValue: "file:///") == nil)
        #expect(ConfigValueType(defaultValue: "") == nil)
        for good in ["2", "-1", "0x10", "128m", "1.5g", "30s", "${x}"] { #expect(ConfigValueType.integer.accepts(good), "\(good)") }
        for bad in ["", "abc", "2x", "m", "1.", "yes"] { #expect(!ConfigValueType.integer.accepts(bad), "\(bad)") }
        for good in ["true", "FALSE", " true "] { #expect(ConfigValueType.boolean.accepts(good), "\(good)") }
        for bad in ["yes", "1", "on", ""] { #expect(!ConfigValueType.boolean.accepts(bad), "\(bad)") }
        for good in ["0.5", ".5", "1", "0.9f", "1e3"] { #expect(ConfigValueType.decimal.accepts(good), "\(good)") }
        for bad in ["half", "", "0.5x"] { #expect(!ConfigValueType.decimal.accepts(bad), "\(bad)") }
        #expect(throws: ConfigCheckError.self) { try Self.check("hdfs-site:dfs.webhdfs.enabled=on") }
        #expect(throws: ConfigCheckError.self) { try Self.check("hdfs-site:dfs.namenode.safemode.threshold-pct=most") }
    }

    @Test func replicationAboveTheWorkersWarns() throws {
        let spec = try testSpec(workers: 2, overrides: ["hdfs-site:dfs.replication=3"])
        #expect(ConfigCheck.warnings(spec).map(\.message) == ["dfs.replication=3 is more than the 2 workers: every block stays under-replicated (use -c 3 or a replication of 2)"])
        #expect(ConfigCheck.warnings(try testSpec(workers: 3)).isEmpty)
    }

    @Test func suggestionsAreCloseAndOrdered() {
        let keys = ["dfs.replication", "dfs.replication.max", "dfs.namenode.replication.min", "io.file.buffer.size"]
        #expect(KeySuggestions.closest(to: "dfs.replicaton", among: keys) == ["dfs.replication"])
        #expect(KeySuggestions.closest(to: "dfs.replciation", among: keys) == ["dfs.replication"])
        #expect(KeySuggestions.closest(to: "DFS.REPLICATION.MAX", among: keys).first == "dfs.replication.max")
        #expect(KeySuggestions.closest(to: "yarn.something", among: keys).isEmpty)
    }
}
