import ArgumentParser
import HindProvisioner

/// `hind list`: the clusters on this engine.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List clusters.")

    @OptionGroup var output: OutputOptions

    func run() async throws {
        var clusters: [ClusterSummary] = []
        for provider in try await Provider.connectAll() { clusters += try await provider.list() }
        clusters.sort { $0.name < $1.name }
        if output.isJSON {
            try JSONOutput.print(clusters)
        } else if clusters.isEmpty {
            print("No clusters. Create one with: hind up -c 3")
        } else {
            print(ClusterText.table([["NAME", "CONDITION", "NODES", "RUNNING", "IMAGE"]] + clusters.map {
                [$0.name, $0.condition.rawValue, String($0.nodes), String($0.running), $0.image ?? "-"]
            }))
        }
    }
}
