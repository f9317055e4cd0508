/// What hind knows about a Hadoop image: its release line, the components it can run and
/// where a named volume for data can be mounted so that the image's user can write to it.
///
/// hind's own images say this in `io.hind.*` labels; for other images it is inferred from
/// the reference (`apache/hadoop:3.4.1` → Hadoop 3, every component).
public struct ImageProfile: Hashable, Codable, Sendable {
    /// The image built offline by `scripts/build-offline-image`: Hadoop 2.7.3, HDFS only.
    public static let offlineReference = "hind/hadoop:2.7.3-offline"
    /// The image hind uses when a registry is reachable.
    public static let onlineReference = "apache/hadoop:3.4.1"

    public enum Label {
        public static let hadoopVersion = "io.hind.hadoop.version"
        public static let components = "io.hind.components"
        public static let dataDirectory = "io.hind.data-dir"
        /// `name:uid:gid` of the user the daemons run as, for images whose default user is root.
        public static let user = "io.hind.user"
        /// Where the image keeps an empty namespace formatted at build time, with the home
        /// directory of the user `namespaceTemplateUser` names (hind's offline image).
        public static let namespaceTemplate = "io.hind.namespace-template"
        public static let namespaceTemplateUser = "io.hind.namespace-template.user"
    }

    public var reference: String
    public var hadoopVersion: HadoopMajorVersion
    /// The components whose daemons exist in the image.
    public var components: Set<Component>
    /// A directory that exists in the image, owned by (or writable for) the image's user:
    /// Docker copies its ownership into the empty named volume mounted over it.
    public var dataDirectory: String
    /// Whom the daemons run as: `name`, `uid` or `uid:gid`, resolved in the container by
    /// the launcher, which starts as root only to give the data directory to this user
    /// (see `LauncherScript`). Nil: the image's user, which is root.
    public var user: String?
    /// The user's name, when known: the HDFS user whose home `up` creates.
    public var userName: String?
    /// A directory of the image holding an empty namespace (`current/`) formatted at
    /// build time by ``namespaceTemplateUser``, with that user's `/user/<name>`: a new
    /// NameNode copies it instead of running a format JVM (``LauncherScript``). Nil for
    /// images without one.
    public var namespaceTemplate: String?
    public var namespaceTemplateUser: String?

    public init(
        reference: String,
        hadoopVersion: HadoopMajorVersion,
        components: Set<Component> = Set(Component.allCases),
        dataDirectory: String = "/data",
        user: String? = nil,
        userName: String? = nil
    ) {
        self.reference = reference
        self.hadoopVersion = hadoopVersion
        self.components = components
        self.dataDirectory = dataDirectory
        self.user = user
        self.userName = userName
    }

    /// The profile read from an image's labels and its configured user (`USER` in its
    /// Dockerfile), falling back to `guess(reference:)` for whatever they do not say.
    public init(reference: String, labels: [String: String], configuredUser: String = "") throws(SpecError) {
        var profile = try Self.guess(reference: reference)
        if let version = labels[Label.hadoopVersion] {
            profile.hadoopVersion = try HadoopMajorVersion(parsing: version)
        }
        if let list = labels[Label.components] {
            profile.components = try Component.parseList(list)
        }
        if let directory = labels[Label.dataDirectory], directory.hasPrefix("/") {
            profile.dataDirectory = directory
        }
        if let template = labels[Label.namespaceTemplate], template.hasPrefix("/"),
           let owner = labels[Label.namespaceTemplateUser], !owner.isEmpty {
            profile.namespaceTemplate = template
            profile.namespaceTemplateUser = owner
        }
        if let user = labels[Label.user] {
            let parts = user.split(separator: ":")
            let ids = parts.suffix(2)
            if ids.count == 2, ids.allSatisfy({ Int($0) != nil }) {
                profile.user = ids.joined(separator: ":")
                profile.userName = parts.count == 3 ? String(parts[0]) : nil
            }
        } else if !configuredUser.isEmpty, configuredUser != "root", configuredUser != "0", !configuredUser.hasPrefix("0:") {
            profile.run(as: configuredUser)
        }
        self = profile
    }

    /// Runs the daemons as `user` (`NAME`, `UID`, `NAME:GROUP` or `UID:GID`); its name,
    /// when it has one, is the HDFS user whose home `up` creates.
    public mutating func run(as user: String) {
        self.user = user
        let name = user.split(separator: ":").first.map(String.init) ?? user
        userName = Int(name) == nil ? name : nil
    }

    /// Infers the profile from the reference alone, as `hind render` must without an engine:
    /// the release line from the tag (`3.4.1` → Hadoop 3), every component.
    public static func guess(reference: String) throws(SpecError) -> ImageProfile {
        let parsed = try ImageReference(parsing: reference)
        if reference == offlineReference {
            return ImageProfile(
                reference: reference, hadoopVersion: .v2, components: [.hdfs],
                dataDirectory: "/hadoop/data", user: "1000:1000", userName: "hadoop")
        }
        let version = parsed.tag.flatMap { try? HadoopMajorVersion(parsing: $0) } ?? .v3
        // Apache's images run as `hadoop` (uid 1000, gid 100).
        let apache = parsed.repository == "apache/hadoop" || parsed.repository.hasSuffix("/apache/hadoop")
        return ImageProfile(reference: reference, hadoopVersion: version,
                            user: apache ? "hadoop" : nil, userName: apache ? "hadoop" : nil)
    }
}
