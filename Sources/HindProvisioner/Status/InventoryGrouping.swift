import HindCluster

/// Groups labelled objects into one ``ClusterInventory`` per cluster, the way every
/// provider reads them: an object belongs to the cluster its `io.hind.cluster` label
/// names, and the spec is the highest revision any object carries (`up` labels several
/// objects with the same spec; each `hind scale` records a newer one).
struct InventoryGrouping {
    private(set) var inventories: [String: ClusterInventory] = [:]

    /// The cluster `labels` name, its entry made and its spec taken if newer; nil for an
    /// object without a valid cluster label.
    mutating func cluster(of labels: [String: String]) -> String? {
        guard let cluster = labels[ClusterLabels.cluster], let name = try? ClusterName(cluster) else { return nil }
        if inventories[cluster] == nil { inventories[cluster] = ClusterInventory(name: name) }
        if let spec = SpecLabel.decode(labels[ClusterLabels.spec]),
           (spec.revision ?? 0) >= (inventories[cluster]?.spec?.revision ?? -1) {
            inventories[cluster]?.spec = spec
        }
        return cluster
    }

    /// Adds what `update` changes to the inventory of the cluster `labels` name.
    mutating func add(_ labels: [String: String], _ update: (inout ClusterInventory) -> Void) {
        guard let cluster = cluster(of: labels) else { return }
        update(&inventories[cluster]!)
    }
}

extension ClusterSummary {
    /// One line of `hind list`, from a cluster's inventory.
    init(_ inventory: ClusterInventory) {
        self.init(
            name: inventory.name.rawValue, nodes: inventory.containers.count,
            running: inventory.containers.values.filter { $0 == "running" }.count,
            image: inventory.spec?.image.reference, condition: ClusterCondition(inventory))
    }
}
