import Foundation

/// Writes Hadoop's `<configuration>` XML.
public enum HadoopXML {
    /// The document for `properties`, in order, with names and values escaped.
    public static func document(_ properties: [HadoopProperty], comment: String? = nil) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        if let comment {
            // "--" may not appear inside an XML comment; "---" needs more than one pass.
            var text = comment
            while text.contains("--") { text = text.replacingOccurrences(of: "--", with: "- -") }
            if text.hasSuffix("-") { text += " " }
            xml += "<!-- \(text) -->\n"
        }
        xml += "<configuration>\n"
        for property in properties {
            xml += "  <property>\n"
            xml += "    <name>\(escape(property.name))</name>\n"
            xml += "    <value>\(escape(property.value))</value>\n"
            xml += "  </property>\n"
        }
        xml += "</configuration>\n"
        return xml
    }

    /// Escapes the five characters XML reserves, so any value round-trips through a parser.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
