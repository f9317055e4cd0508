import ArgumentParser
import HindProvisioner

/// `hind stop`: stops a cluster's containers, keeping its data.
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Stop a cluster's nodes; its data stays for hind start.")

    @OptionGroup var cluster: ClusterNameOptions

    func run() async throws {
        let name = try cluster.clusterName()
        try await ClusterProvisioner(provider: try await Provider.connect(for: name), progress: ProgressPrinter()).stop(name)
        print("Cluster \"\(name)\" is stopped; start it again with: \(ClusterText.program) start\(name == .default ? "" : " --name \(name)")")
    }
}
