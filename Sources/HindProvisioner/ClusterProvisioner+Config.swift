import Foundation
import HindCluster

extension ClusterProvisioner {
    /// Refuses `spec`'s `--conf` overrides that the Hadoop it runs would ignore or not
    /// read (``ConfigCheck``), before anything is created, and reports what is legal but
    /// probably not meant. The defaults come from `distribution` when one is mounted,
    /// else from the image's jars (cached per image). When they cannot be read the
    /// overrides pass, with a note that says so.
    public func checkConfiguration(_ spec: ClusterSpec, distribution: HadoopDistribution?) async throws {
        Self.noteWarnings(of: spec, to: progress)
        let checked = spec.overrides.filter { !$0.unchecked }.count
        guard checked > 0 else { return }
        let defaults: HadoopDefaults
        do {
            defaults = try await progress.step("Checking \(checked) --conf key\(checked == 1 ? "" : "s") against the defaults of \(distribution?.path ?? spec.image.reference)") {
                try await hadoopDefaults(image: spec.image.reference, distribution: distribution?.path)
            }
        } catch where !Self.isCancellation(error) {
            progress.note("could not check the --conf keys (\(ProvisionError.firstLine(of: error))): they are passed as given")
            return
        }
        for warning in try ConfigCheck(defaults: defaults, spec: spec).check(spec) { progress.note("warning: \(warning)") }
    }

    /// What is legal in `spec` but probably not meant (``ConfigCheck/warnings(_:)``),
    /// one note each: also for `render` when no engine can check the keys.
    public static func noteWarnings(of spec: ClusterSpec, to progress: any ProgressReporter) {
        for warning in ConfigCheck.warnings(spec) { progress.note("warning: \(warning)") }
    }

    /// Hadoop's defaults from the distribution mounted over the image, else from the
    /// image's jars (a reference or an ID).
    func hadoopDefaults(image: String, distribution: String?) async throws -> HadoopDefaults {
        if let distribution { return try HadoopDefaultsReader.read(distribution: distribution) }
        return try await provider.hadoopDefaults(of: image)
    }

    /// Every value the cluster's daemons see (``EffectiveConfiguration``): hind's and
    /// the user's site files over the defaults of the image its NameNode runs (by ID: a
    /// tag pulled again since names another image) or of its distribution. `node`
    /// resolves the node's own address where a value refers to it. Without readable
    /// defaults, only the site files' values are shown.
    public func configuration(of name: ClusterName, node: String?) async throws -> EffectiveConfiguration {
        let spec = try await provider.spec(of: name)
        let topology = Topology(spec: spec)
        if let node, topology.node(named: node) == nil {
            throw ProvisionError.nodeNotFound(node, cluster: name, known: topology.nodes.map(\.name))
        }
        var defaults: HadoopDefaults?
        do {
            let image = try await provider.imageID(of: name) ?? spec.image.reference
            defaults = try await hadoopDefaults(image: image, distribution: spec.distribution)
            defaults?.origin = spec.distribution ?? spec.image.reference
        } catch where !Self.isCancellation(error) {
            progress.note("could not read Hadoop's defaults (\(ProvisionError.firstLine(of: error))): showing hind's and --conf values only")
        }
        var address: String?
        if let node { address = try await provider.addresses(of: name)[node] }
        return EffectiveConfiguration(topology: topology, defaults: defaults, nodeAddress: address)
    }

    /// `--ha` runs ZooKeeper from the Hadoop distribution's own jar: refused before
    /// anything is created when the image (or the mounted distribution) has none.
    func checkZooKeeper(image: String, distribution: HadoopDistribution?) async throws {
        if let distribution {
            let lib = "\(distribution.path)/share/hadoop/common/lib"
            let jars = (try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []
            guard jars.contains(where: { $0.hasPrefix("zookeeper-") && $0.hasSuffix(".jar") }) else { throw ProvisionError.noZooKeeper(distribution.path) }
            return
        }
        guard try await provider.hasZooKeeper(image: image) else { throw ProvisionError.noZooKeeper(image) }
    }
}
