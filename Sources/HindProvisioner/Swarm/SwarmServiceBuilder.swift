import DockerEngine
import HindCluster

/// Translates a node's ``NodeContainer`` into a Swarm service, field by field, as
/// ``ContainerSpecBuilder`` does for a container. What differs on Swarm, on purpose:
///
/// - Files arrive as Swarm configs mounted at their paths (``SwarmConfigs``), not as an
///   archive uploaded into a created container.
/// - Nothing is published: hind reads Hadoop inside the NameNode's task.
/// - The NameNode keeps its data in a named volume on the manager it is pinned to (it
///   survives its task's replacement, and `down` removes it there). Every other node's
///   data lives in an anonymous volume of its task, removed with the task's container:
///   a replaced worker starts empty and HDFS re-replicates its blocks, and no node of
///   the Swarm keeps anything after `down`.
/// - The engine's API 1.41 has no `no-new-privileges` and no CPU weight for services;
///   every capability is still dropped but the launcher's three.
/// - Swarm's DNS answers for a task only once it is healthy: the nodes others wait for
///   are health-checked every second (the Compose ordering), not every 5 s.
public enum SwarmServiceBuilder {
    public static func service(
        for node: Node, in topology: Topology, image: String, configs: [ServiceSpec.ConfigFile],
        constraints: [String], labels: [String: String]
    ) -> ServiceSpec {
        // Swarm's DNS names a task only once its health check passed, so the nodes others
        // wait for are checked every second, as under Compose's `depends_on`.
        let container = NodeContainer(node: node, in: topology, ordering: .afterHealthyDependencies)
        var serviceLabels = container.labels.merging(labels) { $1 }
        if node.runs(.namenode) { serviceLabels[ClusterLabels.spec] = SpecLabel.encode(topology.spec) }
        let mounts: [ServiceSpec.VolumeMount] = container.mounts.compactMap { mount in
            guard case let .volume(name, target) = mount else { return nil }
            return node.runs(.namenode)
                ? ServiceSpec.VolumeMount(name: name, target: target, labels: serviceLabels)
                : ServiceSpec.VolumeMount(name: nil, target: target)
        }
        return ServiceSpec(
            name: container.name,
            labels: serviceLabels,
            image: image,
            containerLabels: container.labels.merging(labels) { $1 },
            entrypoint: container.entrypoint,
            args: container.command,
            hostname: container.hostname,
            env: container.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
            user: container.user,
            mounts: mounts,
            configs: configs,
            healthcheck: Healthcheck(container.health),
            initProcess: container.initProcess,
            capabilityAdd: container.addedCapabilities,
            capabilityDrop: container.droppedCapabilities,
            stopGracePeriod: container.stopGracePeriod,
            memoryLimit: container.memoryLimit.bytes,
            pidsLimit: container.pidsLimit,
            constraints: constraints,
            network: container.network,
            aliases: container.aliases)
    }
}

/// The Swarm configs of a cluster: one per shared config file (`<cluster>-core-site.xml`)
/// and one launcher per node (`<cluster>-<node>.sh`), each mounted at the path the
/// launcher reads it from (``RenderedCluster/containerFiles(for:)``).
public enum SwarmConfigs {
    /// The config name of a file a node's container needs, at `path` inside it.
    public static func name(of path: String, node: Node, cluster: ClusterName) -> String {
        path == LauncherScript.path ? "\(cluster)-\(node.name).sh" : "\(cluster)-\(path.split(separator: "/").last ?? "")"
    }
}
