import ArgumentParser
import HindProvisioner

/// `hind start`: starts a stopped cluster and waits until it is ready again.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start a stopped or damaged cluster (no re-format) and wait until it is ready.",
        discussion: "First recreates what the cluster's spec has and the engine lost (a removed container, volume or network; never the NameNode's volume). When the cluster does not become ready, or on Ctrl-C, the failing nodes' logs are shown and the cluster is stopped again, unless --retain.")

    @OptionGroup var cluster: ClusterNameOptions

    @OptionGroup var waiting: WaitOptions

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let name = try cluster.clusterName()
        let provisioner = ClusterProvisioner(provider: try await Provider.connect(for: name), progress: ProgressPrinter())
        let (wait, retain) = (waiting.wait.duration, waiting.retain)
        let result = try await withInterruptCancellation { try await provisioner.start(name, wait: wait, retain: retain) }
        if output.isJSON { try JSONOutput.print(result) } else { print(ClusterText.ready(result, name: name)) }
    }
}
