import ArgumentParser
import Foundation
import HindCluster
import HindProvisioner

/// `hind up`: creates a cluster and returns once Hadoop reports it ready.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Create a Hadoop cluster and wait until Hadoop reports it ready.",
        discussion: "Creates a labelled network, one volume per node and the containers of the topology, places each node's launcher and config through the engine API, starts them in parallel and waits until the NameNode leaves safe mode with every DataNode live (and, with YARN, every NodeManager active). On failure, timeout or Ctrl-C everything is removed again, unless --retain.")

    @OptionGroup var cluster: ClusterNameOptions
    @OptionGroup var shape: ClusterSpecOptions

    @Option(help: ArgumentHelp("A Hadoop distribution on the host to mount over the image's /opt/hadoop (patch review).", valueName: "path"))
    var dist: String?

    @OptionGroup var swarm: SwarmOptions

    @OptionGroup var waiting: WaitOptions

    @Flag(help: "Run the smoke checks (hind smoke) once the cluster is ready; a failed check fails up, which removes the cluster unless --retain.")
    var smoke = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if swarm.swarm, let refusal = SwarmError.unsupported(
            ha: shape.ha, racks: shape.racks != nil || !shape.rackPlacements.isEmpty, distribution: dist != nil,
            publishedPorts: shape.namenodePort != nil || shape.resourcemanagerPort != nil, smoke: smoke) {
            throw ValidationError(refusal.description)
        }
    }

    func run() async throws {
        let request = ClusterRequest(
            name: try cluster.clusterName(),
            image: try shape.image.map { (text) throws(SpecError) in try ImageReference(parsing: text) },
            shape: try shape.shape(),
            distribution: try dist.map { try HadoopDistribution(path: URL(fileURLWithPath: $0).standardizedFileURL.path) },
            wait: waiting.wait.duration, retain: waiting.retain, smoke: smoke)
        // Step lines go to stderr in every output mode: with --output json they are still
        // the diagnostics a CI log needs.
        // Without --swarm, a Swarm cluster of that name is found and refused as existing.
        let provider = swarm.swarm ? try await Provider.connectSwarm(placement: try swarm.placement()) : try await Provider.connect(for: request.name)
        let provisioner = ClusterProvisioner(provider: provider, progress: ProgressPrinter())
        FileHandle.standardError.write(Data("Creating cluster \"\(request.name)\" ...\n".utf8))
        let result = try await withInterruptCancellation { try await provisioner.up(request) }
        if output.isJSON {
            try JSONOutput.print(result)
        } else {
            print(ClusterText.ready(result, name: request.name))
        }
    }
}
