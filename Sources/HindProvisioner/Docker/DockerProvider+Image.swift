import DockerEngine
import HindCluster

extension DockerProvider {
    public func resolveImage(_ reference: String?, status: any StatusReporter) async throws -> ImageProfile {
        if let reference {
            try ImageProfile.validate(reference: reference)
            return try await status.step("Ensuring image \(reference)") {
                try await ensure(reference, status: status)
            }
        }
        // The default: the online image when present or pullable, else the offline one.
        return try await status.step("Ensuring image") {
            if let inspect = try await inspect(ImageProfile.onlineReference) {
                return try ImageProfile(reference: ImageProfile.onlineReference, labels: inspect.config.labels)
            }
            if let inspect = try await inspect(ImageProfile.offlineReference) {
                status.note("Using \(ImageProfile.offlineReference) (HDFS only): \(ImageProfile.onlineReference) is not present")
                return try ImageProfile(reference: ImageProfile.offlineReference, labels: inspect.config.labels)
            }
            return try await ensure(ImageProfile.onlineReference, status: status)
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
    private func ensure(_ reference: String, status: any StatusReporter) async throws -> ImageProfile {
        if let inspect = try await inspect(reference) {
            return try ImageProfile(reference: reference, labels: inspect.config.labels)
        }
        let (repository, tag) = Self.split(reference)
        do {
            // One line each time another layer completes, not one per progress message.
            var layers: [String: String] = [:]
            var reported = -1
            status.note("pulling \(reference)")
            for try await message in try await client.pullImage(repository: repository, tag: tag) {
                guard let id = message.id, let state = message.status else { continue }
                layers[id] = state
                let done = layers.values.filter { $0 == "Pull complete" || $0 == "Already exists" }.count
                if done != reported {
                    reported = done
                    status.note("pulling \(reference): \(done)/\(layers.count) layers")
                }
            }
        } catch {
            throw ProvisionError.imageMissing(reference, reason: Self.firstLine(of: error))
        }
        guard let inspect = try await inspect(reference) else {
            throw ProvisionError.imageMissing(reference, reason: "the pull ended without the image")
        }
        return try ImageProfile(reference: reference, labels: inspect.config.labels)
    }

    /// `registry:5000/name:tag` → (`registry:5000/name`, `tag`); no tag means `latest`,
    /// never the empty tag (which pulls every tag).
    static func split(_ reference: String) -> (repository: String, tag: String) {
        let lastSlash = reference.lastIndex(of: "/") ?? reference.startIndex
        if let colon = reference[lastSlash...].lastIndex(of: ":") {
            return (String(reference[..<colon]), String(reference[reference.index(after: colon)...]))
        }
        return (reference, "latest")
    }

    static func firstLine(of error: any Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
