import ArgumentParser
import Foundation
import HindCluster
import HindProvisioner

/// `hind smoke`: proves a running cluster works, check by check, in seconds.
struct SmokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smoke",
        abstract: "Check that a running cluster really works: HDFS, WebHDFS, the web UIs, YARN and MapReduce.",
        discussion: """
            One line per check with its time, then a summary. Everything a check writes lives
            in one directory per run (/hind-smoke-<id> in HDFS), removed at the end. Exits 0
            when every check passes, 1 when one fails, 2 for bad input.
            """)

    @OptionGroup var cluster: ClusterNameOptions

    @Option(help: ArgumentHelp("Only these groups: \(SmokeComponent.allCases.map(\.rawValue).joined(separator: ", ")) (comma-separated).", valueName: "groups"))
    var only: String?

    @Option(help: ArgumentHelp("Also write the results as JUnit XML to this file (for CI test reports).", valueName: "file"))
    var junit: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try only.map { (text) throws(SmokeError) in try SmokeComponent.parseList(text) }
    }

    func run() async throws {
        let name = try cluster.clusterName()
        let groups = try only.map { (text) throws(SmokeError) in try SmokeComponent.parseList(text) } ?? Set(SmokeComponent.allCases)
        // A path that cannot be written is refused before any check runs.
        let report = try junit.map { try JUnitFile(path: $0) }
        let provisioner = ClusterProvisioner(provider: try await Provider.connect(for: name), progress: ProgressPrinter())
        let result = try await withInterruptCancellation { try await provisioner.smoke(name, only: groups) }
        try report?.write(JUnitReport.render(result))
        if output.isJSON {
            try JSONOutput.print(result)
        } else {
            print("Smoke of cluster \"\(name)\": \(result.passed) passed, \(result.failed) failed, \(result.skipped) skipped in \(String(format: "%.1fs", result.seconds))")
        }
        if !result.succeeded {
            throw SmokeError.checksFailed(cluster: name, failed: result.results.filter { $0.outcome == .failed }.map(\.name))
        }
    }
}

/// The `--junit` file: checked writable up front (its directory exists, it is not a
/// directory), written once the checks have run.
struct JUnitFile {
    let url: URL

    init(path: String) throws {
        url = URL(fileURLWithPath: path).standardizedFileURL
        let fix = "name a file in a directory you can write to, e.g. --junit smoke.xml"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw HostFileError(POSIXError(.EISDIR), action: "write", path: url.path, fix: fix)
        }
        let directory = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HostFileError(POSIXError(.ENOENT), action: "write", path: url.path, fix: fix)
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw HostFileError(POSIXError(.EACCES), action: "write", path: url.path, fix: fix)
        }
    }

    func write(_ text: String) throws {
        let url = self.url
        try HostFileError.attempt("write", url.path, fix: "name a file in a directory you can write to") {
            try Data(text.utf8).write(to: url)
        }
    }
}
