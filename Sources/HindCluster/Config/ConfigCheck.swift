/// Checks a cluster's `--conf` overrides against the `*-default.xml` files of the Hadoop
/// it runs: the key must be one Hadoop knows (listed, of a documented family, or read
/// undocumented), set in a file the daemons that read it load after its defaults, with a
/// value its typed getter reads. Overrides marked unchecked (`--conf-unchecked`) pass.
public struct ConfigCheck: Sendable {
    /// What a check found that does not stop the cluster but that the user should know.
    public struct Warning: Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public var defaults: HadoopDefaults
    /// The keys hind sets in each site file itself: known to work whatever the defaults list.
    public var hindKeys: [HadoopConfigFile: Set<String>]

    public init(defaults: HadoopDefaults, hindKeys: [HadoopConfigFile: Set<String>] = [:]) {
        self.defaults = defaults
        self.hindKeys = hindKeys
    }

    /// The check for `spec`: its own keys come from ``HadoopConfiguration/hindDefaults(topology:)``.
    public init(defaults: HadoopDefaults, spec: ClusterSpec) {
        let files = HadoopConfiguration.hindDefaults(topology: Topology(spec: spec))
        self.init(defaults: defaults, hindKeys: files.mapValues { Set($0.map(\.name)) })
    }

    /// Throws for the first override refused. Returns the keys that could not be checked
    /// because the defaults of a component the image has were not found, as warnings.
    public func check(_ spec: ClusterSpec) throws(ConfigCheckError) -> [Warning] {
        var unverified: [Warning] = []
        for override in spec.overrides where !override.unchecked {
            if let own = HadoopDefaults.File(for: override.file), defaults.files[own] == nil,
               spec.image.components.contains(own.component) {
                unverified.append(Warning(message: "could not check --conf \(override.description): no \(own.rawValue) found in the jars of \(defaults.origin); passed as given"))
                continue
            }
            try check(override)
        }
        return unverified
    }

    public func check(_ override: ConfigOverride) throws(ConfigCheckError) {
        let key = override.key
        if let replacement = ConfigKeyFamilies.deprecated[key] {
            throw .deprecatedKey(override, replacement: replacement, belongsIn: defaults.file(listing: replacement)?.siteFile ?? override.file)
        }
        // Which defaults file lists the key decides which site file it belongs in; the
        // keys hind follows (ports, directories) are read from their own file only.
        if let (home, reason) = home(of: key, setIn: override.file), home != override.file,
           hindKeys[override.file]?.contains(key) != true {
            throw .wrongFile(override, belongsIn: home, reason: reason)
        }
        guard isKnown(key, in: override.file) else {
            if let own = HadoopDefaults.File(for: override.file), defaults.files[own] == nil {
                throw .noDefaults(override, defaultsFile: own.rawValue, origin: defaults.origin)
            }
            throw .unknownKey(override, defaultsFile: (HadoopDefaults.File(for: override.file) ?? .core).rawValue,
                              origin: defaults.origin, suggestions: suggestions(for: key, in: override.file))
        }
        if let file = readable(by: override.file).last(where: { defaults.value(of: key, in: $0) != nil }),
           let defaultValue = defaults.value(of: key, in: file),
           let type = ConfigValueType(key: key, defaultValue: defaultValue), !type.accepts(override.value) {
            throw .wrongType(override, type, defaultValue: defaultValue)
        }
    }

    /// The one site file `key` works in, and why, when it is not any file.
    func home(of key: String, setIn file: HadoopConfigFile) -> (HadoopConfigFile, String)? {
        if let home = ConfiguredAddresses.followedKeys[key] {
            return (home, "hind's launchers, health checks and published ports follow it there")
        }
        if ConfigKeyFamilies.capacityScheduler.matches(key) {
            return (.capacityScheduler, "the CapacityScheduler reads it from capacity-scheduler.xml, loaded after \(file.fileName)")
        }
        guard let listing = defaults.file(listing: key), listing != .core else { return nil }
        let reason = file == .coreSite
            ? "daemons read \(listing.rawValue) after core-site.xml, so this value would be ignored"
            : "the daemons that read it do not read \(file.fileName)"
        return (listing.siteFile, reason)
    }

