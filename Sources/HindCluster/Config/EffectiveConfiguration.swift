/// The value of every key as a cluster's daemons read it, and where it came from: the
/// user's `--conf`, hind's own site files, or the `*-default.xml` of the image's jars,
/// like `hdfs getconf -confKey` for the whole cluster (`hind config`).
///
/// Values resolve the way Hadoop's `Configuration` resolves them: a daemon loads
/// core-default, core-site, then its component's defaults and site file, a later file
/// winning; `${key}` references are expanded from the same configuration.
public struct EffectiveConfiguration: Sendable {
    /// Where a value came from.
    public enum Source: String, Codable, Sendable {
        case override = "--conf"
        case hind
        case defaults = "default"
    }

    /// One key's value.
    public struct Entry: Hashable, Codable, Sendable {
        public var key: String
        /// As the daemons read it, references expanded.
        public var value: String
        /// As written, when it differs (it holds `${…}`).
        public var raw: String?
        /// The file that sets it: a site file (`hdfs-site.xml`) or a defaults file.
        public var file: String
        public var source: Source

        public init(key: String, value: String, raw: String? = nil, file: String, source: Source) {
            self.key = key
            self.value = value
            self.raw = raw
            self.file = file
            self.source = source
        }
    }

    public let topology: Topology
    public let defaults: HadoopDefaults?
    /// The node's address on the cluster network, for `${hind.node.address}`.
    public let nodeAddress: String?
    private let site: [HadoopConfigFile: [String: String]]

    public init(topology: Topology, defaults: HadoopDefaults?, nodeAddress: String? = nil) {
        self.topology = topology
        self.defaults = defaults
        self.nodeAddress = nodeAddress
        let configuration = HadoopConfiguration(topology: topology)
        site = configuration.files.mapValues { Dictionary($0.map { ($0.name, $0.value) }) { _, last in last } }
    }

    /// The entry of `key`, or nil when no file of the cluster sets or lists it.
    public func entry(_ key: String) -> Entry? {
        guard let (raw, file, source) = lookup(key) else { return nil }
        let value = expand(raw)
        return Entry(key: key, value: value, raw: value == raw ? nil : raw, file: file, source: source)
    }

    /// Every key the site files set (hind's and the user's), and with `includingDefaults`
    /// every key the defaults list, by name.
    public func entries(includingDefaults: Bool) -> [Entry] {
        var keys = Set(site.values.flatMap(\.keys))
        if includingDefaults, let defaults { keys.formUnion(defaults.files.values.flatMap(\.keys)) }
        return keys.sorted().compactMap(entry)
    }

    /// The files a daemon of the key's component reads, first to last: the value of the
    /// last one that sets the key wins.
    private func lookup(_ key: String) -> (String, String, Source)? {
        let component = defaults?.file(listing: key).flatMap { $0 == .core ? nil : $0 }
            ?? [.hdfs, .yarn, .mapred].first { site[$0.siteFile]?[key] != nil }
        var found: (String, String, Source)?
        for layer in [.core] + (component.map { [$0] } ?? []) {
            if let value = defaults?.value(of: key, in: layer) {
                found = (value, layer.rawValue, .defaults)
            }
            let siteFile = layer.siteFile
            if let value = site[siteFile]?[key] {
                found = (value, siteFile.fileName, source(of: key, in: siteFile))
            }
        }
        if found == nil, let value = site[.capacityScheduler]?[key] {
            found = (value, HadoopConfigFile.capacityScheduler.fileName, source(of: key, in: .capacityScheduler))
        }
        return found
    }

    private func source(of key: String, in file: HadoopConfigFile) -> Source {
        topology.spec.overrides.contains { $0.key == key && $0.file == file } ? .override : .hind
    }

    /// `${name}` references replaced by their values, as `Configuration.get` does (up to
    /// 20 rounds); `${hind.node.address}` by the node's address when one is known. An
    /// unknown reference stays as written, as in Hadoop.
    public func expand(_ value: String) -> String {
        var result = value
        for _ in 0..<20 {
            guard let start = result.range(of: "${"), let end = result[start.upperBound...].firstIndex(of: "}") else { break }
            let name = String(result[start.upperBound..<end])
            let replacement: String?
            if name == LauncherScript.addressProperty {
                replacement = nodeAddress
            } else {
                replacement = lookup(name)?.0
            }
            guard let replacement else {
                // Left as written; the references after it are still expanded.
                let next = result.index(after: end)
                return String(result[..<next]) + expand(String(result[next...]))
            }
            result.replaceSubrange(start.lowerBound...end, with: replacement)
        }
        return result
    }
}
