import Foundation
import HindTestSupport
import Testing

@Suite("hind render")
struct RenderCommandTests {
    /// Bad input: one line naming the problem, exit 2, nothing written.
    @Suite("Bad input")
    struct BadInput {
        static let cases: [(arguments: [String], mentions: String)] = [
            (["-c", "0"], "worker count 0 is out of range"),
            (["-c", "-1"], "worker count -1 is out of range"),
            (["-c", "abc"], "'abc' is invalid for '-c <workers>'"),
            (["-c", "1000"], "use -c 1 to -c 50"),
            (["--name", "Dev"], "uppercase"),
            (["--name", "my cluster"], "' ' is not allowed"),
            (["--name", "../x"], "'.' is not allowed"),
            (["--name", ""], "it is empty"),
            (["--name", String(repeating: "a", count: 41)], "41 characters"),
            (["--components", "hdfs,pig"], "unknown component 'pig'"),
            (["--components", "history"], "'history' needs 'yarn'"),
            (["--conf", "dfs.replication=2"], "has no 'FILE:'"),
            (["--conf", "hdfs-site:dfs.replication"], "has no '='"),
            (["--conf", "hive-site:a=b"], "unknown config file 'hive-site'"),
            (["--memory", "2"], "malformed memory size '2'"),
            (["--memory", "lots"], "malformed memory size 'lots'"),
            (["--memory", "128m"], "too small"),
            (["--image", "no spaces allowed"], "invalid image reference"),
            (["--hadoop-version", "1"], "unsupported Hadoop version"),
            (["--namenode-port", "70000"], "invalid port"),
            (["--image", "hind/hadoop:2.7.3-offline", "--components", "hdfs,yarn"], "ships hdfs only and cannot run yarn"),
            (["--conf", "core-site:a=b\u{1}c"], "control characters"),
            // Values that start with '-' reach hind's checks, not "Missing value".
            (["--memory", "-1g"], "malformed memory size '-1g'"),
            (["--namenode-port", "-3"], "invalid port '-3'"),
            (["--name", "-x"], "invalid cluster name '-x'"),
            (["--image", "UPPER::bad@@"], "the digest '@' is not ALGORITHM:HEX"),
            (["--image", "apache/Hadoop:3"], "'Hadoop' must be lowercase"),
        ]

        @Test(arguments: cases)
        func isRejectedInOneLine(_ arguments: [String], _ mentions: String) throws {
            let directory = try TemporaryDirectory()
            let output = directory.appending("out")
            let result = try HindProcess.run(["render"] + arguments + ["--output-dir", output.path])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("error: "))
            #expect(result.stderr.contains(mentions), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output.path), "nothing written")
        }

        @Test func nonEmptyOutputDirectoryNeedsForce() throws {
            let directory = try TemporaryDirectory()
            try Data("keep".utf8).write(to: directory.appending("notes.txt"))
            let refused = try HindProcess.run(["render", "--output-dir", directory.url.path])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("is not empty: choose another or add --force"))
            #expect(directory.files() == ["notes.txt"])

