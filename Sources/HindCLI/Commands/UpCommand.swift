import ArgumentParser
import DockerEngine
import Foundation
import HindCluster
import HindProvisioner
import Synchronization

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
        // Step lines go to stderr in every output mode: with --output json they are still
        // the diagnostics a CI log needs.
        let status = StatusPrinter()
        let distribution = try dist.map { try HadoopDistribution(path: URL(fileURLWithPath: $0).standardizedFileURL.path) }
        let provider = try await DockerProvider.connect()
        // Cheap refusals first, before a possibly long pull.
        try await provider.ensureAbsent(name)

        FileHandle.standardError.write(Data("Creating cluster \"\(name)\" ...\n".utf8))
        let options = CreateOptions(wait: wait.duration, retain: retain)
        let work = Mutex<Task<ClusterStatus, any Error>?>(nil)
        let trap = SignalTrap { work.withLock { $0?.cancel() } }
        defer { trap.cancel() }
        let task = Task { [shape, wait] in
            let profile = try await provider.resolveImage(shape.image, status: status)
            let spec = try shape.spec(
                name: name, image: distribution?.profile(mountedOver: profile) ?? profile,
                distribution: distribution?.path, dependencyTimeout: wait.duration)
            let components = Component.ordered(spec.components).map(\.rawValue).joined(separator: ", ")
            status.note("\(spec.workers) worker\(spec.workers == 1 ? "" : "s"); \(components); Hadoop \(spec.hadoopVersion.rawValue).x; \(spec.memory) per node")
            return try await provider.create(Topology(spec: spec), options: options, status: status)
        }
        work.withLock { $0 = task }
        let result: ClusterStatus
        do {
            result = try await task.value
        } catch DockerError.cancelled where task.isCancelled {
            throw ProvisionError.interrupted(cleanedUp: true)
        }
        if output.isJSON {
            try JSONOutput.print(result)
        } else {
            print(ClusterText.ready(result, name: name))
        }
    }
}
