import DockerEngine
import HindCluster

/// Translates a node's ``NodeContainer`` into the engine's container spec, field by
/// field, and its launcher and config into the archive the engine unpacks in the
/// container before it starts (no bind mount of host paths needed).
public enum ContainerSpecBuilder {
    /// The container of `node` as `hind up` creates it: the launchers order the start.
    public static func spec(for node: Node, in topology: Topology) -> ContainerSpec {
        var spec = spec(for: NodeContainer(node: node, in: topology, ordering: .launchersWait))
        // Bookkeeping of clusters hind creates: the spec they were made from, so `status`,
        // `start` and `client-config` need no state on the host.
        if node.runs(.namenode) { spec.labels[ClusterLabels.spec] = SpecLabel.encode(topology.spec) }
        return spec
    }

    public static func spec(for container: NodeContainer) -> ContainerSpec {
        ContainerSpec(
            image: container.image,
            cmd: container.command,
            entrypoint: container.entrypoint,
            env: container.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
            user: container.user,
            labels: container.labels,
            hostname: container.hostname,
            healthcheck: Healthcheck(container.health),
            publishedPorts: container.published.map {
                PortPublication(ContainerPort($0.containerPort), hostIP: $0.hostIP, hostPort: $0.hostPort)
            },
            mounts: container.mounts.map { mount in
                switch mount {
                case let .volume(name, target): .volume(name, at: target)
                case let .bind(source, target): .bind(source, at: target, readOnly: true)
                }
            },
            memoryLimit: container.memoryLimit.bytes,
            initProcess: container.initProcess,
            networkMode: container.network,
            networks: [container.network: NetworkAttachment(aliases: container.aliases)],
            stopTimeout: Int(container.stopGracePeriod.components.seconds),
            capDrop: container.droppedCapabilities,
            capAdd: container.addedCapabilities,
            securityOptions: container.securityOptions,
            cpuShares: container.cpuShares,
            pidsLimit: container.pidsLimit
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

extension Healthcheck {
    /// The engine's health check of a node's check (exec form), for a container or a
    /// Swarm service alike.
    init(_ check: NodeContainer.HealthCheck) {
        self.init(test: ["CMD"] + check.command, interval: check.interval, timeout: check.timeout, retries: check.retries)
    }
}
