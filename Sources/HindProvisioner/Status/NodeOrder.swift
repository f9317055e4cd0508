import HindCluster

/// The order nodes are listed in: masters first, then workers by number (worker-2
/// before worker-10).
enum NodeOrder {
    /// `names` in node order.
    static func sorted(_ names: some Sequence<String>) -> [String] {
        sorted(names) { $0 }
    }

    /// `items` in the node order of the name `name` gives each.
    static func sorted<Item>(_ items: some Sequence<Item>, by name: (Item) -> String) -> [Item] {
        items.sorted { key(name($0)) < key(name($1)) }
    }

    static func key(_ name: String) -> (Int, Int, String) {
        let number = name.split(separator: "-").last.flatMap { Int($0) } ?? 0
        let rank = if name == Topology.namenode || HighAvailability.namenodes.contains(name) {
            0
        } else if name.hasPrefix("journal-") {
            1
        } else if name.hasPrefix("zookeeper") {
            2
        } else if name == Topology.resourcemanager || HighAvailability.resourcemanagers.contains(name) {
            3
        } else if name == Topology.historyserver {
            4
        } else {
            5
        }
        return (rank, number, name)
    }
}
