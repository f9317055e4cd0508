import Foundation
import HindCluster

/// A file or directory on the host that a command could not create or write: one line
/// naming the path, the reason and what to do, instead of Foundation's error dump.
struct HostFileError: UserFacingError {
    var action: String
    var path: String
    var reason: String
    /// What the user can do, e.g. "name another directory".
    var fix: String
    /// The path the user gave is the problem (it is a file, read-only, not permitted):
    /// bad input. A full disk or an I/O error is a failure at run time.
    var isBadInput: Bool

    var description: String { "cannot \(action) \(path): \(reason): \(fix)" }

    /// Reads the POSIX error under a Foundation file error.
    init(_ error: any Error, action: String, path: String, fix: String) {
        self.action = action
        self.path = path
        self.fix = fix
        let code = Self.errno(of: error)
        switch code {
        case EEXIST?, ENOTDIR?: reason = "a file is in the way (\(String(cString: strerror(code!))))"
        case let code?: reason = String(cString: strerror(code)).lowercased()
        case nil: reason = (error as NSError).localizedDescription.split(separator: "\n").first.map(String.init) ?? "\(error)"
        }
        isBadInput = [EEXIST, ENOTDIR, EISDIR, EACCES, EPERM, EROFS, ENOENT, ENAMETOOLONG].contains(code ?? 0)
    }

    /// The POSIX error behind a Foundation file error (its underlying error, or its own
    /// Cocoa code), nil when there is none.
    static func errno(of error: any Error) -> Int32? {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        // corelibs-foundation keeps the underlying error as a Swift error, not an NSError.
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain { return Int32(posix.code) }
        }
        guard nsError.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileWriteFileExists: return EEXIST
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteOutOfSpace: return ENOSPC
        default: return nil
        }
    }

    /// Runs a file operation, turning its failure into a ``HostFileError``.
    static func attempt<T>(_ action: String, _ path: String, fix: String, _ body: () throws -> T) throws(HostFileError) -> T {
        do {
            return try body()
        } catch {
            throw HostFileError(error, action: action, path: path, fix: fix)
        }
    }
}
