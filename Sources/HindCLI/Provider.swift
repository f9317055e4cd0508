import HindProvisioner

/// The provider every command works through: the Docker Engine at `DOCKER_HOST` or the
/// default socket. (A Swarm or Kubernetes provider would be chosen here.)
enum Provider {
    static func connect() async throws -> any ClusterProvider {
        try await DockerProvider.connect()
    }
}
