import ArgumentParser
import HindProvisioner

/// `hind stop`: stops a cluster's containers, keeping its data.
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Stop a cluster's nodes; its data stays for hind start.")

    @OptionGroup var cluster: ClusterNameOptions

    func run() async throws {
        let name = try cluster.clusterName()
        try await DockerProvider.connect().stop(name, status: StatusPrinter())
        print("Cluster \"\(name)\" is stopped; start it again with: \(ClusterText.program) start\(name == .default ? "" : " --name \(name)")")
    }
}

/// `hind start`: starts a stopped cluster and waits until it is ready again.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start a stopped cluster (no re-format) and wait until it is ready.")

    @OptionGroup var cluster: ClusterNameOptions

    @Option(help: "How long to wait for the cluster to be ready, e.g. 90s or 5m.")
    var wait = WaitDuration(argument: "5m")!

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let name = try cluster.clusterName()
        let result = try await DockerProvider.connect().start(name, options: CreateOptions(wait: wait.duration, retain: true), status: StatusPrinter())
        if output.isJSON { try JSONOutput.print(result) } else { print(ClusterText.ready(result, name: name)) }
    }
}
