import Foundation
import HindCluster

/// Hadoop's defaults of each image already read, one JSON file per image ID under
/// `$XDG_CACHE_HOME/hind/defaults` (else `~/.cache/hind/defaults`): an image ID names
/// its content, so an entry never goes stale, and a cached read skips the engine's
/// archive stream and the inflating of jars.
public struct HadoopDefaultsCache: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public static var standard: HadoopDefaultsCache {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? "\(environment["HOME"] ?? NSHomeDirectory())/.cache"
        return HadoopDefaultsCache(directory: "\(base)/hind/defaults")
    }

    /// `v1-<hex>.json`: the format version first, so a future format reads none of these.
    public func path(imageID: String) -> String {
        let hex = imageID.split(separator: ":").last.map(String.init) ?? imageID
        return "\(directory)/v1-\(hex.filter { $0.isLetter || $0.isNumber }).json"
    }

    public func load(imageID: String) -> HadoopDefaults? {
        guard let data = FileManager.default.contents(atPath: path(imageID: imageID)) else { return nil }
        return try? JSONDecoder().decode(HadoopDefaults.self, from: data)
    }

    /// Best effort: a cache that cannot be written costs the next run a read, nothing else.
    public func store(_ defaults: HadoopDefaults, imageID: String) {
        guard let data = try? JSONEncoder().encode(defaults) else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path(imageID: imageID)), options: .atomic)
    }
}
