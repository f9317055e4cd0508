import Foundation
import HindCluster
import ZipReader

/// Reads Hadoop's `*-default.xml` files out of the jars that carry them, from a
/// distribution on the host (`--dist`) or from the jar bytes an image's archive yields
/// (``DockerProvider/hadoopDefaults(of:)``).
public enum HadoopDefaultsReader {
    /// One file's keys and values, and the keys it documents only in comments.
    public typealias Keys = (properties: [String: String], commented: Set<String>)

    /// Why the defaults could not be read.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// Whether a file name of `share/hadoop/<component>/` is a jar that may carry `file`:
    /// the component's own jars, not its tests, sources or docs.
    public static func mayCarry(_ name: String, _ file: HadoopDefaults.File) -> Bool {
        name.hasPrefix(file.jarPrefix) && name.hasSuffix(".jar")
            && !["-tests", "-sources", "-javadoc"].contains { name.contains($0) }
    }

    /// The keys of `file` in `jar` (with those it documents only in comments), or nil
    /// when the jar does not carry it.
    public static func properties(of file: HadoopDefaults.File, inJar jar: [UInt8], named name: String) throws -> Keys? {
        do {
            guard let xml = try ZipArchive(bytes: jar).contents(named: file.rawValue) else { return nil }
            return try HadoopConfigXML.read(xml)
        } catch {
            throw ReadError("cannot read \(file.rawValue) from \(name): \(error)")
        }
    }

    /// The four files of the distribution at `path` (each jar of `share/hadoop/<component>`
    /// in name order until one carries it); a file no jar carries is left out.
    public static func read(distribution path: String) throws -> HadoopDefaults {
        var files: [HadoopDefaults.File: Keys] = [:]
        for file in HadoopDefaults.File.allCases {
            let directory = "\(path)/share/hadoop/\(file.shareDirectory)"
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            for name in names where mayCarry(name, file) {
                guard let jar = FileManager.default.contents(atPath: "\(directory)/\(name)") else {
                    throw ReadError("cannot read \(directory)/\(name)")
                }
                if let properties = try properties(of: file, inJar: Array(jar), named: name) {
                    files[file] = properties
                    break
                }
            }
        }
        guard files[.core] != nil else {
            throw ReadError("no hadoop-common jar with core-default.xml in \(path)/share/hadoop/common")
        }
        return defaults(files, origin: path)
    }

    /// The defaults made of the keys read from each file.
    static func defaults(_ files: [HadoopDefaults.File: Keys], origin: String) -> HadoopDefaults {
        HadoopDefaults(files: files.mapValues(\.properties), commented: files.mapValues(\.commented), origin: origin)
    }
}
