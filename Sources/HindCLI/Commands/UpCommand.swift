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

    @Option(help: "How long to wait for the cluster to be ready, e.g. 90s or 5m.")
    var wait = WaitDuration(argument: "5m")!

    @Flag(help: "Keep the containers when up fails, to inspect them.")
    var retain = false

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let name = try cluster.clusterName()
        let provider = try await ProviderConnection.connect()
        let status: any StatusReporter = output.isJSON ? SilentStatus() : StatusPrinter()
        let isJSON = output.isJSON
        let distribution = dist.map { URL(fileURLWithPath: $0).standardizedFileURL.path }

        if !isJSON { FileHandle.standardError.write(Data("Creating cluster \"\(name)\" ...\n".utf8)) }
        let work = Task { [shape, wait, retain] in
            let profile = try await provider.resolveImage(shape.image, status: status)
            let spec = try shape.spec(name: name, image: distribution.map { Self.profile(profile, mounting: $0) } ?? profile,
                                      distribution: distribution)
            let components = Component.ordered(spec.components).map(\.rawValue).joined(separator: ", ")
            status.note("\(spec.workers) worker\(spec.workers == 1 ? "" : "s"); \(components); Hadoop \(spec.hadoopVersion.rawValue).x; \(spec.memory) per node")
            return try await provider.create(Topology(spec: spec), options: CreateOptions(wait: wait.duration, retain: retain), status: status)
        }
        let trap = SignalTrap { work.cancel() }
        defer { trap.cancel() }
        let result = try await work.value
        if output.isJSON {
            try JSONOutput.print(result)
        } else {
            print(ClusterText.ready(result, name: name))
        }
    }

    /// A mounted distribution decides the Hadoop version and the components.
    static func profile(_ image: ImageProfile, mounting distribution: String) -> ImageProfile {
        var profile = image
        if let version = DistributionProbe.hadoopVersion(at: distribution) { profile.hadoopVersion = version }
        profile.components = DistributionProbe.components(at: distribution)
        return profile
    }
}
