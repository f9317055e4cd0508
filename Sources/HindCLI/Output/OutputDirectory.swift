import Foundation

/// A directory a command writes its files to (`export-logs`, `client-config`), created
/// before the command contacts the engine, so a bad path is refused first, and removed
/// again when the command fails before writing into it.
struct OutputDirectory {
    let url: URL
    /// Whether this command created it (and may remove it again).
    private let created: Bool
    private let fix: String

    /// - Parameter fix: what to do when the directory cannot be made, e.g. "name a
    ///   writable directory: hind export-logs DIR".
    init(_ path: String, fix: String) throws(HostFileError) {
        url = URL(fileURLWithPath: path).standardizedFileURL
        self.fix = fix
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if existed && !isDirectory.boolValue {
            throw HostFileError(POSIXError(.EEXIST), action: "write to", path: url.path, fix: fix)
        }
        let url = self.url
        try HostFileError.attempt("create directory", url.path, fix: fix) {
            try manager.createDirectory(at: url, withIntermediateDirectories: true)
        }
        guard manager.isWritableFile(atPath: url.path) else {
            throw HostFileError(POSIXError(.EACCES), action: "write to", path: url.path, fix: fix)
        }
        created = !existed
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
            if created { try? FileManager.default.removeItem(at: url) }
            throw error
        }
    }
}
