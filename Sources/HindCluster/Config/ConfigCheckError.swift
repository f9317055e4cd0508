/// Why a `--conf` was refused by ``ConfigCheck``: each one line naming the override, the
/// problem and the fix. All of them are bad input.
public enum ConfigCheckError: UserFacingError, Equatable {
    /// A key no defaults file of the image lists and no known family admits.
    case unknownKey(ConfigOverride, defaultsFile: String, origin: String, suggestions: [String])
    /// An old name Hadoop translates; hind asks for today's.
    case deprecatedKey(ConfigOverride, replacement: String, belongsIn: HadoopConfigFile)
    /// A key set in a file where it would be ignored: its daemons read `belongsIn` after
    /// it or not at all (`reason` says which), or hind follows it in `belongsIn` only.
    case wrongFile(ConfigOverride, belongsIn: HadoopConfigFile, reason: String)
    /// A value the key's typed getter cannot read.
    case wrongType(ConfigOverride, ConfigValueType, defaultValue: String)
    /// The image's jars carry no defaults for the file (YARN's in an HDFS-only image).
    case noDefaults(ConfigOverride, defaultsFile: String, origin: String)

    public var isBadInput: Bool { true }

    public var override: ConfigOverride {
        switch self {
        case let .unknownKey(o, _, _, _), let .deprecatedKey(o, _, _), let .wrongFile(o, _, _), let .wrongType(o, _, _), let .noDefaults(o, _, _): o
        }
    }

    public var description: String {
        let conf = "--conf \(override.description)"
        let escape = "or pass it on purpose with --conf-unchecked"
        switch self {
        case let .unknownKey(o, file, origin, suggestions):
            let hint = suggestions.isEmpty
                ? "check its spelling against \(file)"
                : "did you mean \(suggestions.joined(separator: " or "))?"
            return "unknown key '\(o.key)' in \(conf): the \(file) of \(origin) does not list it, and Hadoop ignores keys it does not know; \(hint) (\(escape))"
        case let .deprecatedKey(o, replacement, file):
            return "deprecated key '\(o.key)' in \(conf): Hadoop reads it as \(replacement), the name hind honours; use --conf \(file.rawValue):\(replacement)=\(o.value)"
        case let .wrongFile(o, file, reason):
            return "key '\(o.key)' in \(conf) belongs in \(file.rawValue): \(reason); use --conf \(file.rawValue):\(o.key)=\(o.value)"
        case let .wrongType(o, type, defaultValue):
            return "invalid value '\(o.value)' in \(conf): \(o.key) takes \(type.expectation) (its default is \(defaultValue)), and Hadoop would ignore this one or fail to start; use e.g. --conf \(o.file.rawValue):\(o.key)=\(defaultValue)"
        case let .noDefaults(o, file, origin):
            return "cannot check \(conf): the image \(origin) has no \(file) in its jars, so none of its daemons reads \(o.file.fileName); drop the --conf, use an image with that component, \(escape)"
        }
    }
}
