import DockerEngine
import HindCluster

/// Turns a node of a topology into the engine's container spec: the same container
/// `ComposeFile` describes, with the launcher and config placed by the archive API
/// instead of bind mounts (no dependence on host paths).
public enum ContainerSpecBuilder {
    /// `PATH` when a distribution is mounted into an image that has no Hadoop of its own.
    static let distributionPath =
        "\(ContainerLayout.hadoopHome)/bin:\(ContainerLayout.hadoopHome)/sbin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    public static func spec(for node: Node, in topology: Topology) -> ContainerSpec {
        let spec = topology.spec
        var environment = ContainerLayout.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        var mounts: [Mount] = [.volume(node.volumeName, at: spec.image.dataDirectory)]
        if let distribution = spec.distribution {
            mounts.append(.bind(distribution, at: ContainerLayout.hadoopHome, readOnly: true))
            environment += ["HADOOP_HOME=\(ContainerLayout.hadoopHome)", "PATH=\(distributionPath)"]
        }
        var labels = node.labels
        if node.runs(.namenode) { labels[ClusterLabels.spec] = SpecLabel.encode(spec) }
        return ContainerSpec(
            image: spec.image.reference,
            cmd: ["run"],
            entrypoint: ContainerLayout.entrypoint,
            env: environment,
            user: spec.image.user,
            labels: labels,
            hostname: node.hostname,
            healthcheck: Healthcheck(
                test: ["CMD"] + ContainerLayout.healthCommand,
                // Nothing waits on the health of a container hind creates (hind starts the
                // nodes in order and the launchers wait for ports), so every node gets the
                // slower interval Compose uses for the nodes nothing depends on.
                interval: ContainerLayout.leafHealthInterval, timeout: ContainerLayout.healthTimeout,
                retries: ContainerLayout.leafHealthRetries),
            publishedPorts: node.published.map {
                PortPublication(ContainerPort($0.containerPort), hostIP: $0.hostIP, hostPort: $0.hostPort)
            },
            mounts: mounts,
            memoryLimit: spec.memory.bytes,
            initProcess: true,
            networkMode: topology.networkName,
            networks: [topology.networkName: NetworkAttachment(aliases: [node.hostname])],
            stopTimeout: Int(ContainerLayout.stopGracePeriod.components.seconds),
            capDrop: ContainerLayout.droppedCapabilities,
            securityOptions: ContainerLayout.securityOptions,
            cpuShares: ContainerLayout.cpuShares(of: node, in: topology)
        )
    }

    /// The launcher and config files of `node`, as the tar the archive API unpacks at `/`.
    public static func files(for node: Node, in rendered: RenderedCluster) -> TarArchive {
        var archive = TarArchive(entries: [
            .directory(String(LauncherScript.directory.dropFirst())),
            .directory(String(LauncherScript.renderedConfigDirectory.dropFirst())),
        ])
        for file in rendered.containerFiles(for: node) {
            archive.entries.append(.file(String(file.path.dropFirst()), contents: Array(file.contents.utf8), mode: UInt32(file.mode)))
        }
        return archive
    }
}
