/// An image reference as Docker reads it: `[registry[:port]/]path[:tag][@digest]`.
///
/// The one parser of references in hind: the profile guessed from a reference and the
/// pull request both come from it. It follows the grammar of Docker's
/// `distribution/reference` package, so a reference the engine would refuse (with an
/// HTTP 400 after hind had started) is bad input here, before any engine call.
public struct ImageReference: Hashable, Sendable, CustomStringConvertible {
    /// Everything before the tag and digest: `registry:5000/team/hadoop`.
    public var repository: String
    public var tag: String?
    /// `sha256:…` when the reference pins a digest.
    public var digest: String?

    public init(parsing text: String) throws(SpecError) {
        func refuse(_ problem: String) -> SpecError { .invalidImageReference(text, problem: problem) }
        guard !text.isEmpty else { throw refuse("it is empty") }
        var rest = Substring(text)
        if let at = rest.firstIndex(of: "@") {
            let digest = rest[rest.index(after: at)...]
            guard Self.isDigest(digest) else { throw refuse("the digest '\(digest)' is not ALGORITHM:HEX, e.g. sha256: and 64 hex digits") }
            self.digest = String(digest)
            rest = rest[..<at]
        }
        // A colon after the last slash starts the tag; one before it is a registry's port.
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[lastSlash...].lastIndex(of: ":") {
            let tag = rest[rest.index(after: colon)...]
            guard Self.isTag(tag) else { throw refuse("the tag '\(tag)' is not 1 to 128 letters, digits, '_', '.' or '-' (not starting with '.' or '-')") }
            self.tag = String(tag)
            rest = rest[..<colon]
        }
        guard !rest.isEmpty else { throw refuse("it has no name") }
        guard rest.count <= 255 else { throw refuse("the name is longer than 255 characters") }
        var components = rest.split(separator: "/", omittingEmptySubsequences: false)
        // The first component is a registry when it looks like a host (Docker's rule).
        if components.count > 1, let first = components.first,
           first.contains(".") || first.contains(":") || first == "localhost" || first.contains(where: \.isUppercase) {
            guard Self.isRegistry(first) else { throw refuse("the registry '\(first)' is not HOST[:PORT]") }
            components.removeFirst()
        }
        for component in components where !Self.isPathComponent(component) {
            throw refuse(component.isEmpty
                ? "it has an empty path component"
                : "'\(component)' must be lowercase letters and digits, separated by '.', '_', '__' or dashes")
        }
        repository = String(rest)
    }

    /// `[a-z0-9]+` runs joined by `.`, `_`, `__` or any number of `-`.
    static func isPathComponent(_ text: Substring) -> Bool {
        let alphanumeric = { (c: Character) in c.isASCII && (c.isLowercase || c.isNumber) }
        guard let first = text.first, let last = text.last, alphanumeric(first), alphanumeric(last) else { return false }
        var separator = ""
        for character in text {
            if alphanumeric(character) {
                guard separator.isEmpty || separator == "." || separator == "_" || separator == "__" || separator.allSatisfy({ $0 == "-" }) else { return false }
                separator = ""
            } else if ".-_".contains(character) {
                separator.append(character)
            } else {
                return false
            }
        }
        return true
    }

    /// Dot-separated host labels (letters, digits, inner dashes), then an optional port.
    static func isRegistry(_ text: Substring) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        }
        return parts[0].split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            let isAlphanumeric = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber) }
            return isAlphanumeric(first) && isAlphanumeric(last) && label.allSatisfy { isAlphanumeric($0) || $0 == "-" }
        }
    }

    /// `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
    static func isTag(_ text: Substring) -> Bool {
        let word = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "_") }
        guard let first = text.first, word(first), text.count <= 128 else { return false }
        return text.allSatisfy { word($0) || $0 == "." || $0 == "-" }
    }

    /// `algorithm:hex`, at least 32 hex digits (sha256 has 64).
    static func isDigest(_ text: Substring) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let algorithm = parts.first, let first = algorithm.first, first.isASCII, first.isLowercase || first.isNumber,
              algorithm.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "+._-".contains($0)) })
        else { return false }
        return parts[1].count >= 32 && parts[1].allSatisfy(\.isHexDigit)
    }

    /// The last path component: `hadoop` for `apache/hadoop:3.4.1`.
    public var name: Substring { repository.split(separator: "/").last ?? Substring(repository) }

    /// What the engine's pull takes as its `tag`: the digest when pinned, else the tag,
    /// else `latest` (an empty tag would pull every tag).
    public var pullTag: String { digest ?? tag ?? "latest" }

    public var description: String {
        repository + (tag.map { ":\($0)" } ?? "") + (digest.map { "@\($0)" } ?? "")
    }
}
