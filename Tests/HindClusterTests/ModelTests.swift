import Testing
@testable import HindCluster

@Suite("Cluster model")
struct ModelTests {
    @Suite("Cluster names")
    struct Names {
        @Test(arguments: ["hind", "dev", "a", "ci-42", "x1-y2", String(repeating: "a", count: 40)])
        func acceptsDNSLabels(_ name: String) throws {
            #expect(try ClusterName(name).rawValue == name)
        }

        @Test(arguments: ["", "Dev", "my cluster", "../x", "a_b", "-a", "a-", "1abc", "a.b", String(repeating: "a", count: 41), "é"])
        func rejectsOthers(_ name: String) {
            #expect(throws: SpecError.self) { try ClusterName(name) }
        }

        @Test func errorSaysWhatToDo() {
            let error = #expect(throws: SpecError.self) { try ClusterName("Dev") }
            #expect(error?.description.contains("uppercase") == true)
            #expect(error?.description.contains("--name") == true)
        }
    }

    @Suite("Memory sizes")
    struct Memory {
        @Test(arguments: [("512m", Int64(512) << 20), ("2g", Int64(2) << 30), ("2G", Int64(2) << 30),
                          ("1536MiB", Int64(1536) << 20), ("2GB", Int64(2) << 30), ("300k", Int64(300) << 10)])
        func parses(_ text: String, _ bytes: Int64) throws {
            #expect(try MemorySize(parsing: text).bytes == bytes)
        }

        @Test(arguments: ["", "2", "2x", "g", "-1g", "0m", "1.5g", "2 g", "99999999999999999999g"])
        func rejects(_ text: String) {
            #expect(throws: SpecError.malformedMemorySize(text)) { try MemorySize(parsing: text) }
        }

        @Test func printsShortestExactForm() throws {
            #expect(try MemorySize(parsing: "2048m").description == "2g")
            #expect(try MemorySize(parsing: "1536m").description == "1536m")
        }
    }

    @Suite("Config overrides")
    struct Overrides {
        @Test func parsesFileKeyValue() throws {
            let override = try ConfigOverride(parsing: "hdfs-site:dfs.replication=2")
            #expect(override == ConfigOverride(file: .hdfsSite, key: "dfs.replication", value: "2"))
        }

        @Test func valueKeepsEqualsAndColons() throws {
            let override = try ConfigOverride(parsing: "core-site.xml:fs.defaultFS=hdfs://nn:8020/?a=b")
            #expect(override.file == .coreSite)
            #expect(override.value == "hdfs://nn:8020/?a=b")
        }

        @Test func emptyValueIsAllowed() throws {
            #expect(try ConfigOverride(parsing: "yarn-site:x=").value == "")
        }

        @Test(arguments: ["dfs.replication=2", "hdfs-site:dfs.replication", "hdfs-site:=2", "hdfs-site:a b=1"])
        func rejectsMalformed(_ text: String) {
            #expect(throws: SpecError.self) { try ConfigOverride(parsing: text) }
        }