    /// Whether Hadoop's daemons reading `file` know `key`.
    public func isKnown(_ key: String, in file: HadoopConfigFile) -> Bool {
        if hindKeys[file]?.contains(key) == true { return true }
        let sources = readable(by: file)
        if sources.contains(where: { defaults.documents(key, in: $0) || ConfigKeyFamilies.undocumented[$0]?.contains(key) == true }) {
            return true
        }
        if sources.contains(where: { placeholderPatterns[$0]?.contains { $0.matches(key) } == true }) { return true }
        if file == .capacityScheduler { return ConfigKeyFamilies.capacityScheduler.matches(key) }
        return ConfigKeyFamilies.admits(key) { candidate in sources.contains { defaults.documents(candidate, in: $0) } }
    }

    /// The defaults files whose keys a site file may set: its own and core's (every daemon
    /// reads core-default.xml first); the CapacityScheduler's file has no defaults file.
    func readable(by file: HadoopConfigFile) -> [HadoopDefaults.File] {
        guard let own = HadoopDefaults.File(for: file) else { return [] }
        return own == .core ? [.core] : [.core, own]
    }

    /// Close known keys of the file the key was set in, then of every file.
    func suggestions(for key: String, in file: HadoopConfigFile) -> [String] {
        let own = readable(by: file).flatMap { (defaults.files[$0].map { Array($0.keys) } ?? []) + (defaults.commented[$0].map(Array.init) ?? []) }
            + (hindKeys[file].map(Array.init) ?? [])
        let close = KeySuggestions.closest(to: key, among: Set(own))
        if !close.isEmpty { return close }
        let everywhere = defaults.files.values.flatMap(\.keys)
        return KeySuggestions.closest(to: key, among: Set(everywhere)).map { candidate in
            guard let listing = defaults.file(listing: candidate), listing.siteFile != file else { return candidate }
            return "\(listing.siteFile.rawValue):\(candidate)"
        }
    }

    /// Keys of each defaults file with a placeholder part (`dfs.ha.namenodes.EXAMPLENAMESERVICE`).
    var placeholderPatterns: [HadoopDefaults.File: [KeyPattern]] {
        defaults.files.mapValues { $0.keys.compactMap(KeyPattern.init(placeholdersIn:)) }
    }

    /// What is legal but probably not meant; needs no defaults.
    public static func warnings(_ spec: ClusterSpec) -> [Warning] {
        var warnings: [Warning] = []
        let configuration = HadoopConfiguration(topology: Topology(spec: spec))
        if let text = configuration.value("dfs.replication", in: .hdfsSite), let replication = Int(text), replication > spec.workers {
            warnings.append(Warning(message: "dfs.replication=\(replication) is more than the \(spec.workers) worker\(spec.workers == 1 ? "" : "s"): every block stays under-replicated (use -c \(replication) or a replication of \(spec.workers))"))
        }
        if !spec.hasYARN, let file = spec.overrides.first(where: { [.yarnSite, .mapredSite, .capacityScheduler].contains($0.file) })?.file {
            warnings.append(Warning(message: "the cluster runs no YARN: --conf \(file.rawValue):… configures nothing (add --components hdfs,yarn on an image with YARN)"))
        }
        let volume = spec.image.dataDirectory
        for (key, paths) in [("dfs.namenode.name.dir", spec.storage.nameDirectories), ("dfs.datanode.data.dir", spec.storage.dataDirectories)] {
            for path in paths where !(path == volume || path.hasPrefix(volume + "/")) {
                warnings.append(Warning(message: "\(key) \(path) is outside the node's volume (\(volume)): its data survives stop and start but not a re-created container"))
            }
        }
        return warnings
    }
}
