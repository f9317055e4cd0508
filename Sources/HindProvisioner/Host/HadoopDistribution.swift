import Foundation
import HindCluster

/// A Hadoop distribution on the host, mounted over an image's `/opt/hadoop` (`--dist`):
/// what a reviewer builds with `mvn package -Pdist`.
public struct HadoopDistribution: Sendable, Hashable {
    public let path: String

    /// Checks that `path` is an absolute directory holding an executable `bin/hdfs`.
    public init(path: String) throws(ProvisionError) {
        guard path.hasPrefix("/") else {
            throw .invalidDistribution(path, reason: "the path is not absolute")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .invalidDistribution(path, reason: "no such directory")
        }
        guard FileManager.default.isExecutableFile(atPath: path + "/bin/hdfs") else {
            throw .invalidDistribution(path, reason: "no executable bin/hdfs")
        }
        self.path = path
    }

    /// The release line, from `share/hadoop/common/hadoop-common-X.Y.Z.jar`.
    public var hadoopVersion: HadoopMajorVersion? {
        let jars = (try? FileManager.default.contentsOfDirectory(atPath: path + "/share/hadoop/common")) ?? []
        for jar in jars where jar.hasPrefix("hadoop-common-") && jar.hasSuffix(".jar") && !jar.contains("tests") {
            let version = jar.dropFirst("hadoop-common-".count).dropLast(".jar".count)
            if let major = try? HadoopMajorVersion(parsing: String(version)) { return major }
        }
        return nil
    }

    /// HDFS, plus YARN and history when the ResourceManager's jar is there.
    public var components: Set<Component> {
        let yarn = (try? FileManager.default.contentsOfDirectory(atPath: path + "/share/hadoop/yarn")) ?? []
        return yarn.contains { $0.hasPrefix("hadoop-yarn-server-resourcemanager") } ? Set(Component.allCases) : [.hdfs]
    }

    /// The image's profile with this distribution's version and components.
    public func profile(mountedOver image: ImageProfile) -> ImageProfile {
        var profile = image
        if let hadoopVersion { profile.hadoopVersion = hadoopVersion }
        profile.components = components
        return profile
    }
}
