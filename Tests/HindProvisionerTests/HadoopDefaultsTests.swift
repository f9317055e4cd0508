import Foundation
import HindCluster
@testable import HindProvisioner
import Testing

/// The offline distribution (`scripts/test` sets `HIND_DIST_DIR`).
let offlineDistribution = ProcessInfo.processInfo.environment["HIND_DIST_DIR"]

/// Hadoop 2.7.3's own defaults, read out of the offline distribution's jars by hind's
/// reader: every key hind renders is one of them, and the check of `--conf` keys refuses
/// the typos users make with the key they meant.
@Suite("Hadoop's defaults from the jars", .enabled(if: offlineDistribution != nil, "HIND_DIST_DIR not set: scripts/test sets it"))
struct HadoopDefaultsTests {
    static let defaults: HadoopDefaults? = offlineDistribution.flatMap { try? HadoopDefaultsReader.read(distribution: $0) }

    static func spec(_ components: Set<Component>, overrides: [ConfigOverride] = [], workers: Int = 3) throws -> ClusterSpec {
        try ClusterSpec(workers: workers, image: ImageProfile(reference: "hind-test/hadoop:2", hadoopVersion: .v2),
                        components: components, overrides: overrides)
    }

    static func check(_ text: String, workers: Int = 3) throws -> ConfigCheckError? {
        let override = try ConfigOverride(parsing: text)
        let spec = try spec([.hdfs, .yarn, .history], overrides: [override], workers: workers)
        let check = ConfigCheck(defaults: try #require(defaults), spec: spec)
        do {
            _ = try check.check(spec)
            return nil
        } catch {
            return error
        }
    }

    @Test func allFourFilesAreReadFromTheJars() throws {
        let defaults = try #require(Self.defaults)
        for file in HadoopDefaults.File.allCases {
            #expect((defaults.files[file]?.count ?? 0) > 100, "\(file.rawValue) read from its jar")
        }
        #expect(defaults.value(of: "dfs.replication", in: .hdfs) == "3")
        #expect(defaults.value(of: "yarn.nodemanager.resource.memory-mb", in: .yarn) == "8192")
        #expect(defaults.value(of: "mapreduce.task.io.sort.mb", in: .mapred) == "100")
        #expect(defaults.value(of: "fs.defaultFS", in: .core) == "file:///")
    }

    /// Hadoop ignores an unknown key in silence, so a typo in hind's own defaults would
    /// otherwise never show.
    @Test(arguments: [Set<Component>([.hdfs]), [.hdfs, .yarn], [.hdfs, .yarn, .history]])
    func everyRenderedKeyIsOneHadoopKnows(_ components: Set<Component>) throws {
        let check = ConfigCheck(defaults: try #require(Self.defaults))
        for (file, properties) in HadoopConfiguration(topology: Topology(spec: try Self.spec(components))).files {
            let unknown = properties.map(\.name).filter { !check.isKnown($0, in: file) }
            #expect(unknown.isEmpty, "\(file.fileName) sets keys Hadoop 2.7.3 does not know")
        }
    }

    /// The HA keys too: nameservice-suffixed and placeholder families, RM HA suffixes.
    @Test func everyRenderedHAKeyIsOneHadoopKnows() throws {
        let check = ConfigCheck(defaults: try #require(Self.defaults))
        let spec = try ClusterSpec(name: ClusterName("demo"), workers: 3, image: ImageProfile(reference: "hind-test/hadoop:2", hadoopVersion: .v2),
                                   components: [.hdfs, .yarn, .history], ha: HighAvailability(zookeepers: 3))
        for (file, properties) in HadoopConfiguration(topology: Topology(spec: spec)).files {
            let unknown = properties.map(\.name).filter { !check.isKnown($0, in: file) }
            #expect(unknown.isEmpty, "\(file.fileName) sets keys Hadoop 2.7.3 does not know")
        }
    }

    /// Realistic typos across the four files, each refused with the key that was meant.
    @Test(arguments: [
        ("hdfs-site:dfs.replicaton=1", "dfs.replication"),
        ("hdfs-site:dfs.namenode.heartbeat.recheck.interval=1000", "dfs.namenode.heartbeat.recheck-interval"),
        ("core-site:fs.defaultFs=hdfs://namenode:8020", "fs.defaultFS"),
        ("core-site:io.file.bufer.size=65536", "io.file.buffer.size"),
        ("yarn-site:yarn.nodemanager.resource.memory_mb=4096", "yarn.nodemanager.resource.memory-mb"),
        ("yarn-site:yarn.scheduler.minimum-allocation-mbs=128", "yarn.scheduler.minimum-allocation-mb"),
        ("mapred-site:mapreduce.map.memory.mbs=512", "mapreduce.map.memory.mb"),
        ("mapred-site:mapreduce.job.reduce=2", "mapreduce.job.reduces"),
        // ipc.<port>.* admits per-port keys only, not typos of ipc.client.*.
        ("core-site:ipc.client.conect.timeout=1000", "ipc.client.connect.timeout"),
    ])
    func typosAreRefusedWithTheMeantKey(_ text: String, meant: String) throws {
        let error = try #require(try Self.check(text))
        guard case let .unknownKey(_, _, _, suggestions) = error else {
            Issue.record("expected an unknown key, got \(error)")
            return
        }
        #expect(suggestions.first == meant, "\(suggestions)")
        #expect(error.description.contains("did you mean \(meant)"))
        #expect(error.description.contains("--conf-unchecked"))
    }

    @Test(arguments: [
        "hdfs-site:dfs.namenode.rpc-address.ns1.nn1=namenode:8020",
        "hdfs-site:dfs.ha.namenodes.ns1=nn1,nn2",
        "hdfs-site:dfs.client.failover.proxy.provider.ns1=org.apache.hadoop.hdfs.server.namenode.ha.ConfiguredFailoverProxyProvider",
        "core-site:hadoop.proxyuser.alice.hosts=*",
        "core-site:hadoop.proxyuser.alice.groups=staff",
        "core-site:fs.s3a.bucket.data.endpoint=http://127.0.0.1:9000",
        "core-site:fs.myfs.impl=org.example.MyFileSystem",
        "core-site:ipc.8020.callqueue.impl=org.apache.hadoop.ipc.FairCallQueue",
        "yarn-site:yarn.resourcemanager.hostname.rm1=resourcemanager",
        "yarn-site:yarn.nodemanager.aux-services.spark_shuffle.class=org.apache.spark.network.yarn.YarnShuffleService",
        "capacity-scheduler:yarn.scheduler.capacity.root.queues=default,etl",
        "capacity-scheduler:yarn.scheduler.capacity.root.etl.capacity=40",
        "hdfs-site:dfs.client.socket-timeout=10000",
        "hdfs-site:dfs.blocksize=64m",
        "hdfs-site:dfs.namenode.safemode.threshold-pct=0.9f",
        "core-site:hadoop.tmp.dir=/tmp/x",
        // Read with getFloat / a permission parser, whatever their defaults look like.
        "core-site:fs.trash.interval=0.5",
        "core-site:fs.permissions.umask-mode=u=rwx,g=rx,o=",
        "hdfs-site:dfs.datanode.data.dir.perm=u=rwx",
    ])
    func openEndedAndTypedKeysAreAccepted(_ text: String) throws {
        #expect(try Self.check(text) == nil)
    }

    @Test(arguments: [
        ("hdfs-site:dfs.replication=three", "takes a whole number"),
        ("hdfs-site:dfs.webhdfs.enabled=yes", "takes true or false"),
        ("yarn-site:yarn.nodemanager.vmem-check-enabled=no", "takes true or false"),
        ("mapred-site:mapreduce.job.reduce.slowstart.completedmaps=most", "takes a number"),
        ("hdfs-site:dfs.heartbeat.interval=", "takes a whole number"),
    ])
    func wrongTypesAreRefused(_ text: String, says: String) throws {
        let error = try #require(try Self.check(text))
        guard case .wrongType = error else { Issue.record("expected a type error, got \(error)"); return }
        #expect(error.description.contains(says), "\(error)")
    }

    @Test func keysInTheWrongFileAndOldNamesAreRefused() throws {
        let wrong = try #require(try Self.check("core-site:dfs.replication=2"))
        #expect(wrong == .wrongFile(try ConfigOverride(parsing: "core-site:dfs.replication=2"), belongsIn: .hdfsSite,
                                    reason: "daemons read hdfs-default.xml after core-site.xml, so this value would be ignored"))
        #expect(wrong.description.contains("use --conf hdfs-site:dfs.replication=2"))
        let yarnInHDFS = try #require(try Self.check("hdfs-site:yarn.nodemanager.resource.memory-mb=2048"))
        #expect(yarnInHDFS.description.contains("belongs in yarn-site"))
        let old = try #require(try Self.check("hdfs-site:dfs.name.dir=/data/nn"))
        #expect(old.description.contains("use --conf hdfs-site:dfs.namenode.name.dir=/data/nn"))
        // The new name's own file, not the one the old name was given in.
        let oldCore = try #require(try Self.check("hdfs-site:fs.default.name=hdfs://namenode:9000"))
        #expect(oldCore.description.contains("use --conf core-site:fs.defaultFS=hdfs://namenode:9000"), "\(oldCore)")
        // The CapacityScheduler reads its keys from its own file only.
        let queue = try #require(try Self.check("yarn-site:yarn.scheduler.capacity.maximum-am-resource-percent=0.9"))
        #expect(queue.description.contains("belongs in capacity-scheduler"), "\(queue)")
        // A key hind follows counts only in the file hind reads it from.
        let followed = try #require(try Self.check("hdfs-site:fs.defaultFS=hdfs://namenode:9000"))
        #expect(followed.description.contains("belongs in core-site: hind's launchers, health checks and published ports follow it there"), "\(followed)")
    }

    /// Every new name hind points an old one to is a key Hadoop 2.7.3 knows.
    @Test func deprecatedKeysPointToKnownKeys() throws {
        let defaults = try #require(Self.defaults)
        let unknown = ConfigKeyFamilies.deprecated.filter { _, new in
            defaults.file(listing: new) == nil && !ConfigKeyFamilies.undocumented.values.contains { $0.contains(new) }
        }
        #expect(unknown.isEmpty)
    }

    @Test func uncheckedOverridesPass() throws {
        let spec = try Self.spec([.hdfs], overrides: [try ConfigOverride(parsing: "hdfs-site:my.plugin.key=1", unchecked: true)])
        #expect(try ConfigCheck(defaults: try #require(Self.defaults), spec: spec).check(spec).isEmpty)
    }

    /// No `yarn-default.xml` in the jars: on an image without YARN a yarn-site key is
    /// refused (it configures nothing); on one with YARN (a layout hind does not know) it
    /// passes with a warning rather than a false refusal.
    @Test func aMissingFileIsNamed() throws {
        var defaults = try #require(Self.defaults)
        defaults.files[.yarn] = nil
        defaults.origin = "hind-test/hdfs-only:1"
        let override = try ConfigOverride(parsing: "yarn-site:yarn.nodemanager.vmem-pmem-ratio=3")
        let hdfsOnly = try ClusterSpec(workers: 1, image: ImageProfile(reference: "hind-test/hdfs-only:1", hadoopVersion: .v2, components: [.hdfs]),
                                       overrides: [override])
        #expect(throws: ConfigCheckError.noDefaults(override, defaultsFile: "yarn-default.xml", origin: "hind-test/hdfs-only:1")) {
            _ = try ConfigCheck(defaults: defaults, spec: hdfsOnly).check(hdfsOnly)
        }
        let withYARN = try Self.spec([.hdfs, .yarn], overrides: [override])
        let warnings = try ConfigCheck(defaults: defaults, spec: withYARN).check(withYARN)
        #expect(warnings.map(\.message) == ["could not check --conf yarn-site:yarn.nodemanager.vmem-pmem-ratio=3: no yarn-default.xml found in the jars of hind-test/hdfs-only:1; passed as given"])
    }

}
