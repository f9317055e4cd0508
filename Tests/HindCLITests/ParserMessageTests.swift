import HindCLI
import HindTestSupport
import Testing

/// Values the argument parser refuses: the message names the accepted form with an
/// example, never a bare "Missing value" for a value that starts with '-'. All are
/// refused before an engine is contacted, so none needs one.
@Suite("Parser messages")
struct ParserMessageTests {
    static let cases: [(arguments: [String], mentions: String)] = [
        (["up", "--wait", "0"], "The value '0' is invalid for '--wait <wait>': use a positive whole number with a unit ms, s, m or h, e.g. --wait 90s"),
        (["up", "--wait", "-1s"], "The value '-1s' is invalid for '--wait <wait>'"),
        (["up", "--wait", "soon"], "e.g. --wait 90s or --wait 5m"),
        (["start", "--wait", "0s"], "e.g. --wait 90s or --wait 5m"),
        (["up", "--memory", "-1g"], "malformed memory size '-1g': use a whole number with a unit k, m or g (e.g. --memory 512m"),
        (["logs", "--tail", "-5"], "--tail -5 is negative: use 0 or more lines, e.g. --tail 100"),
        (["up", "-c", "-1"], "worker count -1 is out of range: use -c 1 to -c 50"),
        (["up", "--conf-unchecked", "hdfs-site:no-equals"], "malformed --conf 'hdfs-site:no-equals': it has no '='"),
        (["config", "--image", "hind/hadoop:2.7.3-offline", "--node", "worker-1"], "--node needs a cluster, not --image: drop one of them"),
        (["config", "--image", "Bad:Image"], "invalid image reference 'Bad:Image'"),
    ]

    @Test func uncheckedOverridesComeAfterTheCheckedOnes() throws {
        let options = try ClusterSpecOptions.parse([
            "--conf", "hdfs-site:a=1", "--conf-unchecked", "hdfs-site:b=2", "--conf", "core-site:c=3",
        ])
        let overrides = try options.shape().overrides
        #expect(overrides.map(\.key) == ["a", "c", "b"])
        #expect(overrides.map(\.unchecked) == [false, false, true])
    }

    @Test(arguments: cases)
    func namesTheAcceptedForm(_ arguments: [String], _ mentions: String) throws {
        let result = try HindProcess.run(arguments, environment: ["DOCKER_HOST": "unix:///nonexistent/docker.sock"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"))
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
    }
}
