import HindCluster

/// The volume that records a scaled cluster's spec, `<cluster>-spec-r<revision>`: an
/// empty named volume whose only content is its labels. The engine cannot change an
/// object's labels, so each `hind scale` makes a new record and removes the older ones.
enum SpecRecord {
    static func volumeName(of cluster: ClusterName, revision: Int) -> String { "\(cluster)-spec-r\(revision)" }

    /// The revision a record's name carries, or nil for any other volume.
    static func revision(ofVolume name: String, cluster: ClusterName) -> Int? {
        let prefix = "\(cluster)-spec-r"
        guard name.hasPrefix(prefix) else { return nil }
        return Int(name.dropFirst(prefix.count))
    }
}
