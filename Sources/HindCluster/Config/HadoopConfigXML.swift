import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a Hadoop configuration file (`<configuration><property><name>…<value>…`) into
/// its keys and values: the `*-default.xml` files of the jars, or a site file.
public enum HadoopConfigXML {
    /// Why a file could not be read.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { "not a Hadoop configuration file: \(message)" }
    }

    /// The properties in document order; a later duplicate wins, as in Hadoop.
    public static func properties(_ data: [UInt8]) throws(ParseError) -> [String: String] {
        try read(data).properties
    }

    /// The properties, and the names of properties documented only inside comments
    /// (Hadoop 2.7's mapred-default.xml describes `mapreduce.map.java.opts` that way:
    /// a key MapReduce reads, with no default value).
    public static func read(_ data: [UInt8]) throws(ParseError) -> (properties: [String: String], commented: Set<String>) {
        let delegate = PropertyCollector()
        let parser = XMLParser(data: Data(data))
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseError(message: parser.parserError.map { "\($0.localizedDescription) at line \(parser.lineNumber)" } ?? "unreadable XML")
        }
        guard delegate.sawConfiguration else { throw ParseError(message: "no <configuration> element") }
        return (delegate.properties, delegate.commented.subtracting(delegate.properties.keys))
    }

    private final class PropertyCollector: NSObject, XMLParserDelegate {
        var properties: [String: String] = [:]
        var sawConfiguration = false
        var commented: Set<String> = []
        private var name: String?
        private var value: String?
        private var text = ""
        private var inProperty = false

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            switch element {
            case "configuration": sawConfiguration = true
            case "property": inProperty = true; name = nil; value = nil
            default: break
            }
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundComment comment: String) {
            var rest = Substring(comment)
            while let open = rest.range(of: "<name>"), let close = rest[open.upperBound...].range(of: "</name>") {
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
                if !name.isEmpty, !name.contains(where: \.isWhitespace) { commented.insert(name) }
                rest = rest[close.upperBound...]
            }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            guard inProperty else { return }
            switch element {
            // Hadoop trims names; values keep their spaces except around the ends.
            case "name": name = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case "value": value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case "property":
                inProperty = false
                if let name, !name.isEmpty { properties[name] = value ?? "" }
            default: break
            }
        }
    }
}
