import HindCluster

extension ClusterProvisioner {
    /// Refuses `spec`'s `--conf` overrides that the Hadoop it runs would ignore or not
    /// read (``ConfigCheck``), before anything is created, and reports what is legal but
    /// probably not meant. The defaults come from `distribution` when one is mounted,
    /// else from the image's jars (cached per image). When they cannot be read the
    /// overrides pass, with a note that says so.
    public func checkConfiguration(_ spec: ClusterSpec, distribution: HadoopDistribution?) async throws {
        for warning in ConfigCheck.warnings(spec) { progress.note("warning: \(warning)") }
        let checked = spec.overrides.filter { !$0.unchecked }
        guard !checked.isEmpty else { return }
        let defaults: HadoopDefaults
        do {
            defaults = try await hadoopDefaults(of: spec, distribution: distribution?.path, checking: checked.count)
        } catch where !Self.isCancellation(error) {
            progress.note("could not check the --conf keys (\(ProvisionError.firstLine(of: error))): they are passed as given")
            return
        }
        try ConfigCheck(defaults: defaults, spec: spec).check(spec)
    }

    /// Hadoop's defaults for `spec`: from the distribution mounted over the image, else
    /// from the image's jars.
    func hadoopDefaults(of spec: ClusterSpec, distribution: String?, checking count: Int) async throws -> HadoopDefaults {
        let source = distribution ?? spec.image.reference
        let provider = self.provider
        return try await progress.step("Checking \(count) --conf key\(count == 1 ? "" : "s") against the defaults of \(source)") {
            if let distribution { return try HadoopDefaultsReader.read(distribution: distribution) }
            return try await provider.hadoopDefaults(of: spec.image.reference)
        }
    }

    /// Every value the cluster's daemons see (``EffectiveConfiguration``): hind's and
    /// the user's site files over the defaults of its image or distribution. `node`
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
            if let distribution = spec.distribution {
                defaults = try HadoopDefaultsReader.read(distribution: distribution)
            } else {
                defaults = try await provider.hadoopDefaults(of: spec.image.reference)
            }
        } catch where !Self.isCancellation(error) {
            progress.note("could not read Hadoop's defaults (\(ProvisionError.firstLine(of: error))): showing hind's and --conf values only")
        }
        var address: String?
        if let node { address = try await provider.addresses(of: name)[node] }
        return EffectiveConfiguration(topology: topology, defaults: defaults, nodeAddress: address)
    }
}
