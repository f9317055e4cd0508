import Foundation
import HindCluster

/// The output directory of `hind render`.
struct ProjectDirectory {
    var url: URL

    /// Writes `files` below the directory. Refuses a non-empty directory unless `force`,
    /// in which case hind's own files and folders there are replaced and nothing else is touched.
    func write(_ files: [RenderedCluster.File], force: Bool) throws {
        let fix = "name a directory you can write to with --output-dir"
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw HindError.badInput("output directory \(url.path) is a file: name a directory")
            }
            let entries = try HostFileError.attempt("read", url.path, fix: fix) { try manager.contentsOfDirectory(atPath: url.path) }
            if !entries.isEmpty {
                guard force else {
                    throw HindError.badInput("output directory \(url.path) is not empty: choose another or add --force")
                }
                for entry in Set(files.map { String($0.path.split(separator: "/")[0]) }) {
                    let path = url.appendingPathComponent(entry)
                    if manager.fileExists(atPath: path.path) {
                        try HostFileError.attempt("replace", path.path, fix: fix) { try manager.removeItem(at: path) }
                    }
                }
            }
        }
        for file in files {
            let target = url.appendingPathComponent(file.path)
            try HostFileError.attempt("write", target.path, fix: fix) {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: target)
                try manager.setAttributes([.posixPermissions: file.mode], ofItemAtPath: target.path)
            }
        }
    }
}
