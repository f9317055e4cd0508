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

    /// Reads fsck's `-files -blocks -locations` report: a file line (`/path 3000000 bytes,
    /// 3 block(s): OK`), then its blocks (``SmokeParsing/fsck(_:)`` reads their lines).
    public init(fsck text: String) {
        var blocks: [Block] = []
        var file = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("/"), let end = line.range(of: " bytes, ") {
                file = String(line[..<end.lowerBound].split(separator: " ").dropLast().joined(separator: " "))
            } else if line.contains(" repl="), let block = SmokeParsing.fsck(String(line)).blocks.first {
                blocks.append(Block(file: file, replication: block.replication,
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
