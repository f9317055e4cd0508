import ArgumentParser
import HindProvisioner

/// `hind start`: starts a stopped cluster and waits until it is ready again.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start a stopped cluster (no re-format) and wait until it is ready.")

    @OptionGroup var cluster: ClusterNameOptions

    @OptionGroup var waiting: WaitOptions

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let name = try cluster.clusterName()
        let provisioner = ClusterProvisioner(provider: try await Provider.connect(), progress: ProgressPrinter())
        let result = try await provisioner.start(name, wait: waiting.wait.duration, retain: waiting.retain)
        if output.isJSON { try JSONOutput.print(result) } else { print(ClusterText.ready(result, name: name)) }
    }
}
