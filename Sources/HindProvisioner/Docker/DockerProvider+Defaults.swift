import DockerEngine
import HindCluster

extension DockerProvider {
    /// Hadoop's defaults as the image `reference` ships them in its jars, cached per
    /// image ID (``HadoopDefaultsCache``).
    ///
    /// Read from a created, never started container: for each file, the engine streams a
    /// tar of `$HADOOP_HOME/share/hadoop/<component>`, whose members come in name order,
    /// so the component's own jars (`hadoop-common-3.4.1.jar`) arrive before its `lib/`;
    /// the jar that carries the file is kept, the rest skipped unbuffered, and the stream
    /// closed as soon as the file is found.
    public func hadoopDefaults(of reference: String) async throws -> HadoopDefaults {
        let image = try await client.inspectImage(reference: reference)
        if var cached = defaultsCache.load(imageID: image.id) {
            cached.origin = reference
            return cached
        }
        let home = Self.hadoopHome(of: image)
        // By ID: the image inspected, even if the reference is re-tagged meanwhile.
        let files = try await withProbeContainer(of: image.id) { id in
            var files: [HadoopDefaults.File: HadoopDefaultsReader.Keys] = [:]
            for file in HadoopDefaults.File.allCases {
                files[file] = try await properties(of: file, in: id, under: "\(home)/share/hadoop/\(file.shareDirectory)")
            }
            return files
        }
        guard files[.core] != nil else {
            throw HadoopDefaultsReader.ReadError("no hadoop-common jar with core-default.xml in \(home)/share/hadoop/common of \(reference)")
        }
        let defaults = HadoopDefaultsReader.defaults(files, origin: reference)
        defaultsCache.store(defaults, imageID: image.id)
        return defaults
    }

    /// The keys of `file` from the first jar of `directory` that carries it; nil when the
    /// directory or such a jar is missing (an image without that component).
    private func properties(of file: HadoopDefaults.File, in container: String, under directory: String) async throws -> HadoopDefaultsReader.Keys? {
        guard let stream = try await archiveStream(container, directory) else { return nil }
        // Members are `<component>/<name>`; only the component's own jars are kept.
        var reader = TarStreamReader { path in
            let parts = path.split(separator: "/")
            return parts.count == 2 && HadoopDefaultsReader.mayCarry(String(parts[1]), file)
        }
        var chunks = stream.makeAsyncIterator()
        while !reader.isFinished {
            // An archive cut short says nothing about what it lacks: an error, never cached.
            guard let chunk = try await chunks.next() else {
                throw HadoopDefaultsReader.ReadError("the engine's archive of \(directory) ended early")
            }
            for entry in try reader.consume(chunk) where !entry.contents.isEmpty {
                let name = String(entry.path.split(separator: "/").last ?? "")
                if let properties = try HadoopDefaultsReader.properties(of: file, inJar: entry.contents, named: name) {
                    return properties
                }
            }
        }
        return nil
    }

    public func hasZooKeeper(image reference: String) async throws -> Bool {
        let image = try await client.inspectImage(reference: reference)
        let home = Self.hadoopHome(of: image)
        return try await withProbeContainer(of: image.id) { id in
            guard let stream = try await archiveStream(id, "\(home)/share/hadoop/common/lib") else { return false }
            // Names only, no contents; members arrive in name order, so the stream closes
            // as soon as the jar, or a name after it, shows.
            var reader = TarStreamReader { _ in false }
            var chunks = stream.makeAsyncIterator()
            while !reader.isFinished, let chunk = try await chunks.next() {
                for entry in try reader.consume(chunk) {
                    let name = entry.path.split(separator: "/").last.map(String.init) ?? ""
                    if name.hasPrefix("zookeeper-"), name.hasSuffix(".jar") { return true }
                    if entry.path.split(separator: "/").count == 2, name > "zookeeper-~" { return false }
                }
            }
            return false
        }
    }

    /// Where the image's Hadoop lives: its `HADOOP_HOME`, else Apache's `/opt/hadoop`.
    static func hadoopHome(of image: ImageInspect) -> String {
        image.config.env.first { $0.hasPrefix("HADOOP_HOME=") }.map { String($0.dropFirst("HADOOP_HOME=".count)) } ?? ContainerPolicy.hadoopHome
    }

    /// The archive of `path`, or nil when the container has no such path.
    private func archiveStream(_ container: String, _ path: String) async throws -> AsyncThrowingStream<[UInt8], any Error>? {
        do {
            return try await client.archiveStream(container: container, path: path)
        } catch .notFound {
            return nil
        }
    }
}
