import ArgumentParser
import HindCluster
import HindProvisioner

/// `hind scale`: grows or shrinks a running cluster's workers, decommissioning the ones
/// that leave.
struct ScaleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Grow or shrink a running cluster to N workers; leaving workers are decommissioned first.",
        discussion: """
            Growing creates workers N+1.. like up does and waits until Hadoop counts them; on
            failure or Ctrl-C only the new workers are removed, unless --retain. Shrinking
            removes the highest-numbered workers: they are excluded (dfs.hosts.exclude, and
            the ResourceManager's exclude list with YARN), the NameNode re-replicates every
            block off them, then their containers and volumes go. When the remaining workers
            could not hold a file's replication, scale refuses unless --force. When the
            decommission does not finish within --wait, the workers stay excluded and the
            cluster keeps working: run the same scale again to wait longer, or scale back up
            to cancel.
            """)

    @OptionGroup var cluster: ClusterNameOptions

    @Option(name: [.customShort("c"), .customLong("workers")], parsing: .unconditional,
            help: "The number of workers to have: 1 to \(ClusterSpec.workerLimit).")
    var workers: Int

    @Flag(help: "Shrink even when the remaining workers cannot hold every file's replication (it says which blocks stay under-replicated).")
    var force = false

    @OptionGroup var waiting: WaitOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...ClusterSpec.workerLimit).contains(workers) else { throw SpecError.workerCountOutOfRange(workers) }
    }

    func run() async throws {
        let name = try cluster.clusterName()
        let provisioner = ClusterProvisioner(provider: try await Provider.connect(for: name), progress: ProgressPrinter())
        let (count, wait, retain, force) = (workers, waiting.wait.duration, waiting.retain, force)
        let result = try await withInterruptCancellation {
            try await provisioner.scale(name, to: count, wait: wait, retain: retain, force: force)
        }
        if output.isJSON { try JSONOutput.print(result) } else { print(ClusterText.ready(result, name: name)) }
    }
}
