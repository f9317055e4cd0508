import ArgumentParser
import Foundation
import HindCluster

/// `hind render`: writes the cluster as a Compose project, without an engine.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write the cluster as compose.yaml plus the launchers and config files it mounts.",
        discussion: """
            The result runs the same cluster `hind up` creates:
              docker-compose -p NAME -f DIR/compose.yaml up -d
            """)

    @OptionGroup var cluster: ClusterNameOptions
    @OptionGroup var shape: ClusterSpecOptions

    @Option(name: .customLong("output-dir"), help: "Directory to write to; it must not exist or be empty.")
    var outputDirectory: String

    @Flag(help: "Write into a non-empty output directory, replacing hind's files there.")
    var force = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !outputDirectory.isEmpty else { throw HindError.badInput("--output-dir is empty: name a directory") }
    }

    func run() async throws {
        let name = try cluster.clusterName()
        let profile = try ImageProfile.guess(reference: shape.image ?? ImageProfile.onlineReference)
        let spec = try shape.shape().spec(name: name, image: profile)
        let rendered = RenderedCluster(topology: Topology(spec: spec))
        let files = try rendered.composeProject()
        let directory = URL(fileURLWithPath: outputDirectory)
        try ProjectDirectory(url: directory).write(files, force: force)

        if output.isJSON {
            try JSONOutput.print(RenderResult(
                cluster: name.rawValue, directory: directory.path,
                files: files.map(\.path), image: spec.image.reference,
                components: Component.ordered(spec.components).map(\.rawValue), workers: spec.workers))
            return
        }
        let components = Component.ordered(spec.components).map(\.rawValue).joined(separator: ",")
        print("✓ Rendered cluster '\(name)' (\(spec.workers) workers, \(components), \(spec.image.reference)) to \(directory.path)")
        print("""

            Run it with Compose:
              docker-compose -p \(name) -f \(directory.appendingPathComponent("compose.yaml").path) up -d
            """)
    }
}

struct RenderResult: Encodable {
    var cluster: String
    var directory: String
    var files: [String]
    var image: String
    var components: [String]
    var workers: Int
}
