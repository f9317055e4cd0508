import DockerEngine
import Foundation
import HindTestSupport
import Testing

@Suite(.requiresDockerEngine)
struct ImageTests {
    @Test func importsATarFileWithChanges() async throws {
        try await TestEngine.withLabeledObjects(prefix: "import") { client, labels in
            let runID = labels[TestEngine.labelKey]!
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(runID).tar")
            defer { try? FileManager.default.removeItem(at: file) }
            let rootfs = TarArchive(entries: [
                .directory("etc"),
                .file("etc/hind-release", text: "imported\n"),
            ])
            try Data(rootfs.encoded()).write(to: file)

            let id = try await client.importImage(
                tarFile: file.path,
                repository: "hind-test/\(runID)",
                tag: "1",
                changes: ["ENV PATH=/opt/bin:/bin", "LABEL \(TestEngine.labelKey)=\(runID)", "WORKDIR /etc"]
            )
            #expect(id.hasPrefix("sha256:"))
            let image = try await client.inspectImage(reference: "hind-test/\(runID):1")
            #expect(image.id == id)
            #expect(image.config.env.contains("PATH=/opt/bin:/bin"))
            #expect(image.config.workingDir == "/etc")
            #expect(try await client.listImages(labels: labels).map(\.id) == [id])
        }
    }

    @Test func buildsFromATarContextAndStreamsOutput() async throws {
        try await TestEngine.withLabeledObjects(prefix: "build") { client, labels in
            let base = try await BusyboxImage.ensure(using: client)
            let runID = labels[TestEngine.labelKey]!
            let context = TarArchive(entries: [
                .file("Dockerfile", text: """
                    FROM \(base)
                    ARG GREETING=unset
                    COPY conf /conf
                    RUN echo "$GREETING" > /conf/greeting && cat /conf/site.xml
                    CMD ["cat", "/conf/greeting"]
                    """),
                .directory("conf"),
                .file("conf/site.xml", text: "<configuration/>\n"),
            ])
            var output = ""
            var builtID: String?
            for try await message in try await client.buildImage(context: context.encoded(), options: BuildOptions(
                tags: ["hind-test/\(runID):built"],
                labels: labels,
                buildArgs: ["GREETING": "hello"],
                networkMode: "none"
            )) {
                output += message.stream ?? ""
                builtID = message.auxID ?? builtID
            }
            #expect(output.contains(": FROM \(base)"))
            #expect(output.contains("<configuration/>"))
            let image = try await client.inspectImage(reference: "hind-test/\(runID):built")
            #expect(image.config.labels[TestEngine.labelKey] == runID)
            #expect(builtID == nil || builtID == image.id)

            let id = try await client.createContainer(spec: ContainerSpec(image: "hind-test/\(runID):built", labels: labels, networkMode: "none"))
            try await client.startContainer(id: id)
            #expect(try await client.waitContainer(id: id) == 0)
            let logs = try await client.logs(container: id).reduce("") { $0 + $1.text }
            #expect(logs == "hello\n")
        }
    }

    @Test func failedBuildStepIsAStreamError() async throws {
        try await TestEngine.withLabeledObjects(prefix: "badbuild") { client, labels in
            let base = try await BusyboxImage.ensure(using: client)
            let context = TarArchive(entries: [.file("Dockerfile", text: "FROM \(base)\nRUN echo failing && exit 7\n")])
            let error = await #expect(throws: DockerError.self) {
                for try await _ in try await client.buildImage(context: context.encoded(), options: BuildOptions(labels: labels, networkMode: "none")) {}
            }
            guard case .streamError(let message) = error else {
                Issue.record("expected a stream error, got \(String(describing: error))")
                return
            }
            #expect(message.contains("returned a non-zero code: 7"))
        }
    }

    @Test func pullWithoutARegistryFailsWithADockerError() async throws {
        let client = try await TestEngine.client()
        // No registry is reachable here; the failure arrives as an HTTP error or in-stream.
        await #expect(throws: DockerError.self) {
            for try await _ in try await client.pullImage(repository: "hind-test/does-not-exist", tag: "0") {}
        }
    }

    @Test func tagsAndRemovesAnImage() async throws {
        let client = try await TestEngine.client()
        let base = try await BusyboxImage.ensure(using: client)
        let repository = "hind-test/tag-\(UUID().uuidString.prefix(8).lowercased())"
        try await client.tagImage(reference: base, repository: repository, tag: "x")
        #expect(try await client.inspectImage(reference: "\(repository):x").id == client.inspectImage(reference: base).id)
        try await client.removeImage(reference: "\(repository):x")
        await #expect(throws: DockerError.self) { try await client.inspectImage(reference: "\(repository):x") }
    }
}
