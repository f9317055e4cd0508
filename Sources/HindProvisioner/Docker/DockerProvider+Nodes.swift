import DockerEngine
import HindCluster

/// Inside a cluster's nodes: exec, logs and the engine's description of a container.
extension DockerProvider {
    public func exec(_ command: [String], in node: String, of name: ClusterName, attachStdin: Bool) async throws -> NodeProcess {
        let container = try await container(of: node, in: name)
        guard container.state == "running" else { throw ProvisionError.nodeNotRunning(node, cluster: name, state: container.state) }
        // As the daemons' user: the container itself starts as root to prepare the node.
        return try await exec(command, inContainer: container.id, user: container.labels[ClusterLabels.daemonUser], attachStdin: attachStdin)
    }

    /// Runs `command` in the container `id` as `user` (nil: the container's user).
    func exec(_ command: [String], inContainer id: String, user: String?, attachStdin: Bool) async throws -> NodeProcess {
        let client = self.client
        let spec = ExecSpec(cmd: command, user: user)
        if attachStdin {
            let session = try await client.execAttached(container: id, spec: spec)
            return NodeProcess(
                output: session.output,
                write: { try await session.write($0) },
                closeStdin: { session.closeStdin() },
                exitCode: { try await session.exitCode() })
        }
        let exec = try await client.createExec(container: id, spec: spec)
        return NodeProcess(output: try await client.startExec(id: exec), exitCode: { try await client.exitCode(ofExec: exec) })
    }

    public func logs(of node: String, in name: ClusterName, options: LogOptions) async throws -> AsyncThrowingStream<OutputChunk, any Error> {
        try await client.logs(container: try await container(of: node, in: name).id, options: options)
    }

    public func inspection(of node: String, in name: ClusterName) async throws -> [UInt8] {
        try await client.inspectContainerJSON(id: try await container(of: node, in: name).id)
    }

    public func imageID(of name: ClusterName) async throws -> String? {
        let containers = try await containers(of: name)
        // The container that carries the spec: the NameNode (the first, with HA).
        guard let namenode = containers.first(where: { $0.labels[ClusterLabels.spec] != nil }) else { return nil }
        return try await client.inspectContainer(id: namenode.id).image
    }

    /// Each node's address on the cluster network, from the network's members
    /// (`<cluster>-<node>`).
    public func addresses(of name: ClusterName) async throws -> [String: String] {
        let members = try await client.inspectNetwork(id: Topology.networkName(of: name)).containers.values
        let prefix = "\(name)-"
        return Dictionary(members.compactMap { member in
            guard member.name.hasPrefix(prefix) else { return nil }
            return (String(member.name.dropFirst(prefix.count)), String(member.ipv4Address.prefix { $0 != "/" }))
        }) { first, _ in first }
    }
}
