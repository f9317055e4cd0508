import DockerEngine
import Foundation
import HindCluster

/// `hind smoke`: proves a running cluster works by using it, in seconds: HDFS through
/// Hadoop's own tools in the NameNode's container, WebHDFS and the web UIs from the host
/// on the published ports, YARN and MapReduce when the cluster has them.
///
/// Everything a check writes lives in one directory per run, `/hind-smoke-<id>` (and
/// `/tmp/hind-smoke-<id>` in the NameNode's container), removed at the end whatever
/// happened, so smoke runs again and again next to a user's data without touching it.
public struct SmokeSuite: Sendable {
    public let provider: any ClusterProvider
    public let status: ClusterStatus
    public let spec: ClusterSpec
    public let only: Set<SmokeComponent>
    /// The run's directory in HDFS.
    public let directory: String
    let user: String
    /// A second HDFS user, for ownership.
    static let otherUser = "hind-smoke-other"

    public init(provider: any ClusterProvider, status: ClusterStatus, spec: ClusterSpec,
                only: Set<SmokeComponent> = Set(SmokeComponent.allCases), id: String = String(UUID().uuidString.prefix(8)).lowercased()) {
        self.provider = provider
        self.status = status
        self.spec = spec
        self.only = only
        self.directory = "/hind-smoke-\(id)"
        self.user = spec.image.userName ?? "hadoop"
    }

    /// A check: its name, group, what it proves, and the work (which returns what it
    /// measured, or throws ``SmokeCheckFailure``); `skip` says why it cannot run here.
    struct Check: Sendable {
        var name: String
        var component: SmokeComponent
        var title: String
        var skip: String?
        var run: @Sendable () async throws -> String
    }

    /// Runs every selected check in order, reporting each as a step; cleans up last.
    public func run(progress: any ProgressReporter) async throws(SmokeError) -> SmokeReport {
        let clock = ContinuousClock()
        let started = clock.now
        var results: [SmokeResult] = []
        // Open to every user (sticky, like /tmp): the namespace check writes as a second one.
        _ = try? await webhdfs(.put, directory, "MKDIRS", ["permission": "1777"])
        for check in checks() where only.contains(check.component) {
            // Interrupted (Ctrl-C, a cancelled CI job): no further check, but the cleanup.
            if Task.isCancelled { break }
            let title = "\(check.component.rawValue): \(check.title)"
            if let reason = check.skip {
                progress.note("\(title): skipped, \(reason)")
                results.append(SmokeResult(name: check.name, component: check.component, title: check.title, outcome: .skipped, seconds: 0, message: reason))
                continue
            }
            progress.stepStarted(title)
            let checkStarted = clock.now
            var result = SmokeResult(name: check.name, component: check.component, title: check.title, outcome: .passed, seconds: 0, message: "")
            do {
                result.message = try await check.run()
            } catch let failure as SmokeCheckFailure {
                result.outcome = .failed
                result.message = failure.reason
                result.output = failure.output
            } catch {
                result.outcome = .failed
                result.message = ProvisionError.firstLine(of: error)
            }
            result.seconds = (clock.now - checkStarted).seconds
            if Task.isCancelled {
                progress.stepEnded(title, detail: "\(title): interrupted", seconds: result.seconds, succeeded: false)
                break
            }
            progress.stepEnded(title, detail: result.outcome == .failed ? "\(title): \(result.message)" : nil,
                               seconds: result.seconds, succeeded: result.outcome == .passed)
            results.append(result)
        }
        // A task of its own: it runs even when this one was cancelled.
        let suite = self
        await Task { await suite.cleanUp() }.value
        if Task.isCancelled { throw SmokeError.interrupted }
        return SmokeReport(cluster: status.name, results: results, seconds: (clock.now - started).seconds)
    }

    /// Removes the run's directories; a failure here is not a failed check.
    func cleanUp() async {
        _ = try? await webhdfs(.delete, directory, "DELETE", ["recursive": "true"])
        _ = try? await shell("rm -rf '\(localDirectory)'")
    }

    // MARK: Means

    /// A script in the NameNode's container, as the daemons' user: exit code and output.
    func shell(_ script: String) async throws -> (status: Int, output: String) {
        try await provider.shell(script, in: clientNode, of: spec.name)
    }

    /// `shell`, failing the check with `reason` and the output on a non-zero exit.
    func shellSucceeding(_ script: String, _ reason: String) async throws -> String {
        let result = try await shell(script)
        guard result.status == 0 else { throw SmokeCheckFailure(reason: "\(reason) (exit \(result.status))", output: result.output) }
        return result.output
    }

    var namenodeUI: String { status.endpoints.namenodeUI ?? "" }
    /// Where Hadoop's CLI runs: the NameNode's container, with HA the active one's (any
    /// running one: the client finds the active NameNode through the nameservice).
    var clientNode: String {
        let namenodes = status.nodes.filter { $0.roles.contains("namenode") && $0.state == "running" }
        return (namenodes.first { $0.haState == "active" } ?? namenodes.first)?.name ?? Topology.namenode
    }
    /// The run's scratch directory in the NameNode's container.
    var localDirectory: String { "/tmp\(directory)" }

    /// A WebHDFS call on the NameNode from the host, as `as` (the cluster's user by default).
    @discardableResult
    func webhdfs(_ method: HTTPMethod, _ path: String, _ op: String, _ parameters: [String: String] = [:], as user: String? = nil,
                 body: [UInt8]? = nil) async throws -> (status: Int, location: String?, body: [UInt8]) {
        var query = ["op": op, "user.name": user ?? self.user]
        query.merge(parameters) { $1 }
        let encoded = query.sorted { $0.key < $1.key }.map { "\($0.key)=\(URLEscaping.queryComponent($0.value))" }.joined(separator: "&")
        let url = "\(namenodeUI)/webhdfs/v1\(path.split(separator: "/").map { URLEscaping.pathSegment(String($0)) }.reduce("") { $0 + "/" + $1 })?\(encoded)"
        return try await HTTPGetter().request(method, url, body: body)
    }

    /// `FSNamesystemState`, read and parsed as readiness reads it.
    func namenodeState() async throws -> (state: String, live: Int, dead: Int) {
        guard let state = HadoopREST.parseNamenodeState(try await jmx(HadoopREST.namenodeStatePath)) else {
            throw SmokeCheckFailure(reason: "the NameNode's FSNamesystemState bean could not be read")
        }
        return state
    }

    /// `NameNodeInfo` (safe-mode text, live DataNodes), read and parsed as readiness reads it.
    func namenodeInfo() async throws -> HadoopExplanation {
        guard let info = HadoopREST.parseNamenodeInfo(try await jmx(HadoopREST.namenodeInfoPath)) else {
            throw SmokeCheckFailure(reason: "the NameNode's NameNodeInfo bean could not be read")
        }
        return info
    }

    /// One of the NameNode's JMX paths, from the host.
    func jmx(_ path: String) async throws -> [UInt8] {
        let response = try await HTTPGetter().get(namenodeUI + path)
        guard response.status == 200 else { throw SmokeCheckFailure(reason: "the NameNode's \(path) answered HTTP \(response.status)") }
        return response.body
    }
}

/// A check that did not hold: the reason, in one line, and the output that shows it.
struct SmokeCheckFailure: Error {
    var reason: String
    var output: String?
}