            let forced = try HindProcess.run(["render", "--output-dir", directory.url.path, "--force"])
            #expect(forced.status == 0, "\(forced.stderr)")
            #expect(directory.files().contains("compose.yaml"))
            #expect(directory.files().contains("notes.txt"), "files that are not hind's stay")
        }

        @Test func forceReplacesLaunchersOfRemovedNodes() throws {
            let directory = try TemporaryDirectory()
            _ = try HindProcess.run(["render", "-c", "3", "--output-dir", directory.url.path])
            let result = try HindProcess.run(["render", "-c", "1", "--output-dir", directory.url.path, "--force"])
            #expect(result.status == 0)
            #expect(!directory.files().contains("launchers/worker-3.sh"))
        }
    }

    @Test(arguments: [["--help"], ["up", "--help"], ["render", "--help"], ["--version"]])
    func helpAndVersionExitZero(_ arguments: [String]) throws {
        let result = try HindProcess.run(arguments)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(!result.stdout.isEmpty)
    }

    @Test func writesComposeProjectAndSaysHowToRunIt() throws {
        let directory = try TemporaryDirectory()
        let result = try HindProcess.run(["render", "-c", "3", "--name", "demo", "--output-dir", directory.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("docker-compose -p demo -f"))
        #expect(directory.files() == [
            "compose.yaml", "conf/capacity-scheduler.xml", "conf/core-site.xml", "conf/dfs.exclude", "conf/hdfs-site.xml", "conf/log4j.properties",
            "conf/mapred-site.xml", "conf/yarn-site.xml", "conf/yarn.exclude", "launchers/namenode.sh", "launchers/resourcemanager.sh",
            "launchers/worker-1.sh", "launchers/worker-2.sh", "launchers/worker-3.sh",
        ])
        let mode = try FileManager.default.attributesOfItem(atPath: directory.appending("launchers/worker-1.sh").path)[.posixPermissions] as? Int
        #expect(mode == 0o755)
    }

    @Test func jsonOutputListsTheFiles() throws {
        let directory = try TemporaryDirectory()
        let result = try HindProcess.run(["render", "-c", "1", "--components", "hdfs", "--output-dir", directory.url.path, "-o", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["workers"] as? Int == 1)
        #expect(json["components"] as? [String] == ["hdfs"])
        #expect((json["files"] as? [String])?.contains("compose.yaml") == true)
    }

    /// The file must satisfy both Debian's docker-compose 1.29 and the compose-spec schema.
    @Suite("Compose validation", .enabled(if: ComposeValidators.available, ComposeValidators.missingReason))
    struct Validation {
        @Test(arguments: [
            ["-c", "3"],
            ["-c", "3", "--image", "hind/hadoop:2.7.3-offline"],
            ["-c", "2", "--components", "hdfs,yarn,history", "--memory", "4g", "--namenode-port", "19870"],
            ["-c", "4", "--racks", "2", "--rack", "worker-4=/rack-1", "--image", "hind/hadoop:2.7.3-offline"],
            ["-c", "2", "--ha", "--zookeepers", "3", "--components", "hdfs,yarn"],
        ])
        func validatesWithDockerComposeAndTheSchema(_ arguments: [String]) throws {
            let directory = try TemporaryDirectory()
            let result = try HindProcess.run(["render"] + arguments + ["--name", "valid", "--output-dir", directory.url.path])
            #expect(result.status == 0, "\(result.stderr)")
            let compose = directory.appending("compose.yaml").path
            let config = try ComposeValidators.run(["docker-compose", "-p", "valid", "-f", compose, "config", "-q"])
            #expect(config.status == 0, "docker-compose config: \(config.output)")
            // A copy of the compose-spec JSON schema (shared/reference/compose-spec.json).
            let schema = Repository.root().appendingPathComponent("Tests/Fixtures/compose-spec.json").path
            let validated = try ComposeValidators.run(["python3", "-c", ComposeValidators.schemaCheck, compose, schema])
            #expect(validated.status == 0, "schema: \(validated.output)")
        }
    }

    /// The examples under compose/ are the renderer's output, byte for byte.
    @Test(arguments: CheckedInExample.all)
    func checkedInExampleMatchesTheRenderer(_ example: CheckedInExample) throws {
        let directory = try TemporaryDirectory()
        let result = try HindProcess.run(["render"] + example.arguments + ["--output-dir", directory.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let checkedIn = example.directory
        let expectedFiles = try TemporaryDirectory.files(in: checkedIn)
        #expect(directory.files() == expectedFiles, "files of compose/\(example.name)")
        for file in directory.files() {
            let rendered = try String(contentsOf: directory.appending(file), encoding: .utf8)
            let expected = try? String(contentsOf: checkedIn.appendingPathComponent(file), encoding: .utf8)
            #expect(rendered == expected, "compose/\(example.name)/\(file) drifted from the renderer: run scripts/render-examples and review the diff")
        }
    }
}

/// One line of compose/examples.tsv.
struct CheckedInExample: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var directory: URL { Repository.root().appendingPathComponent("compose/\(name)") }
    var testDescription: String { name }

    static var all: [CheckedInExample] {
        let list = Repository.root().appendingPathComponent("compose/examples.tsv")
        let text = (try? String(contentsOf: list, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let columns = line.split(separator: "\t", maxSplits: 1)
            guard columns.count == 2 else { return nil }
            return CheckedInExample(name: String(columns[0]), arguments: columns[1].split(separator: " ").map(String.init))
        }
    }
}

extension TemporaryDirectory {
    static func files(in url: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [String] = []
        while let file = enumerator?.nextObject() as? URL {
            if try file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                files.append(String(file.standardizedFileURL.path.dropFirst(url.standardizedFileURL.path.count + 1)))
            }
        }
        return files.sorted()
    }
}

/// Debian's docker-compose and Python's jsonschema, which `scripts/test` installs.
enum ComposeValidators {
    static let available: Bool = ProcessInfo.processInfo.environment["CI"] == "true"
        || ((try? run(["docker-compose", "version"]).status) == 0 && (try? run(["python3", "-c", "import jsonschema, yaml"]).status) == 0)

    static let missingReason: Comment = "docker-compose or python3's jsonschema/yaml missing: run scripts/test, which installs them"

    static let schemaCheck = """
        import json, sys, yaml, jsonschema
        document = yaml.safe_load(open(sys.argv[1]))
        jsonschema.validate(document, json.load(open(sys.argv[2])))
        """

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try HostCommand.run(arguments)
    }
}
