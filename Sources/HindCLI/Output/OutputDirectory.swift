import Foundation

/// A directory a command writes its files to (`export-logs`, `client-config`), created
/// before the command contacts the engine, so a bad path is refused first, and removed
/// again when the command fails before writing into it.
struct OutputDirectory {
    let url: URL
    /// The topmost directory this command created (the output directory or one of its
    /// parents), removed again on failure; nil when the directory existed.
    private let created: URL?
    private let fix: String

    /// - Parameters:
    ///   - fix: what to do when the directory cannot be made, e.g. "name a writable
    ///     directory: hind export-logs DIR".
    ///   - refusingNonEmpty: refuse a directory that has files in it (bad input), naming
    ///     this flag as the way to write there anyway.
    init(_ path: String, fix: String, refusingNonEmpty flag: String? = nil) throws {
        url = URL(fileURLWithPath: path).standardizedFileURL
        self.fix = fix
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if existed && !isDirectory.boolValue {
            throw HostFileError(POSIXError(.EEXIST), action: "write to", path: url.path, fix: fix)
        }
        if existed, let flag, let entries = try? manager.contentsOfDirectory(atPath: url.path), !entries.isEmpty {
            throw HindError.badInput("directory \(url.path) is not empty: choose another, or add \(flag) to replace hind's files in it")
        }
        let url = self.url
        // The topmost missing ancestor: what creating `url` with its parents makes.
        var topmost: URL?
        var probe = url
        while !manager.fileExists(atPath: probe.path) && probe.path != "/" {
            topmost = probe
            probe.deleteLastPathComponent()
        }
        try HostFileError.attempt("create directory", url.path, fix: fix) {
            try manager.createDirectory(at: url, withIntermediateDirectories: true)
        }
        guard manager.isWritableFile(atPath: url.path) else {
            throw HostFileError(POSIXError(.EACCES), action: "write to", path: url.path, fix: fix)
        }
        created = existed ? nil : topmost
    }

    /// Writes one file below the directory.
    func write(_ data: Data, to name: String) throws(HostFileError) {
        let file = url.appendingPathComponent(name)
        try HostFileError.attempt("write", file.path, fix: fix) { try data.write(to: file) }
    }

    /// Runs `body`; when it throws, a directory this command created is removed again.
    func filling<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            if let created { try? FileManager.default.removeItem(at: created) }
            throw error
        }
    }
}
