import Foundation
import Testing
@testable import HindCluster

/// The launcher is a real program: these tests run it with /bin/sh, with fake `hdfs` and
/// `yarn` commands on PATH standing in for the JVMs.
@Suite("Launcher script")
struct LauncherScriptTests {
    @Suite("Quoting")
    struct Quoting {
        static let hostile = [
            "$(touch PWNED)", "`touch PWNED`", "a'b\"c", "line1\nline2", "${HOME}", "; touch PWNED #", "'", "",
            "\\'$(touch PWNED)'\\",
        ]

        @Test(arguments: hostile)
        func valuesArriveVerbatimAndNothingRuns(_ value: String) throws {
            let sandbox = try Sandbox()
            let script = ShellQuote.assignment("V", value) + "\nprintf '%s' \"$V\"\n"
            let result = try sandbox.run(script: script)
            #expect(result.status == 0)
            #expect(result.stdout == value)
            #expect(!FileManager.default.fileExists(atPath: sandbox.url.appendingPathComponent("PWNED").path))
        }

        @Test func renderedLauncherIsValidShell() throws {
            let topology = Topology(spec: try testSpec(components: [.hdfs, .yarn, .history]))
            let sandbox = try Sandbox()
            for node in topology.nodes {
                let path = try sandbox.write("\(node.name).sh", LauncherScript.render(node: node, topology: topology))
                #expect(try sandbox.run(["/bin/sh", "-n", path]).status == 0, "sh -n \(node.name)")
            }
        }
    }

