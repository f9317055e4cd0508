import Foundation
import HindCluster

/// The cluster spec stored as JSON in the NameNode container's `io.hind.spec` label, so
/// `status`, `start` and `client-config` know the cluster without state on the host.
public enum SpecLabel {
    public static func encode(_ spec: ClusterSpec) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(spec)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    public static func decode(_ text: String?) -> ClusterSpec? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(ClusterSpec.self, from: Data(text.utf8))
    }
}
