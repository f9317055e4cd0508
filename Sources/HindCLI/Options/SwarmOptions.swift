import ArgumentParser
import HindProvisioner

/// `up --swarm`: run the cluster as services of the Swarm the engine manages.
struct SwarmOptions: ParsableArguments, Sendable {
    @Flag(help: "Run the cluster as Swarm services through the engine, which must be a Swarm manager (one service per node on an overlay network).")
    var swarm = false

    @Option(name: .customLong("place"), help: ArgumentHelp("With --swarm: run a node's task on a Swarm node (hostname or ID), e.g. worker-1=host-2; repeatable.", valueName: "NODE=SWARMNODE"))
    var placements: [String] = []

    func validate() throws {
        if !placements.isEmpty && !swarm { throw ValidationError("--place needs --swarm: add --swarm, or drop --place") }
        _ = try placement()
    }

    /// The parsed `--place` values.
    func placement() throws -> SwarmPlacement {
        var requested: [String: String] = [:]
        for text in placements {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--place \(text): use NODE=SWARMNODE, e.g. --place worker-1=host-2")
            }
            guard requested[parts[0]] == nil else {
                throw ValidationError("--place \(parts[0]) is given twice: place each node once")
            }
            requested[parts[0]] = parts[1]
        }
        return SwarmPlacement(requested)
    }
}