    @Suite("Behaviour")
    struct Behaviour {
        @Test func namenodeIsFormattedOnlyOnce() throws {
            let sandbox = try Sandbox()
            let launcher = try sandbox.launcher(node: "namenode", fakeDaemonBody: "exit 0")
            let first = try sandbox.run([launcher, "run"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(sandbox.calls().contains("hdfs namenode -format -nonInteractive -clusterid CID-hind-demo"))
            try sandbox.clearCalls()
            let second = try sandbox.run([launcher, "run"])
            #expect(second.status == 0)
            #expect(!sandbox.calls().contains { $0.contains("-format") })
            #expect(sandbox.calls().contains("hdfs namenode"))
            #expect(second.stderr.contains("keeping its data"))
        }

        /// The image's empty namespace is copied instead of a format JVM, with this
        /// cluster's IDs: the cluster ID a format would write, a namespace ID and block
        /// pool ID of its own (of Hadoop's form, which DataNodes parse), the rest as is.
        @Test func anEmptyNamespaceOfTheImageReplacesTheFormat() throws {
            let sandbox = try Sandbox()
            let root = sandbox.url.path
            let template = "namenode-template/current"
            _ = try sandbox.write("\(template)/VERSION", """
                #Tue Dec 01 18:00:00 UTC 2026
                namespaceID=42
                clusterID=CID-template
                cTime=0
                storageType=NAME_NODE
                blockpoolID=BP-7-127.0.0.1-1
                layoutVersion=-63
                """, mode: 0o444)
            _ = try sandbox.write("\(template)/seen_txid", "0\n", mode: 0o444)
            _ = try sandbox.write("\(template)/fsimage_0000000000000000000", "image", mode: 0o444)
            let launcher = try sandbox.launcher(node: "namenode", fakeDaemonBody: "exit 0", replacing: [
                "HIND_NAME_TEMPLATE=''": "HIND_NAME_TEMPLATE='\(root)/namenode-template'",
            ])
            let result = try sandbox.run([launcher, "run"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!sandbox.calls().contains { $0.contains("-format") }, "no format JVM")
            #expect(sandbox.calls().contains("hdfs namenode"))
            #expect(result.stderr.contains("from the image's new namespace (no format JVM)"))
            let version = try String(contentsOfFile: "\(root)/data/dfs/name/current/VERSION", encoding: .utf8)
            #expect(version.contains("clusterID=CID-hind-demo\n"))
            #expect(version.contains("layoutVersion=-63") && version.contains("storageType=NAME_NODE") && version.contains("cTime=0"))
            let namespace = try #require(version.split(separator: "\n").first { $0.hasPrefix("namespaceID=") }?.dropFirst(12))
            #expect(namespace != "42" && (Int(namespace) ?? 0) > 0 && (Int(namespace) ?? .max) <= Int(Int32.max))
            let pool = try #require(version.split(separator: "\n").first { $0.hasPrefix("blockpoolID=") }?.dropFirst(12))
            // DataNode's BLOCK_POOL_PATH_PATTERN.
            #expect(pool.wholeMatch(of: /BP-[0-9]+-\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}-[0-9]+/) != nil, "\(pool)")
            #expect(pool != "BP-7-127.0.0.1-1")
            #expect(try String(contentsOfFile: "\(root)/data/dfs/name/current/fsimage_0000000000000000000", encoding: .utf8) == "image")
            // Started again, the namespace is kept, not copied over.
            try sandbox.clearCalls()
            let again = try sandbox.run([launcher, "run"])
            #expect(again.stderr.contains("keeping its data"))
            #expect(try String(contentsOfFile: "\(root)/data/dfs/name/current/VERSION", encoding: .utf8) == version)
        }

        /// The image's namespace is used only where it gives what a format would: an image
        /// that has one, no HA, no `--dist`, no configured superuser group.
        @Test func theImagesNamespaceIsChosenOnlyWhereItEqualsAFormat() throws {
            var image = try ImageProfile.guess(reference: ImageProfile.offlineReference)
            #expect(LauncherScript.namespaceTemplate(for: try ClusterSpec(name: ClusterName("a"), workers: 1, image: image)) == nil)
            image = try ImageProfile(reference: ImageProfile.offlineReference, labels: [
                ImageProfile.Label.user: "hadoop:1000:1000",
                ImageProfile.Label.namespaceTemplate: "/opt/hadoop/share/hind/namenode-template",
                ImageProfile.Label.namespaceTemplateUser: "hadoop",
            ])
            let plain = try ClusterSpec(name: ClusterName("a"), workers: 1, image: image)
            #expect(LauncherScript.namespaceTemplate(for: plain) == image.namespaceTemplate)
            let launcher = LauncherScript.render(node: try #require(Topology(spec: plain).node(named: "namenode")), topology: Topology(spec: plain))
            #expect(launcher.contains("HIND_NAME_TEMPLATE='/opt/hadoop/share/hind/namenode-template'"))
            var group = plain
            group.overrides = [try ConfigOverride(parsing: "hdfs-site:dfs.permissions.superusergroup=admins")]
            #expect(LauncherScript.namespaceTemplate(for: group) == nil)
            var dist = plain
            dist.distribution = "/src/hadoop-dist"
            #expect(LauncherScript.namespaceTemplate(for: dist) == nil)
            var ha = plain
            ha.ha = try HighAvailability(zookeepers: 1)
            #expect(LauncherScript.namespaceTemplate(for: ha) == nil)
            // Edits directories of their own: a format fills them, the copy would not.
            var edits = plain
            edits.overrides = [try ConfigOverride(parsing: "hdfs-site:dfs.namenode.edits.dir=/hadoop/data/edits")]
            #expect(LauncherScript.namespaceTemplate(for: edits) == nil)
            // Daemons run as another user than the one whose namespace (and home) it is.
            var other = plain
            other.image.run(as: "alice")
            #expect(LauncherScript.namespaceTemplate(for: other) == nil)
            // A label without the user it was made as is not used.
            let unnamed = try ImageProfile(reference: ImageProfile.offlineReference, labels: [
                ImageProfile.Label.user: "hadoop:1000:1000", ImageProfile.Label.namespaceTemplate: "/t",
            ])
            #expect(LauncherScript.namespaceTemplate(for: try ClusterSpec(name: ClusterName("a"), workers: 1, image: unnamed)) == nil)
        }

        /// A label naming a namespace the image does not hold stops the NameNode with the
        /// fix: hind made no home directory, trusting it.
        @Test func aMissingNamespaceIsAnErrorNotAFormat() throws {
            let sandbox = try Sandbox()
            let launcher = try sandbox.launcher(node: "namenode", fakeDaemonBody: "exit 0", replacing: [
                "HIND_NAME_TEMPLATE=''": "HIND_NAME_TEMPLATE='\(sandbox.url.path)/nowhere'",
            ])
            let result = try sandbox.run([launcher, "run"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("holds no namespace: rebuild the image"), "\(result.stderr)")
            #expect(!sandbox.calls().contains { $0.contains("-format") })
        }

        /// With several name directories, one already formatted (the first re-created
        /// empty with its container) is enough: the NameNode fills the others itself.
        @Test func anyFormattedNameDirectoryPreventsAFormat() throws {
            let sandbox = try Sandbox()
            let root = sandbox.url.path
            let launcher = try sandbox.launcher(node: "namenode", fakeDaemonBody: "exit 0", replacing: [
                "HIND_NAME_DIRS='\(root)/data/dfs/name'": "HIND_NAME_DIRS='\(root)/empty \(root)/kept'",
            ])
            _ = try sandbox.write("kept/current/VERSION", "namespaceID=1\n", mode: 0o644)
            let result = try sandbox.run([launcher, "run"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!sandbox.calls().contains { $0.contains("-format") })
            #expect(result.stderr.contains("NameNode directory \(root)/kept is formatted: keeping its data"))
        }

        @Test func daemonGetsItsHeapAndTheRenderedConfig() throws {
            let sandbox = try Sandbox()
            let launcher = try sandbox.launcher(
                node: "namenode", fakeDaemonBody: #"echo "opts=$HDFS_NAMENODE_OPTS conf=$(ls "$HADOOP_CONF_DIR" | tr '\n' ' ')""#)
            let result = try sandbox.run([launcher, "run"])
            #expect(result.stdout.contains("opts=-Xmx1024m -Xms1024m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:NewRatio=11 "))
            #expect(result.stdout.contains("core-site.xml dfs.exclude hdfs-site.xml"))
        }

        /// Only the NameNode gets a smaller young generation (its garbage grows with the
        /// cluster); a worker's daemons get hind's common options alone.
        @Test func workerDaemonsGetTheCommonJVMOptions() throws {
            let sandbox = try Sandbox()
            let launcher = try sandbox.launcher(
                node: "worker-1", skipWaits: true,
                fakeDaemonBody: #"echo "opts=${HDFS_DATANODE_OPTS:-$YARN_NODEMANAGER_OPTS}"; exit 0"#)
            let result = try sandbox.run([launcher, "run"])
            let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("opts=") }
            #expect(lines.count == 2, "\(result.stdout)\(result.stderr)")
            for line in lines {
                #expect(line.contains("-Xms256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -D"), "\(line)")
                #expect(!line.contains("NewRatio"))
            }
        }

        @Test func dependencyTimeoutFailsTheNode() throws {
            let sandbox = try Sandbox()
            // The NodeManager waits for the ResourceManager's port (127.0.0.1:1 here); the
            // DataNode, which only waits for its NameNode's name, runs until stopped.
            let launcher = try sandbox.launcher(
                node: "worker-1", waitTimeout: 1,
                fakeDaemonBody: #"trap 'exit 0' TERM; while :; do sleep 0.1; done"#,
                replacing: ["HIND_NODEMANAGER_WAIT='resourcemanager:8031'": "HIND_NODEMANAGER_WAIT='127.0.0.1:1'"])
            let result = try sandbox.run([launcher, "run"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("gave up waiting for 127.0.0.1:1"))
            #expect(!sandbox.calls().contains("yarn nodemanager"))
        }

        @Test func dataNodeWaitsForTheNameNodesNameOnly() throws {
            let sandbox = try Sandbox()
            // Its dependency's name resolves (127.0.0.1) though nothing listens on the port.
            let launcher = try sandbox.launcher(node: "worker-1", fakeDaemonBody: "exit 0", replacing: [
                "HIND_NODEMANAGER_WAIT='resourcemanager:8031'": "HIND_NODEMANAGER_WAIT=''",
            ])
            let result = try sandbox.run([launcher, "run"])
            #expect(sandbox.calls().contains("hdfs datanode"), "\(result.stderr)")
            #expect(result.stderr.contains("datanode waits for 127.0.0.1 to resolve")
                || result.stderr.contains("datanode waits for 127.0.0.1:1"), "\(result.stderr)")
        }

        @Test func dataNodeGivesUpWhenTheNameNeverResolves() throws {
            let sandbox = try Sandbox()
            let launcher = try sandbox.launcher(node: "worker-1", waitTimeout: 1, fakeDaemonBody: "exit 0", replacing: [
                "HIND_DATANODE_WAIT='127.0.0.1:1'": "HIND_DATANODE_WAIT='no-such-namenode.invalid:8020'",
                "HIND_NODEMANAGER_WAIT='resourcemanager:8031'": "HIND_NODEMANAGER_WAIT=''",
            ])
            let result = try sandbox.run([launcher, "run"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("gave up waiting for no-such-namenode.invalid"), "\(result.stderr)")
            #expect(!sandbox.calls().contains("hdfs datanode"))
        }

        @Test func workerExitsNonZeroWhenEitherDaemonDies() throws {
            let sandbox = try Sandbox()
            // The NodeManager dies with status 3 once the DataNode is ready for a TERM; the
            // DataNode runs on until it is stopped.
            let launcher = try sandbox.launcher(
                node: "worker-1", skipWaits: true,
                fakeDaemonBody: #"if [ "$1" = nodemanager ]; then "#
                    + #"until grep -q 'datanode trapping' "$HIND_TEST_CALLS"; do sleep 0.05; done; exit 3; fi; "#
                    + Self.trappingDaemon)
            let result = try sandbox.run([launcher, "run"])
            #expect(result.status == 3)
            #expect(result.stderr.contains("exited with status 3"))
            #expect(sandbox.calls().contains("datanode got TERM"))
        }

        @Test func sigtermReachesBothDaemons() throws {
            let sandbox = try Sandbox()
            let launcher = try sandbox.launcher(node: "worker-1", skipWaits: true, fakeDaemonBody: Self.trappingDaemon)
            let process = try sandbox.start([launcher, "run"])
            // TERM once both daemons have set their trap, however slow the machine.
            for _ in 0..<1200 where !["datanode trapping", "nodemanager trapping"].allSatisfy(sandbox.calls().contains) {
                Thread.sleep(forTimeInterval: 0.05)
            }
            process.terminate()
            process.waitUntilExit()
            #expect(process.terminationStatus == 143)
            let calls = sandbox.calls()
            #expect(calls.contains("datanode got TERM"))
            #expect(calls.contains("nodemanager got TERM"))
        }

        @Test func findsTheImagesHadoopWithoutHadoopHomeAndLaysHindsFilesOverIts() throws {
            let sandbox = try Sandbox()
            // Like Apache's image: no HADOOP_HOME, the hdfs on PATH in <home>/bin, the
            // image's own etc/hadoop with a log4j.properties that logs to files.
            try sandbox.write("etc/hadoop/hadoop-env.sh", "export FROM_THE_IMAGE=1\n", mode: 0o644)
            try sandbox.write("etc/hadoop/log4j.properties", "log4j.rootLogger=INFO,RFA\n", mode: 0o644)
            let launcher = try sandbox.launcher(
                node: "resourcemanager",
                fakeDaemonBody: #"ls "$HADOOP_CONF_DIR"; head -n 1 "$HADOOP_CONF_DIR/log4j.properties"; echo "logs=$HADOOP_LOG_DIR""#)
            let result = try sandbox.run([launcher, "run"])
            #expect(result.status == 0, "\(result.stderr)")
            for file in ["hadoop-env.sh", "capacity-scheduler.xml", "yarn-site.xml", "log4j.properties"] {
                #expect(result.stdout.contains(file + "\n"), "\(file) in the runtime config: \(result.stdout)")
            }
            #expect(result.stdout.contains("Rendered by hind"), "hind's log4j.properties wins over the image's")
            #expect(result.stdout.contains("logs=\(sandbox.url.path)/logs"), "a log directory the daemons can write: \(result.stdout)")
        }

        /// As root (CI), the launcher gives the data directory to the image's user and runs
        /// the daemons as that user: nobody (65534) stands in for `hadoop`.
        @Test(.enabled(if: getuid() == 0, "needs root, as a container's root step has"))
        func startsAsRootGivesTheDataDirectoryAwayAndRunsTheDaemonsAsTheUser() throws {
            let sandbox = try Sandbox()
            let data = sandbox.url.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            try sandbox.write("calls", "", mode: 0o666)
            let launcher = try sandbox.launcher(
                node: "namenode", fakeDaemonBody: #"echo "daemon as $(id -u):$(id -g) home=$HOME" >> "$HIND_TEST_CALLS""#,
                replacing: [
                    "HIND_RUN_AS=''": "HIND_RUN_AS='65534:65534'",
                    // Under the data directory: the user writes there.
                    "HIND_CONF_DIR='\(sandbox.url.path)/runtime-conf'": "HIND_CONF_DIR='\(data.path)/conf'",
                ])
            let result = try sandbox.run([launcher, "run"])
            #expect(result.status == 0, "\(result.stderr)")
            let owner = try FileManager.default.attributesOfItem(atPath: data.path)[.ownerAccountID] as? Int
            #expect(owner == 65534, "the data directory was given to the daemons' user")
            #expect(sandbox.calls().contains { $0.hasPrefix("daemon as 65534:65534") }, "\(sandbox.calls())")
            #expect(sandbox.calls().contains("hdfs namenode -format -nonInteractive -clusterid CID-hind-demo"), "formatted as the user")
        }

        @Test(.enabled(if: getuid() == 0, "needs root, as a container's root step has"))
        func aUserTheImageDoesNotHaveIsNamedAndNothingStarts() throws {
            let sandbox = try Sandbox()
            try FileManager.default.createDirectory(at: sandbox.url.appendingPathComponent("data"), withIntermediateDirectories: true)
            let launcher = try sandbox.launcher(node: "namenode", fakeDaemonBody: "exit 0",
                                                replacing: ["HIND_RUN_AS=''": "HIND_RUN_AS='no-such-hind-user'"])
            let result = try sandbox.run([launcher, "run"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("user no-such-hind-user does not exist in the image"), "\(result.stderr)")
            #expect(sandbox.calls().isEmpty, "no JVM started")
        }

        @Test(.enabled(if: getuid() == 0, "needs root to run the launcher as another user"))
        func aDataDirectoryTheUserCannotWriteIsNamedWithItsOwner() throws {
            let sandbox = try Sandbox()
            try FileManager.default.createDirectory(at: sandbox.url.appendingPathComponent("data"), withIntermediateDirectories: true)
            let launcher = try sandbox.launcher(node: "namenode", fakeDaemonBody: "exit 0")
            // Started as nobody, with no root step: the root-owned data directory stays root's.
            let result = try sandbox.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh", launcher, "run"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("the data directory \(sandbox.url.path)/data (owner root:root) is not writable by nobody:nogroup"), "\(result.stderr)")
            #expect(!sandbox.calls().contains { $0.contains("namenode") }, "no JVM started")
        }

        /// A fake daemon that says when its TERM trap is set, then runs until it gets one.
        static let trappingDaemon = #"trap 'echo "$1 got TERM" >> "$HIND_TEST_CALLS"; exit 0' TERM; "#
            + #"echo "$1 trapping" >> "$HIND_TEST_CALLS"; while :; do sleep 0.1; done"#

        @Test func healthFailsUntilThePortsListen() throws {
            let sandbox = try Sandbox()
            let launcher = try sandbox.launcher(node: "namenode", fakeDaemonBody: "exit 0")
            #expect(try sandbox.run([launcher, "health"]).status != 0)
        }
    }
}

/// A temporary directory holding a launcher whose paths point inside it, and fake daemons.
struct Sandbox {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hind-launcher-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var callsPath: String { url.appendingPathComponent("calls").path }

    @discardableResult
    func write(_ name: String, _ contents: String, mode: Int = 0o755) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        return file.path
    }

    /// Renders the launcher of `node` in a 1-worker YARN cluster, redirected into the sandbox.
    func launcher(
        node name: String, waitTimeout: Int = 300, skipWaits: Bool = false, fakeDaemonBody: String,
        replacing replacements: [String: String] = [:]
    ) throws -> String {
        let topology = Topology(spec: try testSpec(workers: 1))
        let node = try #require(topology.node(named: name))
        var script = LauncherScript.render(node: node, topology: topology)
        let root = url.path
        script = script
            .replacingOccurrences(of: "HIND_NAME_DIRS='/data/dfs/name'", with: "HIND_NAME_DIRS='\(root)/data/dfs/name'")
            .replacingOccurrences(of: "HIND_DATA_DIR='/data'", with: "HIND_DATA_DIR='\(root)/data'")
            // The sandbox runs as whoever runs the tests: no switch to the image's user.
            .replacingOccurrences(of: "HIND_RUN_AS='hadoop'", with: "HIND_RUN_AS=''")
            .replacingOccurrences(of: "HIND_RENDERED_CONF='/hind/conf'", with: "HIND_RENDERED_CONF='\(root)/conf'")
            .replacingOccurrences(of: "HIND_CONF_DIR='/tmp/hind/conf'", with: "HIND_CONF_DIR='\(root)/runtime-conf'")
            .replacingOccurrences(of: "HIND_WAIT_TIMEOUT='300'", with: "HIND_WAIT_TIMEOUT='\(waitTimeout)'")
            // Names of other nodes do not resolve outside a cluster network: probe loopback
            // ports nothing listens on instead (port 1), without waiting on DNS.
            .replacingOccurrences(of: "HIND_HEALTH_HOST='\(name)'", with: "HIND_HEALTH_HOST='127.0.0.1'")
            .replacingOccurrences(of: "_WAIT='namenode:8020'", with: "_WAIT='127.0.0.1:1'")
        if skipWaits {
            script = script.replacingOccurrences(of: "_WAIT='127.0.0.1:1'", with: "_WAIT=''")
                .replacingOccurrences(of: "_WAIT='resourcemanager:8031'", with: "_WAIT=''")
        }
        for (text, replacement) in replacements {
            #expect(script.contains(text), "the launcher has no \(text)")
            script = script.replacingOccurrences(of: text, with: replacement)
        }
        for file in RenderedCluster(topology: topology).configFiles { try write(file.path, file.contents, mode: 0o644) }
        // Each fake records its command line, then runs the test's body.
        for command in ["hdfs", "yarn", "mapred"] {
            try write("bin/\(command)", """
                #!/bin/sh
                if [ "$2" = "-format" ]; then mkdir -p "$HIND_TEST_ROOT/data/dfs/name/current"; touch "$HIND_TEST_ROOT/data/dfs/name/current/VERSION"; fi
                echo "\(command) $*" >> "$HIND_TEST_CALLS"
                case "$2" in -format) exit 0 ;; esac
                \(fakeDaemonBody)
                """)
        }
        return try write("launcher.sh", script)
    }

    func calls() -> [String] {
        ((try? String(contentsOfFile: callsPath, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func clearCalls() throws { try? FileManager.default.removeItem(atPath: callsPath) }

    func start(_ arguments: [String], stdout: Pipe? = nil, stderr: Pipe? = nil) throws -> Process {
        let process = Process()
        // A program of the system runs as itself; anything else (a launcher) through sh.
        let isProgram = arguments[0].hasPrefix("/bin/") || arguments[0].hasPrefix("/usr/bin/")
        process.executableURL = URL(fileURLWithPath: isProgram ? arguments[0] : "/bin/sh")
        process.arguments = isProgram ? Array(arguments.dropFirst()) : arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = url.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        environment["HIND_TEST_CALLS"] = callsPath
        environment["HIND_TEST_ROOT"] = url.path
        environment.removeValue(forKey: "HADOOP_HOME")
        process.environment = environment
        process.currentDirectoryURL = url
        process.standardOutput = stdout ?? FileHandle.nullDevice
        process.standardError = stderr ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let out = Pipe(), err = Pipe()
        let process = try start(arguments, stdout: out, stderr: err)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    func run(script: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try run(["/bin/sh", "-c", script])
    }
}
