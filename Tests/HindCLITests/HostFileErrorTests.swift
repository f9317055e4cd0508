import Foundation
import HindTestSupport
import Testing

/// Every verb that writes files on the host, given a path it cannot write: one line
/// naming the path, the reason and the fix (never Foundation's `NSCocoaErrorDomain`
/// dump), exit 2, and checked before the engine is contacted (none runs here).
@Suite("Host file errors")
struct HostFileErrorTests {
    static let noEngine = ["DOCKER_HOST": "unix:///nonexistent/docker.sock"]

    static func refuse(_ arguments: [String], mentions: String, as user: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try HindProcess.run(arguments, environment: noEngine, executable: user)
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(mentions), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("name a directory you can write to"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && result.stderr.split(separator: "\n").count == 1,
                "\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func ontoAFile() throws {
        let directory = try TemporaryDirectory()
        let file = directory.appending("file")
        try Data().write(to: file)
        try Self.refuse(["export-logs", file.path], mentions: "cannot write to \(file.path): a file is in the way")
        try Self.refuse(["client-config", file.appendingPathComponent("conf").path], mentions: "a file is in the way (Not a directory)")
        try Self.refuse(["render", "--output-dir", file.appendingPathComponent("out").path], mentions: "a file is in the way")
    }

    @Test func whereNothingCanBeCreated() throws {
        try Self.refuse(["export-logs", "/proc/hind-logs"], mentions: "cannot create directory /proc/hind-logs: no such file or directory")
        try Self.refuse(["client-config", "/proc/hind-conf"], mentions: "cannot create directory /proc/hind-conf")
        try Self.refuse(["render", "--output-dir", "/proc/hind-render"], mentions: "cannot write /proc/hind-render/compose.yaml")
    }

    /// As an unprivileged user (root writes anywhere), into a directory it may not write.
    @Test func unwritableDirectory() throws {
        let directory = try TemporaryDirectory()
        let locked = directory.appending("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o555])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.url.path)
        let nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        try Self.refuse(["export-logs", locked.path], mentions: "cannot write to \(locked.path): permission denied", as: nobody)
        try Self.refuse(["client-config", locked.appendingPathComponent("conf").path], mentions: "permission denied", as: nobody)
    }

    /// A directory the command created is removed again when it fails later (here: no engine).
    @Test func leavesNoDirectoryBehindOnFailure() throws {
        let directory = try TemporaryDirectory()
        for verb in ["export-logs", "client-config"] {
            let target = directory.appending("\(verb)-parent/and/out")
            let result = try HindProcess.run([verb, target.path], environment: Self.noEngine)
            #expect(result.status == 1)
            #expect(result.stderr.contains("cannot reach the Docker engine"))
            #expect(!FileManager.default.fileExists(atPath: directory.appending("\(verb)-parent").path), "\(verb) left its parents")
        }
    }
}

/// `client-config` refuses a directory with files in it unless --force.
@Suite("client-config output directory")
struct ClientConfigDirectoryTests {
    @Test func nonEmptyDirectoryNeedsForce() throws {
        let directory = try TemporaryDirectory()
        try Data("mine".utf8).write(to: directory.appending("notes.txt"))
        let result = try HindProcess.run(["client-config", directory.url.path], environment: HostFileErrorTests.noEngine)
        #expect(result.status == 2)
        #expect(result.stderr == "error: directory \(directory.url.path) is not empty: choose another, or add --force to replace hind's files in it\n")
        #expect(try String(contentsOf: directory.appending("notes.txt"), encoding: .utf8) == "mine")
    }
}
