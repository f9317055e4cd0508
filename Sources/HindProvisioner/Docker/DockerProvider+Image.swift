import DockerEngine
import HindCluster

extension DockerProvider {
    public func resolveImage(_ reference: ImageReference?, progress: any ProgressReporter) async throws -> ImageProfile {
        if let reference {
            return try await progress.step("Ensuring image \(reference)") {
                try await ensure(reference.description, progress: progress)
            }
        }
        // The default: the online image when present or pullable, else the offline one.
        return try await progress.step("Ensuring image") {
            if let inspect = try await inspect(ImageProfile.onlineReference) {
                return try ImageProfile(reference: ImageProfile.onlineReference, labels: inspect.config.labels)
            }
            if let inspect = try await inspect(ImageProfile.offlineReference) {
                progress.note("Using \(ImageProfile.offlineReference) (HDFS only): \(ImageProfile.onlineReference) is not present")
                return try ImageProfile(reference: ImageProfile.offlineReference, labels: inspect.config.labels)
            }
            return try await ensure(ImageProfile.onlineReference, progress: progress)
        }
    }

    private func inspect(_ reference: String) async throws -> ImageInspect? {
        do {
            return try await client.inspectImage(reference: reference)
        } catch DockerError.notFound {
            return nil
        }
    }

    /// The profile of `reference`, pulling it first when it is missing.
    private func ensure(_ reference: String, progress: any ProgressReporter) async throws -> ImageProfile {
        if let inspect = try await inspect(reference) {
            return try ImageProfile(reference: reference, labels: inspect.config.labels)
        }
        let parsed = try ImageReference(parsing: reference)
        do {
            // One line each time another layer completes, not one per progress message.
            var layers: [String: String] = [:]
            var reported = -1
            progress.note("pulling \(reference)")
            for try await message in try await client.pullImage(repository: parsed.repository, tag: parsed.pullTag) {
                guard let id = message.id, let state = message.status else { continue }
                layers[id] = state
                let done = layers.values.filter { $0 == "Pull complete" || $0 == "Already exists" }.count
                if done != reported {
                    reported = done
                    progress.note("pulling \(reference): \(done)/\(layers.count) layers")
                }
            }
        } catch {
            throw ProvisionError.imageMissing(reference, reason: ProvisionError.firstLine(of: error))
        }
        guard let inspect = try await inspect(reference) else {
            throw ProvisionError.imageMissing(reference, reason: "the pull ended without the image")
        }
        return try ImageProfile(reference: reference, labels: inspect.config.labels)
    }
}
