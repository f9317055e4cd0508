/// What the files of a cluster need from its workers, read from the NameNode's fsck
/// (`/fsck?path=/&files=1&blocks=1&locations=1`): before `hind scale` shrinks a cluster,
/// the blocks whose replication the remaining workers could not hold.
public struct ReplicationSurvey: Hashable, Sendable {
    /// One block: its file, replication and the addresses holding it.
    public struct Block: Hashable, Sendable {
        public var file: String
        public var replication: Int
        public var locations: [String]
    }

    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// Reads fsck's `-files -blocks -locations` report: a file line, then its blocks
    /// (``SmokeParsing/fsck(_:)`` reads their lines). A block's replication is the file's
    /// (`replication=N` on the file line since Hadoop 2.8), else its target when fsck
    /// reports it under-replicated (`Under replicated BLOCK. Target Replicas is N …`),
    /// else its live replicas (2.7 prints no more for a healthy block).
    public init(fsck text: String) {
        var blocks: [Block] = []
        var file = ""
        var fileReplication: Int?
        var targets: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            var rest = Substring(line)
            while let under = rest.range(of: "Under replicated "), let target = rest[under.upperBound...].range(of: ". Target Replicas is ") {
                let block = String(rest[under.upperBound..<target.lowerBound])
                targets[block] = Int(rest[target.upperBound...].prefix { $0.isNumber })
                rest = rest[target.upperBound...]
            }
            if line.hasPrefix("/"), let end = line.range(of: " bytes, ") {
                file = String(line[..<end.lowerBound].split(separator: " ").dropLast().joined(separator: " "))
                fileReplication = line.range(of: "replication=").flatMap { Int(line[$0.upperBound...].prefix { $0.isNumber }) }
            } else if let block = SmokeParsing.fsck(String(line)).blocks.first {
                // `0. BP-…:blk_…_1001 len=…`: the block's name is the second word.
                let name = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                blocks.append(Block(file: file, replication: fileReplication ?? targets[name] ?? block.replication,
                                    locations: block.locations.map { String($0.split(separator: ":")[0]) }))
            }
        }
        self.blocks = blocks
    }

    /// The blocks whose replication is above `workers`.
    public func exceeding(_ workers: Int) -> [Block] { blocks.filter { $0.replication > workers } }

    /// Per address, how many of its blocks cannot reach their replication on `workers`
    /// workers: the blocks a forced decommission leaves under-replicated.
    public func stuck(on workers: Int) -> [String: Int] {
        var counts: [String: Int] = [:]
        for block in exceeding(workers) {
            for address in block.locations { counts[address, default: 0] += 1 }
        }
        return counts
    }
}
