import Foundation

/// Where the NameNode keeps its namespace and the DataNodes their blocks: hind's
/// directories on the node's volume, or the user's `dfs.namenode.name.dir` and
/// `dfs.datanode.data.dir`. The launcher formats the NameNode when the first name
/// directory holds no `current/VERSION`, and gives every directory to the daemons' user.
public struct StorageDirectories: Equatable, Sendable {
    public var nameDirectories: [String]
    public var dataDirectories: [String]
    /// The first override hind cannot follow.
    public var problem: SpecError?

    public static func defaultNameDirectory(dataDirectory: String) -> String { "\(dataDirectory)/dfs/name" }
    public static func defaultDataDirectory(dataDirectory: String) -> String { "\(dataDirectory)/dfs/data" }

    public init(overrides: [ConfigOverride], dataDirectory: String) {
        var problem: SpecError?
        // `${hadoop.tmp.dir}` is the one reference the defaults use in these keys; hind sets it.
        let tmp = overrides.last { $0.key == "hadoop.tmp.dir" && $0.file == .coreSite }?.value ?? "\(dataDirectory)/tmp"
        func directories(_ key: String, storageTypes: Bool, fallback: String) -> [String] {
            guard let override = overrides.last(where: { $0.key == key && $0.file == .hdfsSite }) else { return [fallback] }
            switch Self.paths(override.value, storageTypes: storageTypes, tmp: tmp) {
            case let .success(paths): return paths
            case let .failure(reason):
                if problem == nil { problem = .unsupportedOverride("\(override.flag) \(override.description)", reason: reason.description) }
                return [fallback]
            }
        }
        nameDirectories = directories("dfs.namenode.name.dir", storageTypes: false,
                                      fallback: Self.defaultNameDirectory(dataDirectory: dataDirectory))
        dataDirectories = directories("dfs.datanode.data.dir", storageTypes: true,
                                      fallback: Self.defaultDataDirectory(dataDirectory: dataDirectory))
        self.problem = problem
    }

    /// The local paths of a comma-separated list of `file://` URIs or absolute paths, each
    /// optionally prefixed by a storage type (`[SSD]file:///…`, data directories only).
    static func paths(_ value: String, storageTypes: Bool, tmp: String) -> Result<[String], ConfiguredAddresses.AddressError> {
        var paths: [String] = []
        for item in value.split(separator: ",") {
            var text = item.trimmingCharacters(in: .whitespacesAndNewlines)
            if storageTypes, text.hasPrefix("["), let close = text.firstIndex(of: "]") {
                text = String(text[text.index(after: close)...])
            }
            text = text.replacingOccurrences(of: "${hadoop.tmp.dir}", with: tmp)
            if text.hasPrefix("file://") {
                text = String(text.dropFirst("file://".count))
            } else if text.hasPrefix("file:") {
                text = String(text.dropFirst("file:".count))
            }
            guard !text.contains("${") else {
                return .failure(.init("'\(item)' refers to a value hind cannot know before the daemons start; use an absolute path"))
            }
            guard text.hasPrefix("/"), !text.contains("://") else {
                return .failure(.init("'\(item)' is not a local absolute path; use file:///PATH or /PATH"))
            }
            guard !text.split(separator: "/").contains("..") else {
                return .failure(.init("'\(item)' climbs out with '..'; use a plain absolute path"))
            }
            guard !text.contains(where: { $0.isWhitespace || "'\"*?[]\\`$".contains($0) }) else {
                return .failure(.init("'\(item)' has spaces, quotes or pattern characters; use a plain absolute path"))
            }
            while text.count > 1, text.hasSuffix("/") { text.removeLast() }
            guard text != "/" else { return .failure(.init("'\(item)' is the root directory; use a directory of its own")) }
            paths.append(text)
        }
        guard !paths.isEmpty else { return .failure(.init("the list is empty; use an absolute path")) }
        return .success(paths)
    }
}
