import ArgumentParser
import Foundation
import HindCluster
import HindProvisioner

/// `hind render`: writes the cluster as a Compose project, without an engine.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write the cluster as a Compose project, or as Kubernetes manifests (--format kubernetes).",
        discussion: """
            The result runs the same cluster `hind up` creates:
              docker-compose -p NAME -f DIR/compose.yaml up -d
              kubectl apply -f DIR          (--format kubernetes: validated, not run by hind's tests)
            --conf keys are checked against the image's defaults when an engine is
            reachable and has the image; otherwise render says it could not check them.
            """)

    @OptionGroup var cluster: ClusterNameOptions
    @OptionGroup var shape: ClusterSpecOptions

    @Option(name: .customLong("output-dir"), help: "Directory to write to; it must not exist or be empty.")
    var outputDirectory: String

    @Flag(help: "Write into a non-empty output directory, replacing hind's files there.")
    var force = false

    /// What `render` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case compose, kubernetes
    }

    @Option(help: "compose (compose.yaml, launchers, conf) or kubernetes (ConfigMaps, headless Services, StatefulSets).")
    var format: Format = .compose

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !outputDirectory.isEmpty else { throw HindError.badInput("--output-dir is empty: name a directory") }
    }

    /// `up`'s check of the `--conf` keys, when an engine with the image is at hand: no
    /// engine is not an error for `render`, only a note that the keys went unchecked.
    func checkConfiguration(_ spec: ClusterSpec) async throws {
        let progress = ProgressPrinter()
        guard spec.overrides.contains(where: { !$0.unchecked }) else {
            ClusterProvisioner.noteWarnings(of: spec, to: progress)
            return
        }
        let provider: any ClusterProvider
        do {
            provider = try await Provider.connect()
        } catch {
            ClusterProvisioner.noteWarnings(of: spec, to: progress)
            progress.note("could not check the --conf keys: no Docker engine (\(ProvisionError.firstLine(of: error))); start one with scripts/setup-engine to check them")
            return
        }
        try await ClusterProvisioner(provider: provider, progress: progress).checkConfiguration(spec, distribution: nil)
    }

    func run() async throws {
        let name = try cluster.clusterName()
        let profile = try ImageProfile.guess(reference: shape.image ?? ImageProfile.onlineReference)
        let spec = try shape.shape().spec(name: name, image: profile)
        if format == .kubernetes, let unsupported = KubernetesManifests.unsupported(spec) {
            throw HindError.badInput("--format kubernetes does not run \(unsupported) yet: render it for Compose, or drop that option")
        }
        try await checkConfiguration(spec)
        let rendered = RenderedCluster(topology: Topology(spec: spec))
        let files = format == .kubernetes ? try KubernetesManifests.render(rendered) : try rendered.composeProject()
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
        switch format {
        case .compose:
            print("""

                Run it with Compose:
                  docker-compose -p \(name) -f \(directory.appendingPathComponent("compose.yaml").path) up -d
                """)
        case .kubernetes:
            print("""

                Apply it to a Kubernetes cluster (validated against its schemas, not run by hind's tests):
                  kubectl apply -f \(directory.path)
                  kubectl port-forward service/namenode \(spec.ports.namenodeHTTP)    (the NameNode UI on localhost)
                """)
        }
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
