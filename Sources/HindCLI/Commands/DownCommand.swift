import ArgumentParser
import HindCluster
import HindProvisioner

/// `hind down`: removes a cluster's containers, network and volumes.
struct DownCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "down",
        abstract: "Remove a cluster (containers, network, volumes); idempotent.")

    @OptionGroup var cluster: ClusterNameOptions

    @Flag(help: "Remove every cluster hind created.")
    var all = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if all && cluster.name != ClusterName.default.rawValue {
            throw ValidationError("--all and --name exclude each other: use one")
        }
    }

    func run() async throws {
        let target = all ? "every hind cluster" : "cluster \"\(try cluster.clusterName())\""
        var removed = 0
        if all {
            // Every provider is tried; the first failure is reported after the others ran.
            var failure: (any Error)?
            for provider in try await Provider.connectAll() {
                do { removed += try await provider.deleteAll() } catch { failure = failure ?? error }
            }
            if let failure { throw failure }
        } else {
            let name = try cluster.clusterName()
            removed = try await Provider.connect(for: name).delete(name)
        }
        if output.isJSON {
            try JSONOutput.print(["removedObjects": removed])
        } else if removed == 0 {
            print("Nothing to remove: \(target) does not exist.")
        } else {
            print(" ✓ Removed \(target) (\(removed) containers, networks and volumes)")
        }
    }
}
