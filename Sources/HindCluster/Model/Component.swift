import Foundation

/// A Hadoop service family a cluster can run.
public enum Component: String, CaseIterable, Codable, Sendable, Comparable {
    /// NameNode plus a DataNode on every worker.
    case hdfs
    /// ResourceManager plus a NodeManager on every worker.
    case yarn
    /// MapReduce JobHistory server.
    case history

    /// Parses a comma-separated list such as `hdfs,yarn`; order and repeats do not matter.
    ///
    /// HDFS is always included (every other component stores its data there), and
    /// `history` needs `yarn`.
    public static func parseList(_ text: String) throws(SpecError) -> Set<Component> {
        var components: Set<Component> = [.hdfs]
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let component = Component(rawValue: name) else {
                throw .unknownComponent(String(item))
            }
            components.insert(component)
        }
        try validate(components)
        return components
    }

    /// Checks that the dependencies between components are met.
    public static func validate(_ components: Set<Component>) throws(SpecError) {
        for component in components.sorted() {
            for required in component.requires where !components.contains(required) {
                throw .componentRequires(component, required)
            }
        }
    }

    /// The components `self` cannot run without.
    public var requires: [Component] {
        switch self {
        case .hdfs: []
        case .yarn: [.hdfs]
        case .history: [.hdfs, .yarn]
        }
    }

    /// The list in canonical order (hdfs, yarn, history).
    public static func ordered(_ components: some Sequence<Component>) -> [Component] {
        Set(components).sorted()
    }

    public static func < (lhs: Component, rhs: Component) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
