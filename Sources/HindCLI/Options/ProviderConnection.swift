import DockerEngine
import HindProvisioner

/// Connects to the engine, turning a failure into hind's one-line error.
enum ProviderConnection {
    static func connect() async throws -> DockerProvider {
        do {
            return try await DockerProvider.connect()
        } catch let error as DockerError {
            throw HindError(error.description)
        }
    }
}
