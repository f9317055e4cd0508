/// One of the `*-site.xml` files a Hadoop daemon reads.
public enum HadoopConfigFile: String, CaseIterable, Codable, Sendable, Comparable {
    case coreSite = "core-site"
    case hdfsSite = "hdfs-site"
    case yarnSite = "yarn-site"
    case mapredSite = "mapred-site"
    /// The CapacityScheduler's queues (the ResourceManager's default scheduler).
    case capacityScheduler = "capacity-scheduler"

    /// Accepts `hdfs-site` and `hdfs-site.xml`.
    public init(parsing text: String) throws(SpecError) {
        let name = text.hasSuffix(".xml") ? String(text.dropLast(4)) : text
        guard let file = HadoopConfigFile(rawValue: name) else { throw .unknownConfigFile(text) }
        self = file
    }

    public var fileName: String { rawValue + ".xml" }

    public static func < (lhs: HadoopConfigFile, rhs: HadoopConfigFile) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
