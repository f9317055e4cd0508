import Foundation
import HindCluster

/// What a Hadoop distribution directory on the host contains.
enum DistributionProbe {
    /// The version in `share/hadoop/common/hadoop-common-X.Y.Z.jar`.
    static func hadoopVersion(at path: String) -> HadoopMajorVersion? {
        let directory = path + "/share/hadoop/common"
        let jars = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for jar in jars where jar.hasPrefix("hadoop-common-") && jar.hasSuffix(".jar") && !jar.contains("tests") {
            let version = jar.dropFirst("hadoop-common-".count).dropLast(".jar".count)
            if let major = try? HadoopMajorVersion(parsing: String(version)) { return major }
        }
        return nil
    }

    /// HDFS, plus YARN and history when the ResourceManager's jar is there.
    static func components(at path: String) -> Set<Component> {
        let yarn = (try? FileManager.default.contentsOfDirectory(atPath: path + "/share/hadoop/yarn")) ?? []
        return yarn.contains { $0.hasPrefix("hadoop-yarn-server-resourcemanager") } ? Set(Component.allCases) : [.hdfs]
    }
}
