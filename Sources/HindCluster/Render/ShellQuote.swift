/// Quoting for POSIX sh.
public enum ShellQuote {
    /// `text` as one single-quoted word: the shell expands nothing inside single quotes,
    /// so `$(…)`, backquotes, `"` and newlines arrive verbatim. A `'` is written as `'\''`.
    public static func quote(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
    }

    /// `NAME='value'`, for a variable name that is a valid shell identifier.
    public static func assignment(_ name: String, _ value: String) -> String {
        precondition(isIdentifier(name), "not a shell identifier: \(name)")
        return "\(name)=\(quote(value))"
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }
}
