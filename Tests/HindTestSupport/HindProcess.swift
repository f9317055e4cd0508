import Foundation

/// Runs the built `hind` executable as a user would, capturing its output and exit code.
public enum HindProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The `hind` binary next to the test bundle (`swift build` puts every product in one
    /// directory), or `HIND_BINARY` when set.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["HIND_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("hind")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "hind")
    }

    /// Runs `hind arguments…` to completion. Output is read on other threads so a full
    /// pipe never stalls the child.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
        stdin: URL? = nil, executable: [String] = []
    ) throws -> Result {
        let process = try configured(arguments, environment: environment, in: directory, executable: executable)
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        let output = Captured()
        let group = DispatchGroup()
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                output.set(data, isError: isError)
                group.leave()
            }
        }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: output.stdout, stderr: output.stderr)
    }

    /// Starts `hind arguments…` without waiting, its output discarded: for signal tests.
    public static func start(_ arguments: [String]) throws -> Process {
        let process = try configured(arguments, environment: [:], in: nil, executable: [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// `executable` runs hind through another program, e.g. `["setpriv", "--reuid=65534", "--"]`.
    private static func configured(
        _ arguments: [String], environment: [String: String], in directory: URL?, executable: [String]
    ) throws -> Process {
        let process = Process()
        if executable.isEmpty {
            process.executableURL = binary
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = executable + [binary.path] + arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        return process
    }

    private final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data(), err = Data()
        func set(_ data: Data, isError: Bool) {
            lock.lock(); defer { lock.unlock() }
            if isError { err = data } else { out = data }
        }
        var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: out, as: UTF8.self) }
        var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }
    }
}

/// A temporary directory removed when the value is no longer used.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL

    public init(_ prefix: String = "hind-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    public func appending(_ path: String) -> URL { url.appendingPathComponent(path) }

    /// Relative paths of every regular file below the directory, sorted.
    public func files(under path: String = "") -> [String] {
        let root = path.isEmpty ? url : url.appendingPathComponent(path)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        for case let file as URL in enumerator where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
        }
        return files.sorted()
    }
}

/// The repository checkout the tests run from.
public enum Repository {
    public static func root(file: StaticString = #filePath) -> URL {
        var url = URL(fileURLWithPath: "\(file)")
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
