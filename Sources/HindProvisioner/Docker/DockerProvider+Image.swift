import DockerEngine
import HindCluster

extension DockerProvider {
    public func resolveImage(_ reference: ImageReference?, progress: any ProgressReporter) async throws -> ImageProfile {
        if let reference {
            return try await progress.step("Ensuring image \(reference)") {
                try await ensure(reference, progress: progress)
            }
        }
        // The default: the online image when present or pullable, else the offline one.
        return try await progress.step("Ensuring image") {
            if let inspect = try await inspect(ImageProfile.onlineReference) {
                return try await profile(of: ImageProfile.onlineReference, inspect)
            }
            if let inspect = try await inspect(ImageProfile.offlineReference) {
                progress.note("Using \(ImageProfile.offlineReference) (HDFS only): \(ImageProfile.onlineReference) is not present")
                return try await profile(of: ImageProfile.offlineReference, inspect)
            }
            return try await ensure(try ImageReference(parsing: ImageProfile.onlineReference), progress: progress)
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
    private func ensure(_ parsed: ImageReference, progress: any ProgressReporter) async throws -> ImageProfile {
        let reference = parsed.description
        if let inspect = try await inspect(reference) {
            return try await profile(of: reference, inspect)
        }
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
        return try await profile(of: reference, inspect)
    }

    /// What the image's labels and configured user say, and, for an image that does not
    /// label its components (Apache's), the components its files show.
    func profile(of reference: String, _ inspect: ImageInspect) async throws -> ImageProfile {
        var profile = try ImageProfile(reference: reference, labels: inspect.config.labels, configuredUser: inspect.config.user)
        if inspect.config.labels[ImageProfile.Label.components] == nil {
            profile.components = try await components(of: reference, path: inspect.config.env)
        }
        return profile
    }

    /// HDFS when the image has the `hdfs` command (none: an image without Hadoop, which
    /// only runs with `--dist`), plus YARN when it has `yarn` and the history server when
    /// it has `mapred`, looked for in its `PATH` and `/opt/hadoop/bin`. Read from a created,
    /// never started container (`GET /containers/{id}/archive` of each candidate), removed
    /// at once; a Hadoop distribution ships each command with its jars.
    func components(of reference: String, path environment: [String]) async throws -> Set<Component> {
        let path = environment.first { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) } ?? ""
        var directories = path.split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        if !directories.contains(ContainerPolicy.hadoopHome + "/bin") { directories.append(ContainerPolicy.hadoopHome + "/bin") }
        let client = self.client
        return try await withProbeContainer(of: reference) { id in
            // Only "no such file" means absent: any other engine error is the engine's, not the image's.
            func has(_ command: String) async throws -> Bool {
                for directory in directories {
                    do {
                        _ = try await client.getArchive(container: id, path: "\(directory)/\(command)")
                        return true
                    } catch DockerError.notFound {
                        continue
                    }
                }
                return false
            }
            var components: Set<Component> = []
            if try await has("hdfs") {
                components.insert(.hdfs)
                if try await has("yarn") { components.insert(.yarn) }
                if try await has("mapred") { components.insert(.history) }
            }
            return components
        }
    }

    /// Runs `body` with a created, never started container of `reference` (labelled as
    /// an image probe, without a network), which is removed afterwards however `body`
    /// ends, cancellation included.
    func withProbeContainer<Value: Sendable>(of reference: String, _ body: (String) async throws -> Value) async throws -> Value {
        let client = self.client
        let id = try await client.createContainer(spec: ContainerSpec(
            image: reference, cmd: ["true"], labels: [ClusterLabels.imageProbe: reference], networkMode: "none"))
        // In a task of its own: a cancelled caller still removes what it made, with the
        // anonymous volumes the engine made for the image's VOLUMEs (Apache's /data).
        let remove = { await Task { try? await client.removeContainer(id: id, force: true, removeVolumes: true) }.value }
        do {
            let value = try await body(id)
            await remove()
            return value
        } catch {
            await remove()
            throw error
        }
    }
}
