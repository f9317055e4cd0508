/// The keys and values of the `*-default.xml` files one Hadoop distribution ships in its
/// jars: what its daemons know. Hadoop ignores a key it does not know in silence, so this
/// is what a `--conf` key is checked against (``ConfigCheck``).
public struct HadoopDefaults: Hashable, Codable, Sendable {
    /// One defaults file and the jar of a distribution that carries it.
    public enum File: String, CaseIterable, Codable, Sendable, Comparable {
        case core = "core-default.xml"
        case hdfs = "hdfs-default.xml"
        case yarn = "yarn-default.xml"
        case mapred = "mapred-default.xml"

        /// The directory under `share/hadoop` of a distribution that holds the jar.
        public var shareDirectory: String {
            switch self {
            case .core: "common"
            case .hdfs: "hdfs"
            case .yarn: "yarn"
            case .mapred: "mapreduce"
            }
        }

        /// The jar's name without `-VERSION.jar` (Hadoop 3 keeps `hdfs-default.xml` in
        /// `hadoop-hdfs`, while its client classes moved to `hadoop-hdfs-client`).
        public var jarPrefix: String {
            switch self {
            case .core: "hadoop-common-"
            case .hdfs: "hadoop-hdfs-"
            case .yarn: "hadoop-yarn-common-"
            case .mapred: "hadoop-mapreduce-client-core-"
            }
        }

        /// The defaults behind a site file; the CapacityScheduler's file has none.
        public init?(for file: HadoopConfigFile) {
            switch file {
            case .coreSite: self = .core
            case .hdfsSite: self = .hdfs
            case .yarnSite: self = .yarn
            case .mapredSite: self = .mapred
            case .capacityScheduler: return nil
            }
        }

        /// The component whose jars carry the file (core's is everyone's: HDFS).
        public var component: Component {
            switch self {
            case .core, .hdfs: .hdfs
            case .yarn, .mapred: .yarn
            }
        }

        /// The site file a key of this defaults file belongs in.
        public var siteFile: HadoopConfigFile {
            switch self {
            case .core: .coreSite
            case .hdfs: .hdfsSite
            case .yarn: .yarnSite
            case .mapred: .mapredSite
            }
        }

        public static func < (lhs: File, rhs: File) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Each file found, key → default value. A file the distribution lacks (YARN's in an
    /// HDFS-only image) is absent.
    public var files: [File: [String: String]]
    /// Keys each file documents only in a comment, without a default value.
    public var commented: [File: Set<String>]
    /// Where they were read from, for messages: an image or a directory.
    public var origin: String

    public init(files: [File: [String: String]], commented: [File: Set<String>] = [:], origin: String) {
        self.files = files
        self.commented = commented
        self.origin = origin
    }

    /// Whether `file` lists or documents `key`.
    public func documents(_ key: String, in file: File) -> Bool {
        files[file]?[key] != nil || commented[file]?.contains(key) == true
    }

    /// The default value of `key` in `file`, if the file lists it.
    public func value(of key: String, in file: File) -> String? {
        files[file]?[key]
    }

    /// The last file (of core, hdfs, yarn, mapred) that lists or documents `key`: a
    /// daemon loads its component's defaults after core's, so a key both list is the
    /// component's.
    public func file(listing key: String) -> File? {
        File.allCases.last { documents(key, in: $0) }
    }
}
