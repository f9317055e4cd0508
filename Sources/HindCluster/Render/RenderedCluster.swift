/// The files that describe a cluster: the config every node shares (`*-site.xml`,
/// `capacity-scheduler.xml` with YARN, `log4j.properties`), one launcher per node and the
/// Compose file, as paths relative to an output directory.
public struct RenderedCluster: Sendable {
    public struct File: Hashable, Sendable {
        public var path: String
        public var contents: String
        /// Permission bits (0o755 for launchers).
        public var mode: Int
    }

    public let topology: Topology
    public let configFiles: [File]
    public let launchers: [String: File]

    public init(topology: Topology) {
        self.topology = topology
        let configuration = HadoopConfiguration(topology: topology)
        self.configFiles = configuration.rendered(cluster: topology.name).map { file, xml in
            File(path: "conf/\(file.fileName)", contents: xml, mode: 0o644)
        } + [File(path: "conf/\(Log4jProperties.fileName)", contents: Log4jProperties.render(cluster: topology.name), mode: 0o644)]
            + [File(path: "conf/\(DecommissionFiles.hdfsName)", contents: "", mode: 0o644)]
            + (topology.spec.hasYARN ? [File(path: "conf/\(DecommissionFiles.yarnName)", contents: "", mode: 0o644)] : [])
            + (topology.spec.ha.map { [File(path: "conf/\(HAConfiguration.zooConfigName)", contents: HAConfiguration.zooConfig(topology.spec, $0), mode: 0o644)] } ?? [])
            + (topology.spec.racks == nil ? [] : [
                File(path: "conf/\(RackTopologyScript.scriptName)", contents: RackTopologyScript.script, mode: 0o755),
                File(path: "conf/\(RackTopologyScript.tableName)", contents: RackTopologyScript.table(topology), mode: 0o644),
            ])
        var launchers: [String: File] = [:]
        for node in topology.nodes {
            launchers[node.name] = File(
                path: "launchers/\(node.name).sh",
                contents: LauncherScript.render(node: node, topology: topology),
                mode: 0o755)
        }
        self.launchers = launchers
    }

    /// Every file of a Compose project: `compose.yaml`, `conf/*.xml`, `launchers/*.sh`.
    public func composeProject() throws -> [File] {
        let compose = File(path: "compose.yaml", contents: try ComposeFile.render(topology), mode: 0o644)
        return [compose] + configFiles + topology.nodes.map { launchers[$0.name]! }
    }

    /// The files one container needs, at their absolute paths inside it:
    /// `/hind/launcher.sh` and `/hind/conf/*.xml`.
    public func containerFiles(for node: Node) -> [File] {
        var files = [File(path: LauncherScript.path, contents: launchers[node.name]!.contents, mode: 0o755)]
        for file in configFiles {
            files.append(File(path: "\(LauncherScript.directory)/\(file.path)", contents: file.contents, mode: file.mode))
        }
        return files
    }
}
