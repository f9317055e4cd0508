import Foundation
import HindTestSupport
import Testing
import Yams

/// The recipes of docs/ci.md, run as written: the plain shell script verbatim, and the
/// GitHub Actions job's `run` steps in order with its `if:` conditions, each with a
/// `run-tests.sh` that uses the cluster from the host over WebHDFS.
@Suite("docs/ci.md", .serialized, .requiresDockerEngine)
struct CIRecipeTests {
    static let document = Repository.root().appendingPathComponent("docs/ci.md")

    /// The fenced block between `<!-- ci:NAME:begin -->` and its end marker.
    static func block(_ name: String) throws -> String {
        let text = try String(contentsOf: document, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- ci:\(name):begin -->"))
        let end = try #require(text.range(of: "<!-- ci:\(name):end -->"))
        let lines = text[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        return lines.filter { !$0.hasPrefix("```") }.joined(separator: "\n")
    }

    /// A job directory: `hind/scripts/hind` runs the hind under test (the real
    /// scripts/hind would rebuild it, and the build directory is locked while tests
    /// run), `run-tests.sh` is a host test that passes or fails.
    static func job(testsPass: Bool) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let scripts = directory.appending("hind/scripts")
        try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
        try Data("#!/bin/sh\nexec '\(HindProcess.binary.path)' \"$@\"\n".utf8).write(to: scripts.appendingPathComponent("hind"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scripts.appendingPathComponent("hind").path)
        let tests = """
            #!/bin/sh
            set -eu
            printf 'from CI' > file.txt
            curl -sSf -L -X PUT -T file.txt "$HIND_WEBHDFS_URL/ci/file?op=CREATE&user.name=hadoop&overwrite=true"
            test "$(curl -sSf -L "$HIND_WEBHDFS_URL/ci/file?op=OPEN")" = "from CI"
            test -f "$HADOOP_CONF_DIR/core-site.xml"
            \(testsPass ? "" : "echo 'a test failed' >&2; exit 1")
            """
        try Data(tests.utf8).write(to: directory.appending("run-tests.sh"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.appending("run-tests.sh").path)
        return directory
    }

    static func clusterGone() async throws -> Bool { try await ClusterFixture.objects(of: "ci").isEmpty }

    @Test(arguments: [true, false])
    func plainShellRecipe(testsPass: Bool) async throws {
        defer { ClusterFixture.cleanUp("ci") }
        let job = try Self.job(testsPass: testsPass)
        try Data(try Self.block("shell").utf8).write(to: job.appending("ci.sh"))
        let result = try HostCommand.run(["sh", "ci.sh"], in: job.url)
        #expect(result.status == (testsPass ? 0 : 1), "\(result.output)")
        #expect(result.output.contains("a test failed") == !testsPass, "\(result.output)")
        let cluster = try JSONSerialization.jsonObject(with: Data(contentsOf: job.appending("cluster.json"))) as? [String: Any]
        #expect(cluster?["ready"] as? Bool == true)
        #expect(FileManager.default.fileExists(atPath: job.appending("hind-logs/namenode.log").path) == !testsPass)
        #expect(try await Self.clusterGone(), "the trap removed the cluster")
    }

    @Test(arguments: [true, false])
    func githubActionsJob(testsPass: Bool) async throws {
        defer { ClusterFixture.cleanUp("ci") }
        let job = try Self.job(testsPass: testsPass)
        let workflow = try #require(try Yams.load(yaml: try Self.block("workflow")) as? [String: Any])
        let steps = try #require(((workflow["jobs"] as? [String: Any])?["hdfs"] as? [String: Any])?["steps"] as? [[String: Any]])
        var failed = false
        var ran: [String] = []
        for step in steps {
            guard let run = step["run"] as? String else { continue }  // `uses:` steps are GitHub's
            switch step["if"] as? String {
            case nil: if failed { continue }
            case "failure()": if !failed { continue }
            case "always()": break
            case let other: Issue.record("unexpected condition \(String(describing: other))")
            }
            let result = try HostCommand.run(["bash", "-e", "-c", run], in: job.url)
            ran.append(run)
            if result.status != 0 && testsPass { Issue.record("\(run): \(result.output)") }
            if result.status != 0 { failed = true }
        }
        #expect(failed == !testsPass)
        #expect(ran.contains { $0.contains("export-logs") } == !testsPass)
        #expect(FileManager.default.fileExists(atPath: job.appending("hind-logs/status.json").path) == !testsPass)
        #expect(ran.last == "hind/scripts/hind down --name ci")
        #expect(try await Self.clusterGone())
    }
}