        @Test func rejectsUnknownFile() {
            #expect(throws: SpecError.unknownConfigFile("hive-site")) {
                try ConfigOverride(parsing: "hive-site:a=b")
            }
        }
    }

    @Suite("Components")
    struct Components {
        @Test func hdfsIsAlwaysIncluded() throws {
            #expect(try Component.parseList("yarn") == [.hdfs, .yarn])
            #expect(try Component.parseList("hdfs, yarn,history") == [.hdfs, .yarn, .history])
        }

        @Test func historyNeedsYARN() {
            #expect(throws: SpecError.componentRequires(.history, .yarn)) { try Component.parseList("history") }
        }

        @Test(arguments: ["hdfs,pig", "", "hdfs,,yarn", "HBASE"])
        func rejectsUnknown(_ text: String) {
            #expect(throws: SpecError.self) { try Component.parseList(text) }
        }
    }

    @Suite("Ports")
    struct Ports {
        @Test func hadoop2UsesTheEphemeralRangeForHDFS() {
            let ports = HadoopMajorVersion.v2.ports
            #expect(ports.namenodeHTTP == 50070)
            #expect([ports.datanodeData, ports.datanodeHTTP, ports.datanodeIPC] == [50010, 50075, 50020])
            #expect(ports.secondaryNamenodeHTTP == 50090)
        }

        @Test func hadoop3MovedHDFSPorts() {
            let ports = HadoopMajorVersion.v3.ports
            #expect(ports.namenodeHTTP == 9870)
            #expect([ports.datanodeData, ports.datanodeHTTP, ports.datanodeIPC] == [9866, 9864, 9867])
            #expect(ports.secondaryNamenodeHTTP == 9868)
        }

        @Test(arguments: HadoopMajorVersion.allCases)
        func yarnAndHistoryPortsAreShared(_ version: HadoopMajorVersion) {
            let ports = version.ports
            #expect(ports.namenodeRPC == 8020)
            #expect([ports.resourcemanagerWeb, ports.resourcemanagerClient, ports.resourcemanagerScheduler,
                     ports.resourcemanagerTracker, ports.resourcemanagerAdmin] == [8088, 8032, 8030, 8031, 8033])
            #expect(ports.nodemanagerWeb == 8042)
            #expect([ports.historyWeb, ports.historyRPC] == [19888, 10020])
        }

        @Test func versionsParse() throws {
            #expect(try HadoopMajorVersion(parsing: "2.7.3") == .v2)
            #expect(try HadoopMajorVersion(parsing: "3") == .v3)
            #expect(throws: SpecError.self) { try HadoopMajorVersion(parsing: "1.2") }
        }
    }

    @Suite("Images")
    struct Images {
        @Test func offlineImageIsHDFSOnlyHadoop2() throws {
            let profile = try ImageProfile.guess(reference: ImageProfile.offlineReference)
            #expect(profile.hadoopVersion == .v2)
            #expect(profile.components == [.hdfs])
        }

        @Test func versionComesFromTheTag() throws {
            #expect(try ImageProfile.guess(reference: "apache/hadoop:3.4.1").hadoopVersion == .v3)
            #expect(try ImageProfile.guess(reference: "localhost:5000/apache/hadoop:2.10.2").hadoopVersion == .v2)
        }

        @Test func labelsWin() throws {
            let profile = try ImageProfile(reference: "mine:latest", labels: [
                ImageProfile.Label.hadoopVersion: "2.7.3",
                ImageProfile.Label.components: "hdfs",
                ImageProfile.Label.dataDirectory: "/srv/data",
            ])
            #expect(profile.hadoopVersion == .v2)
            #expect(profile.components == [.hdfs])
            #expect(profile.dataDirectory == "/srv/data")
        }

        @Test func theImagesConfiguredUserRunsTheDaemons() throws {
            let apache = try ImageProfile(reference: "example/hadoop:3", labels: [:], configuredUser: "hadoop")
            #expect(apache.user == "hadoop" && apache.userName == "hadoop")
            let numeric = try ImageProfile(reference: "example/hadoop:3", labels: [:], configuredUser: "1000:100")
            #expect(numeric.user == "1000:100" && numeric.userName == nil)
            for root in ["", "root", "0", "0:0"] {
                #expect(try ImageProfile(reference: "example/hadoop:3", labels: [:], configuredUser: root).user == nil, "\(root)")
            }
            // hind's own label wins, with the name it carries.
            let labelled = try ImageProfile(reference: "example/hadoop:3", labels: [ImageProfile.Label.user: "hadoop:1000:1000"], configuredUser: "other")
            #expect(labelled.user == "1000:1000" && labelled.userName == "hadoop")
            // Without an engine (render): Apache's image is known to run as hadoop.
            #expect(try ImageProfile.guess(reference: "apache/hadoop:3.4.1").user == "hadoop")
            #expect(try ImageProfile.guess(reference: "example/hadoop:3").user == nil)
        }

        @Test(arguments: ["hadoop", "1000", "hadoop:users", "1000:100", "_svc-1"])
        func acceptsImageUsers(_ user: String) throws {
            #expect(try ClusterShape.parseImageUser(user) == user)
            let spec = try ClusterShape(imageUser: user).spec(name: .default, image: ImageProfile.guess(reference: "example/hadoop:3"))
            #expect(spec.image.user == user)
        }

        @Test(arguments: ["", "root", "0", "0:0", "a b", "x:y:z", "-x", "Hadoop", ":100", "$(id)"])
        func refusesImageUsers(_ user: String) {
            #expect(throws: SpecError.invalidImageUser(user)) { try ClusterShape.parseImageUser(user) }
        }

        /// References Docker's grammar refuses, each with the part named in the message.
        @Test(arguments: [
            ("", "empty"), ("a b", "'a b'"), ("-x", "'-x'"), ("img:", "tag ''"), ("$(x)", "'$(x)'"),
            ("img@", "digest ''"), ("@sha256:abc", "digest 'sha256:abc'"), ("img@abc", "digest 'abc'"),
            ("registry:5000/", "empty path"), ("UPPER::bad@@", "digest '@'"), ("UPPER", "'UPPER'"),
            ("apache/Hadoop:3", "'Hadoop'"), ("hadoop:.3", "tag '.3'"),
            ("hadoop:-3", "tag '-3'"), ("hadoop::3", "'hadoop:'"), ("a//b", "empty path"),
            ("a..b", "'a..b'"), ("a_", "'a_'"), ("a___b", "'a___b'"), ("host:port/img", "registry 'host:port'"),
            ("img@sha256:0123abcd", "digest"), ("img@sha256:" + String(repeating: "g", count: 64), "digest"),
            ("img:" + String(repeating: "t", count: 129), "tag"), (String(repeating: "a", count: 256), "longer than 255"),
        ] as [(String, String)])
        func rejectsBadReferences(_ reference: String, _ named: String) {
            #expect(throws: SpecError.self) { try ImageProfile.guess(reference: reference) }
            let error = #expect(throws: SpecError.self) { try ImageReference(parsing: reference) }
            let text = error?.description ?? ""
            #expect(text.contains(named), "\(text)")
            #expect(text.contains("e.g. apache/hadoop:3.4.1"))
        }

        @Test(arguments: [
            ("apache/hadoop:3.4.1", "apache/hadoop", "3.4.1", "3.4.1"),
            ("localhost:5000/hadoop", "localhost:5000/hadoop", nil, "latest"),
            ("localhost:5000/hadoop:3", "localhost:5000/hadoop", "3", "3"),
            ("busybox", "busybox", nil, "latest"),
            ("apache/hadoop@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "apache/hadoop", nil, "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
            ("apache/hadoop:3.4.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "apache/hadoop", "3.4.1", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
            ("Registry.Example.com:443/team/hadoop_x/h-2__b:v1.2-rc_3", "Registry.Example.com:443/team/hadoop_x/h-2__b", "v1.2-rc_3", "v1.2-rc_3"),
            ("hind/hadoop:2.7.3-offline", "hind/hadoop", "2.7.3-offline", "2.7.3-offline"),
            ("localhost/hadoop", "localhost/hadoop", nil, "latest"),
            ("a--b.c/d", "a--b.c/d", nil, "latest"),
        ] as [(String, String, String?, String)])
        func referencesSplitIntoRepositoryTagAndDigest(_ text: String, _ repository: String, _ tag: String?, _ pullTag: String) throws {
            let reference = try ImageReference(parsing: text)
            #expect(reference.repository == repository)
            #expect(reference.tag == tag)
            #expect(reference.pullTag == pullTag, "never the empty tag, which pulls every tag")
            #expect(reference.description == text)
        }
    }
}
